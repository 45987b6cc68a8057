#!/usr/bin/env python3
"""Writes a deterministic corpus of mutated records, the inputs that once ended whole audit runs.

Usage: scripts/mutation-corpus.py OUT.jsonl [COUNT] [SEED]

Each line starts from a real record (the shared LLMDrift and CHAMP corpora and the committed ones) and is mutated
at the byte level, as a fuzzer would: bytes flipped, the line cut, two lines spliced, a number's digits repeated
(huge exponents and digit counts), operators, LaTeX and Unicode inserted, runs of one operator. Some lines stop
being JSON; every line must still get exactly one output line.
"""
import json
import pathlib
import random
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out_path = pathlib.Path(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 17)

sources = sorted((root.parent / "shared/corpora/real").glob("*.jsonl")) + sorted((root / "Corpora").glob("*.jsonl"))
lines = []
for path in sources:
    lines += [l for l in path.read_text().splitlines() if l.strip()]
if not lines:
    sys.exit("no corpora found")

INSERTS = ["^", "^{", "}", "(", ")", "×", "÷", "−", "-", "+", "*", "/", "=", "≈", "≡", " mod ", "%", "!", "√", "π",
           "°", "\\frac{", "\\sqrt{", "\\sin ", "\\cos(", "\\boxed{", "$", "$$", "\\\\n", "e^", "10^", "9" * 20,
           "\\u00b0", "\\ud83d\\ude00", "\\ud800", "𝑥", "²", "⁻¹", " is prime", " divided by ", "sin(", "cos(",
           " plus ", " minus ", "What is ", "= 1+1+1+1+1"]


def repeat_digits(text):
    """A run of digits, repeated: exponents and sizes that come from text."""
    spots = [i for i, c in enumerate(text) if c.isdigit()]
    if not spots:
        return text
    i = rng.choice(spots)
    j = i
    while j < len(text) and text[j].isdigit():
        j += 1
    return text[:i] + text[i:j] * rng.randint(2, 12) + text[j:]


def mutate(line):
    data = bytearray(line.encode())
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(8)
        if kind == 0 and data:  # flip bytes
            for _ in range(rng.randint(1, 3)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif kind == 1 and len(data) > 2:  # cut
            data = data[: rng.randrange(1, len(data))]
        elif kind == 2:  # splice with another line
            other = rng.choice(lines).encode()
            data = data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1):]
        elif kind == 3:
            data = bytearray(repeat_digits(data.decode("utf-8", "replace")).encode())
        elif kind == 4:  # insert an operator, LaTeX or a Unicode form
            at = rng.randrange(len(data) + 1)
            data[at:at] = rng.choice(INSERTS).encode()
        elif kind == 5:  # a run of one operator
            at = rng.randrange(len(data) + 1)
            data[at:at] = (rng.choice("-+*^(") * rng.randint(50, 3000)).encode()
        elif kind == 6:  # a long sum
            at = rng.randrange(len(data) + 1)
            terms = rng.randint(100, 5000)
            data[at:at] = ("1+" * terms + f"1 = {terms + 1}").encode()
        else:  # a raw control byte or NUL
            at = rng.randrange(len(data) + 1)
            data[at:at] = bytes([rng.choice([0, 1, 9, 13, 27, 127])])
    return bytes(data).replace(b"\n", b" ")


with out_path.open("wb") as out:
    for _ in range(count):
        out.write(mutate(rng.choice(lines)) + b"\n")
    # The inputs of the hardening issue, whole.
    for response in ["4^66515151515151515110-1=4", "2^{60640640640640640640}=(6)", "1+" * 200000 + "1 = 200001",
                     "sin(10^1000) = 0", "cos(7^2000) = 0"]:
        out.write(json.dumps({"prompt": "Check this.", "response": response}).encode() + b"\n")
    out.write(json.dumps({"prompt": "What is " + "-" * 100000 + "5?", "response": "5"}).encode() + b"\n")
