/// A pass over a page's bytes before libxml2 parses them, taking out what would make the parser
/// slow or cut the page:
///
/// - the attributes of a start tag after its first `maximumAttributesPerTag`: libxml2 2.9.14
///   compares each attribute of a tag with every earlier one (duplicate check) and appends it
///   to the end of a list, so a tag with n attributes costs O(n²) — 80,000 took 15 s;
/// - the text of a `<script>` or `<style>` element longer than `maximumScriptLength`: libxml2
///   stops reading at a 10 MB text node, and no script or style is wanted in an article;
/// - the drawing of an SVG `<path d="…">` (`MarkupScanner.keptDrawingLength`): read by nobody,
///   and parsed by libxml2 a character at a time.
///
/// It also adds what libxml2 needs to build the tree a browser builds: the `</div>`s left open
/// inside an `aside`, `nav`, `header`, list item… before its end tag, which libxml2 would
/// otherwise ignore, putting the rest of the page inside (`ElementStack`).
///
/// The bytes are read the way libxml2's HTML parser reads them (`MarkupScanner`), so a
/// `<script>` inside a comment or an attribute value is not mistaken for one, and a tag hidden
/// where the parser will still see it is not missed. Pages without such a tag or script come
/// back unchanged.
struct MarkupGuard {
    var maximumAttributesPerTag: Int
    var maximumScriptLength: Int

    init(heuristics: ExtractionHeuristics) {
        self.init(maximumAttributesPerTag: heuristics.maximumAttributesPerTag, maximumScriptLength: heuristics.maximumScriptLength)
    }

    init(maximumAttributesPerTag: Int, maximumScriptLength: Int) {
        self.maximumAttributesPerTag = maximumAttributesPerTag
        self.maximumScriptLength = maximumScriptLength
    }

    /// The bytes with the scanner's edits made.
    func guarded(_ bytes: [UInt8]) -> [UInt8] {
        let edits = bytes.withUnsafeBufferPointer { buffer in
            var scanner = MarkupScanner(bytes: buffer, maximumAttributes: maximumAttributesPerTag, maximumRawText: maximumScriptLength)
            scanner.run()
            return scanner.edits
        }
        return edits.isEmpty ? bytes : Self.applying(edits, to: bytes)
    }

    /// `bytes` with each (ascending, disjoint) range replaced.
    static func applying(_ edits: [MarkupScanner.Edit], to bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var kept = 0
        for edit in edits {
            output.append(contentsOf: bytes[kept..<edit.range.lowerBound])
            output.append(contentsOf: edit.replacement)
            kept = edit.range.upperBound
        }
        output.append(contentsOf: bytes[kept...])
        return output
    }
}
