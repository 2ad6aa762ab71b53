#!/usr/bin/env bash
# Builds the hostile-input site (HostileInputTests, from Tests/GalleyPipelineTests/Fixtures/hostile/
# vectors.json) and loads every output page in Debian's headless Chromium, recording any dialog,
# compiled script, fetch/XHR/beacon/socket, navigation attempt, or dangerous element or attribute
# in the DOM as the browser parsed it (scripts/browser-check-hostile.py). Expected: zero records.
#
# Usage: scripts/browser-check-hostile.sh [--limit N] [--keep DIR]
#   SWIFT_SCRATCH=.build-hostile   scratch path for `swift test` (default: .build)
#   CHROMIUM=/path/to/chromium     browser to use (default: chromium or chromium-browser)
# Exit status: 0 clean (or chromium could not be installed: skipped), 1 something was recorded,
# 2 the site could not be built or the browser did not start.
set -euo pipefail
cd "$(dirname "$0")/.."

limit=0
keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --limit) limit="$2"; shift 2 ;;
        --keep) keep="$2"; shift 2 ;;
        *) echo "usage: $0 [--limit N] [--keep DIR]" >&2; exit 64 ;;
    esac
done

browser="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$browser" ]; then
    echo "chromium is missing: installing it with apt-get" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
    if $sudo apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 \
        || { $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y --no-install-recommends chromium >/dev/null 2>&1; }; then
        browser="$(command -v chromium || true)"
    fi
    if [ -z "$browser" ]; then
        echo "browser check skipped: chromium is not installed and could not be installed" >&2
        exit 0
    fi
fi
command -v python3 >/dev/null || { echo "browser check skipped: python3 is missing" >&2; exit 0; }

# The hooks must see what they are meant to see: positive controls first.
if ! python3 scripts/browser-check-hostile.py --self-test --chromium "$browser" . >&2; then
    echo "the browser check's own self-test failed: its hooks do not record what they should" >&2
    exit 2
fi

work="${keep:-$(mktemp -d /tmp/galley-browser-check-XXXXXX)}"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
echo "building the hostile site into $work/public" >&2
if ! GALLEY_HOSTILE_KEEP="$work" swift test --scratch-path "${SWIFT_SCRATCH:-.build}" --disable-xctest \
        --filter "HostileInputTests/noScriptReachesAReader" > "$work/swift-test.log" 2>&1; then
    echo "the hostile site did not build cleanly (see $work/swift-test.log):" >&2
    grep -E "✘|error" "$work/swift-test.log" | head -20 >&2 || true
    [ -f "$work/public/index.html" ] || exit 2
fi
grep -E "^hostile corpus|^  (by class|build):" "$work/swift-test.log" >&2 || true

python3 scripts/browser-check-hostile.py "$work/public" --chromium "$browser" --limit "$limit" --report "$work/browser-report.json"
