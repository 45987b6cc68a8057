#!/usr/bin/env python3
"""Where mathcheck's first wrong step sits against CHAMP's human annotation of the first wrong step.

CHAMP gives, on 160 of its 640 answers, the character span of the first step a person judged wrong
(`human_first_wrong_step`). For each such answer this prints whether mathcheck's first wrong step
(`audit --format steps`, `first_error`) is that step (its span overlaps the annotation), a later one, an earlier one
(mathcheck flags something before the first step a person found wrong: a slip the person passed over, or a false
flag), or none (the person's error is one of reasoning, not a claim mathcheck checks). Earlier ones are listed.

    scripts/compare-human-first-error.py BINARY [CHAMP_JSONL]
"""
import json, subprocess, sys

binary = sys.argv[1]
path = sys.argv[2] if len(sys.argv) > 2 else "../shared/corpora/real/champ_number_theory.jsonl"
records = [json.loads(line) for line in open(path, encoding="utf-8")]
out = subprocess.run([binary, "audit", path, "--format", "steps"], capture_output=True, text=True).stdout.splitlines()
assert len(out) == len(records)
tally = {"same step": 0, "later step": 0, "earlier step": 0, "no wrong step": 0}
earlier = []
flagged_unannotated = 0
for record, line in zip(records, out):
    steps = json.loads(line)
    human = record.get("human_first_wrong_step")
    if not human:
        flagged_unannotated += steps["first_error"] >= 0
        continue
    first = steps["first_error"]
    if first < 0:
        tally["no wrong step"] += 1
        continue
    start, end = steps["steps"][first]["span"]  # in characters, as CHAMP's offsets are
    if end <= human["start_idx"]:
        tally["earlier step"] += 1
        earlier.append((record["id"], steps["steps"][first]["text"][:160]))
    elif start >= human["end_idx"]:
        tally["later step"] += 1
    else:
        tally["same step"] += 1
annotated = sum(tally.values())
print(f"{annotated} CHAMP answers with a human first wrong step; mathcheck's first wrong step is:")
for name, count in tally.items():
    print(f"  {name:<14} {count:>4}")
print(f"({flagged_unannotated} answers without an annotation have a wrong step by mathcheck)")
for rid, text in earlier:
    print(f"  earlier: {rid}: {text!r}")
