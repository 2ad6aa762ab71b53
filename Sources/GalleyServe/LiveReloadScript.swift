import GalleyCore

/// The small script the server adds to every HTML response (never to the files in the output
/// folder): it listens on `/__galley/events`, reloads the page after a rebuild, and shows a
/// failed rebuild's error in a fixed box over the last good page (as text, never as markup).
/// While the last build has failed, the server also adds the box itself (escaped), so the
/// error shows at once, before any script runs.
enum LiveReloadScript {
    /// Where the script is served.
    static let path = "/__galley/live.js"
    /// The element added before `</body>`.
    static let tag = "<script src=\"\(path)\"></script>"
    /// The error box: its id, its look, its first line.
    static let boxID = "__galley-build-error"
    static let boxStyle = "position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:2147483647;margin:0;"
        + "padding:1rem 1.25rem;max-height:50vh;overflow:auto;white-space:pre-wrap;word-break:break-word;"
        + "background:#2b0d0d;color:#ffe3e3;border:2px solid #e5484d;border-radius:8px;"
        + "box-shadow:0 8px 30px rgba(0,0,0,.35);font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace"
    static let boxHeading = "galley serve: the last rebuild failed; this is the last good site."

    static let source = #"""
    // galley serve: live reload (added by the preview server, not part of the site).
    (() => {
      if (window.__galleyLive) return;
      window.__galleyLive = true;
      const boxId = '\#(boxID)';
      const show = (status) => {
        let box = document.getElementById(boxId);
        if (!box) {
          box = document.createElement('pre');
          box.id = boxId;
          box.setAttribute('role', 'alert');
          box.style.cssText = '\#(boxStyle)';
          document.body.appendChild(box);
        }
        box.textContent = '\#(boxHeading)\n\n' + (status.error || 'unknown error');
      };
      const hide = () => { const box = document.getElementById(boxId); if (box) box.remove(); };
      const apply = (status) => { if (status && status.state === 'failed') show(status); else hide(); };
      fetch('/__galley/status', { cache: 'no-store' }).then((r) => r.json()).then(apply).catch(() => {});
      const events = new EventSource('/__galley/events');
      events.addEventListener('reload', () => location.reload());
      events.addEventListener('failed', (event) => { try { apply(JSON.parse(event.data)); } catch (e) {} });
    })();
    """#

    /// What goes before `</body>`: the script tag, and the error box while the last build failed.
    static func snippet(for status: BuildStatus) -> String {
        guard status.state == .failed else { return tag }
        let text = boxHeading + "\n\n" + (status.error ?? "unknown error")
        return "<pre id=\"\(boxID)\" role=\"alert\" style=\"\(boxStyle)\">\(MarkupEscaper.html(text))</pre>" + tag
    }

    /// The page with `snippet(for: status)` before its last `</body>` (ASCII case-insensitive),
    /// or at the end when it has none.
    static func inject(into page: [UInt8], status: BuildStatus = .initial) -> [UInt8] {
        let snippet = Array(self.snippet(for: status).utf8)
        guard let position = lastClosingBody(in: page) else { return page + snippet }
        var result = page
        result.insert(contentsOf: snippet, at: position)
        return result
    }

    private static let closingBody = Array("</body".utf8)

    private static func lastClosingBody(in page: [UInt8]) -> Int? {
        guard page.count >= closingBody.count else { return nil }
        var start = page.count - closingBody.count
        while start >= 0 {
            if matchesClosingBody(page, at: start) { return start }
            start -= 1
        }
        return nil
    }

    private static func matchesClosingBody(_ page: [UInt8], at start: Int) -> Bool {
        for (offset, expected) in closingBody.enumerated() {
            var byte = page[start + offset]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != expected { return false }
        }
        let next = start + closingBody.count
        return next == page.count || page[next] == UInt8(ascii: ">") || page[next] == UInt8(ascii: " ")
            || page[next] == UInt8(ascii: "\t") || page[next] == UInt8(ascii: "\n") || page[next] == UInt8(ascii: "\r")
    }
}
