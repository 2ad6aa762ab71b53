import CLibXML2

/// A parsed HTML page. Owns the libxml2 document and frees it on deinit.
///
/// Not `Sendable`: a document is parsed, read and dropped inside one task. Nothing that
/// holds a libxml2 pointer leaves this module.
final class HTMLDocument {
    /// Why a page gave no document.
    enum Failure: Error {
        /// libxml2 could not read the bytes at all (for example an encoding it does not know).
        case unreadable
        /// libxml2 stopped before the end of the page (`ParserHalt`): it would be cut there.
        case cut(reason: String)
    }

    private let document: htmlDocPtr

    /// Parses `bytes` with libxml2's forgiving HTML parser.
    /// - Parameter encoding: an encoding name libxml2 knows, or nil to let it read the page's
    ///   own declaration (see `EncodingSniffer`).
    init(bytes: [UInt8], encoding: String?) throws(Failure) {
        Self.prepareThread()
        guard !bytes.isEmpty, let context = htmlNewParserCtxt() else { throw .unreadable }
        defer { htmlFreeParserCtxt(context) }
        guard let parsed = Self.read(bytes, encoding: encoding, context: context) else { throw .unreadable }
        if let reason = ParserHalt.reason(context) {
            xmlFreeDoc(parsed)
            throw .cut(reason: reason)
        }
        Self.gatherTopLevelElements(parsed)
        document = parsed
    }

    /// After a stray `</html>` libxml2 puts the rest of the page in a second `<html>` — beside
    /// the first when the page has a DOCTYPE, inside it otherwise. A browser shows it all in one
    /// page, so a second top-level element is moved into the first (`HTMLExtractor.contentRoot`
    /// then looks for the article in both).
    private static func gatherTopLevelElements(_ document: htmlDocPtr) {
        guard let root = xmlDocGetRootElement(document) else { return }
        var next = root.pointee.next
        while let node = next {
            next = node.pointee.next
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            xmlUnlinkNode(node)
            xmlAddChild(root, node)
        }
    }

    deinit { xmlFreeDoc(document) }

    /// The `<html>` element, if the parser produced one.
    var root: HTMLNode? {
        guard let node = xmlDocGetRootElement(document) else { return nil }
        return HTMLNode(node)
    }

    /// Not XML_PARSE_HUGE: its limits (nesting depth, text node size) keep hostile pages
    /// shallow and small. What would hit them or slow the parser is taken out before parsing
    /// (`MarkupGuard`), and a page that still hits one is refused (`ParserHalt`).
    /// IGNORE_ENC: an encoding we chose wins over the page's `<meta charset>`.
    private static func options(forcing encoding: String?) -> Int32 {
        var options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        if encoding != nil { options |= Int32(HTML_PARSE_IGNORE_ENC.rawValue) }
        return options
    }

    /// `htmlReadMemory` with a parser context of our own, whose state is read afterwards.
    private static func read(_ bytes: [UInt8], encoding: String?, context: htmlParserCtxtPtr) -> htmlDocPtr? {
        let options = options(forcing: encoding)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlCtxtReadMemory(context, pointer, Int32(buffer.count), nil, encoding, options)
            }
        }
    }

    private static let initialise: Void = { xmlInitParser() }()

    /// Once per process: initialise libxml2. Per thread: silence its error output.
    private static func prepareThread() {
        _ = initialise
        galley_xml_silence_errors()
    }
}
