"""The ``mathcheck worker`` protocol: one reply per request line, byte-identical to the CLI, flushed as it goes."""

from __future__ import annotations

import json
import math
import os
import select
import subprocess
from pathlib import Path

import pytest

from conftest import BINARY, CORPORA, cli, corpus_lines
from mathcheck._pool import WorkerProcess


@pytest.mark.parametrize("path", CORPORA, ids=lambda p: p.name)
def test_audit_replies_are_the_cli_lines(path: Path) -> None:
    lines = corpus_lines(path)
    expected = cli("audit", str(path), "--format", "jsonl", "--jobs", "1").split(b"\n")[:-1]
    worker = WorkerProcess(BINARY, 1.0)
    try:
        # In batches of 256, as the Python package sends them.
        replies = []
        for i in range(0, len(lines), 256):
            batch = lines[i : i + 256]
            replies += worker.exchange(b"\n".join(batch) + b"\n", len(batch))
    finally:
        worker.close()
    assert len(replies) == len(expected) == len(lines)
    assert replies == expected


@pytest.mark.parametrize("path", CORPORA, ids=lambda p: p.name)
def test_check_replies_are_the_cli_lines(path: Path, tmp_path: Path) -> None:
    lines = [b'{"op":"check",' + line[1:] if line.startswith(b"{") else line for line in corpus_lines(path)]
    requests = tmp_path / "requests.jsonl"
    requests.write_bytes(b"\n".join(lines) + b"\n")
    expected = cli("check", str(requests), "--format", "jsonl", "--jobs", "1")
    assert cli("worker", stdin=requests.read_bytes()) == expected
    # The op is only routing: the CLI gives the same lines for the records without it.
    assert cli("check", str(path), "--format", "jsonl", "--jobs", "1") == expected


def test_mixed_ops_in_one_stream() -> None:
    audit = b'{"id":1,"prompt":"Is 91 prime?","response":"Yes, 91 is prime."}'
    check = b'{"op":"check","id":2,"prompt":"Is 91 prime?","response":"No: 91 = 7 \\u00d7 13.","reference":"No"}'
    explicit = b'{"op":"audit","id":3,"response":"2 + 2 = 5"}'
    replies = cli("worker", stdin=b"\n".join([audit, check, explicit]) + b"\n").split(b"\n")[:-1]
    assert replies[0] == cli("audit", "-", "--format", "jsonl", stdin=audit).rstrip(b"\n")
    second = json.loads(replies[1])
    assert (second["line"], second["id"], second["known"], second["agrees"]) == (2, 2, "correct", True)
    third = json.loads(replies[2])
    assert (third["line"], third["id"], third["verdict"]) == (3, 3, "wrong")


def test_the_op_prefix_read_without_a_parse_routes_as_the_parse_would() -> None:
    lines = [
        b'{"op":"check","op":"audit","prompt":"Is 91 prime?","response":"No.","reference":"No"}',
        b'{"op":"check", broken',
        b'{"op":"audit","response":"2 + 2 = 5"}',
        b'{ "op" : "check", "response": "No.", "reference": "No", "prompt": "Is 91 prime?"}',
        b'{"id":1,"op":"check","response":"No.","reference":"No","prompt":"Is 91 prime?"}',
    ]
    replies = [json.loads(r) for r in cli("worker", stdin=b"\n".join(lines) + b"\n").split(b"\n")[:-1]]
    assert replies[0]["known"] == "correct"  # the first "op" counts, as for a parsed line
    assert replies[1] == {"line": 2, "verdict": "invalid", "error": replies[1]["error"]}
    assert replies[1]["error"] == json.loads(cli("audit", "-", "--format", "jsonl", stdin=lines[1]))["error"]
    assert replies[2]["verdict"] == "wrong" and "claims" in replies[2]
    assert replies[3]["known"] == replies[4]["known"] == "correct"


