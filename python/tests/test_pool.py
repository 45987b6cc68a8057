"""The worker pool: lazy start, restarts, retries, thread and asyncio safety, fork safety, and clean exit."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import mathcheck
from conftest import BINARY, PYTHON_DIR

RESPONSES = ["Yes, 91 is prime.", "No, 91 = 7 × 13.", "2 + 2 = 4", "I would use a calculator."] * 100
PROMPTS = ["Is 91 prime?", "Is 91 prime?", "", "Is 91 prime?"] * 100
EXPECTED = [0.0, 1.0, 1.0, None] * 100


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is not running: read its state.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_processes_start_lazily_and_close() -> None:
    pool = mathcheck.WorkerPool(size=2)
    assert pool.processes == []
    assert mathcheck.score_batch(RESPONSES[:4], PROMPTS[:4], pool=pool) == EXPECTED[:4]
    assert len(pool.processes) == 1  # a small batch goes to one worker
    assert mathcheck.score_batch(RESPONSES, PROMPTS, pool=pool) == EXPECTED
    pids = [p.pid for p in pool.processes]
    assert len(pids) == 2
    pool.close()
    assert pool.processes == []
    assert not any(_alive(pid) for pid in pids)
    # Used again, it starts afresh.
    assert mathcheck.score_batch(RESPONSES[:4], PROMPTS[:4], pool=pool) == EXPECTED[:4]
    pool.close()


def test_a_dead_worker_is_replaced() -> None:
    with mathcheck.WorkerPool(size=1) as pool:
        assert mathcheck.score_batch(RESPONSES, PROMPTS, pool=pool) == EXPECTED
        (proc,) = pool.processes
        os.kill(proc.pid, signal.SIGKILL)
        proc.proc.wait()
        assert mathcheck.score_batch(RESPONSES, PROMPTS, pool=pool) == EXPECTED
        assert pool.restarts == 1
        assert pool.processes[0].pid != proc.pid


def _wrapper(tmp_path: Path, body: str) -> str:
    script = tmp_path / "mathcheck"
    script.write_text("#!/bin/sh\n" + body.replace("REAL", BINARY) + "\n")
    script.chmod(0o755)
    return str(script)


def test_a_worker_dying_mid_batch_has_its_requests_retried(tmp_path: Path) -> None:
    state = tmp_path / "started"
    # The first worker answers 7 requests and dies; the next ones behave.
    wrapper = _wrapper(tmp_path, f'if [ ! -e {state} ]; then touch {state}; head -n 7 | REAL "$@"; exit 9; fi\nexec REAL "$@"')
    with mathcheck.WorkerPool(size=1, binary=wrapper) as pool:
        results = mathcheck.audit_batch(RESPONSES, PROMPTS, pool=pool)
        assert [r.score for r in results] == EXPECTED
        assert pool.restarts == 1
        assert pool.started == 2


def test_requests_unanswered_twice_get_error_results(tmp_path: Path) -> None:
    wrapper = _wrapper(tmp_path, 'head -n 3 | REAL "$@"; exit 3')
    with mathcheck.WorkerPool(size=1, binary=wrapper) as pool:
        results = mathcheck.audit_batch(RESPONSES[:20], PROMPTS[:20], pool=pool)
        # The first worker answered 3 and the second 3 more; the rest are errors, and nothing is lost or moved.
        assert [r.score for r in results[:6]] == EXPECTED[:6]
        assert all(r.verdict == "invalid" for r in results[6:])
        assert "sent twice" in (results[-1].error or "")
        assert mathcheck.score_batch(RESPONSES[:20], PROMPTS[:20], pool=pool)[6:] == [None] * 14


def test_a_hanging_worker_times_out(tmp_path: Path) -> None:
    wrapper = _wrapper(tmp_path, "exec sleep 60")
    with mathcheck.WorkerPool(size=1, binary=wrapper, timeout=0.5) as pool:
        start = time.monotonic()
        results = mathcheck.audit_batch(RESPONSES[:3], PROMPTS[:3], pool=pool)
        assert time.monotonic() - start < 10
        assert [r.verdict for r in results] == ["invalid"] * 3
        assert "no reply within" in (results[0].error or "")


def test_threads_share_a_pool() -> None:
    pool = mathcheck.WorkerPool(size=2)
    failures = []

    def work(k: int) -> None:
        try:
            for _ in range(5):
                n = 37 + k * 11
                got = mathcheck.score_batch(RESPONSES[:n], PROMPTS[:n], pool=pool)
                if got != EXPECTED[:n]:
                    failures.append((k, got))
        except Exception as error:  # pragma: no cover - reported below
            failures.append((k, error))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert len(pool.processes) <= 2
    pool.close()


def test_asyncio_tasks_share_a_pool() -> None:
    async def main() -> None:
        with mathcheck.WorkerPool(size=2) as pool:
            batches = await asyncio.gather(
                *(mathcheck.ascore_batch(RESPONSES[: 50 + k], PROMPTS[: 50 + k], pool=pool) for k in range(12))
            )
            assert batches == [EXPECTED[: 50 + k] for k in range(12)]

    asyncio.run(main())


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork")
def test_a_forked_child_starts_its_own_workers() -> None:
    pool = mathcheck.WorkerPool(size=1)
    assert mathcheck.score_batch(RESPONSES[:4], PROMPTS[:4], pool=pool) == EXPECTED[:4]
    parent_pid = pool.processes[0].pid
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        try:
            ok = mathcheck.score_batch(RESPONSES[:4], PROMPTS[:4], pool=pool) == EXPECTED[:4]
            other = all(p.pid != parent_pid for p in pool.processes)
            os.write(write, b"1" if ok and other else b"0")
            pool.close()
        finally:
            os._exit(0)
    os.close(write)
    answer = os.read(read, 1)
    os.waitpid(child, 0)
    assert answer == b"1"
    # The parent's worker is untouched.
    assert mathcheck.score_batch(RESPONSES[:4], PROMPTS[:4], pool=pool) == EXPECTED[:4]
    assert pool.processes[0].pid == parent_pid
    pool.close()
    assert not _alive(parent_pid)


def test_no_worker_outlives_the_interpreter() -> None:
    program = textwrap.dedent(
        """
        import atexit, json, os, sys
        from pathlib import Path

        def children():
            found = []
            for stat in Path("/proc").glob("[0-9]*/stat"):
                try:
                    fields = stat.read_text().rsplit(") ", 1)[1].split()
                except (OSError, IndexError):
                    continue
                if int(fields[1]) == os.getpid():
                    found.append(int(stat.parent.name))
            return found

        # Registered before mathcheck is imported, so it runs after mathcheck's own exit handler.
        atexit.register(lambda: print("children at exit:", json.dumps(children()), flush=True))
        import mathcheck
        scores = mathcheck.score_batch(["Yes, 91 is prime."] * 300, ["Is 91 prime?"] * 300)
        assert scores == [0.0] * 300
        mathcheck.audit("2 + 2 = 4")
        print(json.dumps([p.pid for p in mathcheck.get_pool().processes]), flush=True)
        assert sorted(children()) == sorted(p.pid for p in mathcheck.get_pool().processes)
        """
    )
    env = dict(os.environ, PYTHONPATH=str(PYTHON_DIR), MATHCHECK_BINARY=BINARY)
    done = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    first, last = done.stdout.strip().split("\n")
    pids = json.loads(first)
    assert pids, "the program started no worker"
    assert last == "children at exit: []"
    assert not any(_alive(pid) for pid in pids)
    # A program killed outright leaves none either: its workers see their input end, and exit.
    killed = subprocess.Popen(
        [sys.executable, "-c", program + "\nimport time\ntime.sleep(60)\n"], env=env, stdout=subprocess.PIPE, text=True
    )
    assert killed.stdout is not None
    pids = json.loads(killed.stdout.readline())
    killed.kill()
    killed.wait()
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in pids)
