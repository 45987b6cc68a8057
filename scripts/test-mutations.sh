#!/usr/bin/env bash
# The mutation corpus test (part of `make test`): thousands of mutated real records (scripts/mutation-corpus.py)
# audited with --jobs 1 and --jobs 2. Each run must exit 0 or 1, within MUTATION_SECONDS (default 600) of wall
# time, write exactly one output line per input line, and both runs must be byte-identical.
# Usage: scripts/test-mutations.sh BINARY [COUNT]
set -uo pipefail
bin=$1
count=${2:-3000}
limit=${MUTATION_SECONDS:-600}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$(dirname "$0")/mutation-corpus.py" "$work/in.jsonl" "$count" || exit 1
lines=$(wc -l < "$work/in.jsonl")
fail=0
for jobs in 1 2; do
    timeout "$limit" "$bin" audit "$work/in.jsonl" --jobs "$jobs" --format jsonl > "$work/out$jobs" 2> "$work/err$jobs"
    code=$?
    got=$(wc -l < "$work/out$jobs")
    if [[ $code -ne 0 && $code -ne 1 ]]; then
        echo "mutations: --jobs $jobs exited $code (124 is the ${limit} s bound): $(tail -3 "$work/err$jobs")"
        fail=1
    elif [[ $got -ne $lines ]]; then
        echo "mutations: --jobs $jobs wrote $got lines for $lines input lines"
        fail=1
    fi
done
if [[ $fail -eq 0 ]] && ! cmp -s "$work/out1" "$work/out2"; then
    echo "mutations: --jobs 1 and --jobs 2 differ"
    fail=1
fi
[[ $fail -eq 0 ]] && echo "mutations: $lines mutated lines, one output line each, --jobs 1 and 2 byte-identical"
exit $fail
