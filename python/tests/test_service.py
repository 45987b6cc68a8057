"""The HTTP grading service (`mathcheck serve --http`), started as the real binary and called over loopback with
Python's own HTTP client (http.client) and raw sockets for the misbehaving clients."""

from __future__ import annotations

import http.client
import importlib.util
import json
import math
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

from conftest import BINARY, CORPORA, LLMDRIFT, PYTHON_DIR, ROOT, cli, corpus_lines


class Service:
    """A running `mathcheck serve --http 127.0.0.1:0`; the port is read from the line it prints."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [BINARY, "serve", "--http", "127.0.0.1:0", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        assert self.process.stderr is not None
        line = self.process.stderr.readline().decode()
        match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        assert match, f"the service did not start: {line!r}"
        self.port = int(match.group(1))

    def request(
        self, method: str, path: str, body: Optional[bytes] = None, headers: Optional[Dict[str, str]] = None
    ) -> Tuple[int, Dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()

    def post(self, path: str, body: bytes) -> Tuple[int, Dict[str, str], bytes]:
        return self.request("POST", path, body)

    def post_json(self, path: str, value: Any) -> Tuple[int, Any]:
        status, _, body = self.post(path, json.dumps(value).encode())
        return status, json.loads(body)

    def metric(self, name: str) -> float:
        """The value of one series of /metrics (0 when absent)."""
        _, _, text = self.request("GET", "/metrics")
        total = 0.0
        for line in text.decode().splitlines():
            if line.startswith(name + " ") or line == name:
                total += float(line.split()[-1])
        return total

    def rss_kib(self) -> int:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="module")
def service() -> Iterator[Service]:
    running = Service("--jobs", "2")
    yield running
    assert running.stop() == 0


@pytest.fixture(scope="module")
def strict() -> Iterator[Service]:
    """A service with small limits and a short idle timeout."""
    running = Service("--max-body-bytes", "4096", "--max-records", "3", "--idle-timeout", "1")
    yield running
    assert running.stop() == 0


def body_of(path: Path, limit: Optional[int] = None) -> bytes:
    lines = corpus_lines(path)[:limit]
    return b"".join(line + b"\n" for line in lines)


def cli_lines(command: str, body: bytes) -> bytes:
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as f:
        f.write(body)
        f.flush()
        return cli(command, f.name, "--format", "jsonl", "--jobs", "1")


def reference_records(limit: int) -> bytes:
    """LLMDrift records with their known answer as the reference ("yes"/"no")."""
    out = []
    for line in corpus_lines(LLMDRIFT)[:limit]:
        record = json.loads(line)
        out.append(
            json.dumps(
                {"id": record["id"], "prompt": record["prompt"], "response": record["response"],
                 "reference": record["truth"]["ref_answer"]}
            ).encode()
        )
    return b"".join(line + b"\n" for line in out)


# -- the endpoints ---------------------------------------------------------------------------------------------------


def test_healthz(service: Service) -> None:
    status, headers, body = service.request("GET", "/healthz")
    assert status == 200
    assert headers["content-type"] == "application/json"
    assert json.loads(body) == {"status": "ok"}


@pytest.mark.parametrize("path", CORPORA, ids=[p.name for p in CORPORA])
def test_audit_is_byte_identical_to_the_cli(service: Service, path: Path) -> None:
    body = body_of(path)
    status, headers, reply = service.post("/v1/audit", body)
    assert status == 200, reply[:300]
    assert headers["content-type"] == "application/x-ndjson"
    assert reply == cli_lines("audit", body)


def test_audit_of_a_json_array_has_the_cli_lines_as_its_elements(service: Service) -> None:
    lines = corpus_lines(ROOT / "Corpora/labelled.jsonl")[:40]
    # Pretty-printed, as a client's JSON library may write it: the values, not the bytes, make the result.
    array = json.dumps([json.loads(line) for line in lines], indent=2, ensure_ascii=False).encode()
    status, headers, reply = service.post("/v1/audit", array)
    assert status == 200
    assert headers["content-type"] == "application/json"
    expected = cli_lines("audit", b"".join(line + b"\n" for line in lines)).rstrip(b"\n").split(b"\n")
    assert reply == b"[" + b",".join(expected) + b"]\n"
    assert [r["line"] for r in json.loads(reply)] == list(range(1, 41))


@pytest.mark.parametrize(
    "body", [lambda: body_of(ROOT / "Corpora/labelled.jsonl"), lambda: reference_records(400)], ids=["label", "reference"]
)
def test_check_is_byte_identical_to_the_cli(service: Service, body: Any) -> None:
    records = body()
    status, _, reply = service.post("/v1/check", records)
    assert status == 200, reply[:300]
    assert reply == cli_lines("check", records)
    assert len(reply.splitlines()) == len(records.splitlines())


def test_jsonl_with_crlf_and_no_final_newline(service: Service) -> None:
    lines = corpus_lines(ROOT / "Corpora/forum-thread.jsonl")
    status, _, reply = service.post("/v1/audit", b"\r\n".join(lines))
    assert status == 200
    assert reply == cli_lines("audit", b"\n".join(lines) + b"\n")


# -- /get_reward: OpenRLHF's remote reward model -------------------------------------------------------------------


def openrlhf_batch(limit: int) -> Tuple[List[str], List[str], List[str]]:
    """Queries as OpenRLHF sends them (a chat template around the prompt, the response after it), and labels:
    the known answer for two records in three, none for the third (audited)."""
    queries, prompts, labels = [], [], []
    for i, line in enumerate(corpus_lines(LLMDRIFT)[:limit]):
        record = json.loads(line)
        prompt = f"<|im_start|>user\n{record['prompt']}<|im_end|>\n<|im_start|>assistant\n"
        prompts.append(prompt)
        queries.append(prompt + record["response"] + "<|im_end|>")
        labels.append("" if i % 3 == 2 else record["truth"]["ref_answer"])
    return queries, prompts, labels


def load_reward_func() -> Any:
    """The Python package's OpenRLHF hook, loaded as OpenRLHF loads a --remote_rm_url file."""
    spec = importlib.util.spec_from_file_location("reward_func", str(PYTHON_DIR / "mathcheck/openrlhf_reward.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.reward_func


def test_get_reward_has_openrlhfs_shape(service: Service) -> None:
    queries, prompts, labels = openrlhf_batch(64)
    status, reply = service.post_json("/get_reward", {"query": queries, "prompts": prompts, "labels": labels})
    assert status == 200
    assert set(reply) == {"rewards", "scores", "extra_logs", "verdicts"}
    for key in ("rewards", "scores"):
        assert len(reply[key]) == 64 and all(isinstance(x, float) for x in reply[key])
    # extra_logs: one number per sample, as OpenRLHF concatenates and splits them by sample.
    assert set(reply["extra_logs"]) == {"mathcheck_judged"}
    assert len(reply["extra_logs"]["mathcheck_judged"]) == 64
    assert {0.0, 1.0} <= set(reply["rewards"])
    # Only queries: the older contract ({"query": [...]}); each query is then the response.
    status, only = service.post_json("/get_reward", {"query": queries[:4]})
    assert status == 200 and len(only["rewards"]) == 4


def test_get_reward_scores_as_the_python_package_does(service: Service, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)  # the hook then returns a list
    queries, prompts, labels = openrlhf_batch(300)
    status, reply = service.post_json("/get_reward", {"query": queries, "prompts": prompts, "labels": labels})
    assert status == 200
    expected = load_reward_func()(queries, prompts, labels)
    assert reply["rewards"] == expected
    assert reply["scores"] == expected
    # Judged where the package has a score; the labelled ones are graded against their reference.
    import mathcheck

    responses = [q[len(p):] for q, p in zip(queries, prompts)]
    scores = mathcheck.score_batch(responses, prompts, [lab or None for lab in labels])
    assert reply["extra_logs"]["mathcheck_judged"] == [0.0 if s is None else 1.0 for s in scores]


def test_get_reward_unjudged_reward_flag() -> None:
    running = Service("--unjudged-reward=-1")
    try:
        status, reply = running.post_json("/get_reward", {"query": ["The sky is blue."], "prompts": [""]})
        assert status == 200
        assert reply["rewards"] == [-1.0] and reply["extra_logs"]["mathcheck_judged"] == [0.0]
        assert reply["verdicts"] == ["no_claims"]
    finally:
        assert running.stop() == 0


def test_get_reward_strips_the_prompt(service: Service) -> None:
    prompt = "Is 91 prime? Answer and explain."
    status, reply = service.post_json(
        "/get_reward",
        {"query": [prompt + " No: 91 = 7 × 13.", "<s>" + prompt + " 91 is prime.", "91 is prime."],
         "prompts": [prompt, prompt, "not in the query"], "labels": ["No", None, None]},
    )
    assert status == 200
    assert reply["rewards"] == [1.0, 0.0, 0.0]
    assert reply["verdicts"] == ["correct", "wrong", "wrong"]


# -- refusals: 4xx with a JSON error -------------------------------------------------------------------------------


def error_of(reply: bytes) -> Dict[str, str]:
    value = json.loads(reply)
    assert set(value) == {"error"} and set(value["error"]) == {"code", "message"}
    return value["error"]


@pytest.mark.parametrize(
    "path,body,status,code,message",
    [
        ("/v1/audit", b'{"response": "2 + 2 = 4"}\n{"response": "2 + 2 = 5"\n', 400, "malformed_json",
         "record 2 (line 2): invalid JSON"),
        ("/v1/audit", b'[{"response": "2 + 2 = 4"}, {"response": 5,}]', 400, "malformed_json", "record 2: invalid JSON"),
        ("/v1/audit", b'{"response": "ok"}\n{"response": 5}\n', 400, "invalid_record", "record 2 (line 2):"),
        ("/v1/audit", b'{"response": "ok"}\n\n{"response": "ok"}\n', 400, "malformed_json", "record 2 (line 2): empty line"),
        ("/v1/audit", b'[{"response": "ok"}, 7]', 400, "invalid_record", "record 2:"),
        ("/v1/audit", b'{"a": 1}', 400, "invalid_record", "record 1 (line 1): no response"),
        ("/v1/audit", b"   \n", 400, "bad_request", "no records"),
        ("/v1/check", b'{"response": "ok", "label": "maybe"}\n', 400, "invalid_record", "label"),
        ("/get_reward", b'{"query": "one"}', 400, "wrong_type", '"query" must be an array of strings, not a string'),
        ("/get_reward", b'{"query": ["a", 2]}', 400, "wrong_type", '"query"[1] must be a string, not a number'),
        ("/get_reward", b'{"query": ["a"], "prompts": ["p", "q"]}', 400, "bad_request", "1 queries but 2 prompts"),
        ("/get_reward", b'{"query": ["a"], "labels": "x"}', 400, "wrong_type", '"labels" must be an array'),
        ("/get_reward", b'{"query": ["a"], "prompts": [3]}', 400, "wrong_type", '"prompts"[0] must be a string or null'),
        ("/get_reward", b'{"queries": ["a"]}', 400, "bad_request", 'no "query"'),
        ("/get_reward", b'[1, 2]', 400, "wrong_type", "must be a JSON object"),
        ("/get_reward", b'{"query": ["a"', 400, "malformed_json", "at byte 15 of the body"),
    ],
)
def test_bad_requests_get_a_json_error(
    service: Service, path: str, body: bytes, status: int, code: str, message: str
) -> None:
    got, headers, reply = service.post(path, body)
    assert got == status
    assert headers["content-type"] == "application/json"
    error = error_of(reply)
    assert error["code"] == code
    assert message in error["message"]


def test_unknown_paths_and_methods(service: Service) -> None:
    status, _, reply = service.request("GET", "/v2/everything")
    assert status == 404 and error_of(reply)["code"] == "not_found"
    status, headers, reply = service.request("GET", "/get_reward")
    assert status == 405 and error_of(reply)["code"] == "method_not_allowed"
    assert headers["allow"] == "POST"


def test_limits(strict: Service) -> None:
    status, _, reply = strict.post("/v1/audit", b'{"response": "' + b"1 + 1 = 2. " * 500 + b'"}')
    assert status == 413 and error_of(reply)["code"] == "body_too_large"
    assert "over the limit of 4096" in error_of(reply)["message"]
    status, _, reply = strict.post("/v1/audit", b'{"response": "1 + 1 = 2"}\n' * 4)
    assert status == 413 and error_of(reply)["code"] == "too_many_records"
    status, reply_json = strict.post_json("/get_reward", {"query": ["1 + 1 = 2"] * 4})
    assert status == 413 and reply_json["error"]["code"] == "too_many_records"
    # At the limits, accepted.
    status, _, _ = strict.post("/v1/audit", b'{"response": "1 + 1 = 2"}\n' * 3)
    assert status == 200


def test_a_body_without_content_length_over_the_limit(strict: Service) -> None:
    # Chunked: the length is known only as the body arrives.
    conn = http.client.HTTPConnection("127.0.0.1", strict.port, timeout=30)
    chunks = iter([b'{"response": "', b"9" * 3000, b"9" * 3000, b'"}'])
    conn.request("POST", "/v1/audit", body=chunks, encode_chunked=True)
    response = conn.getresponse()
    assert response.status == 413
    assert error_of(response.read())["code"] == "body_too_large"
    conn.close()


def expensive_record() -> bytes:
    """16 claims that 6000-bit numbers without a factor below 1024 are prime: a Miller-Rabin test each (as in
    test_worker)."""
    small = 1
    for p in range(2, 1024):
        if all(p % q for q in range(2, int(p**0.5) + 1)):
            small *= p
    numbers: List[int] = []
    k = 1
    while len(numbers) < 16:
        n = 2**6000 + k
        k += 2
        if math.gcd(n, small) == 1:
            numbers.append(n)
    return json.dumps({"response": " ".join(f"{n} is prime." for n in numbers)}).encode() + b"\n"


def test_the_record_budget_applies() -> None:
    running = Service("--record-timeout", "0.001")
    try:
        line = expensive_record()
        status, _, reply = running.post("/v1/audit", line)
        assert status == 200
        # The clock is read every eighth claim: with a 1 ms budget at most the first eight are checked.
        claims = json.loads(reply)["claims"]
        assert [c.get("reason") for c in claims].count("budget") >= 8
        with tempfile.NamedTemporaryFile(suffix=".jsonl") as f:
            f.write(line)
            f.flush()
            assert reply == cli("audit", f.name, "--format", "jsonl", "--record-timeout", "0.001")
    finally:
        assert running.stop() == 0


# -- metrics ---------------------------------------------------------------------------------------------------------


def test_metrics_count_requests_records_and_verdicts(service: Service) -> None:
    before = service.metric('mathcheck_records_total{endpoint="/v1/audit"}')
    wrong_before = service.metric('mathcheck_record_verdicts_total{endpoint="/v1/audit",verdict="wrong"}')
    body = body_of(ROOT / "Corpora/forum-thread.jsonl")
    status, _, reply = service.post("/v1/audit", body)
    assert status == 200
    wrong = sum(1 for line in reply.splitlines() if json.loads(line)["verdict"] == "wrong")
    assert service.metric('mathcheck_records_total{endpoint="/v1/audit"}') == before + 10
    assert service.metric('mathcheck_record_verdicts_total{endpoint="/v1/audit",verdict="wrong"}') == wrong_before + wrong
    status, headers, text = service.request("GET", "/metrics")
    assert headers["content-type"].startswith("text/plain; version=0.0.4")
    lines = text.decode().splitlines()
    assert "# TYPE mathcheck_http_request_duration_seconds histogram" in lines
    assert any(l.startswith('mathcheck_http_requests_total{endpoint="/v1/audit",status="200"}') for l in lines)
    assert any(l.startswith('mathcheck_claims_total{kind="primality",verdict="wrong"}') for l in lines)
    count = service.metric('mathcheck_http_request_duration_seconds_count{endpoint="/v1/audit"}')
    assert count >= 1
    assert service.metric('mathcheck_http_request_duration_seconds_bucket{endpoint="/v1/audit",le="+Inf"}') == count


# -- shutdown and misbehaving clients ---------------------------------------------------------------------------------


def raw_request(port: int, path: str, body: bytes, send: int, rcvbuf: Optional[int] = None) -> socket.socket:
    """A connection that has sent the head of a POST and the first `send` bytes of its body."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.connect(("127.0.0.1", port))
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    sock.sendall(head + body[:send])
    return sock


def read_response(sock: socket.socket) -> Tuple[int, bytes]:
    sock.settimeout(60)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"the connection closed before a response: {data!r}"
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1])
    length = int(re.search(rb"(?i)content-length: (\d+)", head).group(1))  # type: ignore[union-attr]
    while len(rest) < length:
        chunk = sock.recv(65536)
        assert chunk
        rest += chunk
    return status, rest


def wait_for(condition: Any, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_sigterm_answers_the_request_in_flight_then_exits() -> None:
    running = Service()
    body = body_of(ROOT / "Corpora/forum-thread.jsonl")
    sock = raw_request(running.port, "/v1/audit", body, send=len(body) // 2)
    try:
        # The request is in flight (its head read) before the signal.
        wait_for(lambda: running.metric("mathcheck_http_requests_in_flight") >= 2)
        running.process.send_signal(signal.SIGTERM)
        # No new connections once shutting down, but the one in flight is still served.
        def refused() -> bool:
            try:
                socket.create_connection(("127.0.0.1", running.port), timeout=1).close()
                return False
            except OSError:
                return True

        wait_for(refused)
        assert running.process.poll() is None
        sock.sendall(body[len(body) // 2 :])
        status, reply = read_response(sock)
        assert status == 200
        assert reply == cli_lines("audit", body)
        assert running.process.wait(timeout=20) == 0
    finally:
        sock.close()
        running.stop()


def test_a_client_that_stops_mid_body_does_not_hold_up_the_others(strict: Service) -> None:
    body = b'{"response": "' + b"1 + 1 = 2. " * 200 + b'"}\n'
    stalled = [raw_request(strict.port, "/v1/audit", body, send=100) for _ in range(4)]
    gone = raw_request(strict.port, "/v1/audit", body, send=100)
    gone.close()  # one goes away mid-body
    try:
        for _ in range(5):
            status, reply = strict.post_json("/get_reward", {"query": ["Is 91 prime? No, 91 = 7 × 13."]})
            assert status == 200 and reply["rewards"] == [1.0]
        # The idle timeout (1 s here) closes the stalled connections.
        for sock in stalled:
            sock.settimeout(15)
            assert sock.recv(65536) == b""
        status, _, _ = strict.request("GET", "/healthz")
        assert status == 200
    finally:
        for sock in stalled:
            sock.close()


def test_clients_that_never_read_do_not_hold_up_the_others(service: Service) -> None:
    body = body_of(LLMDRIFT)  # the whole corpus: a reply of several megabytes
    rss_before = service.rss_kib()
    audited = service.metric('mathcheck_records_total{endpoint="/v1/audit"}')
    silent = [raw_request(service.port, "/v1/audit", body, send=len(body), rcvbuf=4096) for _ in range(3)]
    try:
        for _ in range(5):
            status, reply = service.post_json("/get_reward", {"query": ["Is 91 prime? No, 91 = 7 × 13."]})
            assert status == 200 and reply["rewards"] == [1.0]
        status, _, reply = service.post("/v1/audit", body_of(ROOT / "Corpora/forum-thread.jsonl"))
        assert status == 200 and len(reply.splitlines()) == 10
        # Memory is bounded: the replies waiting to be sent, not more.
        wait_for(lambda: service.metric('mathcheck_records_total{endpoint="/v1/audit"}') >= audited + 3 * 4000 + 10, 120)
        assert service.rss_kib() - rss_before < 400 * 1024
    finally:
        for sock in silent:
            sock.close()
    status, _, _ = service.request("GET", "/healthz")
    assert status == 200
