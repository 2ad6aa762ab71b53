import Foundation
import GalleyCore
import GalleyPipeline
import GalleyTestSupport
import Testing

/// Issue 8, goal 3: broken input is survived.
///
/// Every input is generated here (nothing big is committed): empty files, binary garbage, broken
/// gzip (truncated, corrupt, a bomb), invalid UTF-8, NUL bytes, UTF-16 with and without a byte
/// order mark, mislabelled charsets both ways, a 50 MB page (two kinds), a page over the size
/// limit, 100,000 nested elements (five kinds), 100,000 links, entity bombs, a giant word, a giant
/// title, deep JSON-LD, and broken Markdown (YAML alias bomb, deep YAML, deep quotes…).
///
/// Each input is built by the real `galley build` binary in a process of its own, next to one good
/// article, with a hard time limit: a crash or a hang is seen as such (it cannot take the test run
/// down), and wall time and peak memory are measured per page. Each must give a clear per-page
/// error or a correct extraction (the right title), the good article must be published, and the
/// exit code must be 0. Then all inputs are built together in-process and the good articles must
/// still be published.
@Suite(.serialized) struct BrokenInputTests {
    /// Generous per-page bound for a debug build (the issue asks for "< 10 s in a debug build").
    static let pageSeconds = 10.0
    /// A hang is declared (and the process killed) after this long.
    static let hardTimeout = 300.0
    /// Peak resident memory allowed for a build of one broken page next to one good one.
    static let memoryLimitMB = 3_072.0

    enum Expectation: Sendable, CustomStringConvertible {
        /// A per-page error (failed or rejected) whose reason contains one of the words, if any.
        case error([String])
        /// Published, with exactly this title.
        case article(String)
        /// Either of the above; never a page with a wrong title.
        case errorOrArticle(String)

        var description: String {
            switch self {
            case .error(let words): return words.isEmpty ? "a per-page error" : "an error mentioning \(words.joined(separator: "/"))"
            case .article(let title): return "the article \"\(title.prefix(60))\""
            case .errorOrArticle(let title): return "an error or the article \"\(title.prefix(60))\""
            }
        }
    }

    struct Case: Sendable {
        var name: String
        var file: String
        var expectation: Expectation
        /// Why the case may fail today (a bug reported to the lead engineer), if it does.
        var knownBug: String?
        /// Why the case may take longer than `pageSeconds` today (a bug reported), if it does.
        var knownSlow: String?
        /// Why the case may crash the build today (a bug reported), if it does.
        var knownCrash: String?
        /// A tighter bound than `pageSeconds` on the whole build, for a case that was slow.
        var maximumSeconds: Double?
        var make: @Sendable (URL) throws -> Void

        init(name: String, file: String, expectation: Expectation, knownBug: String? = nil, knownSlow: String? = nil,
             knownCrash: String? = nil, maximumSeconds: Double? = nil, make: @escaping @Sendable (URL) throws -> Void) {
            self.name = name
            self.file = file
            self.expectation = expectation
            self.knownBug = knownBug
            self.knownSlow = knownSlow
            self.knownCrash = knownCrash
            self.maximumSeconds = maximumSeconds
            self.make = make
        }
    }

    // MARK: Inputs

    static let latinTitle = "Café Kota Lama dan “Pasar” Baru senilai €2 miliar"
    static let wideTitle = "Café Kota Lama, 北京 dan “Pasar” Baru €2"
    static let plainTitle = "Jalan raya di Kota Lama rusak parah setelah banjir"

    static func article(title: String, marker: String, charset: String? = "utf-8", head: String = "", before: String = "",
                        inside: String = "", after: String = "") -> String {
        let value = HostileCorpus.escaped(title)
        return """
        <!DOCTYPE html>
        <html lang="id"><head>\(charset.map { "<meta charset=\"\($0)\">" } ?? "")
        <title>\(value)</title><meta property="og:title" content="\(value)"><meta property="og:type" content="article">
        <meta property="article:published_time" content="2026-10-20T09:00:00+07:00">\(head)</head>
        <body>\(before)<article><h1>\(value)</h1>
        <p>\(HostileCorpus.paragraphs[0])</p><p>\(HostileCorpus.paragraphs[1])</p>\(inside)
        <p>\(HostileCorpus.paragraphs[2]) Kode \(marker).</p><p>\(HostileCorpus.paragraphs[3])</p></article>\(after)</body></html>
        """
    }

    static func write(_ url: URL, _ bytes: [UInt8]) throws { try Data(bytes).write(to: url) }
    static func write(_ url: URL, _ text: String) throws { try Data(text.utf8).write(to: url) }

