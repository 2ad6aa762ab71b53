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

    /// A JSON string (RFC 8259): quotes, backslashes and control characters escaped.
    private mutating func appendString(_ value: String) {
        output += "\""
        // Most text needs no escape at all: check the bytes, then copy the whole string.
        var clean = true
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in value.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || (beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9)) {
                clean = false
                break
            }
            beforePrevious = previous
            previous = byte
        }
        if clean {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
