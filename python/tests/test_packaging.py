"""The packaged binary and the wheel: no Swift runtime needed, installable, found without configuration."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import PYTHON_DIR

PACKAGED = PYTHON_DIR / "mathcheck" / "bin" / "mathcheck"
needs_packaged = pytest.mark.skipif(
    not PACKAGED.is_file(), reason="no packaged binary: `make python-binary` puts it in python/mathcheck/bin"
)


@needs_packaged
def test_packaged_binary_links_no_swift_library() -> None:
    ldd = subprocess.run(["ldd", str(PACKAGED)], capture_output=True, text=True, check=True).stdout
    libraries = [line.split()[0] for line in ldd.splitlines() if line.strip()]
    assert "not found" not in ldd, ldd
    swift = [lib for lib in libraries if any(k in lib for k in ("swift", "Foundation", "dispatch", "BlocksRuntime", "icu"))]
    assert swift == [], ldd
    for system in ("libgmp", "libmpfr", "libflint", "libc.so"):
        assert any(lib.startswith(system) for lib in libraries), (system, ldd)
    # Every library comes from the system's library directories.
    for line in ldd.splitlines():
        if "=>" in line:
            path = line.split("=>")[1].split()[0]
            assert path.startswith(("/lib", "/usr/lib")), line


@needs_packaged
def test_packaged_binary_runs_the_worker() -> None:
    done = subprocess.run(
        [str(PACKAGED), "worker"], input=b'{"response":"19 \\u00d7 94 = 1786"}\n', capture_output=True, check=True
    )
    assert b'"verdict":"correct"' in done.stdout


@needs_packaged
def test_wheel_installs_and_finds_its_binary(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    env = dict(os.environ, MATHCHECK_NO_BUILD="1")
    env.pop("MATHCHECK_BINARY", None)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", str(PYTHON_DIR), "-w", str(tmp_path)],
        check=True, env=env,
    )
    (wheel,) = tmp_path.glob("mathcheck-*.whl")
    assert wheel.name.endswith("-py3-none-linux_x86_64.whl") or "-py3-none-" in wheel.name
    with zipfile.ZipFile(wheel) as archive:
        info = archive.getinfo("mathcheck/bin/mathcheck")
        assert (info.external_attr >> 16) & 0o111, "the binary is not executable in the wheel"
        names = archive.namelist()
    assert "mathcheck/py.typed" in names and "mathcheck/openrlhf_reward.py" in names
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-index", "--no-deps", str(wheel)], check=True, env=env)
    # No MATHCHECK_BINARY and no mathcheck on PATH: the packaged binary is the one used.
    clean = {k: v for k, v in env.items() if k not in ("PYTHONPATH", "MATHCHECK_BINARY")}
    clean["PATH"] = "/usr/bin:/bin"
    program = (
        "import mathcheck, sys; b = mathcheck.find_binary(); assert b.startswith(sys.prefix), b; "
        "print(mathcheck.score_batch(['Yes, 91 is prime.', 'No, 91 = 7 × 13.'], ['Is 91 prime?'] * 2))"
    )
    done = subprocess.run([str(python), "-c", program], capture_output=True, text=True, env=clean, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[0.0, 1.0]"
