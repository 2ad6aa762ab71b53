#!/usr/bin/env bash
# Scores a built site with Lighthouse (performance, accessibility, best practices, SEO; mobile
# and desktop presets) and axe-core in headless Chromium.
#
#   scripts/lighthouse.sh [SITE_DIR]
#
# Without SITE_DIR the bundled example (content/, galley.yml) is built into a temporary folder
# first (with --search when pagefind is on the PATH or `python3 -m pagefind_bin` runs), with
# $GALLEY if set (a path relative to the repository), else the newer of .build/debug/galley and
# .build/release/galley, else `swift run -c release galley`. The folder is served on a free
# port of 127.0.0.1 and these pages are scored: index.html, the first article linked from it,
# the first tag page linked from that article (else from tags/index.html), tags/index.html,
# 404.html and search/index.html when the site has one.
#
# How Lighthouse runs without npm: Debian's Chromium carries Lighthouse inside its DevTools
# front end (the bundle the DevTools "Lighthouse" panel runs in a worker), together with the
# Puppeteer build that worker drives the page with. scripts/lighthouse/run.mjs reads them out of
# Chromium's resources.pak (a small header, an index of resource ids and offsets; entries gzip-
# or brotli-compressed), caches them, loads them into Node and points them at a headless Chromium
# started with --remote-debugging-pipe (the DevTools protocol over two pipes). axe-core
# (axe.min.js) comes from PyPI's axe-playwright-python wheel (downloaded, not installed: only
# the file is used) and is injected into each page through the same protocol, once at a mobile
# and once at a desktop viewport, with every rule tagged wcag2a, wcag2aa, wcag21a, wcag21aa or
# best-practice.
#
# Remote hosts are made unresolvable for the browser (--host-resolver-rules): scores are the
# same with or without a network, and no request leaves the machine. The example's articles
# hotlink their images from the sites they were scraped from (local copies are issue 16's
# work); those loads fail with ERR_NAME_NOT_RESOLVED, which the errors-in-console audit is told
# to ignore. Every other console error counts.
#
# With a search page it also uses search as a reader would: types the longest word of the scored
# article's headline into the home page's header box, submits, and expects Pagefind results
# whose links all open.
#
# Prints a table page × preset → the four scores, every audit that scored below 1 (not the
# informative or not-applicable ones) with the pages it failed on and what it found, and the axe
# violations per page (rule, impact, count, first target).
# Exit status: 0 when every page has SEO, best practices and accessibility 100, performance 95 or
# more and no axe violation; 1 when any page falls short; 2 when the site could not be built or
# the browser could not run. When Chromium, Node (18 or later) or Python is missing the check is
# skipped with a message and exit status 0, so the script is safe to call from CI.
#
#   CHROMIUM=/path/to/chromium   browser (default: chromium, chromium-browser)
#   CHROMIUM_PAK=/path/resources.pak  the pak with the DevTools front end (default: found
#                                next to the browser, or in /usr/lib/chromium*)
#   NODE=/path/to/node           default: node
#   AXE_JS=/path/to/axe.min.js   axe-core to use instead of the one from PyPI
#   LIGHTHOUSE_REPORTS=DIR       also write each Lighthouse result (JSON) into DIR
# One Chromium runs at a time; the example (6 pages × 2 presets) takes about two minutes on 2 cores.
set -euo pipefail

source "$(dirname "$0")/lib/common.sh"
optional_site_argument lighthouse "$@"
cd "$(dirname "$0")/.."
here=$(pwd)

skip() {
    echo "lighthouse: skipped: $*"
    exit 0
}

browser="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -n "$browser" ] || skip "chromium is not installed (apt-get install chromium)"
command -v "$browser" >/dev/null 2>&1 || skip "no browser at $browser"
command -v python3 >/dev/null 2>&1 || skip "python3 is not installed (it serves the site)"
node="${NODE:-$(command -v node || true)}"
[ -n "$node" ] || skip "node is not installed (apt-get install nodejs); it runs Chromium's own Lighthouse"
command -v "$node" >/dev/null 2>&1 || skip "no node at $node"
"$node" -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)' 2>/dev/null \
    || skip "node $("$node" --version 2>/dev/null) is too old (18 or later is needed)"

# Chromium's resources.pak: next to the real binary (/usr/bin/chromium is a shell wrapper).
pak="${CHROMIUM_PAK:-}"
if [ -z "$pak" ]; then
    real=$(readlink -f "$browser")
    for dir in "$(dirname "$real")" /usr/lib/chromium /usr/lib/chromium-browser /usr/lib64/chromium-browser /usr/lib64/chromium; do
        if [ -f "$dir/resources.pak" ]; then
            pak="$dir/resources.pak"
            break
        fi
    done
