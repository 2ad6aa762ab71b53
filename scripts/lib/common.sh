# Shell helpers the scripts in scripts/ share; `source` it, then call.

# optional_site_argument NAME [SITE_DIR]: the usage check of a script that takes one optional
# site folder; sets `site` to its absolute path, or to "" when none was given (the script then
# builds the bundled example itself). Exits 64 on bad usage, 2 when SITE_DIR is no folder.
optional_site_argument() {
    local name=$1
    shift
    if [ $# -gt 1 ] || [[ ${1:-} == -* ]]; then
        echo "usage: scripts/$name.sh [SITE_DIR]" >&2
        exit 64
    fi
    site=
    if [ $# -eq 1 ]; then
        [ -d "$1" ] || { echo "$name: $1 is not a folder" >&2; exit 2; }
        site=$(cd "$1" && pwd)
    fi
}

# wait_for_output WHAT FILE ERRORS PID PATTERN TRIES: prints the first text matching PATTERN
# (grep -o) that a starting server (PID) writes to FILE. When the server ends first or TRIES
# tenths of a second pass, says "WHAT did not start", shows its ERRORS file and exits 2.
wait_for_output() {
    local what=$1 file=$2 errors=$3 pid=$4 pattern=$5 tries=$6 found
    for _ in $(seq 1 "$tries"); do
        found=$(grep -o "$pattern" "$file" 2>/dev/null | head -1 || true)
        [ -n "$found" ] && { echo "$found"; return; }
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "$what did not start:" >&2
    cat "$errors" >&2
    exit 2
}
