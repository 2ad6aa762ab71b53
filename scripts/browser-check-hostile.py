#!/usr/bin/env python3
"""Loads every page of a built site in headless Chromium and records what hostile payloads try.

Used by scripts/browser-check-hostile.sh on the site that HostileInputTests builds from the
attack corpus (Tests/GalleyPipelineTests/Fixtures/hostile/vectors.json). Standard library only:
a minimal WebSocket client speaks the Chrome DevTools Protocol.

Per page, over HTTP from a local server (external hosts do not resolve):
  * a script injected with Page.addScriptToEvaluateOnNewDocument (every frame) replaces
    alert/confirm/prompt/print/open, fetch, XMLHttpRequest, sendBeacon, WebSocket, EventSource,
    Worker, document.write, eval and Function, and reports each call through a CDP binding;
  * Debugger.scriptParsed: any script compiled other than the hook and the probe (an inline
    <script>, an event handler that ran, a javascript: URL) is recorded;
  * Page.javascriptDialogOpening, Page.frameRequestedNavigation, Page.windowOpen, new targets,
    Document requests other than the page itself, and script-ish requests (Script, XHR, Fetch,
    WebSocket, EventSource, Ping, …) are recorded;
  * after the load event, a probe audits the DOM as the browser parsed it (mutation XSS shows
    here): event-handler attributes, script other than JSON-LD, iframe/object/embed/base/svg/math/
    form/style, meta http-equiv, URL attributes whose scheme is not http(s)/mailto; then it fires
    mouse, focus, pointer, key, load and error events at every element and waits, so that any
    handler that slipped through would run and be recorded.
Expected result: zero records. Exit status 1 when anything was recorded, 0 when clean.
"""
import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import http.server
import functools

HOOK = r"""
(() => {
  const report = (kind, detail) => {
    try { window.__galleyReport(JSON.stringify({kind, detail: String(detail).slice(0, 300), url: String(location.href)})); } catch (e) {}
  };
  const replace = (object, name, make) => { try { Object.defineProperty(object, name, {value: make(object[name]), configurable: true, writable: true}); } catch (e) {} };
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    replace(window, name, () => function (...args) { report(name, args[0]); return name === 'confirm' ? false : null; });
  }
  replace(window, 'fetch', () => function (input) { report('fetch', input && input.url || input); return Promise.reject(new TypeError('blocked by galley check')); });
  replace(XMLHttpRequest.prototype, 'open', () => function (method, url) { report('xhr', method + ' ' + url); });
  replace(XMLHttpRequest.prototype, 'send', () => function () { report('xhr-send', ''); });
  if (navigator.sendBeacon) replace(navigator, 'sendBeacon', () => function (url) { report('beacon', url); return true; });
  for (const name of ['WebSocket', 'EventSource', 'Worker', 'SharedWorker']) {
    replace(window, name, () => function (url) { report(name, url); throw new Error('blocked by galley check'); });
  }
  replace(document, 'write', () => function (...args) { report('document.write', args.join('')); });
  replace(document, 'writeln', () => function (...args) { report('document.write', args.join('')); });
  replace(window, 'eval', () => function (code) { report('eval', code); });
  replace(window, 'Function', () => function (...args) { report('Function', args.join(',')); return () => {}; });
  window.addEventListener('beforeunload', () => report('navigation', 'beforeunload'), true);
  window.addEventListener('securitypolicyviolation', (e) => report('csp', e.blockedURI), true);
})();
//# sourceURL=galley-hook.js
"""

