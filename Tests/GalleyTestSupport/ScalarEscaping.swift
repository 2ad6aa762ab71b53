/// Escaping written the slow, obvious way, one Unicode scalar at a time: the reference the
/// byte-wise `MarkupEscaper` is compared with, and the way test pages put text into HTML.
public enum ScalarEscaping {
    /// `& < > " '` as `&amp; &lt; &gt; &quot; &#39;`, everything else as it is.
    public static func html(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
