import CGalleyVips

/// The image formats galley copies into a site, told by their first bytes (never by a name or
/// a Content-Type, which a page controls).
public enum ImageFormat: String, Sendable, Hashable, CaseIterable {
    case jpeg, png, gif, webp

    /// The format whose signature `bytes` start with, or nil (SVG, HTML, anything else).
    public static func sniff(_ bytes: some Collection<UInt8>) -> ImageFormat? {
        let head = Array(bytes.prefix(12))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) { return .gif }
        if head.count == 12, head.starts(with: Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) { return .webp }
        return nil
    }

    /// Whether `bytes` look like SVG (XML naming an `svg` root): never copied, as it can carry script.
    public static func looksLikeSVG(_ bytes: some Collection<UInt8>) -> Bool {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<svg")
    }

    /// The format a file name or URL path names by its extension (`.jpg`, `.jpeg`, `.png`, …),
    /// nil when it names none of these (or no extension at all).
    public init?(pathExtensionOf name: some StringProtocol) {
        let path = Self.withoutQuery(name)
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "jpg", "jpeg", "jpe", "jfif": self = .jpeg
        case "png": self = .png
        case "gif": self = .gif
        case "webp": self = .webp
        default: return nil
        }
    }

    /// Whether a name's extension says this is some other kind of file (`.svg`, `.html`, …),
    /// so bytes of a known image format under that name are not what they claim to be.
    static func namesOtherKind(_ name: some StringProtocol) -> Bool {
        let path = Self.withoutQuery(name)
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        let ext = path[path.index(after: dot)...].lowercased()
        return ["svg", "svgz", "html", "htm", "xml", "js", "css", "pdf", "txt", "json"].contains(ext)
    }

    private static func withoutQuery(_ name: some StringProtocol) -> String {
        String(name[..<(name.firstIndex(of: "?") ?? name.endIndex)])
    }

    /// The extension galley writes.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .gif: "gif"
        case .webp: "webp"
        }
    }

    /// The MIME type.
    public var mimeType: String { "image/" + rawValue }

    /// The format variants in the image's own format are written in: GIF variants are PNG (one
    /// still frame; libvips writes GIF frames only by re-quantising them).
    var fallbackFormat: ImageFormat { self == .gif ? .png : self }

    var vipsFormat: galley_vips_format {
        switch self {
        case .jpeg: GALLEY_VIPS_JPEG
        case .png: GALLEY_VIPS_PNG
        case .gif: GALLEY_VIPS_GIF
        case .webp: GALLEY_VIPS_WEBP
        }
    }
}
