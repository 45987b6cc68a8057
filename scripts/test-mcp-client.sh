#!/usr/bin/env bash
# Runs the official Python MCP SDK against `mathcheck serve` (Tests/MCPClient). CI installs the SDK; elsewhere it
# is installed here when pip is available, and the test is skipped with a message when it cannot be.
set -euo pipefail
binary=${1:-.build/debug/mathcheck}
if ! python3 -c "import mcp" 2>/dev/null; then
  if python3 -m pip --version >/dev/null 2>&1; then
    python3 -m pip install -q mcp
  fi
fi
if ! python3 -c "import mcp" 2>/dev/null; then
  if [[ -n "${CI:-}" ]]; then echo "the Python MCP SDK could not be installed" >&2; exit 1; fi
  echo "skipping the MCP client test: the Python MCP SDK (pip install mcp) is not available" >&2
  exit 0
fi
python3 Tests/MCPClient/test_mcp_server.py "$binary"
