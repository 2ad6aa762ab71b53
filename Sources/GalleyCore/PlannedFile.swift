/// A file of the site made as bytes (a feed, a sitemap, the web manifest, `robots.txt`, a
/// theme file), planned by its path and made when it is written: a build writes thousands of
/// feeds, and their bytes need not wait in memory for the write phase (a 10,000-article site's
/// feeds and sitemaps took 40 MB).
public struct PlannedFile: Sendable {
    public var path: String
    /// Makes the file's bytes (from any thread; every call gives the same bytes).
    public var make: @Sendable () -> [UInt8]

    /// A file made by `make` when it is written.
    public init(path: String, make: @escaping @Sendable () -> [UInt8]) {
        self.path = path
        self.make = make
    }

    /// A file whose bytes are already made.
    public init(_ page: RenderedPage) {
        let bytes = page.bytes
        self.init(path: page.path) { bytes }
    }

    /// The file's bytes, made now.
    public var bytes: [UInt8] { make() }

    /// The file made now.
    public var rendered: RenderedPage { RenderedPage(path: path, bytes: make()) }
}