PROBE = r"""
(async () => {
  const found = [];
  const allowedSchemes = new Set(['http:', 'https:', 'mailto:']);
  const urlAttributes = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'xlink:href', 'background', 'cite', 'data', 'codebase', 'longdesc', 'lowsrc', 'dynsrc', 'ping', 'manifest', 'icon', 'imagesrcset'];
  const forbidden = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'svg', 'math', 'form', 'style', 'template', 'noscript', 'portal', 'video', 'audio', 'input', 'button', 'textarea', 'select']);
  const linkRels = new Set(['stylesheet', 'canonical', 'alternate', 'icon', 'next', 'prev', 'author', 'license']);
  const all = Array.from(document.querySelectorAll('*'));
  for (const el of all) {
    const name = el.localName;
    if (name === 'script') {
      const type = (el.getAttribute('type') || '').trim().toLowerCase();
      if (type !== 'application/ld+json' || el.attributes.length !== 1) found.push('script element: ' + el.outerHTML.slice(0, 200));
      continue;
    }
    if (forbidden.has(name)) found.push('element <' + name + '>: ' + el.outerHTML.slice(0, 200));
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push('foreign element <' + name + '> in ' + el.namespaceURI);
    if (name === 'meta' && el.hasAttribute('http-equiv')) found.push('meta http-equiv: ' + el.outerHTML.slice(0, 200));
    if (name === 'link') {
      for (const rel of (el.getAttribute('rel') || '').toLowerCase().split(/\s+/).filter(Boolean)) {
        if (!linkRels.has(rel)) found.push('link rel=' + rel);
      }
    }
    for (const attr of Array.from(el.attributes)) {
      const an = attr.name.toLowerCase();
      if (an.startsWith('on')) found.push('handler ' + an + ' on <' + name + '>: ' + attr.value.slice(0, 120));
      if (an === 'style') found.push('style attribute on <' + name + '>: ' + attr.value.slice(0, 120));
      if (an === 'srcdoc') found.push('srcdoc on <' + name + '>');
      if (urlAttributes.includes(an)) {
        const values = an.endsWith('srcset') ? attr.value.split(',').map(s => s.trim().split(/\s+/)[0]).filter(Boolean) : [attr.value];
        for (const value of values) {
          let scheme;
          try { scheme = new URL(value, document.baseURI).protocol; } catch (e) { continue; }
          const own = scheme === location.protocol;
          if (!allowedSchemes.has(scheme) && !own) found.push(an + ' with scheme ' + scheme + ' on <' + name + '>: ' + value.slice(0, 120));
        }
      }
    }
  }
  if (document.baseURI !== location.href && document.querySelector('base')) found.push('base URI changed to ' + document.baseURI);
  // Fire events at every element: a handler that slipped through would run now.
  document.addEventListener('click', (e) => e.preventDefault(), true);
  document.addEventListener('submit', (e) => e.preventDefault(), true);
  const types = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'click', 'pointerover', 'pointerenter', 'pointerdown',
                 'focus', 'focusin', 'blur', 'keydown', 'keyup', 'input', 'change', 'toggle', 'load', 'error', 'animationstart',
                 'animationend', 'transitionend', 'scroll', 'wheel', 'copy', 'paste', 'drag', 'dragstart', 'drop', 'contextmenu', 'dblclick',
                 'beforeinput', 'select', 'invalid', 'reset', 'resize', 'hashchange', 'message', 'pageshow', 'popstate'];
  for (const el of [window, document, ...all]) {
    for (const type of types) { try { el.dispatchEvent(new Event(type, {bubbles: false})); } catch (e) {} }
    if (el.focus) { try { el.focus(); } catch (e) {} }
  }
  await new Promise(r => setTimeout(r, 150));
  return JSON.stringify({found, elements: all.length});
})()
//# sourceURL=galley-probe.js
"""