    /// Deterministic pseudo-random bytes.
    static func noise(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    static func encoded(_ text: String, _ encoding: String.Encoding) throws -> [UInt8] {
        guard let data = text.data(using: encoding) else { throw CocoaError(.fileWriteInapplicableStringEncoding) }
        return [UInt8](data)
    }

    static func sidecar(_ url: URL, charset: String) throws {
        let json = "{\"url\": \"https://kabar.example/a\", \"headers\": {\"content-type\": \"text/html; charset=\(charset)\"}}"
        try write(url.deletingPathExtension().appendingPathExtension("json"), json)
    }

    static func gzip(_ source: URL, to target: URL, level: String = "-9") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip \(level) -n -c \"$0\" > \"$1\"", source.path, target.path]
        try process.run()
        process.waitUntilExit()
    }

    static func nested(_ open: String, _ close: String, depth: Int, marker: String) -> String {
        var inner = "<p>\(HostileCorpus.paragraphs[0])</p><p>\(HostileCorpus.paragraphs[1])</p>"
        inner += "<p>\(HostileCorpus.paragraphs[2]) Kode \(marker).</p>"
        var text = ""
        text.reserveCapacity((open.count + close.count) * depth + inner.count + 1_000)
        for _ in 0..<depth { text += open }
        text += inner
        for _ in 0..<depth { text += close }
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(plainTitle)</title>"
            + "<meta property=\"og:title\" content=\"\(plainTitle)\"><meta property=\"og:type\" content=\"article\">"
            + "<meta property=\"article:published_time\" content=\"2026-10-20T09:00:00+07:00\"></head><body>"
            + text + "</body></html>"
    }

    static let cases: [Case] = [
        Case(name: "empty file", file: "empty.html", expectation: .error(["empty"])) { try write($0, []) },
        Case(name: "whitespace only", file: "blank.html", expectation: .error(["empty"])) { try write($0, "  \n\t\r\n  ") },
        Case(name: "binary garbage", file: "garbage.html", expectation: .error([])) { try write($0, noise(256 * 1024, seed: 1)) },
        Case(name: "a megabyte of NUL bytes", file: "zeros.html", expectation: .error([])) { try write($0, [UInt8](repeating: 0, count: 1 << 20)) },
        Case(name: "a PNG named .html", file: "image.html", expectation: .error([])) {
            try write($0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + noise(64 * 1024, seed: 2))
        },
        Case(name: "truncated gzip", file: "truncated.html.gz", expectation: .error(["truncated"])) { url in
            let plain = url.deletingLastPathComponent().appendingPathComponent("truncated-source.txt")
            try write(plain, article(title: plainTitle, marker: "brmark01z") + String(repeating: "<!-- padding -->\n", count: 2_000))
            let full = url.deletingLastPathComponent().appendingPathComponent("truncated-full.gz.tmp")
            try gzip(plain, to: full)
            let bytes = [UInt8](try Data(contentsOf: full))
            try write(url, Array(bytes.prefix(bytes.count / 2)))
            try FileManager.default.removeItem(at: plain)
            try FileManager.default.removeItem(at: full)
        },
        Case(name: "corrupt gzip", file: "corrupt.html.gz", expectation: .error(["gzip"])) { try write($0, [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 3] + noise(4_096, seed: 3)) },
        Case(name: "plain HTML named .html.gz", file: "notgzip.html.gz", expectation: .error(["gzip"])) {
            try write($0, article(title: plainTitle, marker: "brmark02z"))
        },
        Case(name: "gzip bomb (200 MB of zeros)", file: "bomb.html.gz", expectation: .error(["MB"])) { url in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "head -c 200000000 /dev/zero | gzip -1 -n > \"$0\"", url.path]
            try process.run()
            process.waitUntilExit()
        },
        Case(name: "invalid UTF-8 in a page that says UTF-8", file: "invalid-utf8.html", expectation: .article(plainTitle)) { url in
            let page = article(title: plainTitle, marker: "brmark03z", inside: "<p>Rusak: @@1 @@2 @@3 @@4 @@5 selesai dan jalan ditutup sementara waktu.</p>")
            var bytes = Array(page.utf8)
            for (token, bad) in [("@@1", [UInt8]([0xFF])), ("@@2", [0xC3, 0x28]), ("@@3", [0xC0, 0xAF]), ("@@4", [0x80]), ("@@5", [0xED, 0xA0, 0x80])] {
                let needle = Array(token.utf8)
                if let start = (0...(bytes.count - needle.count)).first(where: { Array(bytes[$0..<($0 + needle.count)]) == needle }) {
                    bytes.replaceSubrange(start..<(start + needle.count), with: bad)
                }
            }
            try write(url, bytes)
        },
        // Found by this suite and fixed since: a NUL byte cut the page (libxml2 stops there), a page
        // declared windows-1252/ISO-8859-1 was cut at 0x81/0x8D/0x8F/0x90/0x9D (iconv has no mapping),
        // UTF-8 bytes under a windows-1252 label were cut at the 0x9D of ”, a >10 MB inline script
        // emptied the page, and Slug transliterated a whole 500,000-character title (34-47 s).
        Case(name: "a NUL byte in <head>", file: "nul-head.html", expectation: .article(plainTitle)) { url in
            var bytes = Array(article(title: plainTitle, marker: "brmark04z", head: "<meta name=\"x\" content=\"a@@b\">").utf8)
            if let at = bytes.firstIndex(of: UInt8(ascii: "@")) { bytes.replaceSubrange(at..<(at + 2), with: [0]) }
            try write(url, bytes)
        },
        Case(name: "a NUL byte in the body", file: "nul-body.html", expectation: .article(plainTitle)) { url in
            var bytes = Array(article(title: plainTitle, marker: "brmark05z", inside: "<p>Sebelum@@sesudah NUL, paragraf ini tetap harus terbaca utuh oleh pembaca.</p>").utf8)
            if let at = bytes.firstIndex(of: UInt8(ascii: "@")) { bytes.replaceSubrange(at..<(at + 2), with: [0]) }
            try write(url, bytes)
        },
        Case(name: "UTF-16LE with BOM", file: "utf16le-bom.html", expectation: .article(wideTitle)) {
            try write($0, [0xFF, 0xFE] + encoded(article(title: wideTitle, marker: "brmark06z", charset: nil), .utf16LittleEndian))
        },
        Case(name: "UTF-16BE with BOM", file: "utf16be-bom.html", expectation: .article(wideTitle)) {
            try write($0, [0xFE, 0xFF] + encoded(article(title: wideTitle, marker: "brmark07z", charset: nil), .utf16BigEndian))
        },
        Case(name: "UTF-16LE without BOM, sidecar says utf-16le", file: "utf16le-sidecar.html", expectation: .article(wideTitle)) {
            try write($0, encoded(article(title: wideTitle, marker: "brmark08z", charset: nil), .utf16LittleEndian))
            try sidecar($0, charset: "utf-16le")
        },
        Case(name: "UTF-16BE without BOM, sidecar says utf-16be", file: "utf16be-sidecar.html", expectation: .article(wideTitle)) {
            try write($0, encoded(article(title: wideTitle, marker: "brmark09z", charset: nil), .utf16BigEndian))
            try sidecar($0, charset: "utf-16be")
        },
        Case(name: "UTF-16LE without BOM or any hint", file: "utf16le-bare.html", expectation: .errorOrArticle(wideTitle)) {
            try write($0, encoded(article(title: wideTitle, marker: "brmark10z", charset: nil), .utf16LittleEndian))
        },
        Case(name: "UTF-16BE without BOM, <meta charset=utf-16>", file: "utf16be-meta.html", expectation: .errorOrArticle(wideTitle)) {
            try write($0, encoded(article(title: wideTitle, marker: "brmark11z", charset: "utf-16"), .utf16BigEndian))
        },
        Case(name: "sidecar says utf-8, bytes are windows-1252", file: "cp1252-as-utf8.html", expectation: .article(latinTitle)) {
            try write($0, encoded(article(title: latinTitle, marker: "brmark12z", charset: nil), .windowsCP1252))
            try sidecar($0, charset: "utf-8")
        },
        Case(name: "sidecar says windows-1252, bytes are UTF-8", file: "utf8-as-cp1252.html", expectation: .article(latinTitle)) {
            try write($0, article(title: latinTitle, marker: "brmark13z", charset: nil))
            try sidecar($0, charset: "windows-1252")
        },
        Case(name: "<meta charset=utf-8>, bytes are windows-1252", file: "cp1252-meta-utf8.html", expectation: .article(latinTitle)) {
            try write($0, encoded(article(title: latinTitle, marker: "brmark14z", charset: "utf-8"), .windowsCP1252))
        },
        Case(name: "<meta charset=windows-1252>, bytes are UTF-8", file: "utf8-meta-cp1252.html", expectation: .article(latinTitle)) {
            try write($0, article(title: latinTitle, marker: "brmark15z", charset: "windows-1252"))
        },
        Case(name: "sidecar names an unknown charset", file: "unknown-charset.html", expectation: .article(plainTitle)) {
            try write($0, article(title: plainTitle, marker: "brmark16z", charset: nil))
            try sidecar($0, charset: "x-no-such-charset")
        },
        Case(name: "ISO-8859-1 page with a byte undefined in windows-1252 (0x9D)", file: "latin1-undefined-byte.html", expectation: .article(plainTitle)) { url in
            var bytes = try encoded(article(title: plainTitle, marker: "brmark35z", charset: nil,
                                            inside: "<p>Harga naik @ persen menurut data dinas perdagangan kota pekan lalu.</p>"), .windowsCP1252)
            if let at = bytes.firstIndex(of: UInt8(ascii: "@")) { bytes[at] = 0x9D }
            try write(url, bytes)
            try sidecar(url, charset: "iso-8859-1")
        },
        Case(name: "50 MB page: 50 MB inline script before the article", file: "big-script.html", expectation: .article(plainTitle),
             maximumSeconds: 20) { url in
            let blob = "<script>var data = \"" + String(repeating: "abcdefghij", count: 5_000_000) + "\";</script>"
            try write(url, article(title: plainTitle, marker: "brmark17z", head: blob))
        },
        Case(name: "50 MB page: 50 MB of article paragraphs", file: "big-body.html", expectation: .article(plainTitle),
             knownSlow: "SLOW: extraction + normalisation run at ~1 MB/s in a debug build (~4 MB/s release): 50 MB of paragraphs take 120+ s debug, 31 s release (2026-12-05; the Markdown writer is 55% of it: per-Character escaping and trimming in MarkdownWriter.paragraph, MarkdownEscaper, InlineNormalizer); linear, no hang") { url in
            var inside = ""
            let paragraph = "<p>" + HostileCorpus.paragraphs[1] + "</p>\n"
            inside.reserveCapacity(52_000_000)
            while inside.utf8.count < 50_000_000 { inside += paragraph }
            try write(url, article(title: plainTitle, marker: "brmark18z", inside: inside))
        },
        Case(name: "70 MB page (over the 64 MiB limit)", file: "oversize.html", expectation: .error(["MB"])) { url in
            try write(url, article(title: plainTitle, marker: "brmark19z", after: "<!--" + String(repeating: " ", count: 70_000_000) + "-->"))
        },
        // While HTMLDocument's options were being changed, these crashed the whole build (SIGSEGV:
        // PageAnalysis.measure recurses once per level and 10,000 levels overflow a worker thread's
        // stack). libxml2's 256-level cap keeps them shallow now; if that cap is lifted
        // (XML_PARSE_HUGE), the recursive walks must become iterative first. libxml2 stops reading
        // at the cap, so they were published cut or "no text"; now that is a per-page error.
        Case(name: "100,000 nested <div>", file: "nested-div.html", expectation: .error(["256-level limit"])) {
            try write($0, nested("<div>", "</div>", depth: 100_000, marker: "brmark20z"))
        },
        Case(name: "100,000 nested <blockquote>", file: "nested-blockquote.html", expectation: .error(["256-level limit"])) {
            try write($0, nested("<blockquote>", "</blockquote>", depth: 100_000, marker: "brmark21z"))
        },
        Case(name: "100,000 nested <ul><li>", file: "nested-list.html", expectation: .error(["256-level limit"])) {
            try write($0, nested("<ul><li>", "</li></ul>", depth: 100_000, marker: "brmark22z"))
        },
        Case(name: "100,000 nested <em>", file: "nested-em.html", expectation: .error(["256-level limit"])) {
            try write($0, nested("<em>", "</em>", depth: 100_000, marker: "brmark23z"))
        },
        Case(name: "100,000 unclosed <div>", file: "nested-unclosed.html", expectation: .error(["256-level limit"])) {
            try write($0, nested("<div>", "", depth: 100_000, marker: "brmark24z"))
        },
        Case(name: "100,000 links around the article", file: "links-around.html", expectation: .errorOrArticle(plainTitle)) { url in
            let links = (0..<100_000).map { "<li><a href=\"/berita/\($0)\">Berita \($0)</a></li>" }.joined()
            try write(url, article(title: plainTitle, marker: "brmark25z", after: "<nav><ul>" + links + "</ul></nav>"))
        },
        Case(name: "100,000 links inside the article", file: "links-inside.html", expectation: .errorOrArticle(plainTitle)) { url in
            let links = (0..<100_000).map { "<a href=\"https://kabar.example/\($0)\">kata\($0)</a>" }.joined(separator: " ")
            try write(url, article(title: plainTitle, marker: "brmark26z", inside: "<p>" + links + "</p>"))
        },
        Case(name: "entity bomb: DOCTYPE internal subset (billion laughs)", file: "entity-laughs.html", expectation: .errorOrArticle(plainTitle)) { url in
            var subset = "<!ENTITY a0 \"lol\">"
            for level in 1...12 { subset += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
            let page = article(title: plainTitle, marker: "brmark27z", inside: "<p>&a12; &a12; &a12;</p>")
            try write(url, page.replacingOccurrences(of: "<!DOCTYPE html>", with: "<!DOCTYPE html [" + subset + "]>"))
        },
        Case(name: "entity bomb: 10 MB of character references", file: "entity-refs.html", expectation: .article(plainTitle)) { url in
            let refs = String(repeating: "&amp;&lt;&#x41;&#66;&eacute;&hellip;&nbsp;", count: 250_000)
            try write(url, article(title: plainTitle, marker: "brmark28z", inside: "<p>Entitas: " + refs + "</p>"))
        },
        Case(name: "entity bomb: 5 MB of broken references", file: "entity-broken.html", expectation: .errorOrArticle(plainTitle)) { url in
            try write(url, article(title: plainTitle, marker: "brmark29z", inside: "<p>" + String(repeating: "&#&x&;&#x;&#99999999999;&zz", count: 200_000) + "</p>"))
        },
        // Found by this suite and fixed since: a text node over 10,000,000 bytes hit libxml2's
        // XML_MAX_TEXT_LENGTH (no HTML_PARSE_HUGE), which stopped reading there: the article was
        // published cut after the long word. libxml2 stopping early is now a per-page error.
        Case(name: "a 10 MB word", file: "giant-word.html", expectation: .error(["10,000,000-byte limit"])) { url in
            try write(url, article(title: plainTitle, marker: "brmark30z", inside: "<p>Kata " + String(repeating: "x", count: 10_000_000) + " selesai.</p>"))
        },
        Case(name: "a 300,000-character CJK title", file: "giant-title.html", expectation: .errorOrArticle(String(repeating: "北京", count: 150_000))) { url in
            try write(url, article(title: String(repeating: "北京", count: 150_000), marker: "brmark31z"))
        },
        // Found by this suite and fixed since: libxml2 2.9.14's HTML parser checks duplicate
        // attributes pairwise, O(n²) (10k attributes 0.2 s, 40k 3 s, 80k 15 s, 100k 33 s, in
        // htmlReadMemory itself); a tag now keeps its first 256 (MarkupGuard).
        Case(name: "an element with 80,000 attributes", file: "many-attributes.html", expectation: .article(plainTitle),
             maximumSeconds: 2) { url in
            let attributes = (0..<80_000).map { "data-a\($0)=\"\($0)\"" }.joined(separator: " ")
            try write(url, article(title: plainTitle, marker: "brmark32z", inside: "<p " + attributes + ">Paragraf dengan atribut sangat banyak.</p>"))
        },
        Case(name: "JSON-LD nested 100,000 deep", file: "jsonld-deep.html", expectation: .article(plainTitle)) { url in
            let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            try write(url, article(title: plainTitle, marker: "brmark33z", head: "<script type=\"application/ld+json\">" + deep + "</script>"))
        },
        Case(name: "an unclosed comment at the top", file: "unclosed-comment.html", expectation: .error([])) { url in
            try write(url, "<!--" + article(title: plainTitle, marker: "brmark34z"))
        },
        Case(name: "Markdown: empty file", file: "empty.md", expectation: .error(["front matter"])) { try write($0, []) },
        Case(name: "Markdown: binary garbage", file: "garbage.md", expectation: .error([])) { try write($0, noise(64 * 1024, seed: 4)) },
        Case(name: "Markdown: invalid UTF-8", file: "invalid-utf8.md", expectation: .error(["UTF-8"])) { url in
            try write(url, Array("---\ntitle: Rusak\ndate: 2026-10-20T09:00:00+07:00\n---\n\nTeks ".utf8) + [0xFF, 0xFE, 0xC0] + Array(" lagi.\n".utf8))
        },
        Case(name: "Markdown: UTF-16 with BOM", file: "utf16.md", expectation: .error([])) { url in
            try write(url, [0xFF, 0xFE] + encoded("---\ntitle: Enam belas\ndate: 2026-10-20T09:00:00+07:00\n---\n\nTeks.\n", .utf16LittleEndian))
        },
        Case(name: "Markdown: YAML alias bomb (billion laughs)", file: "yaml-bomb.md", expectation: .errorOrArticle("Bom YAML")) { url in
            var yaml = "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            for level in 1...9 { yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n" }
            try write(url, "---\ntitle: Bom YAML\ndate: 2026-10-20T09:00:00+07:00\n" + yaml + "tags: *a9\n---\n\n" + HostileCorpus.paragraphs[0] + " Kode brmark40z.\n")
        },
        Case(name: "Markdown: YAML nested 100,000 deep", file: "yaml-deep.md", expectation: .errorOrArticle("YAML dalam")) { url in
            let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            try write(url, "---\ntitle: YAML dalam\ndate: 2026-10-20T09:00:00+07:00\nextra: " + deep + "\n---\n\nTeks brmark41z.\n")
        },
        Case(name: "Markdown: 100,000 nested block quotes", file: "deep-quote.md", expectation: .errorOrArticle("Kutipan dalam")) { url in
            try write(url, "---\ntitle: Kutipan dalam\ndate: 2026-10-20T09:00:00+07:00\n---\n\n" + String(repeating: ">", count: 100_000) + " teks brmark42z\n")
        },
        Case(name: "Markdown: 100,000 nested list items", file: "deep-list.md", expectation: .errorOrArticle("Daftar dalam")) { url in
            try write(url, "---\ntitle: Daftar dalam\ndate: 2026-10-20T09:00:00+07:00\n---\n\n" + HostileCorpus.paragraphs[0] + "\n\n"
                + String(repeating: "- ", count: 100_000) + "butir\n\nbrmark43z\n")
        },
        Case(name: "Markdown: 100,000 open brackets and emphasis", file: "deep-inline.md", expectation: .errorOrArticle("Kurung dalam")) { url in
            let inline = String(repeating: "[*_", count: 100_000) + "brmark44z" + String(repeating: "](x)", count: 50_000)
            try write(url, "---\ntitle: Kurung dalam\ndate: 2026-10-20T09:00:00+07:00\n---\n\n" + inline + "\n")
        },
        Case(name: "Markdown: 50 MB body", file: "big.md", expectation: .article("Artikel raksasa")) { url in
            var body = ""
            body.reserveCapacity(51_000_000)
            while body.utf8.count < 50_000_000 { body += HostileCorpus.paragraphs[2] + "\n\n" }
            try write(url, "---\ntitle: Artikel raksasa\ndate: 2026-10-20T09:00:00+07:00\n---\n\n" + body + "brmark45z\n")
        },
        Case(name: "Markdown: 70 MB body (pages stop at 64 MiB)", file: "huge.md", expectation: .errorOrArticle("Artikel terlalu besar")) { url in
            var body = ""
            body.reserveCapacity(71_000_000)
            while body.utf8.count < 70_000_000 { body += HostileCorpus.paragraphs[3] + "\n\n" }
            try write(url, "---\ntitle: Artikel terlalu besar\ndate: 2026-10-20T09:00:00+07:00\n---\n\n" + body + "brmark46z\n")
        },
    ]

    static let good = """
    ---
    title: Artikel baik tetap terbit
    date: 2026-10-21T09:00:00+07:00
    slug: artikel-baik
    tags: [Uji]
    ---

    \(HostileCorpus.paragraphs[0])

    \(HostileCorpus.paragraphs[1])
    """

    // MARK: Per page, in a process of its own

    struct Outcome: Sendable {
        var name: String
        var seconds: Double
        var peakMB: Double?
        var exitStatus: Int32
        var crashed: Bool
        var hung: Bool
        var result: String
        var ok: Bool
        var message: String
    }

    @Test func eachBrokenInputGivesAClearErrorOrACorrectArticleQuickly() async throws {
        let galley = try #require(Self.galleyBinary(), "the galley executable is built next to the tests")
        let work = RepositoryPaths.temporaryFolder("broken")
        defer { try? FileManager.default.removeItem(at: work) }
        var outcomes: [Outcome] = []
        for (index, testCase) in Self.cases.enumerated() {
            let content = work.appendingPathComponent("case-\(index)/content")
            let output = work.appendingPathComponent("case-\(index)/public")
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            try testCase.make(content.appendingPathComponent(testCase.file))
            try Self.write(content.appendingPathComponent("good.md"), Self.good)
            let run = await Self.run(galley, ["build", "--config", RepositoryPaths.config.path, "--content", content.path, "--output", output.path,
                                        "--templates", RepositoryPaths.templates.path, "--jobs", "2"], timeout: Self.hardTimeout)
            var outcome = Self.judge(testCase, run: run, output: output)
            outcome.name = testCase.name
            outcomes.append(outcome)
            try? FileManager.default.removeItem(at: work.appendingPathComponent("case-\(index)"))

            if outcome.crashed || outcome.hung {
                if outcome.crashed, let crash = testCase.knownCrash {
                    withKnownIssue(Comment(rawValue: crash)) { Issue.record("\(testCase.name): CRASH — \(outcome.message.prefix(300))") }
                } else {
                    Issue.record("\(testCase.name): \(outcome.crashed ? "CRASH" : "HANG") — \(outcome.message)")
                }
            } else if !outcome.ok {
                if let bug = testCase.knownBug {
                    withKnownIssue(Comment(rawValue: bug)) { Issue.record("\(testCase.name): \(outcome.message)") }
                } else {
                    Issue.record("\(testCase.name): \(outcome.message)")
                }
            }
            if !outcome.crashed, !outcome.hung {
                if outcome.seconds >= Self.pageSeconds, let slow = testCase.knownSlow {
                    withKnownIssue(Comment(rawValue: slow)) {
                        Issue.record("\(testCase.name) took \(String(format: "%.1f", outcome.seconds)) s (limit \(Int(Self.pageSeconds)) s)")
                    }
                } else {
                    let limit = testCase.maximumSeconds ?? Self.pageSeconds
                    #expect(outcome.seconds < limit, "\(testCase.name) took \(String(format: "%.1f", outcome.seconds)) s (limit \(limit) s)")
                }
                if let peak = outcome.peakMB { #expect(peak < Self.memoryLimitMB, "\(testCase.name) used \(Int(peak)) MB") }
            }
        }
        var lines = ["broken inputs: \(outcomes.count) cases, one `galley build` each (with one good article), debug build"]
        for outcome in outcomes {
            let memory = outcome.peakMB.map { String(format: "%5.0f MB", $0) } ?? "    ? MB"
            lines.append(String(format: "  %6.2f s %@  %@  %@: %@", outcome.seconds, memory, outcome.ok ? "ok  " : "FAIL", outcome.name, outcome.result))
        }
        print(lines.joined(separator: "\n"))
    }

    /// All broken inputs in one content folder with three good articles, built by one `galley
    /// build` process: the build goes on, the good articles are published, and each broken input is
    /// either reported (with a reason) or published. A crash is a finding; when every input that
    /// crashed is a known crasher, the build runs again without them so the rest is still checked.
    @Test func theBuildGoesOnWithEveryBrokenInputAtOnce() async throws {
        let galley = try #require(Self.galleyBinary(), "the galley executable is built next to the tests")
        let work = RepositoryPaths.temporaryFolder("broken-all")
        defer { try? FileManager.default.removeItem(at: work) }
        let content = work.appendingPathComponent("content")
        let output = work.appendingPathComponent("public")
        // The big and slow ones are measured by the per-page test; left out here to keep this fast.
        let heavy: Set<String> = ["big-script.html", "big-body.html", "oversize.html", "giant-title.html", "many-attributes.html",
                                  "big.md", "huge.md"]
        var included = Self.cases.filter { !heavy.contains($0.file) }
        for attempt in 1...2 {
            try? FileManager.default.removeItem(at: content)
            try? FileManager.default.removeItem(at: output)
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            for testCase in included { try testCase.make(content.appendingPathComponent(testCase.file)) }
            for number in 1...3 {
                try Self.write(content.appendingPathComponent("good-\(number).md"),
                               Self.good.replacingOccurrences(of: "slug: artikel-baik", with: "slug: artikel-baik-\(number)"))
            }
            let run = await Self.run(galley, ["build", "--config", RepositoryPaths.config.path, "--content", content.path, "--output", output.path,
                                        "--templates", RepositoryPaths.templates.path, "--jobs", "2"], timeout: Self.hardTimeout * 3)
            let summary: String = "\(included.count) broken inputs and 3 good articles in one build: "
            if run.hung {
                Issue.record("\(summary)HANG (killed after \(Int(Self.hardTimeout * 3)) s)")
                return
            }
            if run.signalled || run.status != 0 {
                let crashers = included.filter { $0.knownCrash != nil }
                let what: String = run.signalled ? "CRASH (signal \(run.status))" : "exit \(run.status)"
                if run.signalled, attempt == 1, !crashers.isEmpty {
                    withKnownIssue(Comment(rawValue: crashers[0].knownCrash!)) { Issue.record("\(summary)\(what): the whole build died") }
                    print("\(summary)\(what); again without the \(crashers.count) known crashers")
                    included.removeAll { $0.knownCrash != nil }
                    continue
                }
                Issue.record("\(summary)\(what): \(run.stderr.suffix(800))")
                return
            }
            let files = Set(RepositoryPaths.files(in: output))
            for number in 1...3 { #expect(files.contains("2026/10/artikel-baik-\(number)/index.html"), "good article \(number) is published") }
            let published = Int(run.stderr.firstMatch(of: /published (\d+) articles/)?.1 ?? "") ?? -1
            var unaccounted: [String] = []
            for testCase in included {
                let line = run.stderr.split(separator: "\n").first { $0.contains(testCase.file) && ($0.contains("rejected:") || $0.contains("failed:")) }
                if let line {
                    #expect(line.split(separator: ":").count >= 4, "\(testCase.file): a reason is given: \(line)")
                } else if case .error = testCase.expectation {
                    unaccounted.append(testCase.file)
                }
            }
            #expect(unaccounted.isEmpty, "expected a per-page error for \(unaccounted)")
            print("\(summary)exit 0, \(published) published, \(String(format: "%.1f", run.seconds)) s, \(Int(run.peakMB ?? 0)) MB peak")
            return
        }
    }

    // MARK: Helpers

    static func galleyBinary() -> URL? {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("galley")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        // `swift test` may run the test bundle through a helper: look in the build folders.
        for folder in [".build-hostile", ".build"] {
            let candidate = RepositoryPaths.root.appendingPathComponent("\(folder)/debug/galley")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    struct Run {
        var status: Int32
        var signalled: Bool
        var hung: Bool
        var seconds: Double
        var peakMB: Double?
        var stderr: String
    }

    /// Runs a program under /usr/bin/time (for peak memory) with a hard timeout, waiting
    /// without holding a thread of the concurrency pool (`ChildProcess`).
    static func run(_ program: URL, _ arguments: [String], timeout: Double) async -> Run {
        let folder = RepositoryPaths.temporaryFolder("run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let errURL = folder.appendingPathComponent("stderr")
        let timeURL = folder.appendingPathComponent("time")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        let timer = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        if timer {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
            process.arguments = ["-f", "%e %M", "-o", timeURL.path, program.path] + arguments
        } else {
            process.executableURL = program
            process.arguments = arguments
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: errURL.path)
        let started = Date()
        let child: ChildProcess
        do { child = try ChildProcess(starting: process) } catch {
            return Run(status: -1, signalled: false, hung: false, seconds: 0, peakMB: nil, stderr: "could not start: \(error)")
        }
        var hung = false
        if await !child.end(within: .seconds(timeout)) {
            hung = true
            child.kill()
            // /usr/bin/time's child: kill the process group we can reach.
            let killer = Process()
            killer.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
            killer.arguments = ["-KILL", "-P", String(child.identifier)]
            _ = try? await ChildProcess.run(killer)
            await child.end()
        }
        let seconds = child.runningTime.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 } ?? Date().timeIntervalSince(started)
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        var peak: Double?
        var status = child.terminationStatus
        var signalled = child.endedBySignal
        if let timing = try? String(contentsOf: timeURL, encoding: .utf8) {
            // "Command terminated by signal 11\n12.34 56789" or "Command exited with non-zero status 3\n…".
            let lines = timing.split(separator: "\n")
            if let last = lines.last?.split(separator: " "), last.count == 2, let kilobytes = Double(last[1]) { peak = kilobytes / 1024 }
            if let first = lines.first, first.hasPrefix("Command terminated by signal") {
                signalled = true
                status = Int32(first.split(separator: " ").last ?? "") ?? status
            }
        }
        return Run(status: status, signalled: signalled, hung: hung, seconds: seconds, peakMB: peak, stderr: stderr)
    }

    /// Compares one run with the case's expectation.
    static func judge(_ testCase: Case, run: Run, output: URL) -> Outcome {
        var outcome = Outcome(name: testCase.name, seconds: run.seconds, peakMB: run.peakMB, exitStatus: run.status, crashed: run.signalled,
                              hung: run.hung, result: "", ok: false, message: "")
        if run.hung {
            outcome.result = "killed after \(Int(hardTimeout)) s"
            outcome.message = "no result after \(Int(hardTimeout)) s"
            return outcome
        }
        if run.signalled {
            outcome.result = "crashed (signal \(run.status))"
            outcome.message = "galley build died with signal \(run.status): \(run.stderr.suffix(600))"
            return outcome
        }
        guard run.status == 0 else {
            outcome.result = "exit \(run.status)"
            outcome.message = "galley build exited with \(run.status) (the build must go on): \(run.stderr.suffix(600))"
            return outcome
        }
        guard FileManager.default.fileExists(atPath: output.appendingPathComponent("2026/10/artikel-baik/index.html").path) else {
            outcome.result = "good article missing"
            outcome.message = "the good article next to it was not published: \(run.stderr.suffix(600))"
            return outcome
        }
        let problemLine = run.stderr.split(separator: "\n").first { $0.contains(testCase.file) && ($0.contains("rejected:") || $0.contains("failed:")) }
            .map { String($0).trimmingCharacters(in: .whitespaces) }
        let title = publishedTitle(in: output)
        if let line = problemLine {
            outcome.result = String(line.prefix(160))
            switch testCase.expectation {
            case .error(let words):
                outcome.ok = words.isEmpty || words.contains { line.localizedCaseInsensitiveContains($0) }
            case .errorOrArticle:
                outcome.ok = true
            case .article:
                outcome.ok = false
            }
            if !outcome.ok { outcome.message = "expected \(testCase.expectation), got \(line)" }
        } else if let got = title {
            outcome.result = "published \"\(got.title.prefix(70))\""
            switch testCase.expectation {
            case .error:
                outcome.message = "expected a per-page error, but an article was published: \(HostileScanner.quoted(String(got.title.prefix(120))))"
            case .article(let expected), .errorOrArticle(let expected):
                outcome.ok = got.title == expected && got.complete
                if got.title != expected {
                    outcome.message = "published with the title \(HostileScanner.quoted(String(got.title.prefix(120)))), expected \(HostileScanner.quoted(String(expected.prefix(120))))"
                } else if !got.complete {
                    outcome.result += " but CUT (its last paragraphs are missing)"
                    outcome.message = "published, but the text after the broken part is missing (no marker word)"
                }
            }
        } else {
            outcome.result = "neither published nor reported"
            outcome.message = "neither published nor reported: \(run.stderr.suffix(600))"
        }
        return outcome
    }

    /// The title of the one article page besides the good article, if any, and whether the page
    /// holds the marker word of the article's last paragraphs (`brmark…z`).
    static func publishedTitle(in output: URL) -> (title: String, complete: Bool)? {
        for file in RepositoryPaths.files(in: output) where file.hasSuffix("/index.html") && !HostileCorpus.isListPage(file)
            && !file.hasPrefix("2026/10/artikel-baik/") {
            guard let html = try? String(contentsOf: output.appendingPathComponent(file), encoding: .utf8),
                  let start = html.range(of: "<h1 class=\"article__title\">"),
                  let end = html.range(of: "</h1>", range: start.upperBound..<html.endIndex) else { continue }
            let complete = html.range(of: #"brmark\d\dz"#, options: .regularExpression) != nil
            return (HostileScanner.visibleText(String(html[start.upperBound..<end.lowerBound])), complete)
        }
        return nil
    }
}
