import CLibXML2
@testable import GalleyExtract
import Testing

/// `MarkupScanner` must read markup exactly as libxml2 does: a tag it misses is a tag whose
/// attributes are not capped (the quadratic parse comes back), and a `<script>` it sees where
/// libxml2 sees none would empty real text. Seeded random pages made of the tricky pieces
/// (comments ending in `--!>`, DOCTYPE literals with `>`, `<?` before non-ASCII letters and
/// symbols, quotes, bogus attributes, 100-byte name runs, raw script text…) are read by both,
/// and every element with attributes must be a start tag the scanner read, in the same order,
/// with as many attributes.
@Suite struct MarkupScannerTests {
    /// Pieces of markup, some only meaningful next to others.
    static let pieces: [String] = [
        "x y ", "\u{E9}t\u{E9} ", "\u{20AC} ", "\u{4E2D}", " ", "\n", "\t", ">", "<", "\"", "'", "=", "/", "&amp;", "&#x", "&", "?>",
        "<p", "<div", "<span", "<a", "<x-y", "<P", "<b", "<em", "<script", "<SCRIPT", "<style", "<Style", "<textarea", "<title",
        "<scriptx", "<p/", "</p>", "</script>", "</SCRIPT", "</style>", "</scr", "</", "</ ", "</-", "</_x ", "</.x ", "</p a=\">\" ",
        "<!--", "-->", "--!>", "--", "-- >", "<!---->", "<!-->", "<!--->", "<!", "<!x ", "<![CDATA[", "]]>",
        "<!DOCTYPE html>", "<!doctype", "<!DOCTYPE ", "  ", "<!-- c -->", "<?php x ?>", " PUBLIC ", " SYSTEM ", "\"a>b\"", "'c>d'", "h\u{E9}ml", "html\u{20AC}", "1tml",
        "<?x ", "<?\u{E9} ", "<?\u{20AC} ", "<?\u{4E2D}", "<?\u{B7}", "<?1", "<?_", "<? ",
        " @", " @=v", " @=\"v\"", " @='v'", " @=\"v>w\"", " @='v\"w'", "@=\"1\"", " @ = \"1\"", " @=<b", " @=\"<p q=1>\"",
        " @=\"</script>\"", " \"bogus\"", " /", " / ", " =x", "/@", " \u{E9}@", " _@", " .@", " @\u{E9}@", " @=&quot;", " @=a/",
        " LONG", "/>",
    ]

    struct Generator {
        var state: UInt64
        var counter = 0

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }

        /// A unique attribute name (libxml2 drops repeated names; the scanner counts them).
        mutating func name() -> String {
            counter += 1
            return "n\(counter)x"
        }

        mutating func page(pieces count: Int) -> String { pieceList(count).joined() }

