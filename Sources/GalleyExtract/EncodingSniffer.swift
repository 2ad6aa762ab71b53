import GalleyCore

/// Decides which encoding libxml2 should read a page in.
///
/// Order of trust (see TOOLCHAIN-NOTES): the sidecar's HTTP `content-type` charset, a byte
/// order mark, a `<meta charset>` in the first bytes (then libxml2 reads it itself), UTF-8 if
/// the bytes are valid UTF-8, and windows-1252 otherwise. Forcing windows-1252 on UTF-8 bytes
/// truncates documents, and libxml2's own fallback (ISO-8859-1) turns curly quotes into C1
/// control characters, so the guess matters.
enum EncodingSniffer {
    /// How far into the page a `<meta charset>` is looked for.
    static let metaScanLength = 4096

    /// The encoding name to pass to `htmlReadMemory`, or nil to let libxml2 honour the page's
    /// own declaration.
    static func encoding(for bytes: [UInt8], declaredCharset: String?) -> String? {
        if let bom = byteOrderMark(bytes) { return bom }
        let isUTF8 = isValidUTF8(bytes)
        if let declared = declaredCharset.map(canonicalName) {
            if declared == "UTF-8" { return isUTF8 ? "UTF-8" : "windows-1252" }
            return declared
        }
        if let meta = metaCharset(bytes) {
            // A page that says UTF-8 but is not: the declaration is wrong, the bytes are cp1252.
            if meta == "UTF-8", !isUTF8 { return "windows-1252" }
            return meta == "ISO-8859-1" ? "windows-1252" : nil
        }
        return isUTF8 ? "UTF-8" : "windows-1252"
    }

    static func byteOrderMark(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        return nil
    }

    /// Browsers read ISO-8859-1 and US-ASCII labels as windows-1252 (WHATWG Encoding).
    static func canonicalName(_ label: String) -> String {
        switch label.lowercased().trimmingCharacters(in: .whitespaces) {
        case "utf-8", "utf8", "unicode-1-1-utf-8": "UTF-8"
        case "iso-8859-1", "latin1", "iso8859-1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252": "windows-1252"
        case let other: other
        }
    }

    /// The charset of a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">`.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(metaScanLength), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        var label = ""
        for character in head[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " }) {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                label.append(character)
            } else {
                break
            }
        }
        return label.isEmpty ? nil : canonicalName(label)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
