import CCmark
import Foundation
import GalleyCore

/// CommonMark → HTML with cmark in its safe mode: raw HTML is omitted and `javascript:` links
/// are blanked; on top of that every link and image URL must pass `URLPolicy` (`http`, `https`,
/// `mailto` or relative), or it is blanked too. cmark never runs unsafe; three exceptions are
/// made on the parsed tree, each for a shape the normaliser writes and nothing else:
///
/// 1. an HTML block that `HTMLBlockValidator` proves to be a table of the normaliser's shape
///    (allowlisted tags, attributes and URLs) passes as it is, inside a scroll box that takes
///    keyboard focus and is named by the table's caption, else by "Table N"
///    (`<div class="table-scroll" role="region" tabindex="0" aria-label="…">`);
/// 2. the bare inline tags of `HTMLBlockValidator.inlineTags` (`<sub>`, `<em>`, … without
///    attributes) become those elements when an opening and a closing tag pair up among
///    siblings; `<br>` becomes a line break; unpaired tags stay omitted;
/// 3. a paragraph whose first lines each hold one image (or linked image) and whose other
///    lines are a caption becomes `<figure>` with `<figcaption>` (the normaliser writes figures
///    that way: "image captions as a line under the image"); so do several image lines without
///    a caption. One image alone stays a paragraph.
///
/// cmark pointers never leave this type.
public struct MarkdownRenderer: Sendable {
    /// cmark options: safe (no `CMARK_OPT_UNSAFE`), smart punctuation off (the text is the source's).
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    /// What becomes of images (all remote until images are copied into the site):
    /// `keep` writes them lazily loaded and sent without a referrer, `drop` leaves them out.
    let remoteImages: SiteConfig.RemoteImages

    /// Creates a renderer.
    public init(remoteImages: SiteConfig.RemoteImages = .keep) {
        self.remoteImages = remoteImages
    }