class WebSocket:
    """Just enough of RFC 6455 for the DevTools protocol (client side, text frames)."""

    def __init__(self, url):
        assert url.startswith("ws://")
        rest = url[5:]
        hostport, path = rest.split("/", 1)
        host, port = hostport.split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("websocket handshake failed")
            response += chunk
        head, self.buffer = response.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise ConnectionError("websocket handshake refused: " + head.decode(errors="replace"))

    def send(self, text):
        payload = text.encode()
        header = bytearray([0x81])
        length = len(payload)
        if length < 126:
            header.append(0x80 | length)
        elif length < 65536:
            header.append(0x80 | 126)
            header += struct.pack(">H", length)
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", length)
        mask = os.urandom(4)
        header += mask
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(bytes(header) + masked)

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(max(65536, count - len(self.buffer)))
            if not chunk:
                raise ConnectionError("websocket closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def receive(self):
        message = b""
        while True:
            first, second = self._read(2)
            opcode = first & 0x0F
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            if second & 0x80:
                mask = self._read(4)
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(self._read(length)))
            else:
                data = self._read(length)
            if opcode == 0x8:
                raise ConnectionError("websocket closed by the browser")
            if opcode == 0x9:  # ping
                continue
            message += data
            if first & 0x80:
                return message.decode()


class CDP:
    def __init__(self, url):
        self.ws = WebSocket(url)
        self.next_id = 0
        self.events = []
        self.lock = threading.Lock()
        self.results = {}
        self.waiters = {}
        self.reader = threading.Thread(target=self._run, daemon=True)
        self.reader.start()

    def _run(self):
        try:
            while True:
                message = json.loads(self.ws.receive())
                with self.lock:
                    if "id" in message:
                        self.results[message["id"]] = message
                        event = self.waiters.pop(message["id"], None)
                        if event:
                            event.set()
                    else:
                        self.events.append(message)
        except Exception as error:  # the browser went away
            with self.lock:
                self.events.append({"method": "galley.closed", "params": {"error": str(error)}})
                for event in self.waiters.values():
                    event.set()

    def call(self, method, params=None, session=None, timeout=30):
        with self.lock:
            self.next_id += 1
            ident = self.next_id
            done = threading.Event()
            self.waiters[ident] = done
        message = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        if not done.wait(timeout):
            raise TimeoutError(f"{method} got no answer in {timeout} s")
        with self.lock:
            result = self.results.pop(ident, None)
        if result is None:
            raise ConnectionError(f"{method}: the browser went away")
        if "error" in result:
            raise RuntimeError(f"{method}: {result['error']}")
        return result.get("result", {})

    def take_events(self):
        with self.lock:
            events, self.events = self.events, []
        return events


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(folder):
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# Positive controls for --self-test: each page must be recorded (proves the hooks work).
CONTROLS = {
    "alert.html": "<script>alert(1)</script>",
    "onerror.html": "<img src=x onerror=alert(1)>",
    "fetch.html": "<script>fetch('/x')</script>",
    "xhr.html": "<script>var x=new XMLHttpRequest();x.open('GET','/y');x.send()</script>",
    "refresh.html": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "iframe.html": '<iframe srcdoc="<script>parent.alert(2)</script>"></iframe>',
    "javascript-link.html": '<a href="javascript:alert(1)">x</a>',
    "handler.html": '<p onmouseover="alert(1)">hover</p>',
    "svg.html": "<svg><a><text>x</text></a></svg>",
    "external-script.html": '<script src="https://evil.example/x.js"></script>',
    "location.html": "<script>location.href='/elsewhere.html'</script>",
    "style.html": '<p style="color:red">x</p>',
}


