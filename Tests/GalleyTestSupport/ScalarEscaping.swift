/// Escaping written the slow, obvious way, one Unicode scalar at a time: the references the
/// byte-wise `MarkupEscaper` is compared with, and the way test pages put text into HTML.
public enum ScalarEscaping {
    /// `& < > " '` as `&amp; &lt; &gt; &quot; &#39;`, everything else as it is.
    public static func html(_ text: String) -> String {
        replacing(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }

    /// `text` with each scalar for which `replacement` gives a string replaced by it; a scalar
    /// it gives `nil` for is kept as it is.
    public static func replacing(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                output += replaced
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// `\uXXXX` for a scalar in the Basic Multilingual Plane, lower-case hex as JSON writers use.
    public static func jsonUnicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
