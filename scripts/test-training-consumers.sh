#!/usr/bin/env bash
# Loads mathcheck's fine-tuning files with their real consumers (Tests/Consumers): Hugging Face `datasets` for the TRL
# formats, and the published OpenAI shapes. CI installs `datasets`; elsewhere it is installed here when pip is
# available, and the check is skipped with a message when it cannot be.
set -euo pipefail
binary=${1:-.build/debug/mathcheck}
if ! python3 -c "import datasets" 2>/dev/null; then
  if python3 -m pip --version >/dev/null 2>&1; then
    python3 -m pip install -q datasets
  fi
fi
if ! python3 -c "import datasets" 2>/dev/null; then
  if [[ -n "${CI:-}" ]]; then echo "the Hugging Face datasets library could not be installed" >&2; exit 1; fi
  echo "skipping the consumer check: the Hugging Face datasets library (pip install datasets) is not available" >&2
  exit 0
fi
python3 Tests/Consumers/check_trl.py "$binary"
