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
            guard let url = parsed(cleaned) else { return nil }
            if scheme != "mailto", url.host == nil { return nil }
            return url.absoluteString
        }
        if cleaned.hasPrefix("#") { return nil } // points into the original page
        guard let base, let baseURL = URL(string: base), let baseScheme = baseURL.scheme?.lowercased(),
              baseScheme == "http" || baseScheme == "https",
              let resolved = parsed(cleaned, relativeTo: baseURL)?.absoluteURL,
              let resolvedScheme = resolved.scheme?.lowercased(), allowedSchemes.contains(resolvedScheme) else {
            return nil
        }
        return resolved.absoluteString
    }

    /// Image types whose `data:` URIs are kept in articles (SingleFile and "save as single
    /// file" pages inline every image so): the images phase copies them into the site; they
    /// are never written into a page as they are.
    public static let inlineImageTypes: Set<String> = ["image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp"]

    /// `raw` as a `data:` URI of an image galley can copy (`data:image/jpeg;base64,…`, one of
    /// `inlineImageTypes`, base64, whitespace removed) whose payload has at least
    /// `minimumLength` characters (lazy loaders' 1×1 placeholders are shorter); nil otherwise.
    public static func inlineImage(_ raw: String, minimumLength: Int = 512) -> String? {
        if let plain = plainInlineImage(raw, minimumLength: minimumLength) { return plain }
        let cleaned = withoutWhitespace(browserNormalized(raw))
        // Searched byte by byte: a search by characters walks the graphemes of the whole URI.
        guard cleaned.utf8.count > minimumLength, let comma = cleaned.utf8.firstIndex(of: UInt8(ascii: ",")),
              cleaned.prefix(5).lowercased() == "data:" else { return nil }
        let header = cleaned[cleaned.index(cleaned.startIndex, offsetBy: 5)..<comma].lowercased()
        let parts = header.split(separator: ";")
        guard parts.count >= 2, parts.last == "base64", let type = parts.first, inlineImageTypes.contains(String(type)) else { return nil }
        let payload = cleaned[cleaned.index(after: comma)...]
        guard payload.utf8.count >= minimumLength, allBytes(of: payload, satisfy: { $0.isASCIIBase64 }) else { return nil }
        return "data:" + String(type) + ";base64," + payload
    }

    /// `raw` itself when it is already what `inlineImage` makes of it (`data:`, a lower-case
    /// type of `inlineImageTypes`, `;base64,`, then base64 only, at least `minimumLength` of
    /// it), checked in one pass over its bytes; nil when it is not (or is too short). A URI
    /// read back from the build state, or written so by the page, is not copied or walked again.
    static func plainInlineImage(_ raw: String, minimumLength: Int) -> String? {
        var raw = raw
        let plain = raw.withUTF8 { bytes -> Bool in
            guard bytes.count > minimumLength, let comma = bytes.firstIndex(of: UInt8(ascii: ",")), comma > 5,
                  bytes.count - comma - 1 >= minimumLength else { return false }
            let header = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<comma]), as: UTF8.self)
            guard header.hasPrefix("data:"), header.hasSuffix(";base64"),
                  inlineImageTypes.contains(String(header.dropFirst(5).dropLast(7))) else { return false }
            for byte in UnsafeBufferPointer(rebasing: bytes[(comma + 1)...]) where !byte.isASCIIBase64 { return false }
            return true
        }
        return plain ? raw : nil
    }

    /// `text` without its whitespace characters (`Character.isWhitespace`). An ASCII text, as
    /// a base64 `data:` URI is, is filtered byte by byte (tab, line feed, vertical tab, form
    /// feed, carriage return, space: the ASCII characters that are whitespace); a walk over the
    /// characters of a 500 KB URI took 11 ms, every build, for every inlined picture.
    static func withoutWhitespace(_ text: String) -> String {
        guard allBytes(of: text[...], satisfy: { $0 < 0x80 }) else { return text.filter { !$0.isWhitespace } }
        let isBlank = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard !allBytes(of: text[...], satisfy: { !isBlank($0) }) else { return text }
        return String(decoding: text.utf8.filter { !isBlank($0) }, as: UTF8.self)
    }

    /// Whether every UTF-8 byte of `text` satisfies `test`, read from its buffer (a walk over
    /// `utf8` of a 540 KB `data:` URI took over a millisecond, several times per picture).
    @inlinable package static func allBytes(of text: Substring, satisfy test: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where !test(byte) { return false }
            return true
        }
    }

    /// The bytes of an inline image URI (`inlineImage`), or nil.
    public static func inlineImageBytes(_ uri: String) -> (mimeType: String, bytes: [UInt8])? {
        guard let normalised = inlineImage(uri, minimumLength: 0), let comma = normalised.utf8.firstIndex(of: UInt8(ascii: ",")),
              let semicolon = normalised.utf8.firstIndex(of: UInt8(ascii: ";")),
              let data = Data(base64Encoded: String(normalised[normalised.index(after: comma)...])) else { return nil }
        return (String(normalised[normalised.index(normalised.startIndex, offsetBy: 5)..<semicolon]), Array(data))
    }

    /// The source an `<img>` may keep: a URL by `safeURL`, else a picture inlined as a `data:`
    /// URI (`inlineImage`, for the images phase to copy; never written into a page as it is).
    public static func safeImageSource(_ raw: String, base: String?) -> String? {
        safeURL(raw, base: base) ?? inlineImage(raw)
    }

    /// Whether `url` is a `data:` URI.
    ///
    /// Read as bytes (it runs for every image of every article on every build): the first five
    /// are `data:` in any case, and the colon ends its character (the sixth byte is ASCII), as
    /// in a comparison of the first five characters.
    public static func isDataURI(_ url: String) -> Bool {
        let bytes = url.utf8
        guard bytes.count > 5 else { return false }
        var index = bytes.startIndex
        for expected in "data:".utf8 {
            let byte = bytes[index]
            guard byte == expected || (expected != UInt8(ascii: ":") && byte | 0x20 == expected) else { return false }
            index = bytes.index(after: index)
        }
        return bytes[index] < 0x80 || url.prefix(5).lowercased() == "data:"
    }

    /// The lower-cased scheme of a URL string, or nil for a relative reference.
    ///
    /// Read as bytes: a scheme is ASCII, and a colon followed by an ASCII byte (or nothing)
    /// is a character of its own. Otherwise (a combining mark after the first colon) the string
    /// is read as characters, where the colon and its mark are one character, not a colon.
    public static func scheme(of url: String) -> String? { scheme(in: url) }

    /// The same, of a slice (an image URL where its page's head holds it).
    public static func scheme(of url: Substring) -> String? { scheme(in: url) }

    @inline(__always)
    private static func scheme<Text: StringProtocol>(in url: Text) -> String? {
        let bytes = url.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let next = bytes.index(after: colon)
        guard next == bytes.endIndex || bytes[next] < 0x80 else { return schemeByCharacters(of: url) }
        let candidate = bytes[..<colon]
        guard let first = candidate.first, isASCIILetter(first),
              candidate.allSatisfy({ isASCIILetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
        else { return nil }
        return String(decoding: candidate.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    /// `scheme(of:)` read as characters.
    static func schemeByCharacters<Text: StringProtocol>(of url: Text) -> String? {
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
        // Most URLs hold no blank or control character: nothing to take out.
        if allBytes(of: raw[...], satisfy: { $0 > 0x20 }) { return raw }
        let scalars = raw.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        var text = String(String.UnicodeScalarView(scalars))
        let edge: (Character) -> Bool = { character in
            character.unicodeScalars.allSatisfy { $0.value <= 0x20 }
        }
        while let first = text.first, edge(first) { text.removeFirst() }
        while let last = text.last, edge(last) { text.removeLast() }
        return text
    }

    /// `text` parsed as a URL (relative to `base`), with the characters Foundation's parser
    /// rejects (spaces, non-ASCII) percent-encoded when it rejects them; parsed once when it
    /// does not (each parse of every link and image URL of a page counted).
    static func parsed(_ text: String, relativeTo base: URL? = nil) -> URL? {
        if let url = URL(string: text, relativeTo: base) { return url }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.insert(charactersIn: "#%")
        guard let encoded = text.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
        return URL(string: encoded, relativeTo: base)
    }
}

private extension UInt8 {
    /// A character of base64 (standard alphabet, with padding).
    var isASCIIBase64: Bool {
        (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) || (self >= 0x30 && self <= 0x39) || self == 0x2B || self == 0x2F || self == 0x3D
    }
}
