import Foundation

/// Reads HTML bytes the way libxml2 2.9.14's HTML parser (`htmlParseDocument`, recovery mode)
/// does, at the level of its tokens, and notes the edits `MarkupGuard` makes. Bytes are UTF-8
/// (or another ASCII-compatible encoding, where only names with non-ASCII letters in `<?…>` or
/// `<!DOCTYPE …>` may be read differently).
///
/// What the parser does, and so this reader (checked against libxml2 by `MarkupScannerTests`):
/// - Blanks, comments and processing instructions, one `<!DOCTYPE …>`, more comments and
///   processing instructions; then content, where `</` + a name start is an end tag (to the
///   first `>`; `</` before anything else is skipped), `<` + ASCII letter a start tag, `<!--` a
///   comment (to the first `-->` or `--!>`, or the end), `<?` + a name start a processing
///   instruction (to the first `>`; else `<?` is skipped), `<!DOCTYPE` (any case) a declaration
///   (to the first `>` outside its PUBLIC/SYSTEM literals). After a DOCTYPE in the content the
///   parser looks at the next `<` once more without the end-tag rule: there `</` is text.
///   Any other `<` is text.
/// - In a start tag, names are runs of at most 100 of `A-Za-z0-9:_.-` (a longer run is several
///   names); `name`, `name=value` with blanks around `=`; a value in quotes runs to the matching
///   quote (`>` included), else to a blank or `>`; anything else up to a blank, `>` or `/>` is
///   skipped. The tag ends at `>` or `/>` where an attribute could start.
/// - After `<script …>` or `<style …>` (not `/>`) the text runs to the first `</script` or
///   `</style` (any case). There libxml2 also reads an end tag (which may close the element,
///   depending on the elements open) or a start tag (which may close it, by its auto-close
///   table) at the very start of the text, and an end tag whose name only starts with `script`
///   or `style`; those `<` are made spaces, so that the text runs to its own end tag, as in
///   browsers, whatever is open.
struct MarkupScanner {
    /// Bytes to replace: `range` by `replacement`.
    struct Edit {
        var range: Range<Int>
        var replacement: [UInt8]
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let maximumAttributes: Int
    let maximumRawText: Int
    /// The edits, ascending and disjoint.
    private(set) var edits: [Edit] = []
    /// When `recordsTags`: every start tag read, with its lower-case name and attribute names
    /// (each at most 100 bytes), for comparing with what libxml2 builds.
    private(set) var startTags: [(name: String, attributes: [String])] = []
    /// When `recordsTags`: every element libxml2 creates, implied ones included, with its depth
    /// (`html` is 1) once the repairs are made, in document order.
    var elements: [(name: String, depth: Int)] { stack.created.map { (elementNames.spelling(of: $0.name), $0.depth) } }
    var recordsTags = false {
        didSet { stack.records = recordsTags }
    }
    /// libxml2's open elements, to find the end tags it would ignore where a browser closes.
    private var stack = ElementStack()
    /// The ids of the element names read so far.
    private var elementNames = ElementNameInterner()

    init(bytes: UnsafeBufferPointer<UInt8>, maximumAttributes: Int, maximumRawText: Int) {
        self.bytes = bytes
        self.maximumAttributes = maximumAttributes
        self.maximumRawText = maximumRawText
    }

    mutating func run() {
        var position = prologueEnd()
        while let open = find(ASCII.lessThan, from: position) {
            noteText(position..<open)
            position = markup(at: open)
        }
        noteText(position..<bytes.count)
    }

    /// Text between tags matters to libxml2's open elements only where it implies a `p`.
    private mutating func noteText(_ range: Range<Int>) {
        guard stack.textImpliesParagraph, range.contains(where: { !ASCII.isBlank(bytes[$0]) }) else { return }
        stack.text()
    }

    /// After the blanks, comments, processing instructions and DOCTYPE before the content.
    private func prologueEnd() -> Int {
        // libxml2 reads a UTF-8 byte order mark as the encoding's, not as text.
        let start = matches("\u{FEFF}", at: 0) ? 3 : 0
        let index = commentsAndInstructionsEnd(from: skipBlanks(from: start))
        guard byte(index + 1) == ASCII.exclamation, matchesIgnoringCase("doctype", at: index + 2) else { return index }
        return commentsAndInstructionsEnd(from: skipBlanks(from: doctypeEnd(from: index + 9)))
    }

