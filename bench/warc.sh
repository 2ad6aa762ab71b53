#!/usr/bin/env bash
# Archive reading speed: `galley extract`, and `galley build` of a content folder holding it,
# over a .warc.gz of mostly image records (one gzip member per record, as crawlers write
# them), one thread. Prints the median of RUNS runs: wall
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
source bench/common.sh
bench_galley
warc="$out/galley-bench-$megabytes-$kind.warc.gz"
[ -f "$warc" ] || python3 bench/make_warc.py "$warc" "$megabytes" 50 "$kind" >&2
bytes=$(stat -c %s "$warc")
times=$(mktemp)
trap 'rm -f "$times"' EXIT
# `galley build` over a content folder holding only the archive (a fresh output each run, so
# every record is read and every page extracted), next to `galley extract` of the same file.
site="$out/galley-bench-warc-site"
rm -rf "$site" && mkdir -p "$site/content"
ln "$warc" "$site/content/crawl.warc.gz" 2>/dev/null || cp "$warc" "$site/content/crawl.warc.gz"
builds=$(mktemp)
trap 'rm -f "$times" "$builds"; rm -rf "$site"' EXIT
for ((i = 1; i <= runs; i++)); do
  /usr/bin/time -f "%e %M" -a -o "$times" "$galley" extract --jobs 1 "$warc" > /dev/null
  rm -rf "$site/public" "$site/.galley"
  /usr/bin/time -f "%e %M" -a -o "$builds" "$galley" build --quiet --jobs 1 --content "$site/content" --output "$site/public" > /dev/null
done
python3 - "$times" "$builds" "$bytes" <<'PY'
import statistics, sys
mb = int(sys.argv[3]) / 1048576
for label, path in (("extract", sys.argv[1]), ("build", sys.argv[2])):
    rows = [list(map(float, line.split())) for line in open(path)]
    wall = statistics.median(r[0] for r in rows)
    peak = statistics.median(r[1] for r in rows) / 1024
    print(f"warc {label}: {mb:.0f} MB compressed in {wall:.2f} s = {mb / wall:.0f} MB/s on one thread, peak {peak:.0f} MB (median of {len(rows)})")
PY
