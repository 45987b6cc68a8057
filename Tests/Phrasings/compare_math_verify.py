#!/usr/bin/env python3
"""Grading against a known answer: mathcheck `check` next to Math-Verify on the same generated questions.

Each worded question from phrasings.py (`--kind questions`) gets a gold answer as an eval set would give it: the
value rounded as the question asks ("dp 2", "sf 3"), else the exact integer or fraction, else the value to 15
significant figures; comparisons get "true"/"false". Both graders see the prompt, the response and the gold:
Math-Verify as `verify(parse(gold), parse(response))`, mathcheck as `check` with a `reference`. A grade is right when
it matches the generator's truth (from Python fractions and mpmath, independent of both). Prints, per grader, how
many records it graded, graded right and graded wrong; a correct answer graded wrong is the worst error.

    python3 compare_math_verify.py BINARY [--seed S] [--count N] [--check]
"""
import argparse, json, os, subprocess, sys, tempfile
from decimal import Decimal, ROUND_HALF_EVEN, localcontext
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phrasings  # noqa: E402


def rounded(value: str, rule: str) -> str:
    with localcontext() as ctx:
        ctx.prec = 80
        if "/" in value:
            f = Fraction(value)
            d = Decimal(f.numerator) / Decimal(f.denominator)
        else:
            d = Decimal(value)
        kind, n = rule.split()
        n = int(n)
        if kind == "dp":
            q = d.quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_EVEN)
        else:
            if d == 0:
                return "0"
            e = d.adjusted() - n + 1
            q = d.quantize(Decimal(1).scaleb(e), rounding=ROUND_HALF_EVEN)
        s = format(q, "f")
        return "0" if s in ("-0", "-0." + "0" * n) else s


def gold(r) -> str:
    v, rule = r["value"], r.get("rule", "")
    if v in ("true", "false"):
        return v
    if rule:
        return rounded(v, rule)
    if "/" in v or "." not in v:
        return v  # an integer or an exact fraction
    with localcontext() as ctx:
        ctx.prec = 15
        return format(+Decimal(v), "f")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--check", action="store_true",
                    help="exit 1 unless mathcheck misgrades none and grades at least as many right as Math-Verify")
    args = ap.parse_args()
    from math_verify import parse, verify

    recs = [r for r in phrasings.generate(args.seed, args.count, "questions") if r["truth"] in ("correct", "wrong")]
    for r in recs:
        r["reference"] = gold(r)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps({"prompt": r["prompt"], "response": r["response"], "reference": r["reference"]}) + "\n")
        path = f.name
    out = subprocess.run([args.binary, "check", path], capture_output=True, text=True).stdout.splitlines()
    os.unlink(path)
    assert len(out) == len(recs), (len(out), len(recs))
    tally = {"mathcheck": [0, 0, 0, 0], "math-verify": [0, 0, 0, 0]}  # graded, right, wrong, correct graded wrong
    examples = {"mathcheck": [], "math-verify": []}
    for r, line in zip(recs, out):
        o = json.loads(line)
        grades = {"mathcheck": o.get("known") if o.get("by") == "reference" else None}
        try:
            grades["math-verify"] = "correct" if verify(parse(r["reference"]), parse(r["response"])) else "wrong"
        except Exception:  # noqa: BLE001 - Math-Verify's own failure is a grade it could not give
            grades["math-verify"] = None
        for name, g in grades.items():
            if g not in ("correct", "wrong"):
                continue
            t = tally[name]
            t[0] += 1
            if g == r["truth"]:
                t[1] += 1
            else:
                t[2] += 1
                t[3] += r["truth"] == "correct"
                if len(examples[name]) < 5:
                    examples[name].append((r["prompt"], r["response"], r["reference"], r["truth"], g))
    print(f"{len(recs)} generated questions (seed {args.seed}), graded against a gold answer")
    print(f"{'grader':<12} {'graded':>7} {'right':>7} {'wrong':>7} {'correct→wrong':>14}")
    for name, (g, right, wrong, worst) in tally.items():
        print(f"{name:<12} {g:>7} {right:>7} {wrong:>7} {worst:>14}")
    for name, ex in examples.items():
        for e in ex:
            print(f"  {name} misgraded: {e}")
    if args.check:
        mc, mv = tally["mathcheck"], tally["math-verify"]
        if mc[2] or mc[1] < mv[1]:
            print(f"FAIL: mathcheck graded {mc[1]} right and {mc[2]} wrong; Math-Verify {mv[1]} right")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
