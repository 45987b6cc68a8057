#!/usr/bin/env python3
"""Draws the seeded sample of steps for the hand review of step labels (Tests/StepReview/REVIEW.md).

    scripts/step-review-sample.py BINARY CORPUS.jsonl… [--seed 20] [--per-label 100]

Draws per-label steps labelled false (`wrong`) and as many labelled true (every other verdict, by trl-prm's
own-verdict rule), split evenly over the corpora (the remainder to the first), each with its context: the prompt,
the step before, the step, its claims with verdicts and expected values, the step after. Step ids are
`corpus:line:step`. The same binary, corpora and seed give the same sample.
"""
import argparse
import json
import os
import random
import subprocess


def short(text, n):
    text = text.replace("\n", "⏎ ")
    return text if len(text) <= n else text[: n - 1] + "…"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("corpora", nargs="+")
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--per-label", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    n = len(args.corpora)
    for label in ("false", "true"):
        for ci, path in enumerate(args.corpora):
            name = os.path.basename(path).split("_")[0].replace(".jsonl", "")
            with open(path, encoding="utf-8") as f:
                records = [json.loads(line) for line in f.read().split("\n") if line.strip()]
            out = subprocess.run([args.binary, "audit", path, "--format", "steps", "--jobs", "2"],
                                 capture_output=True, text=True).stdout
            results = [json.loads(line) for line in out.splitlines()]
            pool = [(r, k) for r in results for k, s in enumerate(r["steps"])
                    if (s["verdict"] == "wrong") == (label == "false")]
            take = args.per_label // n + (1 if ci < args.per_label % n else 0)
            for r, k in rng.sample(pool, take):
                rec = records[r["line"] - 1]
                prompt = rec.get("prompt") or next((m.get("content") for m in rec.get("messages", [])
                                                    if m.get("role") == "user"), "")
                s = r["steps"][k]
                print(f"### {name}:{r['line']}:{k}  label={label}  verdict={s['verdict']}  first_error={r['first_error']}")
                print(f"prompt: {short(prompt or '', 300)}")
                if k > 0:
                    print(f"before: {short(r['steps'][k - 1]['text'], 300)}")
                print(f"STEP:   {short(s['text'], 700)}")
                for c in s["claims"]:
                    print(f"  claim [{c['verdict']}] {c['kind']}: {short(c['text'], 160)} | expected {c.get('expected')}"
                          + (f" | {c['reason']}" if c.get("reason") else ""))
                if k + 1 < len(r["steps"]):
                    print(f"after:  {short(r['steps'][k + 1]['text'], 200)}")
                print()


if __name__ == "__main__":
    main()
