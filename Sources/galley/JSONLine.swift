/// One JSON object on one line, keys in the order added: the stable output of
/// `galley extract --format json`. (Foundation's serializer costs more than extracting a page.)
struct JSONLine {
    private var output = "{"
    private var isEmpty = true

    /// Adds a string value, or `null`.
    mutating func add(_ key: String, _ value: String?) {
        appendKey(key)
        if let value { appendString(value) } else { output += "null" }
    }

    /// Adds an array of strings, or `null`.
    mutating func add(_ key: String, _ values: [String]?) {
        appendKey(key)
        guard let values else {
            output += "null"
            return
        }
        output += "["
        for (index, value) in values.enumerated() {
            if index > 0 { output += "," }
            appendString(value)
        }
        output += "]"
    }

    var finished: String { output + "}" }

    private mutating func appendKey(_ key: String) {
        if !isEmpty { output += "," }
        isEmpty = false
        appendString(key)
        output += ":"
    }

    /// A JSON string (RFC 8259): quotes, backslashes and control characters escaped, and
    /// U+2028/U+2029 (line terminators to JavaScript). Runs of bytes that need nothing are
    /// copied whole.
    private mutating func appendString(_ value: String) {
        var value = value
        var bytes: [UInt8] = [0x22]
        value.withUTF8 { text in
            bytes.reserveCapacity(text.count + 16)
            var copied = 0
            var index = 0
            while index < text.count {
                let byte = text[index]
                let length: Int
                let escape: String
                switch byte {
                case 0x22: (length, escape) = (1, "\\\"")
                case 0x5C: (length, escape) = (1, "\\\\")
                case 0x0A: (length, escape) = (1, "\\n")
                case 0x0D: (length, escape) = (1, "\\r")
                case 0x09: (length, escape) = (1, "\\t")
                case 0..<0x20: (length, escape) = (1, Self.unicodeEscape(UInt32(byte)))
                case 0xE2 where index + 2 < text.count && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9):
                    (length, escape) = (3, text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                default:
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<index]))
                bytes.append(contentsOf: escape.utf8)
                index += length
                copied = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<text.count]))
        }
        bytes.append(0x22)
        output += String(decoding: bytes, as: UTF8.self)
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
