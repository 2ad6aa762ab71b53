import Foundation
import GalleyCore

/// One source file after stages 1–2 in this build: the document to publish (this version's, or
/// the last good one when the file fails now), its problem, when it was fetched, and whether it
/// came from the build state without reading the file.
struct ProcessedSource: Sendable {
    /// The source's path (`SourceFile.path`). Its path and kind, not the whole `SourceFile`:
    /// nothing after the stage reads the file again, and the file took 64 of each entry's 112
    /// bytes, held for every source to the end of the source stage.
    var path: String
    var kind: SourceFile.Kind
    /// The head of the document to publish (its body is in the build state): this version's, or
    /// the last good one when `stale`.
    var head: DocumentHead?
    /// Boxed: most sources have none, and an error inline took 50 of the 136 bytes each
    /// source's entry held to the end of the source stage.
    private var boxedProblem: BoxedOptional<GalleyError>
    var problem: GalleyError? {
        get { boxedProblem.value }
        set { boxedProblem = BoxedOptional(newValue) }
    }
    var fetched: Date
    /// Taken from the build state (its record was fresh) without processing the file.
    var reused: Bool

    init(file: SourceFile, head: DocumentHead?, problem: GalleyError?, fetched: Date, reused: Bool) {
        path = file.path
        kind = file.kind
        self.head = head
        boxedProblem = BoxedOptional(problem)
        self.fetched = fetched
        self.reused = reused
    }
    /// The source fails now and `head` is the last good version's.
    var stale: Bool { problem != nil && head != nil }
}
