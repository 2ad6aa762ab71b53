#!/usr/bin/env python3
"""Crawl saved pages with real `wget --warc-file`, at their real https URLs, without the internet.

Each page NAME.html (or .htm) in --pages comes with its sidecar NAME.json ({"url": …,
"headers": {…}}). A local proxy serves every page at its sidecar URL: wget asks the proxy to
CONNECT to the page's host, and the proxy answers the TLS itself, with a certificate made for
the run (wget runs with --no-check-certificate). wget then writes what a crawler of the live
site would write:

- the WARC (`--warc-file`, one gzip member per record) with the pages' https URLs;
- with --mirror DIR, the `host/path` tree of `wget -x` (what `wget -m` leaves).

Besides the pages, the crawl asks for one missing page per host (404), one moved page (a 301
to the first page, so that page is fetched twice) and a stylesheet: records a build must leave
out. Used by `content/warc/` (the bundled example) and by the archive tests.

usage: crawl-pages.py --pages DIR --warc PREFIX [--mirror DIR] [--extras]
"""
import argparse
import http.server
import json
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import urllib.parse


def load_pages(folder):
    pages = {}
    for name in sorted(os.listdir(folder)):
        base, ext = os.path.splitext(name)
        if ext not in (".html", ".htm"):
            continue
        with open(os.path.join(folder, base + ".json")) as handle:
            sidecar = json.load(handle)
        with open(os.path.join(folder, name), "rb") as handle:
            body = handle.read()
        url = urllib.parse.urlsplit(sidecar["url"])
        headers = {k.lower(): v for k, v in sidecar.get("headers", {}).items() if k.lower() in ("content-type", "last-modified")}
        pages[(url.hostname, url.path or "/")] = (body, headers)
    return pages


def make_certificate(folder):
    key, cert = os.path.join(folder, "key.pem"), os.path.join(folder, "cert.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=galley-crawl",
                    "-keyout", key, "-out", cert], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def handler_for(pages, tls, first_url):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        host = None

        def log_message(self, *args):
            pass

        def do_CONNECT(self):
            self.host = self.path.split(":")[0]
            self.send_response(200, "Connection established")
            self.end_headers()
            self.wfile.flush()
            self.connection = tls.wrap_socket(self.connection, server_side=True)
            self.rfile = self.connection.makefile("rb", self.rbufsize)
            self.wfile = socket.SocketIO(self.connection, "wb")
            self.close_connection = False
            while not self.close_connection:
                self.handle_one_request()

        def do_GET(self):
            path = urllib.parse.urlsplit(self.path).path or "/"
            if (self.host, path) in pages:
                body, headers = pages[(self.host, path)]
                self.reply(200, body, headers)
            elif path == "/pindah":
                self.reply(301, b"", {"location": first_url})
            elif path == "/gaya.css":
                self.reply(200, b"body{margin:0}\n", {"content-type": "text/css"})
            else:
                self.reply(404, b"<html><body>tidak ada</body></html>", {"content-type": "text/html"})

        def reply(self, status, body, headers):
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", required=True)
    parser.add_argument("--warc", required=True, help="the WARC's path without .warc.gz")
    parser.add_argument("--mirror")
    parser.add_argument("--extras", action="store_true", help="also ask for a missing page, a moved page and a stylesheet")
    args = parser.parse_args()
    pages = load_pages(args.pages)
    urls = [f"https://{host}{path}" for host, path in pages]
    if args.extras:
        host = next(iter(pages))[0]
        urls += [f"https://{host}/tidak-ada", f"https://{host}/pindah", f"https://{host}/gaya.css"]
    with tempfile.TemporaryDirectory() as scratch:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_for(pages, make_certificate(scratch), urls[0]))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        proxy = f"http://127.0.0.1:{server.server_address[1]}/"
        listing = os.path.join(scratch, "urls.txt")
        with open(listing, "w") as handle:
            handle.write("\n".join(urls) + "\n")
        command = ["wget", "-q", "--no-check-certificate", "-e", "robots=off", "-e", "use_proxy=on", "-e", f"https_proxy={proxy}",
                   f"--warc-file={args.warc}", "--no-warc-keep-log", "-i", listing]
        command += ["-x", "-E", "-P", args.mirror] if args.mirror else ["-O", os.devnull]
        result = subprocess.run(command, env={**os.environ, "no_proxy": ""})
        server.shutdown()
    # wget exits with 8 when a server answered with an error (the 404 asked for).
    if result.returncode not in (0, 8):
        sys.exit(f"wget failed with status {result.returncode}")


if __name__ == "__main__":
    main()
