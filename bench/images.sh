#!/usr/bin/env bash
# Image processing speed (issue 16), on the bundled example's scraped images (18 files of
# 900–2400 px JPEGs in content/*/HOST/PATH, and a 1200 px JPEG inlined in its SingleFile page):
#
# 1. images per second per core at each width: `galley build --jobs 1` of the example with
#    `images.widths: [W]`, for W = 480, 960 and 1600 (each image made at W, or at its own width
#    when smaller, in JPEG and WebP); the figure is the images made / the build's "images" phase;
# 2. the example's build with the default widths (480, 960, 1600), both cores: cold (empty
#    output), no change (the fast path), and after a config change that re-renders every page
#    but keeps every image (the image cache).
#
#   bench/images.sh            RUNS=5 (medians); GALLEY=path/to/galley; output under OUT (/dev/shm)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
out=${OUT:-/dev/shm}/galley-bench-images
source bench/common.sh
bench_galley
rm -rf "$out" && mkdir -p "$out"
trap 'rm -rf "$out"' EXIT

# The seconds of one phase in a build's summary ("done in 3.24 s (config 0.02, …, images 3.01, …)").
phase() { sed -n "s/.*[(,] $1 \([0-9.]*\).*/\1/p" | tail -1; }
wall() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1; }

images=$("$galley" build --jobs 1 --config galley.yml --content content --output "$out/public" 2>&1 | sed -n 's/^images from the scrape: \([0-9]*\) made.*/\1/p')
echo "images in the example's scrape: $images"
printf '%-8s %10s %14s\n' width "images s" "images/s/core"
for width in 480 960 1600; do
  config="$out/galley-$width.yml"
  { cat galley.yml; printf '\nimages:\n  widths: [%s]\n' "$width"; } > "$config"
  seconds=()
  for ((i = 1; i <= runs; i++)); do
    rm -rf "$out/public" "$out/.galley"
    seconds+=("$("$galley" build --jobs 1 --config "$config" --content content --output "$out/public" 2>&1 | phase images)")
  done
  median=$(printf '%s\n' "${seconds[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-8s %10s %14s\n' "$width" "$median" "$(python3 -c "print(round($images / $median, 1))")"
done

retitled="$out/galley-retitled.yml"
sed 's/^title: .*/title: Galley News (retitled)/' galley.yml > "$retitled"
cold=(); none=(); cached=()
for ((i = 1; i <= runs; i++)); do
  rm -rf "$out/public" "$out/.galley"
  cold+=("$(wall "$galley" build --quiet --config galley.yml --content content --output "$out/public")")
  none+=("$(wall "$galley" build --quiet --config galley.yml --content content --output "$out/public")")
  cached+=("$(wall "$galley" build --quiet --config "$retitled" --content content --output "$out/public")")
done
med() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo
echo "example build, both cores (median of $runs):"
echo "  cold, with images:                 $(med "${cold[@]}") s"
echo "  no change:                         $(med "${none[@]}") s"
echo "  every page re-rendered, images kept: $(med "${cached[@]}") s"
