/// A file of the site made as bytes (a feed, a sitemap, the web manifest, `robots.txt`, a
/// theme file), planned by its path and made when it is written: a build writes thousands of
/// feeds, and their bytes need not wait in memory for the write phase (a 10,000-article site's
/// feeds and sitemaps took 40 MB).
public struct PlannedFile: Sendable {
    /// What a file is made from when that is nothing but some articles' summaries and values
    /// that the build's render inputs (galley, config, templates) already stand for: a build
    /// whose key for it equals the last one's, with the file untouched on disk, keeps the file
    /// without making it (a changed article then remakes its own feeds, not all 2,000).
    public struct Inputs: Sendable {
        /// Everything else the file shows (its kind, path, title…), in words.
        public var identity: String
        /// The articles it shows, in order.
        public var items: [ArticleSummary]

        /// Inputs of a file.
        public init(identity: String, items: [ArticleSummary]) {
            self.identity = identity
            self.items = items
        }
    }

    public var path: String
    /// Makes the file's bytes (from any thread; every call gives the same bytes).
    public var make: @Sendable () -> [UInt8]
    /// What it is made from, when a render key can stand for it; nil: it is made every build
    /// and compared with the file on disk.
    public var inputs: Inputs?

    /// A file made by `make` when it is written.
    public init(path: String, inputs: Inputs? = nil, make: @escaping @Sendable () -> [UInt8]) {
        self.path = path
        self.inputs = inputs
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
