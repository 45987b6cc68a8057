"""Persistent ``mathcheck worker`` processes, and the pool that spreads batches over them."""

from __future__ import annotations

import atexit
import math
import os
import select
import subprocess
import threading
import time
import weakref
from concurrent.futures import ThreadPoolExecutor
from typing import Iterable, Iterator, List, Optional, Sequence, Union

from ._binary import find_binary

__all__ = ["WorkerPool", "WorkerDied"]

#: A chunk sent to one worker holds at least this many request lines (smaller batches go to one worker).
MIN_CHUNK = 64

_READ_SIZE = 1 << 20
_WRITE_SIZE = 1 << 16


class WorkerDied(RuntimeError):
    """A worker process ended (or stopped answering) before it answered every request sent to it."""

    def __init__(self, message: str, replies: List[bytes]) -> None:
        super().__init__(message)
        #: The replies received before it died, in order.
        self.replies = replies


def _error_reply(message: str) -> bytes:
    import json

    return json.dumps({"verdict": "invalid", "error": message}, ensure_ascii=False).encode("utf-8")


class WorkerProcess:
    """One ``mathcheck worker`` process, spoken to over pipes.

    Not thread-safe by itself: the pool hands a process to one thread at a time.
    """

    def __init__(self, binary: str, record_timeout: float) -> None:
        self.binary = binary
        self.proc = subprocess.Popen(
            [binary, "worker", "--record-timeout", repr(float(record_timeout))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
            close_fds=True,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self._in = self.proc.stdin.fileno()
        self._out = self.proc.stdout.fileno()
        os.set_blocking(self._in, False)
        os.set_blocking(self._out, False)
        for fd in (self._in, self._out):
            _grow_pipe(fd)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def exchange(self, payload: Union[bytes, Iterable[bytes]], count: int, timeout: Optional[float] = None) -> List[bytes]:
        """Sends ``count`` request lines (each ending in a newline) and returns the ``count`` replies.

        ``payload`` is the bytes of the lines, or an iterable of pieces of them: a piece is asked for only when the
        previous one has been written, so a caller that builds requests lazily does so while the worker answers
        the earlier ones. Writing and reading are interleaved, so neither pipe can fill up and block the other.

        Raises:
            WorkerDied: when the process ends, a pipe breaks, or ``timeout`` seconds pass first; it carries the
                replies that did arrive.
        """
        pieces: Iterator[bytes] = iter((payload,)) if isinstance(payload, (bytes, bytearray)) else iter(payload)
        chunks: List[bytes] = []
        newlines = 0
        view = memoryview(b"")
        sent = 0
        more = True
        deadline = None if timeout is None else time.monotonic() + timeout
        poller = select.poll()
        poller.register(self._out, select.POLLIN)
        writing = False
        try:
            while True:
                # Write until the pipe is full or every piece is written.
                while more:
                    if sent == len(view):
                        piece = next(pieces, None)
                        if piece is None:
                            more = False
                            break
                        view, sent = memoryview(piece), 0
                        continue
                    try:
                        sent += os.write(self._in, view[sent : sent + _WRITE_SIZE])
                    except BlockingIOError:
                        break
                if more and not writing:
                    poller.register(self._in, select.POLLOUT)
                    writing = True
                elif not more and writing:
                    poller.unregister(self._in)
                    writing = False
                if newlines >= count and not more:
                    break
                wait = None if deadline is None else max(0.0, deadline - time.monotonic()) * 1000
                events = poller.poll(wait)
                if not events:
                    self.kill()
                    raise WorkerDied(f"the mathcheck worker gave no reply within {timeout} s", _lines(chunks, newlines))
                for fd, event in events:
                    if fd == self._out:
                        try:
                            data = os.read(self._out, _READ_SIZE)
                        except BlockingIOError:
                            continue
                        if not data:
                            raise WorkerDied(self._death(), _lines(chunks, newlines))
                        chunks.append(data)
                        newlines += data.count(b"\n")
                    elif event & (select.POLLERR | select.POLLHUP):
                        raise WorkerDied(self._death(), _lines(chunks, newlines))
        except BrokenPipeError:
            raise WorkerDied(self._death(), _lines(chunks, newlines)) from None
        except OSError as error:
            self.kill()
            raise WorkerDied(f"the mathcheck worker failed: {error}", _lines(chunks, newlines)) from None
        if newlines > count:
            # More replies than requests: the worker and this client disagree about the stream; start afresh.
            self.kill()
            raise WorkerDied("the mathcheck worker sent more replies than requests", [])
        return _lines(chunks, count)

    def _death(self) -> str:
        try:
            status = self.proc.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            self.kill()
            status = self.proc.returncode
        return f"the mathcheck worker (pid {self.proc.pid}) ended with status {status}"

    def kill(self) -> None:
        """Ends the process at once."""
        try:
            self.proc.kill()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=5.0)
        except subprocess.TimeoutExpired:
            pass
        self._close_pipes()

    def close(self, timeout: float = 2.0) -> None:
        """Closes the process's input (it exits at the end of input), waits for it, and kills it if need be."""
        try:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
        self._close_pipes()

    def _close_pipes(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass


def _lines(chunks: List[bytes], count: int) -> List[bytes]:
    """The first ``count`` complete lines in the chunks, without their newlines."""
    if count <= 0:
        return []
    data = b"".join(chunks)
    return data.split(b"\n", count)[:count]


def _grow_pipe(fd: int) -> None:
    """Asks Linux for a 1 MiB pipe buffer (fewer wake-ups per batch); harmless where that is not possible."""
    try:
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (OSError, ImportError, ValueError):
        pass


_pools: "weakref.WeakSet[WorkerPool]" = weakref.WeakSet()


def _close_all() -> None:
    for pool in list(_pools):
        pool.close()


atexit.register(_close_all)


def _after_fork_in_child() -> None:
    for pool in list(_pools):
        pool._forget()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class WorkerPool:
    """A set of persistent ``mathcheck worker`` processes.

    Processes are started lazily, one per chunk of a batch being answered, up to ``size``. The pool is thread-safe
    (each process serves one thread at a time) and fork-safe (a child process starts its own workers). A process
    that dies is replaced: the requests it did not answer are sent once more to a fresh process, and get an
    ``invalid`` reply naming the failure if that one dies too. Every process is closed by :meth:`close`, when the
    pool is garbage-collected, and at interpreter exit.

    Args:
        size: The most processes at once (default: the number of cores this process may run on).
        binary: The ``mathcheck`` executable (default: :func:`mathcheck.find_binary`).
        record_timeout: The CPU seconds one record may take (``mathcheck worker --record-timeout``; 0: no limit).
        timeout: Seconds a process may take to answer one chunk before it is killed (None: no limit).
    """

    def __init__(
        self,
        size: Optional[int] = None,
        binary: Optional[str] = None,
        record_timeout: float = 1.0,
        timeout: Optional[float] = None,
    ) -> None:
        if size is None:
            size = _cores()
        if size < 1:
            raise ValueError("size must be at least 1")
        if record_timeout < 0 or not math.isfinite(record_timeout):
            raise ValueError("record_timeout must be a finite number ≥ 0")
        self.size = size
        self.binary = find_binary(binary)
        self.record_timeout = record_timeout
        self.timeout = timeout
        self._lock = threading.Condition()
        self._idle: List[WorkerProcess] = []
        self._all: List[WorkerProcess] = []
        self._executor: Optional[ThreadPoolExecutor] = None
        self._pid = os.getpid()
        #: How many processes were started and how many were replaced after dying (for tests and monitoring).
        self.started = 0
        self.restarts = 0
        _pools.add(self)

    # -- processes ---------------------------------------------------------------------------------------------

    def _forget(self) -> None:
        """In a forked child: drop the parent's processes without ending them, and start afresh.

        The child's copies of their pipes are closed, so that a parent's worker still sees the end of its input
        when the parent closes it.
        """
        for proc in self._all:
            proc._close_pipes()
        self._lock = threading.Condition()
        self._idle = []
        self._all = []
        self._executor = None
        self._pid = os.getpid()

    def _acquire(self) -> WorkerProcess:
        if self._pid != os.getpid():
            self._forget()
        with self._lock:
            while True:
                while self._idle:
                    proc = self._idle.pop()
                    if proc.alive():
                        return proc
                    self._all.remove(proc)
                    self.restarts += 1
                if len(self._all) < self.size:
                    proc = WorkerProcess(self.binary, self.record_timeout)
                    self._all.append(proc)
                    self.started += 1
                    return proc
                self._lock.wait()

    def _release(self, proc: WorkerProcess) -> None:
        with self._lock:
            if proc in self._all:
                self._idle.append(proc)
            self._lock.notify()

    def _discard(self, proc: WorkerProcess) -> None:
        proc.kill()
        with self._lock:
            if proc in self._all:
                self._all.remove(proc)
                self.restarts += 1
            self._lock.notify()

    @property
    def processes(self) -> List[WorkerProcess]:
        """The live worker processes (a snapshot)."""
        with self._lock:
            return list(self._all)

    def close(self) -> None:
        """Ends every worker process (the pool starts new ones if it is used again)."""
        if self._pid != os.getpid():
            self._forget()
            return
        with self._lock:
            procs, self._all, self._idle = self._all, [], []
            executor, self._executor = self._executor, None
            self._lock.notify_all()
        for proc in procs:
            proc.close()
        if executor is not None:
            executor.shutdown(wait=False)

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    # -- requests ----------------------------------------------------------------------------------------------

    def request(self, lines: Sequence[Union[str, bytes]]) -> List[bytes]:
        """Sends request lines (JSON, without newlines) and returns one reply line per request, in order.

        The lines are split into up to ``size`` chunks of at least ``MIN_CHUNK`` lines, answered by different
        processes at once; the calling thread serves the first chunk itself. ``lines`` may be a lazy sequence:
        each line is asked for just before it is sent, so building requests overlaps the worker's answering.
        """
        n = len(lines)
        if n == 0:
            return []
        chunks = max(1, min(self.size, n // MIN_CHUNK))
        if chunks == 1:
            return self._answer(lines, 0, n)
        step = -(-n // chunks)
        bounds = [(i, min(n, i + step)) for i in range(0, n, step)]
        executor = self._pool_executor()
        futures = [executor.submit(self._answer, lines, a, b) for a, b in bounds[1:]]
        replies = self._answer(lines, *bounds[0])
        for future in futures:
            replies.extend(future.result())
        return replies

    def _pool_executor(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=max(1, self.size - 1), thread_name_prefix="mathcheck")
            return self._executor

    def _answer(self, lines: Sequence[Union[str, bytes]], start: int, stop: int) -> List[bytes]:
        """Answers lines[start:stop] on one process, retrying once on a fresh process what a dying one left."""
        replies: List[bytes] = []
        failure = ""
        for _attempt in range(2):
            first = start + len(replies)
            proc = self._acquire()
            try:
                replies.extend(proc.exchange(_pieces(lines, first, stop), stop - first, self.timeout))
            except WorkerDied as died:
                replies.extend(died.replies)
                failure = str(died)
                self._discard(proc)
                if start + len(replies) >= stop:
                    return replies[: stop - start]
                continue
            except BaseException:
                # Interrupted mid-exchange (KeyboardInterrupt...): the stream state is unknown.
                self._discard(proc)
                raise
            self._release(proc)
            return replies
        error = _error_reply(f"{failure}; the request was sent twice and not answered")
        replies.extend([error] * (stop - start - len(replies)))
        return replies


#: Request lines per piece written to a worker.
_PIECE = 32


def _pieces(lines: Sequence[Union[str, bytes]], start: int, stop: int) -> Iterator[bytes]:
    """The bytes of lines[start:stop], each with its newline, in pieces of ``_PIECE`` lines built on demand."""
    for a in range(start, stop, _PIECE):
        part = [lines[i] for i in range(a, min(stop, a + _PIECE))]
        if all(isinstance(line, str) for line in part):
            yield ("\n".join(part) + "\n").encode("utf-8", "surrogatepass")  # type: ignore[arg-type]
        else:
            yield b"".join(
                (line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line) + b"\n" for line in part
            )


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)