    private func commentsAndInstructionsEnd(from start: Int) -> Int {
        var index = start
        while byte(index) == ASCII.lessThan {
            if matches("!--", at: index + 1) {
                index = commentEnd(from: index + 4)
            } else if byte(index + 1) == ASCII.question {
                index = instructionEnd(at: index)
            } else {
                break
            }
            index = skipBlanks(from: index)
        }
        return index
    }

    /// Reads the markup starting with the `<` at `start`; returns where reading goes on.
    private mutating func markup(at start: Int) -> Int {
        let next = byte(start + 1)
        if next == ASCII.slash {
            guard HTMLName.isStart(byte(start + 2)) else { return start + 2 }
            endTag(at: start)
            return after(ASCII.greaterThan, from: start + 2)
        }
        if next == ASCII.exclamation, matchesIgnoringCase("doctype", at: start + 2) {
            let end = doctypeEnd(from: start + 9)
            return byte(end) == ASCII.lessThan ? markupAfterDoctype(at: end) : end
        }
        return markupAfterDoctype(at: start)
    }

    /// Markup at `start` past the end-tag and DOCTYPE rules (as libxml2 reads it right after a
    /// DOCTYPE in the content): a start tag, a processing instruction, a comment, else text.
    private mutating func markupAfterDoctype(at start: Int) -> Int {
        let next = byte(start + 1)
        if ASCII.isLetter(next) { return startTag(at: start) }
        if next == ASCII.question { return instructionEnd(at: start) }
        if matches("!--", at: start + 1) { return commentEnd(from: start + 4) }
        return start + 1
    }

    // MARK: Start tags

    private mutating func startTag(at start: Int) -> Int {
        let nameEnd = HTMLName.end(bytes, from: start + 1)
        let name = elementNames.name(UnsafeBufferPointer(rebasing: bytes[(start + 1)..<nameEnd]))
        var index = skipBlanks(from: nameEnd)
        var attributes = 0
        var firstExtra: Int?
        var names: [String] = []
        let raw = rawTextElement(name)
        let isPath = nameEnd - start == 5 && matchesIgnoringCase("path", at: start + 1)
        var type: Range<Int>?
        while index < bytes.count, !isTagEnd(at: index) {
            if HTMLName.isStart(bytes[index]) {
                attributes += 1
                if attributes == maximumAttributes + 1 { firstExtra = index }
                let attributeNameEnd = HTMLName.end(bytes, from: index)
                if recordsTags { names.append(lowercasedText(index..<attributeNameEnd)) }
                if raw != nil, type == nil, attributeNameEnd - index == 4, matchesIgnoringCase("type", at: index) {
                    type = valueRange(afterName: attributeNameEnd)
                }
                if isPath, attributes <= maximumAttributes, attributeNameEnd - index == 1, ASCII.lowercased(bytes[index]) == UInt8(ascii: "d"),
                   let drawing = quotedValueRange(afterName: attributeNameEnd), drawing.count > Self.keptDrawingLength {
                    edits.append(Edit(range: drawing, replacement: []))
                }
                index = attributeEnd(afterName: attributeNameEnd)
            } else {
                index = bogusEnd(from: index)
            }
            index = skipBlanks(from: index)
        }
        if let firstExtra { edits.append(Edit(range: firstExtra..<index, replacement: [])) }
        if recordsTags { startTags.append((lowercasedText((start + 1)..<nameEnd), names)) }
        stack.start(name, selfClosing: index < bytes.count && bytes[index] == ASCII.slash)
        guard index < bytes.count else { return index }
        if bytes[index] == ASCII.slash { return index + 2 }
        guard let raw else { return index + 1 }
        return rawTextEnd(of: raw, from: index + 1, keep: raw == "script" && type.map(isStructuredData) == true)
    }

    /// An SVG `<path d="…">` drawing longer than this is emptied: nothing reads it, and share
    /// and brand icons drawn inline made 6% of the bytes libxml2 parsed on the benchmark pages.
    static let keptDrawingLength = 16

    /// The value of an attribute whose name ends at `nameEnd` when it is in quotes (without
    /// them); nil otherwise.
    private func quotedValueRange(afterName nameEnd: Int) -> Range<Int>? {
        guard let value = valueRange(afterName: nameEnd), value.lowerBound > 0 else { return nil }
        let quote = bytes[value.lowerBound - 1]
        return quote == ASCII.doubleQuote || quote == ASCII.singleQuote ? value : nil
    }