fi
[ -n "$pak" ] && [ -f "$pak" ] || skip "no resources.pak found for $browser (set CHROMIUM_PAK)"

cache="${XDG_CACHE_HOME:-$HOME/.cache}/galley/lighthouse"
mkdir -p "$cache"
work=$(mktemp -d "${TMPDIR:-/tmp}/galley-lighthouse.XXXXXX")
server=
runner=
cleanup() {
    for pid in $runner $server; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

# axe-core: $AXE_JS, else axe.min.js from the cache, else from the axe-playwright-python wheel
# (pinned, so every machine runs the same axe; `pip download` fetches the wheel alone).
AXE_WHEEL=axe-playwright-python==0.1.8
axe="${AXE_JS:-}"
if [ -z "$axe" ]; then
    axe="$cache/${AXE_WHEEL/==/-}/axe.min.js"
    if [ ! -s "$axe" ]; then
        if PIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip download --quiet --no-deps --dest "$work/wheel" "$AXE_WHEEL" >/dev/null 2>&1 \
            && python3 - "$work/wheel" "$axe" <<'PY' 2>/dev/null
import glob, os, sys, zipfile
wheel = glob.glob(os.path.join(sys.argv[1], "*.whl"))[0]
with zipfile.ZipFile(wheel) as z:
    name = next(n for n in z.namelist() if n.endswith("/axe.min.js"))
    data = z.read(name)
os.makedirs(os.path.dirname(sys.argv[2]), exist_ok=True)
with open(sys.argv[2] + ".tmp", "wb") as f:
    f.write(data)
os.replace(sys.argv[2] + ".tmp", sys.argv[2])
PY
        then
            :
        else
            echo "lighthouse: could not fetch axe-core ($AXE_WHEEL from PyPI); axe is skipped, set AXE_JS to run it" >&2
            axe=
        fi
    fi
elif [ ! -s "$axe" ]; then
    echo "lighthouse: AXE_JS=$axe is not a file" >&2
    exit 2
fi

# The site: the argument, or the example built into the temporary folder.
if [ -z "$site" ]; then
    site="$work/site"
    if [ -n "${GALLEY:-}" ]; then
        galley=("$GALLEY")
    elif [ -x .build/debug/galley ] && { [ ! -x .build/release/galley ] || [ .build/debug/galley -nt .build/release/galley ]; }; then
        galley=(.build/debug/galley)
    elif [ -x .build/release/galley ]; then
        galley=(.build/release/galley)
    else
        galley=(swift run -c release galley)
    fi
    search=()
    if command -v pagefind >/dev/null 2>&1 || python3 -m pagefind_bin --version >/dev/null 2>&1; then
        search=(--search)
    fi
    echo "lighthouse: building the example site with ${galley[*]}${search:+ (with --search)}" >&2
    if ! "${galley[@]}" build --output "$site" --cache "$work/cache" --quiet "${search[@]}" > "$work/build.log" 2>&1; then
        if [ ${#search[@]} -gt 0 ] && rm -rf "$site" "$work/cache" \
            && "${galley[@]}" build --output "$site" --cache "$work/cache" --quiet > "$work/build2.log" 2>&1; then
            echo "lighthouse: the build with --search failed, so there is no search page to score:" >&2
            tail -5 "$work/build.log" >&2
        else
            echo "lighthouse: the example site did not build:" >&2
            tail -20 "$work/build.log" >&2
            exit 2
        fi
    fi
fi
[ -f "$site/index.html" ] || { echo "lighthouse: $site has no index.html" >&2; exit 2; }

# The server: Python's static file server on a port the kernel picks, quiet.
python3 - "$site" > "$work/server.out" 2> "$work/server.err" <<'PY' &
import functools, http.server, sys

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=sys.argv[1]))
print(server.server_address[1], flush=True)
server.serve_forever()
PY
server=$!
port=$(wait_for_output "lighthouse: the HTTP server" "$work/server.out" "$work/server.err" "$server" '^[0-9][0-9]*$' 100)

reports=()
if [ -n "${LIGHTHOUSE_REPORTS:-}" ]; then
    mkdir -p "$LIGHTHOUSE_REPORTS"
    reports=(--reports "$(cd "$LIGHTHOUSE_REPORTS" && pwd)")
fi
mkdir -p "$work/browser"
status=0
"$node" "$here/scripts/lighthouse/run.mjs" --base "http://127.0.0.1:$port/" --chromium "$browser" --pak "$pak" \
    --cache "$cache" --work "$work/browser" ${axe:+--axe "$axe"} "${reports[@]}" &
runner=$!
wait "$runner" || status=$?
runner=
[ "$status" -le 2 ] || status=2
exit "$status"
