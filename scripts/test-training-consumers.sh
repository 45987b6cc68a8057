#!/usr/bin/env bash
# Loads mathcheck's fine-tuning files with their real consumers (Tests/Consumers): Hugging Face `datasets` for the TRL
# formats, and the published OpenAI shapes.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/mathcheck}
source scripts/python-packages.sh
need_python datasets datasets "the fine-tuning consumer check"
python3 Tests/Consumers/check_trl.py "$binary"