    /// The value of an attribute whose name ends at `nameEnd` (without its quotes); nil when
    /// it has none.
    private func valueRange(afterName nameEnd: Int) -> Range<Int>? {
        var index = skipBlanks(from: nameEnd)
        guard byte(index) == ASCII.equals else { return nil }
        index = skipBlanks(from: index + 1)
        guard index < bytes.count else { return nil }
        let quote = bytes[index]
        if quote == ASCII.doubleQuote || quote == ASCII.singleQuote {
            let end = find(quote, from: index + 1) ?? bytes.count
            return (index + 1)..<end
        }
        var end = index
        while end < bytes.count, !ASCII.isBlank(bytes[end]), bytes[end] != ASCII.greaterThan { end += 1 }
        return index..<end
    }

    /// A `type` that holds JSON-LD (`application/ld+json`), the only script text extraction reads.
    private func isStructuredData(_ type: Range<Int>) -> Bool {
        let text = asciiLowercasedText(type)
        return text.utf8.count >= 7 && FastText.contains(text, "ld+json")
    }

    /// "script" or "style" when the tag name is one of them (in any case).
    private func rawTextElement(_ name: ElementName) -> String? {
        switch name {
        case .script: "script"
        case .style: "style"
        default: nil
        }
    }

    /// `>` or `/>` where an attribute could start.
    private func isTagEnd(at index: Int) -> Bool {
        bytes[index] == ASCII.greaterThan || (bytes[index] == ASCII.slash && byte(index + 1) == ASCII.greaterThan)
    }

    /// After an attribute's name (ending at `nameEnd`), `=` and value.
    private func attributeEnd(afterName nameEnd: Int) -> Int {
        var index = skipBlanks(from: nameEnd)
        guard byte(index) == ASCII.equals else { return index }
        index = skipBlanks(from: index + 1)
        guard index < bytes.count else { return index }
        let quote = bytes[index]
        if quote == ASCII.doubleQuote || quote == ASCII.singleQuote { return after(quote, from: index + 1) }
        while index < bytes.count, !ASCII.isBlank(bytes[index]), bytes[index] != ASCII.greaterThan { index += 1 }
        return index
    }

    /// After something that is not an attribute: up to a blank, `>` or `/>`.
    private func bogusEnd(from start: Int) -> Int {
        var index = start
        while index < bytes.count, !ASCII.isBlank(bytes[index]), !isTagEnd(at: index) { index += 1 }
        return index
    }

    // MARK: End tags

    /// An end tag at `start` (`</` and a name): before one libxml2 would ignore where a browser
    /// closes its element, the `</div>`s that let libxml2 close it too (`ElementStack`).
    private mutating func endTag(at start: Int) {
        let nameBytes = UnsafeBufferPointer(rebasing: bytes[(start + 2)..<HTMLName.end(bytes, from: start + 2)])
        // A name never read in a start tag is no open element's, nor html, head or body.
        guard let name = elementNames.existingName(nameBytes) else { return }
        let divs = stack.repairs(atEndTag: name)
        if divs > 0 {
            edits.append(Edit(range: start..<start, replacement: Array(repeating: Array("</div>".utf8), count: divs).flatMap { $0 }))
            for _ in 0..<divs { stack.end(.div) }
        }
        stack.end(name)
    }

    // MARK: Script and style text

    /// The text of a `<script>` or `<style>` runs to its end tag (returned). Extraction reads no
    /// script or style text but JSON-LD's (`keep`): the rest is dropped before libxml2 reads
    /// it (half the bytes of a typical news page, read by libxml2 character by character).
    /// A kept text is dropped too when it is long; in a short one each `<` libxml2 would read
    /// as a tag becomes a space.
    private mutating func rawTextEnd(of name: String, from start: Int, keep: Bool) -> Int {
        var tags: [Int] = []
        var index = start
        if rawTextOpensWithTag(at: start) {
            if byte(start + 1) == ASCII.slash, isName(name, at: start + 2) { return start }
            tags.append(start)
            index = start + 1
        }
        var end = bytes.count
        while let open = find(ASCII.lessThan, from: index) {
            index = open + 1
            guard byte(open + 1) == ASCII.slash, matchesIgnoringCase(name, at: open + 2) else { continue }
            if isName(name, at: open + 2) {
                end = open
                break
            }
            tags.append(open)
        }
        if end > start, !keep || end - start > maximumRawText {
            edits.append(Edit(range: start..<end, replacement: []))
        } else {
            edits += tags.map { Edit(range: $0..<($0 + 1), replacement: [0x20]) }
        }
        return end
    }

    /// Whether the text of a raw element starts with what libxml2 reads as a tag: `</`, or `<`
    /// followed by a letter, `_` or `:`.
    private func rawTextOpensWithTag(at start: Int) -> Bool {
        guard byte(start) == ASCII.lessThan else { return false }
        let next = byte(start + 1)
        return next == ASCII.slash || ASCII.isLetter(next) || next == UInt8(ascii: "_") || next == UInt8(ascii: ":")
    }

