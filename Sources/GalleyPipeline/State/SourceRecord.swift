import Foundation
import GalleyCore

/// What the build state remembers of one source file (a row of the `sources` table, and of
/// `documents` when it has a document): its fingerprint when it was last processed, when it was
/// fetched, and what stages 1–2 made of it. The next build reuses the document of every source
/// whose fingerprint still holds instead of extracting it again.
struct SourceRecord: Sendable, Equatable {
    var fingerprint: SourceFingerprint
    /// When the page was fetched (its sidecar's `fetched_at`, else its mtime): the newest fetch
    /// wins among duplicates.
    var fetched: Date
    /// The document's head; its body is in the state under the same path, or in `body`.
    var head: DocumentHead?
    /// The body of a document this build made, until the record is saved; nil for a record read
    /// from the state (its body stays there, under the same path).
    var body: String?
    /// The band keys of `body` for the duplicate filter (`DuplicateFilter.bandKeys(ofBody:)`),
    /// saved with it: made for a scraped page's document, nil for a Markdown article's or a
    /// body too short to compare.
    var bands: [Int]?
    /// The pictures `body` inlined, by the names it now shows instead (`InlinedPictures`), saved
    /// with it; empty for a record read from the state.
    var pictures: [String: String] = [:]
    var problem: GalleyError?

    var isStale: Bool { problem != nil && head != nil }

    /// Whether the record says what its source gave: a document, or a problem. A page's or a
    /// Markdown file's record always does; one whose document row is gone from the state (a
    /// damaged or hand-edited state) does not, and its source is processed again.
    var saysWhatItGave: Bool { head != nil || problem != nil }

    /// A record of a document this build made: everything the state keeps of it is derived
    /// here — its body (travelling with it until saved) with its inlined pictures taken out and
    /// named, its head, and, for a scraped page (`scraped`), its band keys.
    init(fingerprint: SourceFingerprint, fetched: Date, document: ArticleDocument?, scraped: Bool, problem: GalleyError?) {
        guard let document else {
            self.init(fingerprint: fingerprint, fetched: fetched, head: nil, problem: problem)
            return
        }
        let split = InlinedPictures.split(document.body)
        let head = DocumentHead(source: document.source, frontMatter: document.frontMatter, bodyDigest: DocumentHead.digest(of: split.body),
                                bodyImages: split.images)
        self.init(fingerprint: fingerprint, fetched: fetched, head: head, body: split.body, problem: problem)
        pictures = split.pictures
        if scraped { bands = DuplicateFilter.bandKeys(ofBody: split.body) }
    }

    init(fingerprint: SourceFingerprint, fetched: Date, head: DocumentHead?, body: String? = nil, problem: GalleyError?) {
        self.fingerprint = fingerprint
        self.fetched = fetched
        self.head = head
        self.body = body
        self.problem = problem
    }
}
