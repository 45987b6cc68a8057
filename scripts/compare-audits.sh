#!/bin/bash
# Compares two mathcheck binaries' output, byte for byte, on every corpus and on a generated stress corpus:
# `audit` (jsonl) and `check` (jsonl and json). For speed work, where nothing may change but the speed.
# Usage: scripts/compare-audits.sh OLD_BINARY NEW_BINARY
set -u
old=$1 new=$2
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/scripts/stress-corpus.py" "$work/stress.jsonl" > /dev/null
corpora=("$root"/Corpora/*.jsonl "$root"/Corpora/vectors/*.jsonl "$work/stress.jsonl")
for real in "$root"/../shared/corpora/real/*.jsonl; do [ -f "$real" ] && corpora+=("$real"); done
status=0
for corpus in "${corpora[@]}"; do
    for run in "audit --format jsonl" "check --format jsonl" "check --format json"; do
        # Exit codes differ by design (wrong answers exit 1): only the output is compared.
        $old $run "$corpus" --jobs 1 > "$work/old" 2> /dev/null
        $new $run "$corpus" --jobs 1 > "$work/new" 2> /dev/null
        if cmp -s "$work/old" "$work/new"; then
            echo "same       $run $(basename "$corpus")"
        else
            echo "DIFFERENT  $run $(basename "$corpus")"
            status=1
        fi
    done
done
exit $status
