#!/usr/bin/env bash
# Archive reading speed: `galley extract` over a .warc.gz of mostly image records (one gzip
# member per record, as crawlers write them), one thread. Prints the median of RUNS runs: wall
# time, compressed MB per second and peak memory (flat: the file is streamed, not loaded).
#
#   bench/warc.sh [MEGABYTES] [images|text]   default 1024 images; RUNS=3; the file goes to OUT
#                                             (default /dev/shm)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-1024}
kind=${2:-images}
runs=${RUNS:-3}
out=${OUT:-/dev/shm}
galley=${GALLEY:-.build/release/galley}
[ -x "$galley" ] || { echo "build galley first: swift build -c release --product galley" >&2; exit 1; }
warc="$out/galley-bench-$megabytes-$kind.warc.gz"
[ -f "$warc" ] || python3 bench/make_warc.py "$warc" "$megabytes" 50 "$kind" >&2
bytes=$(stat -c %s "$warc")
times=$(mktemp)
trap 'rm -f "$times"' EXIT
for ((i = 1; i <= runs; i++)); do
  /usr/bin/time -f "%e %M" -a -o "$times" "$galley" extract --jobs 1 "$warc" > /dev/null
done
python3 - "$times" "$bytes" <<'PY'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1])]
wall = statistics.median(r[0] for r in rows)
peak = statistics.median(r[1] for r in rows) / 1024
mb = int(sys.argv[2]) / 1048576
print(f"warc: {mb:.0f} MB compressed in {wall:.2f} s = {mb / wall:.0f} MB/s on one thread, peak {peak:.0f} MB (median of {len(rows)})")
PY