    /// The HTML fragment of a CommonMark text; `tableLabel` names its tables' scroll boxes
    /// ("Table 1") when a table has no caption.
    ///
    /// Images the scrape had (`images`, by URL) become `<picture>` elements of their local files,
    /// linked by `link` (a path under the output folder → the URL the page uses).
    public func html(from markdown: String, tableLabel: String = "Table", images: SiteImages = SiteImages(),
                     link: @escaping (String) -> String = { $0 }) -> String {
        let length = markdown.utf8.count
        guard let document = markdown.withCString({ cmark_parse_document($0, length, Self.options) }) else { return "" }
        defer { cmark_node_free(document) }
        let local = markLocalImages(in: document, images: images)
        for node in Self.nodes(in: document, where: { [CMARK_NODE_LINK, CMARK_NODE_IMAGE].contains(cmark_node_get_type($0)) }) {
            blankUnsafeURL(of: node)
        }
        passValidatedHTMLBlocks(in: document, tableLabel: tableLabel)
        for container in Self.nodes(in: document, where: { cmark_node_first_child($0) != nil }) { pairInlineTags(in: container) }
        for paragraph in Self.nodes(in: document, where: { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH }) { makeFigure(of: paragraph) }
        // An inlined picture (`data:`, or named by the build: `InlinePicture`) the images phase
        // did not copy is never written as it is.
        dropImages(in: document) { node in Self.url(of: node).map { URLPolicy.isDataURI($0) || InlinePicture.isName($0) } ?? false }
        if remoteImages == .drop { dropImages(in: document) { !Self.isLocal($0) } }
        guard let rendered = cmark_render_html(document, Self.options) else { return "" }
        defer { free(rendered) }
        var html = String(cString: rendered)
        // cmark writes every image as `<img src="`, and nothing else so (text is escaped).
        if remoteImages == .keep { html = Self.replacing(#"<img src=""#, with: Self.remoteImageStart, in: html) }
        return local.isEmpty ? html : withLocalImages(html, local, link: link)
    }

    /// The URLs of the inline images a CommonMark text shows (`![alt](url)`, `![alt](<url>)`),
    /// in order, read by a scan of its bytes rather than a parse (a parse of every body cost a
    /// tenth of a build): an image inside a code span or block is listed too (the renderer then
    /// finds no such image), and reference-style images are not (they stay remote).
    public static func imageURLs(in markdown: String) -> [String] {
        var markdown = markdown
        return markdown.withUTF8 { imageURLs(inUTF8: $0) }
    }

    private static func imageURLs(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [String] {
        let bang = UInt8(ascii: "!"), open = UInt8(ascii: "["), close = UInt8(ascii: "]"), paren = UInt8(ascii: "(")
        let backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n"), less = UInt8(ascii: "<"), greater = UInt8(ascii: ">")
        var urls: [String] = []
        var index = 0
        while index + 1 < text.count {
            guard text[index] == bang, text[index + 1] == open else {
                index += 1
                continue
            }
            // The `]` closing the alt text: brackets nest, a backslash escapes, a blank line ends it.
            var cursor = index + 2, depth = 0
            var closing: Int?
            while cursor < text.count, closing == nil {
                switch text[cursor] {
                case backslash: cursor += 1
                case open: depth += 1
                case close: if depth == 0 { closing = cursor } else { depth -= 1 }
                case newline where cursor + 1 < text.count && text[cursor + 1] == newline: cursor = text.count
                default: break
                }
                cursor += 1
            }
            guard let closing, closing + 2 < text.count, text[closing + 1] == paren else {
                index += 2
                continue
            }
            var start = closing + 2, end = start
            if text[start] == less {
                start += 1
                end = start
                while end < text.count, text[end] != greater, text[end] != newline { end += 1 }
                guard end < text.count, text[end] == greater else {
                    index = closing + 1
                    continue
                }
            } else {
                // A bare destination holds balanced parentheses (`…/Foo_(bar).jpg`, as
                // `MarkdownEscaper.destination` writes them) and backslash-escaped ones.
                var parentheses = 0
                while end < text.count, text[end] > 0x20 {
                    if text[end] == backslash, end + 1 < text.count, text[end + 1] > 0x20 {
                        end += 2
                        continue
                    }
                    if text[end] == paren { parentheses += 1 }
                    if text[end] == UInt8(ascii: ")") {
                        if parentheses == 0 { break }
                        parentheses -= 1
                    }
                    end += 1
                }
            }
            if end > start { urls.append(destination(UnsafeBufferPointer(rebasing: text[start..<end]))) }
            index = end
        }
        return urls
    }

    /// A destination as cmark reads it: a backslash before ASCII punctuation escapes it, and
    /// `&amp;` (what `MarkdownEscaper.destination` writes for an `&` that starts an entity) is
    /// `&`. The renderer looks images up by cmark's URL, so the list must hold the same.
    private static func destination(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let raw = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "\\")) || bytes.contains(UInt8(ascii: "&")) else { return raw }
        var output = ""
        var characters = raw.unicodeScalars.makeIterator()
        while let scalar = characters.next() {
            if scalar == "\\", let next = characters.next() {
                if Self.asciiPunctuation.contains(next) {
                    output.unicodeScalars.append(next)
                } else {
                    output.unicodeScalars.append(scalar)
                    output.unicodeScalars.append(next)
                }
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return replacing("&amp;", with: "&", in: output)
    }

    /// What a backslash escapes in CommonMark.
    private static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    /// `text` with every `target` replaced, searched as UTF-8 bytes (Foundation's search bridges
    /// to NSString: 5% of a build when it ran over every body).
    static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        let needle = Array(target.utf8)
        guard !needle.isEmpty else { return text }
        var text = text
        let replaced = text.withUTF8 { bytes -> String? in
            var output: [UInt8] = []
            var copied = 0, index = 0
            while let hit = ByteSearch.firstOffset(of: needle, in: bytes, from: index) {
                if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<hit]))
                output.append(contentsOf: replacement.utf8)
                index = hit + needle.count
                copied = index
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: output, as: UTF8.self)
        }
        // Nothing found: the text as it is, not a copy of it.
        return replaced ?? text
    }

    /// The URL scheme that stands for a local image between the tree and the HTML.
    static let localImageScheme = "galley-local-image:"

    /// Points each image the scrape had at `galley-local-image:N` (N indexes the returned list).
    private func markLocalImages(in document: OpaquePointer, images: SiteImages) -> [LocalImage] {
        guard !images.byURL.isEmpty else { return [] }
        var local: [LocalImage] = []
        for node in Self.nodes(in: document, where: { cmark_node_get_type($0) == CMARK_NODE_IMAGE }) {
            guard let url = cmark_node_get_url(node).map({ String(cString: $0) }), let image = images[url] else { continue }
            cmark_node_set_url(node, Self.localImageScheme + String(local.count))
            local.append(image)
        }
        return local
    }

    /// Replaces each marked `<img …/>` with the `<picture>` of its local files, keeping its `alt`.
    private func withLocalImages(_ html: String, _ local: [LocalImage], link: @escaping (String) -> String) -> String {
        let markup = LocalImageMarkup(link: link)
        var html = html
        for (index, image) in local.enumerated() {
            let marker = #"src=""# + Self.localImageScheme + String(index) + #"""#
            guard let markerRange = html.range(of: marker), let start = html[..<markerRange.lowerBound].range(of: "<img", options: .backwards),
                  let end = html[markerRange.upperBound...].range(of: "/>") else { continue }
            let tag = html[start.lowerBound..<end.upperBound]
            let alt = tag.range(of: #"alt=""#).flatMap { altStart in
                tag[altStart.upperBound...].firstIndex(of: "\"").map { String(tag[altStart.upperBound..<$0]) }
            } ?? ""
            html.replaceSubrange(start.lowerBound..<end.upperBound,
                                 with: markup.html(image, altHTML: alt, sizes: LocalImageMarkup.columnSizes, eager: false))
        }
        return html
    }

    /// The start of an `<img>` of a remote image: loaded when it nears the screen, decoded off
    /// the main thread, fetched without telling the publisher which page shows it.
    static let remoteImageStart = #"<img loading="lazy" decoding="async" referrerpolicy="no-referrer" src=""#

    /// `images.remote: drop`: every image goes, with the figure (and caption) around it, a link
    /// that only held it, and a paragraph left with nothing to show.
    private func dropImages(in document: OpaquePointer, where doomed: (OpaquePointer) -> Bool) {
        // One at a time, looked up again each time: removing a figure frees the other images in it.
        while let image = Self.nodes(in: document, where: { cmark_node_get_type($0) == CMARK_NODE_IMAGE && doomed($0) }).first {
            var doomed = image
            if let parent = cmark_node_parent(doomed), cmark_node_get_type(parent) == CMARK_NODE_LINK,
               Self.children(of: parent).allSatisfy({ $0 == doomed || Self.isBlank($0) }) {
                doomed = parent
            }
            if let parent = cmark_node_parent(doomed), cmark_node_get_type(parent) == CMARK_NODE_CUSTOM_BLOCK {
                doomed = parent // the figure, caption and all
            }
            let container = cmark_node_parent(doomed)
            cmark_node_unlink(doomed)
            cmark_node_free(doomed)
            if let container, cmark_node_get_type(container) == CMARK_NODE_PARAGRAPH,
               Self.children(of: container).allSatisfy(Self.isBlank) {
                cmark_node_unlink(container)
                cmark_node_free(container)
            }
        }
    }

    /// An image marked as copied into the site.
    private static func isLocal(_ image: OpaquePointer) -> Bool {
        url(of: image)?.hasPrefix(localImageScheme) ?? false
    }

    private static func url(of node: OpaquePointer) -> String? {
        cmark_node_get_url(node).map { String(cString: $0) }
    }

    /// A line break, or text of blanks only.
    private static func isBlank(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return true
        case CMARK_NODE_TEXT: return cmark_node_get_literal(node).map { String(cString: $0).allSatisfy(\.isWhitespace) } ?? true
        default: return false
        }
    }

    /// Every node of the tree that satisfies `include`, in document order (collected before any
    /// change, since the tree must not change under an iterator).
    private static func nodes(in document: OpaquePointer, where include: (OpaquePointer) -> Bool) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), include(node) { found.append(node) }
        }
        return found
    }

    // MARK: URLs

    /// cmark's safe mode blanks `javascript:`, `vbscript:`, `file:` and most `data:` URLs;
    /// hand-written Markdown gets the same rule as extracted pages here: `http`, `https`,
    /// `mailto` or a relative reference (kept relative), nothing else.
    private func blankUnsafeURL(of node: OpaquePointer) {
        guard let url = cmark_node_get_url(node).map({ String(cString: $0) }), !url.isEmpty else { return }
        // Local images are marked already; inlined pictures are dropped after figures are made.
        if cmark_node_get_type(node) == CMARK_NODE_IMAGE, url.hasPrefix(Self.localImageScheme) || URLPolicy.isDataURI(url) || InlinePicture.isName(url) {
            return
        }
        if !Self.isPlainWebURL(url), URLPolicy.safeURL(url, base: Self.probeBase) == nil { cmark_node_set_url(node, "") }
    }

    /// Whether `url` is an `http` or `https` URL of the plainest shape — a host of letters,
    /// digits, dots and hyphens, then only characters RFC 3986 allows unencoded (at most one
    /// `#`, `%` only before two hex digits) — which `URLPolicy` always keeps. Most links are;
    /// the others go through `URLPolicy`.
    static func isPlainWebURL(_ url: String) -> Bool {
        var url = url
        return url.withUTF8 { bytes in
            let prefixLength: Int
            if bytes.starts(with: "https://".utf8) {
                prefixLength = 8
            } else if bytes.starts(with: "http://".utf8) {
                prefixLength = 7
            } else {
                return false
            }
            var index = prefixLength
            while index < bytes.count, isHostByte(bytes[index]) { index += 1 }
            guard index > prefixLength, index == bytes.count || bytes[index] == UInt8(ascii: "/") else { return false }
            var sawFragment = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "%") {
                    guard index + 2 < bytes.count, bytes[index + 1].isHexDigit, bytes[index + 2].isHexDigit else { return false }
                    index += 3
                    continue
                }
                if byte == UInt8(ascii: "#") {
                    guard !sawFragment else { return false }
                    sawFragment = true
                } else if !isPathByte(byte) {
                    return false
                }
                index += 1
            }
            return true
        }
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetterOrDigit || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// Unreserved characters, sub-delimiters and `: @ / ?` (RFC 3986 path, query and fragment).
    private static func isPathByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetterOrDigit || "-._~!$&'()*+,;=:@/?".utf8.contains(byte)
    }

    /// A base that makes any relative reference resolvable, so `URLPolicy` judges only the scheme.
    private static let probeBase = "https://relative.invalid/"

    // MARK: Tables

    /// Replaces every HTML block that passes the validator with a custom block holding the same
    /// HTML (cmark emits custom blocks verbatim even in safe mode); others stay and are omitted.
    private func passValidatedHTMLBlocks(in document: OpaquePointer, tableLabel: String) {
        var tables = 0
        for node in Self.nodes(in: document, where: { cmark_node_get_type($0) == CMARK_NODE_HTML_BLOCK }) {
            guard let literal = cmark_node_get_literal(node) else { continue }
            let html = String(cString: literal)
            guard HTMLBlockValidator.isSafeTable(html), let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            tables += 1
            let label = HTMLBlockValidator.captionText(html) ?? "\(tableLabel) \(tables)"
            let open = "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(MarkupEscaper.html(label))\">\n"
            cmark_node_set_on_enter(custom, open + html.trimmingWhitespace + "\n</div>\n")
            cmark_node_replace(node, custom)
            cmark_node_free(node)
        }
    }

    // MARK: Inline tags

    /// Pairs the allowlisted inline tags among the direct children of `container`: the nodes
    /// between a pair move into one element; a closing tag pairs only with the innermost open one.
    private func pairInlineTags(in container: OpaquePointer) {
        var open: [(name: String, node: OpaquePointer)] = []
        var child = cmark_node_first_child(container)
        while let node = child {
            child = cmark_node_next(node)
            guard cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE, let literal = cmark_node_get_literal(node),
                  let tag = HTMLBlockValidator.inlineTag(String(cString: literal)) else { continue }
            if tag.name == "br" {
                Self.replace(node, with: cmark_node_new(CMARK_NODE_LINEBREAK))
            } else if !tag.closing {
                open.append((tag.name, node))
            } else if open.last?.name == tag.name, let opener = open.popLast() {
                wrap(from: opener.node, to: node, name: tag.name)
            }
        }
    }

    /// Moves the siblings strictly between `opener` and `closer` into a new element `name`
    /// that takes the opener's place; both tags are freed.
    private func wrap(from opener: OpaquePointer, to closer: OpaquePointer, name: String) {
        guard let element = Self.customNode(CMARK_NODE_CUSTOM_INLINE, enter: "<\(name)>", exit: "</\(name)>") else { return }
        var current = cmark_node_next(opener)
        while let node = current, node != closer {
            current = cmark_node_next(node)
            cmark_node_append_child(element, node)
        }
        cmark_node_replace(opener, element)
        cmark_node_free(opener)
        cmark_node_free(closer)
    }

    private static func replace(_ node: OpaquePointer, with replacement: OpaquePointer?) {
        guard let replacement else { return }
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }

    // MARK: Figures

    /// Makes a `<figure>` of a paragraph whose first lines each hold one image (or linked
    /// image) and whose remaining lines, if any, are the caption: one image and a caption, or
    /// several images.
    private func makeFigure(of paragraph: OpaquePointer) {
        let children = Self.children(of: paragraph)
        var images: [OpaquePointer] = []
        var index = 0
        while index < children.count, Self.isImage(children[index]),
              index + 1 == children.count || cmark_node_get_type(children[index + 1]) == CMARK_NODE_SOFTBREAK {
            images.append(children[index])
            index += 2
        }
        let caption = index < children.count ? Array(children[index...]) : []
        guard !images.isEmpty, !caption.isEmpty || images.count > 1,
              let figure = Self.customNode(CMARK_NODE_CUSTOM_BLOCK, enter: "<figure>", exit: "</figure>") else { return }
        for image in images { cmark_node_append_child(figure, image) }
        if !caption.isEmpty, let element = Self.customNode(CMARK_NODE_CUSTOM_INLINE, enter: "<figcaption>", exit: "</figcaption>") {
            for node in caption { cmark_node_append_child(element, node) }
            cmark_node_append_child(figure, element)
        }
        cmark_node_replace(paragraph, figure)
        cmark_node_free(paragraph)
    }

    private static func customNode(_ type: cmark_node_type, enter: String, exit: String) -> OpaquePointer? {
        guard let node = cmark_node_new(type) else { return nil }
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// An image, or a link holding an image.
    private static func isImage(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_IMAGE: return true
        case CMARK_NODE_LINK: return children(of: node).contains { cmark_node_get_type($0) == CMARK_NODE_IMAGE }
        default: return false
        }
    }
}

extension UInt8 {
    fileprivate var isASCIILetterOrDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }

    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
