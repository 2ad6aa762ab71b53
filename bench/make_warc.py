#!/usr/bin/env python3
"""Writes a WARC of mostly non-HTML records for the archive-reading benchmark (bench/warc.sh).

    bench/make_warc.py OUT.warc.gz MEGABYTES [HTML_PAGES] [images|text]

Each record is its own gzip member, as crawlers write them: `response` records until the file
reaches MEGABYTES, with HTML_PAGES (default 50) article pages spread among them. `images` (the
default): image payloads of incompressible bytes, 64-256 KB each; `text`: script payloads of
words, which gzip shrinks about 3 to 4 times (harder work per compressed byte). Seeded: the
same arguments give the same file.
"""
import gzip, random, sys

out, megabytes = sys.argv[1], int(sys.argv[2])
pages = int(sys.argv[3]) if len(sys.argv) > 3 else 50
kind = sys.argv[4] if len(sys.argv) > 4 else "images"
rng = random.Random(42)
words = [f"{rng.choice('bcdfghjklmnprstvwz')}{rng.choice('aeiou')}{rng.choice('nrstlkm')}{rng.choice('aeiou')}" for _ in range(4000)]
paragraph = ("Petugas gabungan memompa air dari permukiman yang paling rendah sejak dini hari, sementara warga "
             "mengungsi ke balai desa dan dapur umum mulai dibuka untuk ratusan keluarga. ")

def record(uri, date, content_type, body):
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n", compresslevel=6, mtime=0)

size, index, written_pages = 0, 0, 0
target = megabytes * 1024 * 1024
with open(out, "wb") as file:
    while size < target:
        date = f"2026-10-{1 + index % 28:02d}T{index % 24:02d}:00:00Z"
        if written_pages < pages and index % max(1, (target // (160 * 1024)) // max(1, pages)) == 0:
            title = f"Berita nomor {written_pages}"
            body = f"<html lang=\"id\"><head><title>{title}</title></head><body><article><h1>{title}</h1>" + \
                   "".join(f"<p>{paragraph * 3}</p>" for _ in range(6)) + "</article></body></html>"
            member = record(f"https://news.example.org/2026/10/berita-{written_pages}", date, "text/html; charset=utf-8", body.encode())
            written_pages += 1
        else:
            if kind == "text":
                body = " ".join(rng.choice(words) for _ in range(rng.randint(15, 60) * 1024)).encode()
                member = record(f"https://cdn.example.org/{index}.js", date, "application/javascript", body)
            else:
                member = record(f"https://img.example.org/{index}.jpg", date, "image/jpeg", rng.randbytes(rng.randint(64, 256) * 1024))
        file.write(member)
        size += len(member)
        index += 1
print(f"{out}: {size / 1048576:.0f} MB, {index} records, {written_pages} HTML pages")
