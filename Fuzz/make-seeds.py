#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target from the committed corpora and the shared real ones.

Usage: python3 Fuzz/make-seeds.py OUT_DIR
OUT_DIR/<target>/ gets one file per seed: JSONL record lines (fuzz-records, fuzz-json), prompt NUL response
(fuzz-claims), calculator expressions (fuzz-expressions) and tools/call requests (fuzz-tools). Deterministic: the
same corpora give the same seeds. The hostile inputs of the README's table are seeds too, so the fuzzer starts at
the places that once trapped.
"""
import hashlib
import json
import pathlib
import random
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1])

lines = []
for path in sorted((root / "Corpora").glob("*.jsonl")) + sorted((root.parent / "shared/corpora/real").glob("*.jsonl")):
    file_lines = [l for l in path.read_text().splitlines() if l.strip()]
    random.Random(path.name).shuffle(file_lines)
    lines += file_lines[:150]

hostile = [
    "4^66515151515151515110-1=4",
    "2^{60640640640640640640}=(6)",
    "1+" * 2000 + "1 = 2001",
    "sin(10^1000) = 0",
    "cos(7^2000) ≈ -0.96",
    "(1e308)^(1e308) = 1",
]
expressions = [
    "cos(3532)", "sin(10^1000)", "cos(7^2000)", "2^99999999999999999999", "(-2)^99999999999999999999",
    "0.5^99999999999999999999", "2^-99999999999999999999", "e^99999999999999999999",
    "2^0.5^99999999999999999999", "(1e308)^(1e308)", "sqrt(2)/2", "tan(pi/4)", "log(0)", "1/0", "3!", "-(2^3)",
    "asin(0.5)", "cos(120°)", "((((((1))))))", "1e-400*1e400", "2^31 - 1", "sin(30°)", "exp(710)", "ln(2)",
]
for path in sorted((root / "Corpora/vectors").glob("evaluation.jsonl")):
    expressions += [json.loads(l)["expression"] for l in path.read_text().splitlines()[:200] if l.strip()]


def write(target, items):
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    for item in items:
        data = item.encode() if isinstance(item, str) else item
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
    print(f"{target}: {len(list(folder.iterdir()))} seeds")


write("fuzz-records", lines + [json.dumps({"prompt": "What is " + "-" * 2000 + "5?", "response": "5"})]
      + [json.dumps({"prompt": "Check this.", "response": h}) for h in hostile])
write("fuzz-json", lines[::3])
claims = []
for line in lines:
    try:
        record = json.loads(line)
    except ValueError:
        continue
    response = record.get("response") or record.get("completion") or record.get("output") or ""
    if isinstance(response, str):
        claims.append((record.get("prompt") or "") + "\0" + response)
write("fuzz-claims", claims + ["Check this.\0" + h for h in hostile])
write("fuzz-expressions", expressions)
tools = []
for e in expressions[:80]:
    tools.append(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                             "params": {"name": "evaluate", "arguments": {"expression": e}}}))
for n in ["34792834", "583835", "2^127-1", "-7", "0", "99999999999999999999999999999999999999977"]:
    for tool in ["is_prime", "factorize"]:
        tools.append(json.dumps({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
                                 "params": {"name": tool, "arguments": {"n": n}}}))
write("fuzz-tools", tools)
