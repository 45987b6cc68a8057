"""Shared fixtures: the mathcheck binary the tests run, the project's corpora, and the CLI to compare against."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

PYTHON_DIR = Path(__file__).resolve().parent.parent
ROOT = PYTHON_DIR.parent
sys.path.insert(0, str(PYTHON_DIR))


def _default_binary() -> str:
    if os.environ.get("MATHCHECK_BINARY"):
        return os.environ["MATHCHECK_BINARY"]
    for candidate in (ROOT / ".build/release/mathcheck", ROOT / ".build/debug/mathcheck"):
        if candidate.is_file():
            return str(candidate)
    return ""


BINARY = _default_binary()
if BINARY:
    # The default pool (and every subprocess the tests start) finds the same binary.
    os.environ["MATHCHECK_BINARY"] = str(Path(BINARY).resolve())
    BINARY = os.environ["MATHCHECK_BINARY"]

#: The project's corpora and the shared real ones beside the project.
CORPORA: List[Path] = sorted((ROOT / "Corpora").glob("*.jsonl")) + sorted(
    (ROOT.parent / "shared/corpora/real").glob("*.jsonl")
)
LLMDRIFT = ROOT.parent / "shared/corpora/real/llmdrift_prime.jsonl"


def pytest_collection_modifyitems(config: pytest.Config, items: List[pytest.Item]) -> None:
    if BINARY:
        return
    skip = pytest.mark.skip(reason="no mathcheck binary: build it (swift build) or set MATHCHECK_BINARY")
    for item in items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def binary() -> str:
    return BINARY


def cli(*args: str, stdin: bytes = b"") -> bytes:
    """What ``mathcheck ARGS`` writes on standard output."""
    return subprocess.run([BINARY, *args], input=stdin, stdout=subprocess.PIPE, check=False).stdout


def corpus_lines(path: Path) -> List[bytes]:
    """The lines of a JSONL file, without newlines (as the CLI reads them: the last may lack one)."""
    data = path.read_bytes()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines
