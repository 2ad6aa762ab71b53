#!/usr/bin/env bash
# Images of archived pages in builds that go on: K WARCs (`wget -p --warc-file` style, one gzip
# member per record) of P article pages each; every page shows one image its archive holds
# (bench/scrape-image.jpg with a different last bytes each) and one it does not (a CDN the
# crawl did not follow). Times a cold build, then, RUNS times, a build after one new Markdown
# article (every archive unchanged), and prints the medians with how many archives the images
# phase read.
#
#   bench/archive-images.sh [K] [P]     defaults: 8 archives of 250 pages
#   GALLEY=path/to/galley RUNS=5 OUT=/dev/shm bench/archive-images.sh
set -euo pipefail
cd "$(dirname "$0")/.."
archives=${1:-8}
pages=${2:-250}
runs=${RUNS:-5}
source bench/common.sh
bench_galley
bench_scratch archives
mkdir -p "$work/content"

python3 - "$work/content" "$archives" "$pages" <<'PY'
import gzip, sys
folder, archives, pages = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
image = open("bench/scrape-image.jpg", "rb").read()
paragraph = ("Petugas gabungan memompa air dari permukiman yang paling rendah sejak dini hari, sementara warga "
             "mengungsi ke balai desa dan dapur umum mulai dibuka untuk ratusan keluarga.")

def record(uri, date, content_type, body):
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n", compresslevel=6, mtime=0)

for a in range(archives):
    with open(f"{folder}/crawl-{a:03d}.warc.gz", "wb") as file:
        for p in range(pages):
            n = a * pages + p
            day, hour = 1 + n % 28, n % 24
            title = f"Banjir rob di pesisir nomor {n}"
            html = (f'<html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
                    f'<meta property="article:published_time" content="2026-10-{day:02d}T{hour:02d}:00:00+07:00"></head>'
                    f'<body><article><h1>{title}</h1><p>{paragraph} {title}.</p><p>{paragraph}</p><p>{paragraph}</p>'
                    f'<p><img src="/foto/{n}.jpg" alt="Foto"></p><p><img src="https://cdn.example.net/foto/{n}.jpg" alt="Foto"></p>'
                    f'</article></body></html>')
            date = f"2026-10-{day:02d}T{hour:02d}:00:01Z"
            file.write(record(f"https://news.example.org/2026/10/berita-{n}", date, "text/html; charset=utf-8", html.encode()))
            file.write(record(f"https://news.example.org/foto/{n}.jpg", date, "image/jpeg", image + b"%08d" % n))
PY
find "$work/content" -type f -exec touch -d '1 hour ago' {} +
printf 'title: Kabar\nlanguage: id\ntimezone: Asia/Jakarta\n' > "$work/galley.yml"

build() {  # prints: wall-seconds archives-read (from the JSON report)
  local start end
  start=$(date +%s.%N)
  "$galley" build --config "$work/galley.yml" --content "$work/content" --output "$work/public" --report "$work/report.json" >"$work/log" 2>&1
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc) $(python3 -c "import json,sys; print(json.load(open(sys.argv[1])).get('archivesReadForImages', 'n/a'))" "$work/report.json")"
}

read -r cold coldRead <<<"$(build)"
walls=()
for run in $(seq "$runs"); do
  printf -- '---\ntitle: "Kabar baru %s"\ndate: 2026-11-0%sT08:00:00+07:00\n---\n\nSatu kalimat tentang kabar baru.\n' "$run" "$((run % 9 + 1))" \
    >"$work/content/baru-$run.md"
  touch -d '1 hour ago' "$work/content/baru-$run.md"
  read -r wall read <<<"$(build)"
  walls+=("$wall")
done
printf '%s archives of %s pages (%s images in them)\n' "$archives" "$pages" "$((archives * pages))"
printf "%-40s %8.3f s   archives read for images: %s\n" "cold build" "$cold" "$coldRead"
printf '%-40s %8s s   archives read for images: %s\n' "one new article, median of $runs" "$(printf '%s\n' "${walls[@]}" | median)" "$read"
