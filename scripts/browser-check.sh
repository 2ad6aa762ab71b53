#!/usr/bin/env bash
# Loads the example site through `galley-serve` (galley serve) in Debian's headless Chromium:
# the home page, an article linked from it and a tag page linked from that; then breaks a copy
# of the config and checks that the error box shows over the last good page. Writes a
# screenshot per page and fails on any console error ("Uncaught", console.error, failed loads).
#
# Usage: scripts/browser-check.sh [SCREENSHOT_DIR]      (default: .build/screenshots)
#   SWIFT_SCRATCH=.build-serve   scratch path for `swift build` (default: .build)
#   GALLEY_SERVE=path            a galley-serve already built (skips the build)
#   CHROMIUM=/path/to/chromium   browser to use (default: chromium or chromium-browser)
# Exit status: 0 clean (or skipped: no chromium / python3), 1 a check failed, 2 the server did
# not build or start.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

shots="${1:-.build/screenshots}"
browser="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$browser" ]; then
    echo "browser check skipped: chromium is not installed (apt-get install chromium)"
    exit 0
fi
command -v python3 >/dev/null || { echo "browser check skipped: python3 is missing"; exit 0; }

scratch="${SWIFT_SCRATCH:-.build}"
work="$(mktemp -d /tmp/galley-serve-check-XXXXXX)"
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill -INT "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

serve="${GALLEY_SERVE:-}"
if [ -z "$serve" ]; then
    echo "building galley-serve ($scratch)" >&2
    if ! swift build --scratch-path "$scratch" --product galley-serve > "$work/build.log" 2>&1; then
        grep -E "error" "$work/build.log" | head -20 >&2 || tail -20 "$work/build.log" >&2
        exit 2
    fi
    serve="$(swift build --scratch-path "$scratch" --show-bin-path)/galley-serve"
fi

# A copy of the config, so the check can break it without touching the repository's.
if [ -f galley.yml ]; then cp galley.yml "$work/galley.yml"; else : > "$work/galley.yml"; fi
"$serve" --content content --templates templates --config "$work/galley.yml" --output "$work/public" --port 0 \
    > "$work/serve.out" 2> "$work/serve.err" &
server=$!
url=$(wait_for_output galley-serve "$work/serve.out" "$work/serve.err" "$server" 'http://[^ ]*/' 600)
echo "galley-serve at $url" >&2

mkdir -p "$shots"
rm -f "$shots"/serve-*.png
failures=0

# Chromium with the console on stderr and a time limit. (No --virtual-time-budget: with the
# page's event stream open, virtual time never runs out and Chromium hangs.)
chrome() {
    local log="$1"; shift
    timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
        --no-default-browser-check --disable-extensions --hide-scrollbars --user-data-dir="$work/profile" \
        --enable-logging=stderr --v=0 "$@" 2> "$log" || true
}

# Console output in a Chromium log (`--enable-logging=stderr` prints every console message as
# a CONSOLE line, whatever its level). The site has no scripts and the reload script logs
# nothing, so any such line (an uncaught exception, a failed load) is a failure.
console_errors() {
    grep -E ':CONSOLE|Uncaught' "$1" || true
}

# Loads a page: its DOM (after scripts ran) into NAME.html, a screenshot into SHOTS/serve-NAME.png.
visit() {
    local name="$1" page="$2"
    chrome "$work/$name.dom.log" --dump-dom "$page" > "$work/$name.html"
    chrome "$work/$name.shot.log" --window-size=1280,1400 --screenshot="$shots/serve-$name.png" "$page"
    if [ ! -s "$work/$name.html" ] || [ ! -s "$shots/serve-$name.png" ]; then
        echo "FAIL $name: $page did not load" >&2
        failures=$((failures + 1))
        return
    fi
    local errors
    errors="$(console_errors "$work/$name.dom.log"; console_errors "$work/$name.shot.log")"
    if [ -n "$errors" ]; then
        echo "FAIL $name: console errors on $page:" >&2
        echo "$errors" | sort -u | head -10 >&2
        failures=$((failures + 1))
    fi
    if ! grep -q '/__galley/live.js' "$work/$name.html"; then
        echo "FAIL $name: no live-reload script in $page" >&2
        failures=$((failures + 1))
    fi
    echo "ok   $name: $page -> $shots/serve-$name.png" >&2
}

# The first link in a dumped page whose resolved path matches PATTERN, as an absolute URL.
link() {
    python3 - "$1" "$2" "$3" <<'PY'
import re, sys
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

page_file, base, pattern = sys.argv[1], sys.argv[2], re.compile(sys.argv[3])

class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = None
    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if self.found is None and tag == "a" and href:
            target = urljoin(base, href)
            if urlparse(target).netloc == urlparse(base).netloc and pattern.search(urlparse(target).path):
                self.found = target

parser = Links()
parser.feed(open(page_file, encoding="utf-8").read())
print(parser.found or "")
PY
}

visit home "$url"
article="$(link "$work/home.html" "$url" '^/[0-9]{4}/[0-9]{2}/[^/]+/(index\.html)?$')"
if [ -z "$article" ]; then
    echo "FAIL home: no article link" >&2
    failures=$((failures + 1))
else
    visit article "$article"
    tag="$(link "$work/article.html" "$article" '^/tags/[^/]+/(index\.html)?$')"
    if [ -z "$tag" ]; then
        echo "FAIL article: no tag link on $article" >&2
        failures=$((failures + 1))
    else
        visit tag "$tag"
    fi
fi
chrome "$work/missing.log" --window-size=1280,900 --screenshot="$shots/serve-404.png" "${url}no-such-page/"

# A failed rebuild: the last good page stays, with the error in a box over it.
status() { python3 -c 'import json, sys, urllib.request; print(json.load(urllib.request.urlopen(sys.argv[1]))[sys.argv[2]])' "${url}__galley/status" "$1"; }
before="$(status build)"
printf '\npermalink: /:year/no-slug/\n' >> "$work/galley.yml"
for _ in $(seq 1 100); do
    [ "$(status build)" != "$before" ] && break
    sleep 0.1
done
if [ "$(status state)" != "failed" ]; then
    echo "FAIL error: breaking the config did not fail the rebuild" >&2
    failures=$((failures + 1))
else
    chrome "$work/error.dom.log" --dump-dom "$url" > "$work/error.html"
    chrome "$work/error.shot.log" --window-size=1280,900 --screenshot="$shots/serve-build-error.png" "$url"
    if grep -q '__galley-build-error' "$work/error.html" && grep -q 'galley.yml' "$work/error.html"; then
        echo "ok   build error shown over the last good page -> $shots/serve-build-error.png" >&2
    else
        echo "FAIL error: the error box is missing from $url" >&2
        failures=$((failures + 1))
    fi
    if ! grep -q 'class="card' "$work/error.html"; then
        echo "FAIL error: the last good page is no longer served" >&2
        failures=$((failures + 1))
    fi
fi

ls "$shots"/serve-*.png >&2
if [ "$failures" -gt 0 ]; then
    echo "browser check: $failures failed" >&2
    exit 1
fi
echo "browser check: home, tag, article, 404 and build error loaded without console errors"