def test_malformed_lines_get_invalid_replies_and_the_worker_goes_on() -> None:
    stdin = b"\n".join(
        [
            b"not json",
            b"",
            b"[1, 2]",
            b'{"prompt": "no response"}',
            b'{"op": "grade", "id": "x", "response": "1 + 1 = 2"}',
            b'{"op": 7, "response": "1 + 1 = 2"}',
            b"\xff\xfe",
            b'{"response": "1 + 1 = 3"}',
        ]
    )
    replies = [json.loads(r) for r in cli("worker", stdin=stdin).split(b"\n")[:-1]]
    assert len(replies) == 8
    assert [r["line"] for r in replies] == list(range(1, 9))
    for reply in replies[:7]:
        assert reply["verdict"] == "invalid", reply
        assert reply["error"]
    assert replies[1]["error"] == "empty line"
    assert replies[4] == {"line": 5, "id": "x", "verdict": "invalid", "error": '"op" must be "audit", "check" or "steps", not "grade"'}
    assert replies[7]["verdict"] == "wrong"


def test_each_line_is_answered_before_the_input_ends() -> None:
    proc = subprocess.Popen([BINARY, "worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
    try:
        for n in range(1, 4):
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write(json.dumps({"response": f"{n} + 1 = {n + 1}"}).encode() + b"\n")
            ready, _, _ = select.select([proc.stdout], [], [], 10)
            assert ready, "no reply while the input stays open"
            reply = b""
            while not reply.endswith(b"\n"):
                reply += os.read(proc.stdout.fileno(), 65536)
            assert json.loads(reply)["line"] == n
            assert json.loads(reply)["verdict"] == "correct"
    finally:
        proc.stdin.close()  # type: ignore[union-attr]
        assert proc.wait(timeout=10) == 0


def test_a_last_line_without_newline_is_answered() -> None:
    replies = cli("worker", stdin=b'{"response":"1 + 1 = 2"}\n{"response":"1 + 1 = 3"}').split(b"\n")
    assert replies[-1] == b""
    assert [json.loads(r)["verdict"] for r in replies[:-1]] == ["correct", "wrong"]


def test_long_lines_are_read_whole() -> None:
    response = "The sum 1 + 1 = 2 holds. " + "padding " * 200_000 + "And 2 + 2 = 5."
    line = json.dumps({"response": response}).encode()
    assert len(line) > 1 << 20
    reply = json.loads(cli("worker", stdin=line + b"\n"))
    assert reply == json.loads(cli("audit", "-", "--format", "jsonl", stdin=line + b"\n"))
    assert reply["verdict"] == "wrong"


def _expensive_record() -> bytes:
    """16 claims that 6000-bit numbers without a factor below 1024 are prime: a Miller-Rabin test each."""
    small = 1
    for p in range(2, 1024):
        if all(p % q for q in range(2, int(p**0.5) + 1)):
            small *= p
    numbers = []
    k = 1
    while len(numbers) < 16:
        n = 2**6000 + k
        k += 2
        if math.gcd(n, small) == 1:
            numbers.append(n)
    return json.dumps({"response": " ".join(f"{n} is prime." for n in numbers)}).encode() + b"\n"


def test_the_record_budget_applies() -> None:
    line = _expensive_record()
    # The clock is read every eighth claim: with a 1 ms budget the first eight are checked, the rest are not.
    tight = json.loads(cli("worker", "--record-timeout", "0.001", stdin=line))
    reasons = [c.get("reason") for c in tight["claims"]]
    assert reasons.count("budget") == 8, tight
    assert tight["verdict"] == "wrong"
    assert tight == json.loads(cli("audit", "-", "--format", "jsonl", "--record-timeout", "0.001", stdin=line))
    # Without a limit every claim is checked (the default budget, 1 s, is also enough on this machine).
    free = json.loads(cli("worker", "--record-timeout", "0", stdin=line))
    assert all(c["verdict"] == "wrong" for c in free["claims"])


def test_bad_record_timeout_is_a_usage_error() -> None:
    result = subprocess.run([BINARY, "worker", "--record-timeout", "-1"], input=b"", capture_output=True)
    assert result.returncode == 2
    assert b"record-timeout" in result.stderr
