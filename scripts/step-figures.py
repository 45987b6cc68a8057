#!/usr/bin/env python3
"""Figures on mathcheck's steps, per corpus: steps per record, the share of records with a first error, and where
first errors sit (by step index, and by relative position in the response), as Markdown.

    scripts/step-figures.py BINARY CORPUS.jsonl… [--steps auto|lines|sentences]

Relative position: the first wrong step's start, in Unicode scalars, over the response's length (0 = the first
character, 1 = the end), counted in tenths. Records whose response is empty are left out of the step counts.
"""
import argparse
import json
import os
import statistics
import subprocess
from collections import Counter

INDEX_BUCKETS = [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 9), (10, 19), (20, 49), (50, None)]


def bucket_name(lo, hi):
    if hi is None:
        return f"{lo}+"
    return str(lo) if lo == hi else f"{lo}–{hi}"


def figures(binary, path, mode):
    out = subprocess.run([binary, "audit", path, "--format", "steps", "--steps", mode, "--jobs", "2"],
                         capture_output=True, text=True).stdout
    results = [json.loads(line) for line in out.splitlines()]
    counts = [len(r["steps"]) for r in results if r.get("steps")]
    with_error = [r for r in results if r.get("first_error", -1) >= 0]
    index = Counter()
    relative = Counter()
    for r in with_error:
        k = r["first_error"]
        for lo, hi in INDEX_BUCKETS:
            if k >= lo and (hi is None or k <= hi):
                index[bucket_name(lo, hi)] += 1
                break
        length = r["steps"][-1]["span"][1]
        start = r["steps"][k]["span"][0]
        relative[min(9, int(10 * start / length))] += 1
    checked = sum(1 for r in results if any(s["verdict"] in ("correct", "wrong") for s in r.get("steps", [])))
    return {
        "name": os.path.basename(path), "records": len(results), "checked": checked,
        "mean": statistics.mean(counts) if counts else 0, "median": statistics.median(counts) if counts else 0,
        "max": max(counts) if counts else 0, "with_error": len(with_error), "index": index, "relative": relative,
        "single": sum(1 for c in counts if c == 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("corpora", nargs="+")
    parser.add_argument("--steps", default="auto")
    args = parser.parse_args()
    rows = [figures(args.binary, p, args.steps) for p in args.corpora]
    print(f"Steps (`--steps {args.steps}`):\n")
    print("| corpus | records | steps per record: mean | median | max | one-step records | records with a checked step "
          "| records with a first error |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for f in rows:
        share = 100 * f["with_error"] / f["records"] if f["records"] else 0
        print(f"| {f['name']} | {f['records']} | {f['mean']:.1f} | {f['median']:g} | {f['max']} | {f['single']} "
              f"| {f['checked']} | {f['with_error']} ({share:.1f}%) |")
    names = [bucket_name(lo, hi) for lo, hi in INDEX_BUCKETS]
    print("\nFirst error by step index (records with a first error):\n")
    print("| corpus | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for f in rows:
        print(f"| {f['name']} | " + " | ".join(str(f["index"][n]) for n in names) + " |")
    print("\nFirst error by relative position in the response (tenths of its length; 0.0 = the first tenth):\n")
    print("| corpus | " + " | ".join(f"{k / 10:.1f}" for k in range(10)) + " |")
    print("|---|" + "---:|" * 10)
    for f in rows:
        print(f"| {f['name']} | " + " | ".join(str(f["relative"][k]) for k in range(10)) + " |")


if __name__ == "__main__":
    main()
