import Foundation
import GalleyCore

/// What earlier builds made of each source (`sources.bin` in the build's state folder): its
/// fingerprint, the document it gave (the Markdown and front matter stages 1–2 produced) or the
/// problem it has now. The next build reuses the document of every source whose fingerprint is
/// unchanged instead of extracting it again.
public struct SourceManifest: Sendable, Equatable {
    /// Bumped when the manifest's meaning changes; another version is ignored (2: front
    /// matter's `dateSource`).
    public static let formatVersion = 2

    public var formatVersion = SourceManifest.formatVersion
    /// Hash of galley's identity and the config (stages 1–2 depend on both): when it changes,
    /// no document is reused.
    public var extractionKey: String
    /// Content-folder path → record.
    public var sources: [String: SourceRecord] = [:]

    /// One source file as it was last seen.
    public struct SourceRecord: Sendable, Equatable {
        public var fingerprint: SourceFingerprint
        /// When the page was fetched (its sidecar's `fetched_at`, else its mtime): the newest
        /// fetch wins among duplicates.
        public var fetched: Date
        /// The last good document of this source: made from `fingerprint` when `problem` is
        /// nil, from an earlier version of the file when it is not (kept published until the
        /// source is removed or fixed).
        public var document: ArticleDocument?
        /// Why the current version of the file gives no document.
        public var problem: GalleyError?

        /// Creates a record.
        public init(fingerprint: SourceFingerprint, fetched: Date, document: ArticleDocument?, problem: GalleyError?) {
            self.fingerprint = fingerprint
            self.fetched = fetched
            self.document = document
            self.problem = problem
        }
    }

    /// Creates an empty manifest.
    public init(extractionKey: String) {
        self.extractionKey = extractionKey
    }

    /// Reads a manifest; nil when there is none, it is damaged, or its format is another one.
    public static func load(_ url: URL) -> SourceManifest? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        var reader = BinaryReader([UInt8](data))
        return try? SourceManifestCoding.read(&reader)
    }

    /// Writes the manifest atomically.
    public func save(_ url: URL) throws(GalleyError) {
        var writer = BinaryWriter()
        SourceManifestCoding.write(self, to: &writer)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(writer.bytes).write(to: url, options: .atomic)
        } catch {
            throw GalleyError(.write, source: url.path, reason: "cannot write the source manifest: \(error.localizedDescription)")
        }
    }
}
