/// The `Content-Type` of an output file, from its extension (and, for `.xml`, its root element:
/// the site's Atom feeds are named `feed.xml`).
enum MediaType {
    static let html = "text/html; charset=utf-8"
    static let text = "text/plain; charset=utf-8"
    static let json = "application/json; charset=utf-8"
    static let atom = "application/atom+xml; charset=utf-8"
    static let xml = "application/xml; charset=utf-8"
    static let fallback = "application/octet-stream"

    private static let byExtension: [String: String] = [
        "html": html, "htm": html, "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8", "json": json, "map": json, "webmanifest": "application/manifest+json",
        "xml": xml, "atom": atom, "rss": "application/rss+xml; charset=utf-8", "txt": text, "md": "text/markdown; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp",
        "gif": "image/gif", "avif": "image/avif", "ico": "image/x-icon", "woff": "font/woff", "woff2": "font/woff2",
        "ttf": "font/ttf", "otf": "font/otf", "pdf": "application/pdf", "mp4": "video/mp4", "webm": "video/webm",
        "mp3": "audio/mpeg", "wasm": "application/wasm",
    ]

    /// The media type of the file at `path` whose first bytes are `head`.
    static func of(path: String, head: ArraySlice<UInt8>) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        let suffix = name[name.index(after: dot)...].lowercased()
        if suffix == "xml", isAtomFeed(head) { return atom }
        return byExtension[suffix] ?? fallback
    }

    /// Whether an XML document's root element is an Atom `<feed>`.
    static func isAtomFeed(_ head: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: head.prefix(1024), as: UTF8.self)
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("?") || rest.hasPrefix("!") { continue }
            return rest.hasPrefix("feed") && text.contains("http://www.w3.org/2005/Atom")
        }
        return false
    }
}
