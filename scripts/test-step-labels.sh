#!/bin/bash
# The step labels checked on the real corpora (LLMDrift, CHAMP, when ../shared/corpora/real has them) and the
# labelled corpus: text kept, verdicts and first_error consistent, every wrong claim recomputed by a second
# computation (scripts/step_oracle.py: Python fractions, sympy, mpmath), trl-prm rows under both labelling rules.
# Usage: scripts/test-step-labels.sh BINARY
set -eu
binary=$1
root=$(cd "$(dirname "$0")/.." && pwd)
corpora=("$root/Corpora/labelled.jsonl")
for real in "$root"/../shared/corpora/real/llmdrift_prime.jsonl "$root"/../shared/corpora/real/champ_number_theory.jsonl; do
    [ -f "$real" ] && corpora+=("$real")
done
python3 "$root/scripts/test-step-labels.py" "$binary" "${corpora[@]}"
