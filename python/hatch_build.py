"""Puts the ``mathcheck`` binary into the wheel, which makes the wheel platform-specific.

The binary is ``mathcheck/bin/mathcheck`` (``make python`` builds it with ``swift build -c release
--static-swift-stdlib`` and copies it there). When it is missing and this directory sits in the mathcheck
repository with ``swift`` on PATH, it is built the same way first, so ``pip install ./python`` is one command on a
machine with the toolchain (set ``MATHCHECK_NO_BUILD=1`` to skip that). Without a binary the wheel is pure Python
and finds ``mathcheck`` through ``MATHCHECK_BINARY`` or ``PATH`` at run time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any, Dict

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _say(message: str) -> None:
    print(f"mathcheck build: {message}", file=sys.stderr, flush=True)


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    def initialize(self, version: str, build_data: Dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        binary = Path(self.root) / "mathcheck" / "bin" / "mathcheck"
        if not binary.is_file():
            self._build(binary)
        if not binary.is_file():
            _say("no binary: building a pure-Python wheel (set MATHCHECK_BINARY or put mathcheck on PATH)")
            return
        binary.chmod(binary.stat().st_mode | 0o755)
        build_data["force_include"][str(binary)] = "mathcheck/bin/mathcheck"
        build_data["pure_python"] = False
        platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
        build_data["tag"] = f"py3-none-{platform}"

    def _build(self, binary: Path) -> None:
        repo = Path(self.root).resolve().parent
        if os.environ.get("MATHCHECK_NO_BUILD") or not (repo / "Package.swift").is_file():
            return
        swift = shutil.which("swift")
        if swift is None:
            return
        deps = repo / "scripts" / "install-static-deps.sh"
        if deps.is_file():
            subprocess.run(["bash", str(deps)], check=False)
        _say("building the binary: swift build -c release --static-swift-stdlib (a few minutes)")
        done = subprocess.run([swift, "build", "-c", "release", "--static-swift-stdlib"], cwd=repo, check=False)
        built = repo / ".build" / "release" / "mathcheck"
        if done.returncode != 0 or not built.is_file():
            _say("the Swift build failed")
            return
        binary.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built, binary)
        if shutil.which("strip"):
            subprocess.run(["strip", str(binary)], check=False)