SCRIPTY_TYPES = {"Script", "XHR", "Fetch", "EventSource", "WebSocket", "Ping", "Manifest", "SignedExchange", "Preflight",
                 "CSPViolationReport", "Prefetch", "Media", "TextTrack", "Font"}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", help="the built site folder (public/)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    parser.add_argument("--limit", type=int, default=0, help="load at most this many pages (0: all)")
    parser.add_argument("--report", help="write the full JSON report here")
    parser.add_argument("--settle", type=float, default=0.25, help="seconds to wait after the load event")
    parser.add_argument("--self-test", action="store_true", help="load positive controls instead: each must be recorded")
    args = parser.parse_args()

    if args.self_test:
        folder = tempfile.mkdtemp(prefix="galley-controls-")
        try:
            for name, markup in CONTROLS.items():
                with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
                    out.write(f"<!doctype html><html><head><title>{name}</title></head><body><p>control</p>{markup}</body></html>")
            records, loaded, count = check(folder, args)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        missed = sorted(set(CONTROLS) - {item["page"] for item in records})
        print(f"self-test: {count - len(missed)} of {count} positive controls recorded" + (f"; MISSED: {missed}" if missed else ""))
        return 1 if missed else 0

    records, loaded, count = check(os.path.abspath(args.site), args)
    kinds = {}
    for item in records:
        kinds[item["kind"]] = kinds.get(item["kind"], 0) + 1
    summary = {"pages": count, "loaded": loaded, "records": len(records), "byKind": kinds}
    if args.report:
        with open(args.report, "w", encoding="utf-8") as out:
            json.dump({"summary": summary, "records": records}, out, indent=1)
    print(f"browser check: {loaded} of {count} pages loaded in headless Chromium over HTTP; "
          f"{len(records)} records" + (": " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) if records else " (no dialog, "
          "no script compiled, no fetch/XHR/beacon/socket, no navigation, no dangerous element or attribute in the parsed DOM)"))
    return 1 if records else 0


