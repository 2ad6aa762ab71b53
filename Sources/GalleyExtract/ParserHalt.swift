import CLibXML2

/// Why libxml2 stopped reading a page before its end, if it did.
///
/// Without XML_PARSE_HUGE, libxml2 stops at a text node longer than 10,000,000 bytes and at
/// elements nested deeper than 256 levels — silently, keeping the part before. A page cut there
/// would be published without the rest of its text, so it is refused with the reason instead.
/// (Found by the broken-input tests: a 10 MB word published the article cut after it.)
enum ParserHalt {
    /// The reason to refuse the page, or nil when libxml2 read it to the end.
    static func reason(_ context: htmlParserCtxtPtr) -> String? {
        // libxml2 disables its callbacks when it halts (`xmlHaltParser`, `xmlSAX2ErrMemory`);
        // recoverable errors never do.
        guard context.pointee.disableSAX != 0 else { return nil }
        let error = context.pointee.lastError
        let message = error.message.map { String(cString: $0) } ?? ""
        let place = error.line > 0 ? " (line \(error.line))" : ""
        if message.contains("huge text node") {
            let limit = ExtractionHeuristics.libxml2TextLimit.withThousandsSeparators
            return "a text run longer than libxml2's \(limit)-byte limit\(place): the page would be cut there"
        }
        if message.contains("Excessive depth") {
            return "elements nested deeper than libxml2's \(ExtractionHeuristics.libxml2DepthLimit)-level limit\(place): the page would be cut there"
        }
        let detail = message.split(whereSeparator: \.isNewline).first.map { ": \($0)" } ?? ""
        return "libxml2 stopped reading the page\(place)\(detail): the page would be cut there"
    }
}

private extension Int {
    /// 10000000 → "10,000,000".
    var withThousandsSeparators: String {
        let digits = Array(String(self))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
