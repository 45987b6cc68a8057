#!/usr/bin/env python3
"""Generate Corpora/forum-thread.jsonl: the answers quoted in a forum thread "LLMs are bad at math",
the corrected answers a careful model with a calculator tool would give, and a few more in the same
spirit. Every label is recomputed from the planted claims (see oracle.py) before the file is written.

Usage:  python3 Corpora/tools/make_forum_thread.py [--check]
"""

from __future__ import annotations

import json
import os
import sys

sys.dont_write_bytecode = True  # keep Corpora/tools free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from oracle import GP, Arg, Div, Func, Parity, Prime, Prod, scan  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "forum-thread.jsonl")

COS = "What is cos(3532 radians)?"
RECORDS = [
    # --- as quoted in the thread
    ("Is 34792834 prime?", "Yes, 34792834 is prime.", "wrong",
     [Prime(34792834, True, "Yes"), Prime(34792834, True, "34792834 is prime")]),
    ("Is 583835 a prime?", "No, 583835 is not a prime number. It is divisible by 5 and 116767.", "correct",
     [Prime(583835, False, "No"), Prime(583835, False, "583835 is not a prime number"),
      Div(583835, 5, True, "divisible by 5 and 116767"), Div(583835, 116767, True, "divisible by 5 and 116767")]),
    (COS, "cos(3532 radians) is approximately -0.9999999999999999", "wrong",
     [Func("cos", Arg(3532), "-0.9999999999999999", "cos(3532 radians) is approximately -0.9999999999999999")]),
    # --- replacement answers (calculator-tool style)
    ("Is 34792834 prime?", "No, 34792834 is not prime: it is even, 34792834 = 2 × 17396417.", "correct",
     [Prime(34792834, False, "No"), Prime(34792834, False, "34792834 is not prime"),
      Parity(34792834, "even", "it is even"), Prod(34792834, [(2, 1), (17396417, 1)], "34792834 = 2 × 17396417")]),
    ("Is 583835 a prime?", "No. 583835 = 5 × 7² × 2383, so it is not prime.", "correct",
     [Prime(583835, False, "No"), Prod(583835, [(5, 1), (7, 2), (2383, 1)], "583835 = 5 × 7² × 2383"),
      Prime(583835, False, "it is not prime")]),
    (COS, "cos(3532 radians) ≈ 0.66009029799722633", "correct",
     [Func("cos", Arg(3532), "0.66009029799722633", "cos(3532 radians) ≈ 0.66009029799722633")]),
    # --- more in the same spirit
    ("Is 116767 prime?", "Yes, 116767 is prime.", "wrong",
     [Prime(116767, True, "Yes"), Prime(116767, True, "116767 is prime")]),
    ("What is the prime factorization of 583835?", "The prime factorization of 583835 is 5 × 116767.", "wrong",
     [Prod(583835, [(5, 1), (116767, 1)], "The prime factorization of 583835 is 5 × 116767", prime=True)]),
    ("Is 17396417 prime?", "Yes, 17396417 is prime.", "correct",
     [Prime(17396417, True, "Yes"), Prime(17396417, True, "17396417 is prime")]),
    (COS, "The cosine of 3532 radians is approximately 0.3746.", "wrong",
     [Func("cos", Arg(3532), "0.3746", "The cosine of 3532 radians is approximately 0.3746")]),
]


def build() -> str:
    lines = []
    for i, (prompt, resp, label, claims) in enumerate(RECORDS, 1):
        for c in claims:
            assert c.text in resp, (c.text, resp)
        computed = "no_claims" if not claims else ("correct" if all(c.ok for c in claims) else "wrong")
        assert computed == label, (prompt, resp, label, [(c.text, c.ok, c.why) for c in claims])
        problems = scan(resp, claims)
        assert not problems, (resp, problems)
        lines.append(json.dumps({"id": f"forum-{i:03d}", "prompt": prompt, "response": resp, "label": label},
                                ensure_ascii=False))
    n = GP.run()
    print(f"PARI/GP agreed with sympy/mpmath on {n} queries", file=sys.stderr)
    return "\n".join(lines) + "\n"


def main():
    data = build()
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as fh:
            same = fh.read() == data
        print("forum-thread.jsonl is up to date" if same else "forum-thread.jsonl differs", file=sys.stderr)
        raise SystemExit(0 if same else 1)
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(data)
    print(f"wrote {OUT}: {data.count(chr(10))} records", file=sys.stderr)


if __name__ == "__main__":
    main()
