import Foundation
import GalleyCore

/// Where a build keeps what it needs between runs, outside the output folder so that the
/// output holds only the site: by default `.galley/` beside the output folder, else a cache
/// folder of the user's choice.
///
/// ```
/// <cache>/<output name>.lock              one build at a time (BuildLock)
/// <cache>/<output name>/state.sqlite      BuildStateStore: what each source gave (documents,
///                                         problems), the files written with their render keys
///                                         and stamps, the last build's keys and totals
/// <cache>/<output name>/staging/          temporary files, renamed into the output when whole
/// ```
public struct BuildState: Sendable {
    public let folder: URL
    public let lockPath: String
    /// The output folder's path, standardised, without a trailing slash.
    public let outputRoot: String

    /// The state of builds into `output`, under `cache` (default: `.galley` beside `output`).
    public init(output: URL, cache: URL?) {
        let output = output.standardizedFileURL
        outputRoot = output.path.count > 1 && output.path.hasSuffix("/") ? String(output.path.dropLast()) : output.path
        let cache = cache?.standardizedFileURL ?? output.deletingLastPathComponent().appendingPathComponent(".galley")
        folder = cache.appendingPathComponent(output.lastPathComponent)
        lockPath = cache.appendingPathComponent("\(output.lastPathComponent).lock").path
    }

    /// The SQLite file of `BuildStateStore`.
    public var database: URL { folder.appendingPathComponent("state.sqlite") }
    public var staging: URL { folder.appendingPathComponent("staging") }
}
