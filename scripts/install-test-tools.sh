#!/usr/bin/env bash
# Optional tools the test suite uses when they are there, installed when missing:
# - pagefind (PyPI's pagefind-bin) for the `galley build --search` test;
# - wget and openssl (Debian) to write real WARC files (`wget --warc-file`, through the local TLS
#   proxy of scripts/crawl-pages.py) for the archive tests;
# - warcio (PyPI) to cross-check the records galley reads from those files.
# A failure only means those tests are skipped, so this script never fails the test run.
set -uo pipefail

pip_install() {
  python3 -m pip install -q "$1" 2>/dev/null \
    || python3 -m pip install -q --break-system-packages "$1" 2>/dev/null \
    || echo "galley: could not install $1 (pip); $2 will be skipped" >&2
}

if command -v python3 >/dev/null 2>&1; then
  if ! command -v pagefind >/dev/null 2>&1 && ! python3 -m pagefind_bin --version >/dev/null 2>&1; then
    echo "galley: installing pagefind-bin (pip) for the --search test" >&2
    pip_install pagefind-bin "the --search test"
  fi
  if ! python3 -c "import warcio" >/dev/null 2>&1; then
    echo "galley: installing warcio (pip) for the WARC cross-check" >&2
    pip_install warcio "the warcio cross-check"
  fi
else
  echo "galley: python3 missing; the --search test and the warcio cross-check will be skipped" >&2
fi

missing=""
command -v wget >/dev/null 2>&1 || missing="$missing wget"
command -v openssl >/dev/null 2>&1 || missing="$missing openssl"
if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
  if command -v apt-get >/dev/null 2>&1; then
    echo "galley: installing$missing (apt-get) for the archive tests" >&2
    # shellcheck disable=SC2086
    { $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 \
      || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1; }; } \
      || echo "galley: could not install$missing; the archive tests that need them will be skipped" >&2
  else
    echo "galley:$missing missing; the archive tests that need them will be skipped" >&2
  fi
fi
exit 0
