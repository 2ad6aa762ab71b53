import GalleyCore

/// What the build state remembers of one file of the site (a row of the `outputs` table): the
/// render key of everything it was made from, and its size and mtime right after it was
/// written. A page whose render key is unchanged and whose file still has that stamp is neither
/// rendered nor written again.
struct OutputRecord: Sendable, Equatable {
    /// The page's render key (`RenderKey`), an image file's cache key; `OutputKey.none` for files
    /// written as bytes (sitemaps, assets) and for a file about to be written, whose key is not
    /// to be trusted.
    var renderKey: OutputKey
    /// The file's stamp after writing; nil while it is being written (or when unknown).
    var stamp: FileStamp?

    /// A record that no build may trust: the path is kept only to remove the file when it is
    /// no longer part of the site.
    static let untrusted = OutputRecord(renderKey: .none, stamp: nil)
}
