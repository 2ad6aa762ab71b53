import CLibXML2
import GalleyCore

/// A parsed HTML page. Owns the libxml2 document and frees it on deinit.
///
/// Not `Sendable`: a document is parsed, read and dropped inside one task. Nothing that
/// holds a libxml2 pointer leaves this module.
final class HTMLDocument {
    private let document: htmlDocPtr

    /// Parses `bytes` with libxml2's forgiving HTML parser.
    /// - Parameter encoding: an encoding name libxml2 knows, or nil to let it read the page's
    ///   own declaration (see `EncodingSniffer`).
    init(bytes: [UInt8], encoding: String?, source: String) throws(GalleyError) {
        Self.prepareThread()
        // Not XML_PARSE_HUGE: its limits (nesting depth, text node size) keep hostile pages
        // shallow; giant scripts are emptied before parsing instead (`ScriptStripper`).
        // IGNORE_ENC: an encoding we chose wins over the page's `<meta charset>`.
        var options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        if encoding != nil { options |= Int32(HTML_PARSE_IGNORE_ENC.rawValue) }
        guard !bytes.isEmpty else { throw GalleyError(.extract, source: source, reason: "the file is empty") }
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                if let encoding {
                    return htmlReadMemory(pointer, Int32(buffer.count), nil, encoding, options)
                }
                return htmlReadMemory(pointer, Int32(buffer.count), nil, nil, options)
            }
        }
        guard let parsed else { throw GalleyError(.extract, source: source, reason: "libxml2 could not parse the page") }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// The `<html>` element, if the parser produced one.
    var root: HTMLNode? {
        guard let node = xmlDocGetRootElement(document) else { return nil }
        return HTMLNode(node)
    }

    private static let initialise: Void = { xmlInitParser() }()

    /// Once per process: initialise libxml2. Per thread: silence its error output.
    private static func prepareThread() {
        _ = initialise
        galley_xml_silence_errors()
    }
}
