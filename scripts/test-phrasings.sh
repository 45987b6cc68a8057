#!/usr/bin/env bash
# The phrasing test: tens of thousands of worded calculator questions, cut questions, text outside the grammar and
# word-problem solution lines, generated with their truth from an oracle independent of mathcheck (Python fractions
# and mpmath; every value recomputed again with PARI/GP when `gp` is installed), audited by the binary given.
# Fails on any correct answer flagged wrong, any record outside the grammar (or a cut question) flagged wrong, any
# word-problem line misjudged, or fewer wrong question answers caught than the floor reached so far.
#   scripts/test-phrasings.sh .build/release/mathcheck
set -euo pipefail
bin=${1:?usage: test-phrasings.sh MATHCHECK_BINARY}
here=$(cd "$(dirname "$0")/.." && pwd)
gen="$here/Tests/Phrasings/phrasings.py"
measure="$here/Tests/Phrasings/measure.py"
# The share of wrong answers to worded questions that must be caught (measured: 72.0-73.5 % on seeds 7/11/23).
q_floor=${Q_CAUGHT_FLOOR:-0.70}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$gen" --selftest
status=0
run() { # name, generator arguments...
  local name=$1; shift
  python3 "$gen" "$@" --out "$work/$name.jsonl"
  if command -v gp >/dev/null; then
    python3 "$gen" --verify-gp "$work/$name.jsonl" > "$work/$name.gp" || { status=1; echo "FAIL $name: PARI/GP disagrees with the generator's oracle:"; }
    tail -3 "$work/$name.gp"
  fi
  python3 "$measure" "$bin" "$work/$name.jsonl" --json > "$work/$name.json"
  python3 - "$work/$name.json" "$name" "$q_floor" <<'PY' || status=1
import json, sys
d = json.load(open(sys.argv[1])); name = sys.argv[2]; floor = float(sys.argv[3])
o = d["overall"]; k = d["kinds"]; bad = []
if o["false_flags"]: bad.append(f"{o['false_flags']} correct answers flagged wrong: {d['false_flag_examples'][:3]}")
if o["outside_flagged_wrong"]:
    bad.append(f"{o['outside_flagged_wrong']} records outside the grammar flagged wrong: "
               f"{d['outside_flagged_wrong_examples'][:3]}")
for kind in ("wp", "wl"):  # word-problem solutions, and their lines one by one
    wp = k.get(kind)
    if wp and (wp["wrong_caught"] != wp["wrong_records"] or wp["correct_confirmed"] != wp["truth"].get("correct", 0)):
        bad.append(f"word-problem lines ({kind}): {wp['wrong_caught']}/{wp['wrong_records']} wrong caught, "
                   f"{wp['correct_confirmed']}/{wp['truth'].get('correct', 0)} correct confirmed")
q = k.get("q")
if q and q["wrong_records"] and q["wrong_caught_rate"] < floor:
    bad.append(f"worded questions: {q['wrong_caught_rate']:.1%} of wrong answers caught, below the floor {floor:.0%}")
line = ", ".join(f"{n} {v['records']} (caught {v['wrong_caught']}/{v['wrong_records']}, false {v['false_flags']})"
                 for n, v in sorted(k.items()))
print(f"{name}: {o['records']} records: {line}")
for b in bad: print(f"FAIL {name}: {b}")
sys.exit(1 if bad else 0)
PY
}
run all-7 --seed 7 --count 20000
run all-11 --seed 11 --count 20000
run cuts-13 --kind cuts --seed 13 --count 5000
run wordlines-17 --kind wordlines --seed 17 --count 5000
# Grading against a gold answer: mathcheck `check` never misgrades and grades at least as many right as Math-Verify.
if python3 -c "import math_verify" 2>/dev/null; then
  python3 "$here/Tests/Phrasings/compare_math_verify.py" "$bin" --seed 5 --count 3000 --check > "$work/mv.txt" || status=1
  sed -n 1,4p "$work/mv.txt"; grep -A0 '^FAIL' "$work/mv.txt" || true
else
  echo "math-verify is not installed (python/requirements-test.txt): the grading comparison is skipped"
fi
exit $status
