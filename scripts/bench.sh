#!/usr/bin/env bash
# Benchmarks galley (release build): medians of several runs, printed as one table.
#  1. extraction throughput on the public benchmark pages (../shared/corpora), one process, --jobs 1
#  2. a full build of the bundled example site
# Usage: scripts/bench.sh [RUNS]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
galley=.build/release/galley
[ -x "$galley" ] || make --no-print-directory build >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N); awk -v s="$start" -v e="$end" 'BEGIN {printf "%.4f\n", (e-s)/1e9}'; }
rate() { awk -v n="$1" -v t="$2" 'BEGIN {printf "%.1f", n/t}'; }

corpus=../shared/corpora/article-extraction-benchmark/html
if [ -d "$corpus" ]; then
  pages=$(ls "$corpus"/*.html.gz | wc -l)
  times=$(for _ in $(seq "$runs"); do seconds "$galley" extract --jobs 1 --format json "$corpus"/*.html.gz; done | median)
  echo "extract  $pages benchmark pages, 1 job: median ${times}s = $(rate "$pages" "$times") pages/s (runs: $runs)"
  times=$(for _ in $(seq "$runs"); do seconds "$galley" extract --format json "$corpus"/*.html.gz; done | median)
  echo "extract  $pages benchmark pages, all cores: median ${times}s = $(rate "$pages" "$times") pages/s"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
times=$(for _ in $(seq "$runs"); do rm -rf "$out/site"; seconds "$galley" build --quiet --output "$out/site"; done | median)
echo "build    example site from clean: median ${times}s (runs: $runs)"
times=$(for _ in $(seq "$runs"); do seconds "$galley" build --quiet --output "$out/site"; done | median)
echo "build    example site again (no change): median ${times}s"
