#!/usr/bin/env bash
# Issue 6's figures: a full build, a rebuild with no change, and rebuilds after one article
# changes (its body; its title; a new article) of the N-article benchmark corpus, each RUNS
# times; prints the median wall time and the files rewritten.
#
#   bench/incremental.sh [N]          N defaults to 10000; needs bench/run.sh's corpus cache
#   RUNS=5 bench/incremental.sh
#   GALLEY=/path/to/galley bench/incremental.sh
#                                     times that binary (default: builds and times this checkout's)
#   SCRAPED_IMAGES=1 bench/incremental.sh
#                                     the scrape holds every image the articles show, as a mirror
#                                     tree does (content/img.example/…: bench/scrape-image.jpg,
#                                     320×213, with a different last byte each); the full build
#                                     then makes them all (about a minute at 10,000)
#
# The corpus is copied to a temporary folder (bench/.cache is never modified) and dated an
# hour back, so no source is "racy" (modified within two seconds of a build reading it). A
# second copy keeps the mtimes of its copying, as a scraper that writes just before cron
# runs galley leaves them: its first no-change run must hash the racy sources in the fast
# check, not run the whole pipeline.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
runs=${RUNS:-3}
cache=${BENCH_CACHE:-bench/.cache}
corpus="$cache/corpus-$n-seed${SEED:-42}/galley"
[ -d "$corpus" ] || { echo "no corpus at $corpus: run bench/run.sh $n first" >&2; exit 1; }
source bench/common.sh  # median
galley=${GALLEY:-.build/release/galley}
[ -n "${GALLEY:-}" ] || make --no-print-directory build >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Puts the image each article shows into the copy at $1, as a mirror tree (`wget -m`) has it.
add_images() {
  [ "${SCRAPED_IMAGES:-0}" = 1 ] || return 0
  python3 - "$1" <<'PY'
import os, re, sys
root = sys.argv[1]
image = open("bench/scrape-image.jpg", "rb").read()
urls = set()
for folder, _, names in os.walk(root):
    for name in names:
        if name.endswith(".md"):
            urls.update(re.findall(r"https?://(img\.example/[^)\s\"]+)", open(os.path.join(folder, name), encoding="utf-8").read()))
for index, path in enumerate(sorted(urls)):
    target = os.path.join(root, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as file:
        file.write(image + b"%08d" % index)
PY
}
cp -r "$corpus" "$work/content"
add_images "$work/content"
find "$work/content" -type f -exec touch -d '1 hour ago' {} +
articles=($(find "$work/content" -name '*.md' | sort))

build() {  # [content output] prints: wall-seconds files-written files-total pages-rendered
  local log="$work/log" start end content=${1:-$work/content} output=${2:-$work/public}
  start=$(date +%s.%N)
  "$galley" build --config bench/galley-bench.yml --content "$content" --templates templates --output "$output" >"$log" 2>&1
  end=$(date +%s.%N)
  local files pages
  files=$(grep -E '^pages: ' "$log" | sed -E 's/.*files: ([0-9]+) written, ([0-9]+) unchanged.*/\1 \2/')
  pages=$(grep -E '^pages: ' "$log" | sed -E 's/^pages: ([0-9]+) rendered.*/\1/')
  read -r written unchanged <<<"$files"
  echo "$(echo "$end - $start" | bc) $written $((written + unchanged)) $pages"
}

declare -A walls files
record() {  # case result
  local case=$1 wall written total pages
  read -r wall written total pages <<<"$2"
  walls[$case]+="$wall "
  files[$case]="$written of $total files, $pages pages rendered"
}

for run in $(seq "$runs"); do
  rm -rf "$work/public" "$work/.galley"
  record "full build" "$(build)"
  record "no change" "$(build)"
  article=${articles[$((run * 997 % ${#articles[@]}))]}
  printf '\nSatu kalimat tambahan untuk uji ke-%s.\n' "$run" >>"$article"
  record "one article's body" "$(build)"
  article=${articles[$((run * 991 % ${#articles[@]}))]}
  sed -i "0,/^title: \"/s//title: \"Diperbarui $run: /" "$article"
  record "one article's title" "$(build)"
  new="$work/content/posts/zz-new-$run.md"
  sed -e "0,/^title: \"/s//title: \"Berita baru $run: /" -e "0,/^date: .*/s//date: 2030-01-0${run}T08:00:00+07:00/" "${articles[0]}" >"$new"
  record "one new article (newest)" "$(build)"
  rm -rf "$work/racy" "$work/racy-public" "$work/.galley/racy-public"*
  sync
  cp -r "$corpus" "$work/racy"
  add_images "$work/racy"
  record "full build, sources just written" "$(build "$work/racy" "$work/racy-public")"
  record "first no-change run after it" "$(build "$work/racy" "$work/racy-public")"
  record "second no-change run" "$(build "$work/racy" "$work/racy-public")"
done

# Each case against the full build of its own corpus copy (the racy cases against the racy one).
printf '%-34s %10s %8s  %s\n' "N=$n, median of $runs" "wall (s)" "of full" "files rewritten"
for case in "full build" "no change" "one article's body" "one article's title" "one new article (newest)" \
  "full build, sources just written" "first no-change run after it" "second no-change run"; do
  wall=$(tr ' ' '\n' <<<"${walls[$case]}" | grep . | median)
  case $case in "full build, sources just written"|"first no-change run after it"|"second no-change run") base="full build, sources just written" ;; *) base="full build" ;; esac
  full=$(tr ' ' '\n' <<<"${walls[$base]}" | grep . | median)
  printf '%-34s %10s %7.1f%%  %s\n' "$case" "$wall" "$(echo "100 * $wall / $full" | bc -l)" "${files[$case]}"
done
