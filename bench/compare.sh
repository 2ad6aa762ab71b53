#!/usr/bin/env bash
# Compares galley binaries on a cold build of the N-article benchmark corpus: each binary
# builds RUNS times, interleaved (a, b, c, a, b, c, …) so that machine noise hits all alike;
# prints the median wall time, CPU time (user + system) and peak memory per binary.
#
#   bench/compare.sh BINARY...              e.g. /tmp/galley-before .build/release/galley
#   N=10000 RUNS=5 OUT=/dev/shm bench/compare.sh BINARY...
#
# Needs bench/run.sh's corpus cache. The output and build state go to OUT (default /dev/shm,
# a tmpfs): on a busy disk the write phase alone varied 6–17 s between runs of one binary,
# which hides any difference in galley's own work. Use OUT=/tmp to include the disk.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N:-10000}
runs=${RUNS:-5}
out=${OUT:-/dev/shm}
corpus="${BENCH_CACHE:-bench/.cache}/corpus-$n-seed${SEED:-42}/galley"
[ -d "$corpus" ] || { echo "no corpus at $corpus: run bench/run.sh $n first" >&2; exit 1; }
[ $# -ge 1 ] || { echo "usage: bench/compare.sh BINARY..." >&2; exit 64; }
work=$(mktemp -d "$out/galley-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
for ((i = 1; i <= runs; i++)); do
  for index in $(seq 0 $(($# - 1))); do
    binary=${@:$((index + 1)):1}
    rm -rf "$work/public" "$work/cache"
    /usr/bin/time -f "%e %U %S %M" -a -o "$work/times-$index" "$binary" build --config bench/galley-bench.yml \
      --content "$corpus" --templates templates --output "$work/public" --cache "$work/cache" --quiet
  done
done
index=0
for binary in "$@"; do
  python3 - "$binary" "$work/times-$index" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[2]) if line.strip() and not line.startswith("Command")]
wall = statistics.median(float(r[0]) for r in rows)
cpu = statistics.median(float(r[1]) + float(r[2]) for r in rows)
peak = statistics.median(int(r[3]) for r in rows) / 1024
print(f"{sys.argv[1]:<40} wall {wall:.2f} s  cpu {cpu:.2f} s  peak {peak:.0f} MB  ({' '.join(r[0] for r in rows)})")
PY
  index=$((index + 1))
done