        mutating func pieceList(_ count: Int) -> [String] {
            var page: [String] = []
            for _ in 0..<count {
                var piece = MarkupScannerTests.pieces[next(MarkupScannerTests.pieces.count)]
                if piece == " LONG" {
                    counter += 1
                    piece = " l\(counter)" + String(repeating: "q", count: 90 + next(120)) + "z\(counter)=1"
                }
                while let at = piece.firstIndex(of: "@") { piece.replaceSubrange(at...at, with: name()) }
                page.append(piece)
            }
            return page
        }
    }

    /// Elements with attributes, in document order, as libxml2 built them.
    static func libxml2Tags(_ page: String) throws -> [String] {
        let document = try HTMLDocument(bytes: Array(page.utf8), encoding: "UTF-8")
        var tags: [String] = []
        func walk(_ node: HTMLNode) {
            for child in node.children where child.isElement {
                let count = child.attributes.count
                if count > 0, !["html", "head", "body"].contains(child.name) { tags.append("\(child.name)/\(count)") }
                walk(child)
            }
        }
        // After `</html>` the parser may start a second top-level element.
        var top = document.root?.pointer
        while let node = top {
            if node.pointee.type == XML_ELEMENT_NODE {
                let element = HTMLNode(node)
                if !element.attributes.isEmpty, !["html", "head", "body"].contains(element.name) {
                    tags.append("\(element.name)/\(element.attributes.count)")
                }
                walk(element)
            }
            top = node.pointee.next
        }
        return tags
    }

    /// Start tags with attributes as the scanner read them (libxml2 keeps the first of repeated
    /// names, and drops a misplaced `<html>`, `<head>` or `<body>`), and the page with the
    /// scanner's edits (here only `<` made spaces in script text) for libxml2 to read.
    static func scanned(_ page: String) -> (tags: [String], edited: String) {
        let bytes = Array(page.utf8)
        let (startTags, edits) = bytes.withUnsafeBufferPointer { buffer in
            var scanner = MarkupScanner(bytes: buffer, maximumAttributes: 1_000_000, maximumRawText: Int.max)
            scanner.recordsTags = true
            scanner.run()
            return (scanner.startTags, scanner.edits)
        }
        let tags = startTags.filter { !$0.attributes.isEmpty && !["html", "head", "body"].contains($0.name) }
            .map { "\($0.name)/\(Set($0.attributes).count)" }
        return (tags, String(decoding: MarkupGuard.applying(edits, to: bytes), as: UTF8.self))
    }

    @Test func readsTagsAsLibxml2Does() throws {
        var generator = Generator(state: 20_261_014)
        var mismatches: [String] = []
        for round in 0..<4_000 {
            // Half the pages start with the prologue (blanks, comments, a DOCTYPE…), half in a body.
            let page = (round % 2 == 0 ? "<html><body>" : "") + generator.page(pieces: 8 + generator.next(40))
            let (read, edited) = Self.scanned(page)
            let expected = try Self.libxml2Tags(edited)
            if expected != read, mismatches.count < 5 {
                mismatches.append("round \(round): \(page.debugDescription)\n  libxml2: \(expected)\n  scanner: \(read)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    /// The edits, on small pages (at most 2 attributes a tag, 16 bytes of script text).
    @Test(arguments: [
        ("<p a b c d>x</p>", "<p a b >x</p>"),
        ("<p a=\"1\" b='2'c=3 d>x", "<p a=\"1\" b='2'>x"),
        ("<p a b c/>x", "<p a b />x"),
        ("<p a b\nc=\">\"\nd>x", "<p a b\n>x"),
        ("<p a \"bogus\" b / c>x", "<p a \"bogus\" b / >x"),
        ("<p " + String(repeating: "q", count: 250) + ">x", "<p " + String(repeating: "q", count: 200) + ">x"),
        ("<!-- <p a b c> --><p a b c>", "<!-- <p a b c> --><p a b >"),
        ("<p t=\"<p a b c>\">x", "<p t=\"<p a b c>\">x"),
        // Script and style text is dropped, but JSON-LD's (cut when longer than 16 bytes here).
        ("<script>12345678901234567</script>x", "<script></script>x"),
        ("<script>var a = '</style>';</script>x", "<script></script>x"),
        ("<style>a</STYLE >x", "<style></STYLE >x"),
        ("<script type=\"application/ld+json\">12345678901234567</script>x", "<script type=\"application/ld+json\"></script>x"),
        ("<script type=application/ld+json>1234567890123456</script>x", "<script type=application/ld+json>1234567890123456</script>x"),
        ("<script TYPE='Application/LD+JSON' a b>{}</script>x", "<script TYPE='Application/LD+JSON' a >{}</script>x"),
        ("<script type=\"application/json\">{}</script>x", "<script type=\"application/json\"></script>x"),
        ("<!-- <script> --><p>12345678901234567</p><script></script>", "<!-- <script> --><p>12345678901234567</p><script></script>"),
        ("<script type=ld+json></p>x</script>", "<script type=ld+json> /p>x</script>"),
        ("<script type=ld+json><b>x</script>", "<script type=ld+json> b>x</script>"),
        ("<script type=ld+json>a</scripts>b</script>c", "<script type=ld+json>a /scripts>b</script>c"),
        ("<script></p>x</script>", "<script></script>"),
        ("<script>a</scripts>b</script>c", "<script></script>c"),
        ("<script></script>", "<script></script>"),
        ("<script/><p a b c>", "<script/><p a b >"),
        ("<scriptx>12345678901234567</scriptx>", "<scriptx>12345678901234567</scriptx>"),
        // An SVG path's drawing (quoted, longer than 16 bytes) is emptied; nothing else is.
        ("<svg><path d=\"M0 0L10 10L20 20Z\" fill=red/></svg>x", "<svg><path d=\"\" fill=red/></svg>x"),
        ("<PATH D='M0 0L10 10L20 20Z'>", "<PATH D=''>"),
        ("<path d=\"M0 0Z\">", "<path d=\"M0 0Z\">"),
        ("<path d=M0,0L10,10L20,20L30,30>", "<path d=M0,0L10,10L20,20L30,30>"),
        ("<div d=\"M0 0L10 10L20 20Z\">", "<div d=\"M0 0L10 10L20 20Z\">"),
        ("<paths d=\"M0 0L10 10L20 20Z\">", "<paths d=\"M0 0L10 10L20 20Z\">"),
        ("<path a b d=\"M0 0L10 10L20 20Z\">", "<path a b >"),
    ])
    func edits(page: String, guarded: String) {
        let guardian = MarkupGuard(maximumAttributesPerTag: 2, maximumScriptLength: 16)
        #expect(String(decoding: guardian.guarded(Array(page.utf8)), as: UTF8.self) == guarded)
    }

    // MARK: Open elements (ElementStack)

    /// Structure pieces: start and end tags of block, inline, list, table, HTML5 and empty
    /// elements, `<x/>`, misplaced `html`/`head`/`body`, and text (which implies a `p` right
    /// inside `html` or `head`).
    static let structurePieces: [String] = {
        let names = ["div", "p", "span", "a", "b", "i", "font", "ul", "ol", "li", "dl", "dt", "dd", "table", "tbody", "thead",
                     "tr", "td", "th", "caption", "section", "aside", "nav", "header", "footer", "article", "main", "form",
                     "h1", "h2", "center", "blockquote", "pre", "figure", "figcaption", "em", "address", "menu", "fieldset",
                     "legend", "option", "select", "noscript", "picture", "source", "x-card"]
        return names.flatMap { ["<\($0)>", "</\($0)>", "<\($0) class=\"c\">"] }
            + ["<img>", "<br>", "<hr>", "<input>", "<div/>", "<span/>", "x ", "x ", "<html>", "<body>", "<head>", "</head>", "</body>"]
    }()

    /// Elements in document order with their depth (`html` is 1), as libxml2 built them.
    static func libxml2Depths(_ page: String) throws -> [String] {
        let document = try HTMLDocument(bytes: Array(page.utf8), encoding: "UTF-8")
        var found: [String] = []
        func walk(_ node: HTMLNode, depth: Int) {
            found.append("\(node.name)@\(depth)")
            for child in node.children where child.isElement { walk(child, depth: depth + 1) }
        }
        if let root = document.root { walk(root, depth: 1) }
        return found
    }

    static func scannedDepths(_ page: String) -> (elements: [String], edited: String, repaired: Bool) {
        let bytes = Array(page.utf8)
        let (elements, edits) = bytes.withUnsafeBufferPointer { buffer in
            var scanner = MarkupScanner(bytes: buffer, maximumAttributes: 1_000_000, maximumRawText: Int.max)
            scanner.recordsTags = true
            scanner.run()
            return (scanner.elements, scanner.edits)
        }
        let edited = String(decoding: MarkupGuard.applying(edits, to: bytes), as: UTF8.self)
        return (elements.map { "\($0.name)@\($0.depth)" }, edited, !edits.isEmpty)
    }

    /// The scanner's model of libxml2's open elements (`ElementStack`) puts every element of a
    /// random tag soup at the depth where libxml2 puts it, once its repairs are made.
    @Test func modelsTheOpenElementsAsLibxml2Does() throws {
        var generator = Generator(state: 20_261_101)
        var mismatches: [String] = []
        var repaired = 0
        for round in 0..<3_000 {
            var page = round % 3 == 0 ? "<html><head><title>t</title>" : "<html><body>"
            for _ in 0..<(6 + generator.next(40)) { page += Self.structurePieces[generator.next(Self.structurePieces.count)] }
            let (model, edited, didRepair) = Self.scannedDepths(page)
            if didRepair { repaired += 1 }
            let expected = try Self.libxml2Depths(edited)
            if expected != model, mismatches.count < 5 {
                mismatches.append("round \(round): \(page.debugDescription)\n  libxml2: \(expected)\n  model:   \(model)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(repaired > 20)
    }

    /// An end tag a browser honours closes the `div`s left open inside its element; libxml2
    /// alone would ignore it and put the rest of the page inside.
    @Test(arguments: [
        ("<body><aside><div>side</aside><p>story</p>", "<body><aside><div>side</div></aside><p>story</p>"),
        ("<body><nav><div><ul><li>menu</nav><article>story</article>", "<body><nav><div><ul><li>menu</div></nav><article>story</article>"),
        ("<body><header><div><div>logo</header>", "<body><header><div><div>logo</div></div></header>"),
        ("<body><ul><li><div>a</li><li>b</li></ul>", "<body><ul><li><div>a</div></li><li>b</li></ul>"),
        // libxml2 closes these itself, or a browser would not close them either.
        ("<body><aside><span>side</aside>", "<body><aside><span>side</aside>"),
        ("<body><aside><table><tr><td><div>x</aside>", "<body><aside><table><tr><td><div>x</aside>"),
        ("<body><form><div>x</form>", "<body><form><div>x</form>"),
        ("<body><div><p>x</section>", "<body><div><p>x</section>"),
    ])
    func repairsEndTagsBrowsersHonour(page: String, repaired: String) {
        let guardian = MarkupGuard(maximumAttributesPerTag: 256, maximumScriptLength: 1 << 20)
        #expect(String(decoding: guardian.guarded(Array(page.utf8)), as: UTF8.self) == repaired)
    }
}
