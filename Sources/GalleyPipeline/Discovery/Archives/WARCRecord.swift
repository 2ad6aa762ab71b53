/// One record of a WARC file (WARC 1.0 and 1.1): its named fields and, for the records a build
/// reads (`response` and `revisit` records of web pages), its block.
struct WARCRecord: Sendable {
    /// Where the record starts: the offset of its gzip member in the file when it begins one
    /// (as WARC indexes name records), else its offset in the (gunzipped) stream.
    var offset: Int64
    /// `WARC-Type`, lower-cased (`response`, `revisit`, `request`, `warcinfo`, …).
    var type: String
    /// The named fields, names lower-cased (`warc-target-uri`, `warc-date`, …).
    var fields: [String: String]
    /// The block, when the reader kept it; nil for records it skipped.
    var block: [UInt8]?

    var targetURI: String? { fields["warc-target-uri"].map(Self.unbracketed) }
    var date: String? { fields["warc-date"] }
    var payloadDigest: String? { fields["warc-payload-digest"] }

    /// WARC 1.0 writes URIs in angle brackets (`<http://…>`), 1.1 without.
    static func unbracketed(_ text: String) -> String {
        text.hasPrefix("<") && text.hasSuffix(">") ? String(text.dropFirst().dropLast()) : text
    }
}
