import Foundation

/// A strict reader of rendered HTML for the safety tests: every tag must be allowlisted, every
/// attribute allowed on its tag, every URL attribute `http`, `https` or `mailto` (after the
/// entity decoding a browser does), and raw HTML may appear only as cmark's omission comment.
enum SafeHTMLScanner {
    static let allowed: [String: Set<String>] = [
        "p": [], "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "ul": [], "ol": ["start"], "li": [],
        "blockquote": [], "pre": [], "code": ["class"], "em": [], "strong": [], "del": [], "sub": [], "sup": [],
        "a": ["href", "title"], "img": ["src", "alt", "title", "loading", "decoding", "referrerpolicy"], "br": [], "hr": [], "figure": [], "figcaption": [],
        "table": [], "caption": [], "thead": [], "tbody": [], "tfoot": [], "tr": [], "th": ["colspan", "rowspan"], "td": ["colspan", "rowspan"],
        // A table's scroll box (`MarkdownRenderer`): its label is escaped text.
        "div": ["class", "role", "tabindex", "aria-label"],
    ]

    static func problems(in html: String) -> [String] {
        var problems: [String] = []
        let scalars = Array(html.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "<" else { index += 1; continue }
            let rest = String(String.UnicodeScalarView(scalars[index...].prefix(30)))
            if rest.hasPrefix("<!-- raw HTML omitted -->") { index += 25; continue }
            guard let end = scalars[index...].firstIndex(of: ">") else { problems.append("unclosed tag"); break }
            let tag = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            problems += check(tag: tag)
            index = end + 1
        }
        return problems
    }

    private static func check(tag raw: String) -> [String] {
        var tag = raw.trimmingCharacters(in: .whitespaces)
        if tag.hasPrefix("/") { tag.removeFirst() }
        if tag.hasSuffix("/") { tag.removeLast() }
        let name = String(tag.prefix { $0.isLetter || $0.isNumber }).lowercased()
        guard let allowedAttributes = allowed[name] else { return ["element <\(raw)> is not allowlisted"] }
        var problems: [String] = []
        for (attribute, value) in attributes(of: String(tag.dropFirst(name.count))) {
            guard allowedAttributes.contains(attribute) else {
                problems.append("attribute \(attribute) on <\(name)>")
                continue
            }
            if attribute == "href" || attribute == "src", !isSafeURL(decoded(value)) { problems.append("URL \(value)") }
            if attribute == "class", name == "div" ? value != "table-scroll" : !value.hasPrefix("language-") || value.contains(where: { "<>\"'".contains($0) }) {
                problems.append("class \(value)")
            }
            if attribute == "role", value != "region" { problems.append("role \(value)") }
            if attribute == "tabindex", value != "0" { problems.append("tabindex \(value)") }
        }
        return problems
    }

    /// `name="value"` pairs (cmark writes double quotes; anything else is a problem of its own).
    private static func attributes(of text: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\n" || $0 == "\t" }
            guard !rest.isEmpty else { return result }
            let name = String(rest.prefix { $0 != "=" && $0 != " " }).lowercased()
            guard !name.isEmpty else {
                result.append((String(rest.prefix(1)), ""))
                rest = rest.dropFirst()
                continue
            }
            rest = rest.dropFirst(name.count)
            guard rest.hasPrefix("=\"") else {
                result.append((name, ""))
                continue
            }
            rest = rest.dropFirst(2)
            let value = String(rest.prefix { $0 != "\"" })
            rest = rest.dropFirst(value.count + 1)
            result.append((name, value))
        }
    }

    /// The URL as a browser sees it: entities decoded, tabs and line breaks removed, leading
    /// controls and spaces trimmed.
    static func decoded(_ value: String) -> String {
        var text = value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
        while let range = text.range(of: #"&#[xX]?[0-9a-fA-F]+;?"#, options: .regularExpression) {
            let entity = text[range].dropFirst(2).filter { $0 != ";" }
            let number = entity.hasPrefix("x") || entity.hasPrefix("X") ? UInt32(entity.dropFirst(), radix: 16) : UInt32(entity)
            text.replaceSubrange(range, with: number.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? "")
        }
        text = text.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        return String(text.drop { $0.unicodeScalars.allSatisfy { $0.value <= 0x20 } })
    }

    static func isSafeURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        if url.isEmpty { return true }
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:")
    }
}