def check(site, args):
    """Loads every page of `site`; returns (records, pages loaded, pages found)."""
    pages = sorted(os.path.relpath(os.path.join(root, name), site)
                   for root, _, names in os.walk(site) for name in names if name.endswith(".html"))
    if args.limit:
        pages = pages[:args.limit]
    server = serve(site)
    origin = f"http://127.0.0.1:{server.server_address[1]}/"

    profile = tempfile.mkdtemp(prefix="galley-chromium-")
    port = free_port()
    command = [args.chromium, "--headless=new", f"--remote-debugging-port={port}", f"--user-data-dir={profile}",
               "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-extensions",
               "--disable-background-networking", "--disable-component-update", "--disable-sync", "--mute-audio",
               "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "about:blank"]
    if os.geteuid() == 0:
        command.insert(1, "--no-sandbox")
    browser = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    records = []
    loaded = 0
    try:
        deadline = time.time() + 30
        target = None
        while time.time() < deadline and target is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as response:
                    targets = [t for t in json.load(response) if t.get("type") == "page"]
                    target = targets[0] if targets else None
            except OSError:
                time.sleep(0.2)
        if target is None:
            raise SystemExit("chromium did not start its DevTools endpoint")
        cdp = CDP(target["webSocketDebuggerUrl"])
        for domain in ["Page", "Runtime", "Network", "Debugger"]:
            cdp.call(f"{domain}.enable")
        cdp.call("Runtime.addBinding", {"name": "__galleyReport"})
        cdp.call("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
        cdp.call("Target.setDiscoverTargets", {"discover": True})
        cdp.take_events()

        for index, page in enumerate(pages):
            url = origin + page
            page_records = []

            def record(kind, detail):
                page_records.append({"page": page, "kind": kind, "detail": str(detail)[:400]})

            cdp.call("Page.navigate", {"url": url})
            main_frame = [None]
            loaded_event = False
            started = time.time()
            while time.time() - started < 15:
                for event in cdp.take_events():
                    loaded_event |= handle(event, url, origin, record, main_frame, allow_navigation=True)
                if loaded_event:
                    break
                time.sleep(0.02)
            if not loaded_event:
                record("timeout", "no load event in 15 s")
            time.sleep(args.settle)
            try:
                result = cdp.call("Runtime.evaluate", {"expression": PROBE, "awaitPromise": True, "returnByValue": True}, timeout=30)
                value = json.loads(result.get("result", {}).get("value") or "{}")
                for item in value.get("found", []):
                    record("dom", item)
            except Exception as error:
                record("probe", f"the DOM probe failed: {error}")
            time.sleep(0.05)
            for event in cdp.take_events():
                handle(event, url, origin, record, main_frame, allow_navigation=False)
            loaded += 1
            records += page_records
            if page_records:
                # Whatever this page started (a refresh, a navigation) must not be blamed on the next.
                cdp.call("Page.navigate", {"url": "about:blank"})
                time.sleep(1.0)
                cdp.take_events()
            if page_records and not args.self_test:
                for item in page_records:
                    print(f"  {item['page']}: {item['kind']}: {item['detail']}", file=sys.stderr)
            if (index + 1) % 200 == 0:
                print(f"  … {index + 1}/{len(pages)} pages", file=sys.stderr)
        try:
            cdp.call("Browser.close", timeout=5)
        except Exception:
            pass
    finally:
        browser.terminate()
        try:
            browser.wait(10)
        except subprocess.TimeoutExpired:
            browser.kill()
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)

    return records, loaded, len(pages)


def handle(event, url, origin, record, main_frame_holder, allow_navigation):
    """Records what an event shows; returns True for the page's load event."""
    method = event.get("method", "")
    params = event.get("params", {})
    if method == "Page.loadEventFired":
        return True
    if method == "Page.frameNavigated":
        frame = params.get("frame", {})
        if not frame.get("parentId"):
            if frame.get("url") == url and main_frame_holder[0] is None:
                main_frame_holder[0] = frame.get("id")
            elif frame.get("url") != url:
                record("navigation", f"main frame navigated to {frame.get('url')}")
        else:
            record("navigation", f"a frame loaded {frame.get('url')}")
    elif method == "Page.frameRequestedNavigation":
        record("navigation", f"navigation requested ({params.get('reason')}) to {params.get('url')}")
    elif method == "Page.windowOpen":
        record("navigation", f"window.open {params.get('url')}")
    elif method == "Page.javascriptDialogOpening":
        record("dialog", f"{params.get('type')}: {params.get('message')}")
    elif method == "Page.frameAttached":
        record("frame", f"a frame was attached ({params.get('frameId')})")
    elif method == "Runtime.bindingCalled" and params.get("name") == "__galleyReport":
        try:
            payload = json.loads(params.get("payload", "{}"))
        except ValueError:
            payload = {"kind": "?", "detail": params.get("payload")}
        if payload.get("kind") == "navigation" and allow_navigation:
            return False  # leaving the previous page
        record("hook:" + payload.get("kind", "?"), f"{payload.get('detail')} (in {payload.get('url')})")
    elif method == "Debugger.scriptParsed":
        source = params.get("url", "")
        if source in ("galley-hook.js", "galley-probe.js") or params.get("embedderName") in ("galley-hook.js", "galley-probe.js"):
            return False
        if params.get("hasSourceURL") and source.startswith("galley-"):
            return False
        record("script", f"a script was compiled: url={source or '(inline)'} line={params.get('startLine')} length={params.get('length')}")
    elif method == "Network.requestWillBeSent":
        request = params.get("request", {})
        kind = params.get("type", "Other")
        target = request.get("url", "")
        if kind == "Document":
            if target != url:
                record("navigation", f"document request for {target}")
        elif kind in SCRIPTY_TYPES:
            record("request", f"{kind} request for {target}")
        elif kind == "Stylesheet" and not (target.startswith(origin) and target.endswith("static/galley.css")):
            record("request", f"stylesheet request for {target}")
        elif kind == "Other" and not target.endswith("/favicon.ico"):
            record("request", f"other request for {target}")
    elif method == "Target.targetCreated":
        info = params.get("targetInfo", {})
        if info.get("type") in ("page", "iframe", "worker", "service_worker", "shared_worker") and info.get("openerId"):
            record("navigation", f"new {info.get('type')} target {info.get('url')}")
    elif method == "galley.closed":
        record("browser", f"the DevTools connection closed: {params.get('error')}")
    return False


if __name__ == "__main__":
    sys.exit(main())
