/// An image found in the scrape and copied into the site: its files under `media/`, all made
/// from the same picture at several widths, in WebP and in the image's own format.
public struct LocalImage: Sendable, Hashable {
    /// One file of the image.
    public struct File: Sendable, Hashable {
        /// Path under the output folder (`media/<hash>-480.webp`).
        public var path: String
        /// Width in pixels.
        public var width: Int

        /// Creates a file entry.
        public init(path: String, width: Int) {
            self.path = path
            self.width = width
        }
    }

    /// The file pages show by default (`media/<hash>.<ext>`, the widest size, own format).
    public let path: String
    /// Size of `path`, for the `width` and `height` attributes.
    public let width: Int
    public let height: Int
    /// MIME type of `path` and of `fallback` (`image/jpeg`).
    public let mimeType: String
    /// The WebP files, narrowest first.
    public let webp: [File]
    /// The files in the image's own format, narrowest first (the last is `path`).
    public let fallback: [File]
    /// Everything that decides how the image is written into a page, for render keys (made
    /// once: render keys ask for it for every card of every list page).
    public let signature: String

    /// Creates an entry.
    public init(path: String, width: Int, height: Int, mimeType: String, webp: [File], fallback: [File]) {
        self.path = path
        self.width = width
        self.height = height
        self.mimeType = mimeType
        self.webp = webp
        self.fallback = fallback
        signature = ([path, String(width), String(height), mimeType] + (webp + fallback).map { "\($0.path) \($0.width)" }).joined(separator: "\u{1}")
    }


}

/// The images of a build found in the scrape, by the absolute URL pages name them with.
public struct SiteImages: Sendable {
    /// Image URL → its local copy.
    public var byURL: [String: LocalImage]

    /// Creates a catalog.
    public init(byURL: [String: LocalImage] = [:]) {
        self.byURL = byURL
    }

    /// The local copy of the image at `url`, when the scrape had it.
    public subscript(url: String) -> LocalImage? { byURL[url] }
}
