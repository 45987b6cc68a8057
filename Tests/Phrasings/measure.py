#!/usr/bin/env python3
"""Audits labelled records (from phrasings.py) with a mathcheck binary and reports, per family and overall, how
its verdicts compare with the records' truth.

    python3 measure.py BINARY FILE.jsonl [--jobs 1] [--json] [--examples 20]

Runs `BINARY audit FILE --format jsonl --jobs N` and joins its output lines to the records by line order. A
FALSE FLAG is a record whose truth is "correct" or "outside" given the verdict "wrong"; the exit status is 1 when
there is any (so the run can be a test), 0 otherwise, 2 when the audit cannot be run or its output does not line
up with the records.
"""
import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict

def audit(binary, path, jobs):
    proc = subprocess.run([binary, "audit", path, "--format", "jsonl", "--jobs", str(jobs)],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"measure: {binary} exited with {proc.returncode}: {proc.stderr.strip()}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


class Tally:
    def __init__(self):
        self.records = 0
        self.truth = Counter()
        self.verdict = Counter()
        self.false_flags = 0          # truth correct, verdict wrong
        self.outside_wrong = 0        # truth outside, verdict wrong
        self.caught = 0               # truth wrong, verdict wrong
        self.correct_confirmed = 0    # truth correct, verdict correct

    def add(self, truth, verdict):
        self.records += 1
        self.truth[truth] += 1
        self.verdict[verdict] += 1
        if verdict == "wrong":
            if truth == "correct":
                self.false_flags += 1
            elif truth == "outside":
                self.outside_wrong += 1
            elif truth == "wrong":
                self.caught += 1
        elif verdict == "correct" and truth == "correct":
            self.correct_confirmed += 1

    def summary(self):
        n = self.records or 1
        wrong = self.truth["wrong"]
        return {
            "records": self.records,
            "truth": dict(self.truth),
            "verdicts": dict(self.verdict),
            "false_flags": self.false_flags,
            "outside_flagged_wrong": self.outside_wrong,
            "wrong_records": wrong,
            "wrong_caught": self.caught,
            "wrong_caught_rate": round(self.caught / wrong, 4) if wrong else None,
            "correct_confirmed": self.correct_confirmed,
            "correct_confirmed_rate": round(self.correct_confirmed / self.truth["correct"], 4) if self.truth["correct"] else None,
            "no_claims_share": round(self.verdict["no_claims"] / n, 4),
            "unverified_share": round(self.verdict["unverified"] / n, 4),
        }


def example(rec, out):
    claims = [{"text": c.get("text"), "verdict": c.get("verdict"), "expected": c.get("expected")}
              for c in out.get("claims") or []]
    return {"id": rec.get("id"), "family": rec.get("family"), "note": rec.get("note"), "prompt": rec.get("prompt"),
            "response": rec.get("response"), "verdict": out.get("verdict"), "claims": claims}


def spread(examples, limit):
    """Up to `limit` examples taken round-robin across families, so that one family does not fill the list."""
    by_family = defaultdict(list)
    for e in examples:
        by_family[e["family"]].append(e)
    out = []
    while len(out) < limit and any(by_family.values()):
        for fam in sorted(by_family):
            if by_family[fam] and len(out) < limit:
                out.append(by_family[fam].pop(0))
    return out


def pct(x):
    return "-" if x is None else f"{100 * x:.1f}%"


def print_table(title, rows):
    print(f"\n{title}")
    head = f"{'':26}{'records':>8}{'correct':>8}{'FALSE':>7}{'wrong':>7}{'caught':>8}{'rate':>8}{'outside':>8}{'→wrong':>7}{'confirm':>8}{'no_cl':>7}{'unver':>7}"
    print(head)
    print("-" * len(head))
    for name, s in rows:
        print(f"{name:26}{s['records']:>8}{s['truth'].get('correct', 0):>8}{s['false_flags']:>7}{s['wrong_records']:>7}"
              f"{s['wrong_caught']:>8}{pct(s['wrong_caught_rate']):>8}{s['truth'].get('outside', 0):>8}"
              f"{s['outside_flagged_wrong']:>7}{pct(s['correct_confirmed_rate']):>8}{pct(s['no_claims_share']):>7}"
              f"{pct(s['unverified_share']):>7}")


def print_examples(title, examples):
    print(f"\n{title}: {len(examples)} shown")
    for e in examples:
        print(f"- [{e['family']}] {e['id']} ({e['note']})")
        print(f"    prompt:   {e['prompt']}")
        print(f"    response: {e['response']}")
        print(f"    verdict:  {e['verdict']}")
        for c in e["claims"]:
            print(f"      claim {c['text']!r}: {c['verdict']}, expected {c['expected']}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("file")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print a machine-readable summary instead of tables")
    ap.add_argument("--examples", type=int, default=20, help="examples listed per kind of error (default 20)")
    args = ap.parse_args(argv)

    records = [json.loads(line) for line in open(args.file, encoding="utf-8") if line.strip()]
    outputs = audit(args.binary, args.file, args.jobs)
    if len(outputs) != len(records):
        print(f"measure: {len(records)} records but {len(outputs)} audit lines", file=sys.stderr)
        return 2

    overall, by_family, by_kind = Tally(), defaultdict(Tally), defaultdict(Tally)
    false_flags, missed, outside_wrong = [], [], []
    for rec, out in zip(records, outputs):
        truth, verdict, fam = rec["truth"], out.get("verdict"), rec.get("family", "?")
        kind = fam.split(".")[0]
        for t in (overall, by_family[fam], by_kind[kind]):
            t.add(truth, verdict)
        if verdict == "wrong" and truth == "correct":
            false_flags.append(example(rec, out))
        elif verdict == "wrong" and truth == "outside":
            outside_wrong.append(example(rec, out))
        elif truth == "wrong" and verdict != "wrong":
            missed.append(example(rec, out))

    summary = {
        "binary": args.binary, "file": args.file,
        "overall": overall.summary(),
        "kinds": {k: t.summary() for k, t in sorted(by_kind.items())},
        "families": {f: t.summary() for f, t in sorted(by_family.items())},
        "false_flag_examples": spread(false_flags, args.examples),
        "outside_flagged_wrong_examples": spread(outside_wrong, args.examples),
        "wrong_missed_examples": spread(missed, args.examples),
    }
    if args.json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(f"{args.binary} on {args.file}: {len(records)} records")
        print("FALSE = correct answers flagged wrong; caught/rate = wrong answers flagged wrong; outside →wrong =",
              "outside records flagged wrong; confirm = correct answers found correct")
        print_table("by family", sorted(summary["families"].items()))
        print_table("by kind", sorted(summary["kinds"].items()) + [("ALL", summary["overall"])])
        print_examples("FALSE FLAGS (correct answers flagged wrong)", summary["false_flag_examples"])
        print_examples("OUTSIDE RECORDS FLAGGED WRONG", summary["outside_flagged_wrong_examples"])
        print_examples("WRONG ANSWERS MISSED", summary["wrong_missed_examples"])
        o = summary["overall"]
        print(f"\n{o['false_flags']} false flags, {o['outside_flagged_wrong']} outside records flagged wrong, "
              f"{o['wrong_caught']}/{o['wrong_records']} wrong answers caught ({pct(o['wrong_caught_rate'])})")
    return 1 if overall.false_flags or overall.outside_wrong else 0


if __name__ == "__main__":
    sys.exit(main())
