"""Finding the ``mathcheck`` executable."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path
from typing import Optional

__all__ = ["BinaryNotFoundError", "find_binary", "packaged_binary"]


class BinaryNotFoundError(FileNotFoundError):
    """No ``mathcheck`` executable was found (see :func:`find_binary` for where it is looked for)."""


def packaged_binary() -> Path:
    """Where a wheel built by ``make python`` keeps the binary: ``mathcheck/bin/mathcheck`` in the package."""
    return Path(__file__).resolve().parent / "bin" / "mathcheck"


def _executable(path: Path) -> bool:
    if not path.is_file():
        return False
    if os.access(path, os.X_OK):
        return True
    # A wheel unpacked by a tool that dropped the mode bits: make it executable when we may.
    try:
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    except OSError:
        return False
    return os.access(path, os.X_OK)


def find_binary(explicit: Optional[str] = None) -> str:
    """The path of the ``mathcheck`` executable to run.

    Looked for in this order: ``explicit`` (when given), the environment variable ``MATHCHECK_BINARY``, the binary
    packaged in this Python package (``mathcheck/bin/mathcheck``), then ``mathcheck`` on ``PATH``.

    Raises:
        BinaryNotFoundError: when none of them is an executable file.
    """
    candidates = []
    if explicit:
        candidates.append(("the binary given", explicit))
    env = os.environ.get("MATHCHECK_BINARY")
    if env:
        candidates.append(("MATHCHECK_BINARY", env))
    for source, value in candidates:
        path = Path(value).expanduser()
        if _executable(path):
            return str(path)
        raise BinaryNotFoundError(f"{source} is {value!r}, which is not an executable file")
    packaged = packaged_binary()
    if _executable(packaged):
        return str(packaged)
    on_path = shutil.which("mathcheck")
    if on_path:
        return on_path
    raise BinaryNotFoundError(
        "no mathcheck binary: set MATHCHECK_BINARY, install a wheel built with `make python`, "
        "or put `mathcheck` on PATH"
    )
