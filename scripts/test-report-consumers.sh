#!/usr/bin/env bash
# Reads mathcheck's SARIF and JUnit reports with third-party readers (sarif-pydantic, junitparser).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/mathcheck}
source scripts/python-packages.sh
need_python "sarif_pydantic, junitparser" "sarif-pydantic==0.6.2 junitparser" "the report consumer check"
python3 Tests/Consumers/check_reports.py "$binary" Corpora/forum-thread.jsonl
