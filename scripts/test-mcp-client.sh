#!/usr/bin/env bash
# Runs the official Python MCP SDK against `mathcheck serve` (Tests/MCPClient).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/mathcheck}
source scripts/python-packages.sh
need_python mcp mcp "the MCP client test"
python3 Tests/MCPClient/test_mcp_server.py "$binary"
