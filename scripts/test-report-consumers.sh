#!/usr/bin/env bash
# Reads mathcheck's SARIF and JUnit reports with third-party readers (sarif-pydantic, junitparser). CI installs
# them; elsewhere they are installed here when pip is available, and the test is skipped with a message otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-.build/debug/mathcheck}"
packages=(sarif-pydantic==0.6.2 junitparser)
if ! python3 -c "import sarif_pydantic, junitparser" 2>/dev/null; then
  if python3 -m pip --version >/dev/null 2>&1; then python3 -m pip install -q "${packages[@]}"; fi
fi
if ! python3 -c "import sarif_pydantic, junitparser" 2>/dev/null; then
  if [[ -n "${CI:-}" ]]; then echo "sarif-pydantic and junitparser could not be installed" >&2; exit 1; fi
  echo "skipping the report consumer test: pip install ${packages[*]}" >&2
  exit 0
fi
python3 Tests/Consumers/check_reports.py "$binary" Corpora/forum-thread.jsonl
