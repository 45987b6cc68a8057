# Sourced by the Python client checks: `need_python MODULES PACKAGES WHAT` makes sure `import MODULES` works,
# installing PACKAGES with pip when it is available. Without them the check fails under CI and is skipped (exit 0,
# with a message naming WHAT and the packages) elsewhere.
need_python() {
  local modules=$1 packages=$2 what=$3
  if ! python3 -c "import $modules" 2>/dev/null && python3 -m pip --version >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    python3 -m pip install -q $packages
  fi
  if ! python3 -c "import $modules" 2>/dev/null; then
    if [[ -n "${CI:-}" ]]; then echo "$what: could not install $packages" >&2; exit 1; fi
    echo "skipping $what: pip install $packages" >&2
    exit 0
  fi
}
