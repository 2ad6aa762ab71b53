import Foundation
import GalleyCore

/// What the build state remembers of one source file (a row of the `sources` table): its
/// fingerprint when it was last processed, when it was fetched, and what stages 1–2 made of it.
/// The next build reuses the document of every source whose fingerprint still holds instead
/// of extracting it again.
struct SourceRecord: Sendable, Equatable {
    var fingerprint: SourceFingerprint
    /// When the page was fetched (its sidecar's `fetched_at`, else its mtime): the newest fetch
    /// wins among duplicates.
    var fetched: Date
    /// The last good document of this source: made from `fingerprint` when `problem` is nil,
    /// from an earlier version of the file when it is not (kept published until the source is
    /// removed or fixed).
    var document: ArticleDocument?
    /// Why the current version of the file gives no document.
    var problem: GalleyError?

    /// The source fails now and `document` is its last good version.
    var isStale: Bool { problem != nil && document != nil }
}
