#!/usr/bin/env bash
# Optional tools the test suite uses when they are there: pagefind (PyPI's pagefind-bin) for
# the `galley build --search` test. Installed with pip when missing; a failure only means that
# test is skipped, so this script never fails the test run.
set -uo pipefail

if command -v pagefind >/dev/null 2>&1 || python3 -m pagefind_bin --version >/dev/null 2>&1; then
  exit 0
fi
command -v python3 >/dev/null 2>&1 || { echo "galley: python3 missing; the --search test will be skipped" >&2; exit 0; }
echo "galley: installing pagefind-bin (pip) for the --search test" >&2
python3 -m pip install -q pagefind-bin 2>/dev/null \
  || python3 -m pip install -q --break-system-packages pagefind-bin 2>/dev/null \
  || echo "galley: could not install pagefind-bin; the --search test will be skipped" >&2
exit 0
