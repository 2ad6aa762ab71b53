#!/bin/bash
# `make install` into a temporary prefix, then the new-user path from an empty folder, with no
# file of this repository: galley init, galley build, galley serve --port 0 answering one
# request; and --version, the man pages and the completions. Also checks that the installed
# binaries need no Swift runtime library (only system ones: libxml2, cmark, zlib, SQLite, libc).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/galley-install-check.XXXXXX)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
prefix=$work/prefix
make -C "$repo" --no-print-directory install PREFIX="$prefix" > "$work/install.log" 2>&1 || { tail -30 "$work/install.log"; echo "FAIL: make install"; exit 1; }
galley=$prefix/bin/galley

fail() { echo "FAIL: $*"; exit 1; }
"$galley" --version | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+ \(commit [0-9a-f]{12}(\+changes)?\)$' || fail "--version: $("$galley" --version)"
for file in share/man/man1/galley.1 share/man/man1/galley-serve.1 share/bash-completion/completions/galley \
            share/zsh/site-functions/_galley share/fish/vendor_completions.d/galley.fish bin/galley-serve; do
    [ -s "$prefix/$file" ] || fail "$file was not installed"
done
grep -q 'theme' "$prefix/share/bash-completion/completions/galley" || fail "the bash completion does not know the theme command"
if ldd "$galley" | grep -q 'libswift\|libFoundation'; then fail "galley links a shared Swift runtime: $(ldd "$galley" | grep -o 'lib\(swift\|Foundation\)[^ ]*' | tr '\n' ' ')"; fi

site=$work/empty/news
mkdir -p "$work/empty"
cd "$work/empty"
PATH=$prefix/bin:/usr/bin:/bin
galley init news > /dev/null
cd news
galley build --quiet --strict || fail "galley build in the new site"
[ -f public/index.html ] && [ -f public/static/galley.css ] || fail "the site has no home page or stylesheet"
ls public/*/*/*/index.html > /dev/null || fail "no article pages"

galley serve --port 0 > "$work/serve.log" 2>&1 &
server=$!
url=
for _ in $(seq 1 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.log" | head -1 || true)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || fail "galley serve did not say where it listens: $(cat "$work/serve.log")"
python3 - "$url" <<'PY' || fail "galley serve did not answer with the home page"
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=20) as reply:
    body = reply.read().decode()
    assert reply.status == 200 and "Welcome to your galley site" in body, body[:300]
PY
echo "ok: installed into a temporary prefix ($("$galley" --version)); init, build and serve worked from an empty folder"
echo "    installed binaries: galley $(du -h "$galley" | cut -f1), galley-serve $(du -h "$prefix/bin/galley-serve" | cut -f1)"
