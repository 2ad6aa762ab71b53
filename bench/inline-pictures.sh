#!/usr/bin/env bash
# Pages saved with their pictures inlined (SingleFile, "save as single file"): P HTML pages, each
# showing one JPEG as a `data:` URI of about 540 KB (bench/scrape-image.jpg followed by 400 KB
# that no decoder reads, different in every page). Times a cold build, a no-change build, then,
# RUNS times each, a build after one new Markdown article and one after a page's body is edited
# (a sentence added), and prints the medians with the peak memory of each kind of build.
#
#   bench/inline-pictures.sh [P]          defaults to 500 pages (about 270 MB)
#   GALLEY=path/to/galley RUNS=5 OUT=/dev/shm bench/inline-pictures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-500}
runs=${RUNS:-5}
source bench/common.sh
bench_galley
bench_scratch inline
mkdir -p "$work/content"

python3 - "$work/content" "$pages" <<'PY'
import base64, os, sys
folder, pages = sys.argv[1], int(sys.argv[2])
image = open("bench/scrape-image.jpg", "rb").read()
paragraph = ("Petugas gabungan memompa air dari permukiman yang paling rendah sejak dini hari, sementara warga "
             "mengungsi ke balai desa dan dapur umum mulai dibuka untuk ratusan keluarga.")
for n in range(pages):
    day, hour = 1 + n % 28, n % 24
    title = f"Banjir rob di pesisir nomor {n}"
    picture = base64.b64encode(image + os.urandom(400_000)).decode()
    html = (f'<html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="2026-10-{day:02d}T{hour:02d}:00:00+07:00"></head>'
            f'<body><article><h1>{title}</h1><p>{paragraph} {title}.</p><p>{paragraph}</p>'
            f'<figure><img src="data:image/jpeg;base64,{picture}" alt="Foto"><figcaption>Warga di tanggul {n}.</figcaption></figure>'
            f'<p>{paragraph} Laporan nomor {n} ditutup di sini.</p></article></body></html>')
    with open(f"{folder}/berita-{n:05d}.html", "w") as file:
        file.write(html)
PY
find "$work/content" -type f -exec touch -d '1 hour ago' {} +
printf 'title: Kabar\nlanguage: id\ntimezone: Asia/Jakarta\n' > "$work/galley.yml"

build() {  # prints: wall-seconds peak-RSS-MB
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$galley" build --config "$work/galley.yml" --content "$work/content" --output "$work/public" >"$work/log" 2>&1
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc) $(( $(cat "$work/rss") / 1024 ))"
}

declare -A walls peaks
record() { walls[$1]+="${2%% *} "; peaks[$1]+="${2##* } "; }
record "cold build" "$(build)"
record "no change" "$(build)"
for run in $(seq "$runs"); do
  sed -e "s/^title: .*/title: \"Berita baru $run\"/" -e "s/^date: .*/date: 2026-11-0${run}T08:00:00+07:00/" \
    <<<$'---\ntitle: x\ndate: x\n---\n\nSatu paragraf berita baru.\n' >"$work/content/baru-$run.md"
  touch -d '1 hour ago' "$work/content/baru-$run.md"
  record "one new article" "$(build)"
  page="$work/content/berita-$(printf '%05d' $((run * 7)))".html
  sed -i "s/ditutup di sini\./ditutup di sini. Koreksi $run./" "$page"
  touch -d '1 hour ago' "$page"
  record "one page's body edited" "$(build)"
done
printf '%-26s %10s %10s   (P=%s pages, median of %s)\n' "" "wall (s)" "peak MB" "$pages" "$runs"
for case in "cold build" "no change" "one new article" "one page's body edited"; do
  printf '%-26s %10s %10s\n' "$case" "$(tr ' ' '\n' <<<"${walls[$case]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${peaks[$case]}" | grep . | median | cut -d. -f1)"
done
tail -1 "$work/log"
