import Foundation

/// The one rule for URLs that reach the output: `http`, `https` and `mailto` only; relative
/// references are made absolute against the page's base URL.
///
/// Browsers ignore ASCII tab and newline inside URLs and trim control characters and spaces at
/// the ends, so `java\nscript:` and ` javascript:` are `javascript:` to them; the scheme check
/// here sees the URL the way a browser does.
public enum URLPolicy {
    /// Schemes allowed in output.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The URL as it may appear in output, or nil when it must be dropped.
    public static func safeURL(_ raw: String, base: String?) -> String? {
        let cleaned = browserNormalized(raw)
        guard !cleaned.isEmpty else { return nil }
        if let scheme = scheme(of: cleaned) {
            guard allowedSchemes.contains(scheme) else { return nil }
            guard let url = URL(string: percentEncodedIfNeeded(cleaned)) else { return nil }
            if scheme != "mailto", url.host == nil { return nil }
            return url.absoluteString
        }
        if cleaned.hasPrefix("#") { return nil } // points into the original page
        guard let base, let baseURL = URL(string: base), let baseScheme = baseURL.scheme?.lowercased(),
              baseScheme == "http" || baseScheme == "https",
              let resolved = URL(string: percentEncodedIfNeeded(cleaned), relativeTo: baseURL)?.absoluteURL,
              let resolvedScheme = resolved.scheme?.lowercased(), allowedSchemes.contains(resolvedScheme) else {
            return nil
        }
        return resolved.absoluteString
    }

    /// The lower-cased scheme of a URL string, or nil for a relative reference.
    public static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let candidate = url[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return candidate.lowercased()
    }

    /// Removes what browsers remove: leading/trailing C0 controls and spaces, and every tab,
    /// carriage return and line feed inside.
    static func browserNormalized(_ raw: String) -> String {
        let scalars = raw.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        var text = String(String.UnicodeScalarView(scalars))
        let edge: (Character) -> Bool = { character in
            character.unicodeScalars.allSatisfy { $0.value <= 0x20 }
        }
        while let first = text.first, edge(first) { text.removeFirst() }
        while let last = text.last, edge(last) { text.removeLast() }
        return text
    }

    /// Percent-encodes characters Foundation's URL parser rejects (spaces, non-ASCII).
    static func percentEncodedIfNeeded(_ text: String) -> String {
        if URL(string: text) != nil { return text }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.insert(charactersIn: "#%")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