    /// Whether the name starting at `start` is `name` (lower-case ASCII) in any case.
    private func isName(_ name: String, at start: Int) -> Bool {
        matchesIgnoringCase(name, at: start) && HTMLName.end(bytes, from: start) == start + name.utf8.count
    }

    // MARK: Comments and declarations

    /// After the first `-->` or `--!>` from `start`, or the end of the page.
    private func commentEnd(from start: Int) -> Int {
        var index = start
        while let dash = find(ASCII.hyphen, from: index) {
            if byte(dash + 1) == ASCII.hyphen {
                if byte(dash + 2) == ASCII.greaterThan { return dash + 3 }
                if byte(dash + 2) == ASCII.exclamation, byte(dash + 3) == ASCII.greaterThan { return dash + 4 }
            }
            index = dash + 1
        }
        return bytes.count
    }

    /// `<?target …>` runs to the first `>`; `<?` before anything but a name is skipped.
    private func instructionEnd(at start: Int) -> Int {
        XMLName.startLength(bytes, at: start + 2) > 0 ? after(ASCII.greaterThan, from: start + 2) : start + 2
    }

    /// `<!DOCTYPE name PUBLIC "…" "…">` or `SYSTEM "…"`: the literals may hold `>`; then to the first `>`.
    private func doctypeEnd(from start: Int) -> Int {
        var index = skipBlanks(from: start)
        index = skipBlanks(from: XMLName.end(bytes, from: index))
        if matchesIgnoringCase("system", at: index) {
            index = literalEnd(from: skipBlanks(from: index + 6))
        } else if matchesIgnoringCase("public", at: index) {
            index = skipBlanks(from: literalEnd(from: skipBlanks(from: index + 6)))
            index = literalEnd(from: index)
        }
        return after(ASCII.greaterThan, from: index)
    }

    /// After a quoted literal at `start` (to the end of the page if unclosed); `start` if none.
    private func literalEnd(from start: Int) -> Int {
        let quote = byte(start)
        guard quote == ASCII.doubleQuote || quote == ASCII.singleQuote else { return start }
        return after(quote, from: start + 1)
    }

    // MARK: Bytes

    private func byte(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }

    /// ASCII letters lower-cased.
    private func asciiLowercasedText(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]).map(ASCII.lowercased), as: UTF8.self)
    }

    private func lowercasedText(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).lowercased()
    }

    private func skipBlanks(from start: Int) -> Int {
        var index = start
        while index < bytes.count, ASCII.isBlank(bytes[index]) { index += 1 }
        return index
    }

    /// The first `byte` at or after `start`.
    private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Just after the first `byte` at or after `start`, or the end of the page.
    private func after(_ byte: UInt8, from start: Int) -> Int {
        find(byte, from: start).map { $0 + 1 } ?? bytes.count
    }

    private func matches(_ text: String, at start: Int) -> Bool {
        var index = start
        for expected in text.utf8 {
            guard byte(index) == expected else { return false }
            index += 1
        }
        return true
    }

    /// `text` (lower-case ASCII) at `start`, in any case.
    private func matchesIgnoringCase(_ text: String, at start: Int) -> Bool {
        var index = start
        for expected in text.utf8 {
            guard ASCII.lowercased(byte(index)) == expected else { return false }
            index += 1
        }
        return true
    }
}

/// The byte values the scanner looks at.
enum ASCII {
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")
    static let slash = UInt8(ascii: "/")
    static let question = UInt8(ascii: "?")
    static let exclamation = UInt8(ascii: "!")
    static let equals = UInt8(ascii: "=")
    static let hyphen = UInt8(ascii: "-")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")

    /// libxml2's `IS_BLANK_CH`: space, tab, line feed, carriage return.
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}

/// Tag and attribute names as libxml2's `htmlParseHTMLName` reads them: a letter, `_`, `:` or
/// `.`, then letters, digits, `:`, `_`, `.` and `-`; at most 100 bytes (the rest of a longer
/// run is read as the next name).
enum HTMLName {
    static let maximumLength = 100

    static func isStart(_ byte: UInt8) -> Bool {
        ASCII.isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    static func isCharacter(_ byte: UInt8) -> Bool { isStart(byte) || ASCII.isDigit(byte) || byte == ASCII.hyphen }

    /// The end of the name starting at `start`.
    static func end(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, index - start < maximumLength, isCharacter(bytes[index]) { index += 1 }
        return index
    }
}
