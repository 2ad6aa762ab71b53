import GalleyCore
import GalleySite

/// The output folder while a build writes it: the open `OutputSession` that pages go to as soon
/// as they are rendered, and the build state, which must hear which files are about to be
/// touched before the first of them is (`BuildStateStore.beginWriting`: their records become
/// untrusted and the last build incomplete, so a build killed midway leaves nothing stale to
/// trust).
struct StreamedOutput {
    let session: OutputSession
    let store: BuildStateStore
    /// Every path the last build (or an older layout's state) recorded; made when asked (a build
    /// of edits alone asks only when the stored records were lost, and holds the last build's
    /// records to its end anyway), or once at the start (`openOutput`'s `keepsRecords: false`).
    let earlierPaths: @Sendable () -> Set<String>
    var earlier: Set<String> { earlierPaths() }
    let renderInputsKey: String

    /// Tells the build state that `paths` are about to be written; `current` are the paths this
    /// build has produced so far (recorded too when the stored records were lost: only then
    /// are they worked out).
    func begin(_ paths: [String], current: () -> [String]) throws(GalleyError) {
        guard !paths.isEmpty else { return }
        try store.beginWriting(Set(paths), known: earlier.union(current()), renderInputsKey: renderInputsKey)
    }
}
