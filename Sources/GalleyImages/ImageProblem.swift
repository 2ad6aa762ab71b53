/// Why an image found in the scrape was not copied into the site. The page is still published
/// (its image stays remote, or is dropped with `images.remote: drop`).
public enum ImageProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// SVG: it can carry script, so it is never copied.
    case svg
    /// Not JPEG, PNG, GIF or WebP by its first bytes.
    case unknownFormat
    /// A known format under a name that says something else (`photo.png` holding JPEG is fine;
    /// `photo.svg` or `page.html` holding an image is not).
    case mismatchedType(name: String, actual: ImageFormat)
    /// More pixels than `images.max_pixels` (a decompression bomb).
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// libvips could not read or write it (truncated, damaged).
    case vips(String)

    public var description: String {
        switch self {
        case .svg: "SVG is never copied into the site (it can carry script)"
        case .unknownFormat: "not a JPEG, PNG, GIF or WebP image"
        case .mismatchedType(let name, let actual): "the bytes are \(actual.rawValue.uppercased()), not what the name \(name) says"
        case .tooManyPixels(let width, let height, let limit):
            "\(width)×\(height) pixels is more than images.max_pixels (\(limit)): a possible decompression bomb"
        case .vips(let message): "unreadable image: " + (message.isEmpty ? "libvips failed" : message)
        }
    }
}
