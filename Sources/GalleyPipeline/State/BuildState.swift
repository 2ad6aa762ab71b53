import Foundation
import GalleyCore

/// Where a build keeps what it needs between runs, outside the output folder so that the
/// output holds only the site: by default `.galley/` beside the output folder, else a cache
/// folder of the user's choice.
///
/// ```
/// <cache>/<output name>.lock        one build at a time (BuildLock)
/// <cache>/<output name>/sources.bin     SourceManifest: documents of unchanged sources
/// <cache>/<output name>/outputs.tsv     OutputManifest: files written, their keys and stamps
/// <cache>/<output name>/staging/        temporary files, renamed into the output when whole
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

    public var sourceManifest: URL { folder.appendingPathComponent("sources.bin") }
    public var outputManifest: URL { folder.appendingPathComponent("outputs.tsv") }
    public var staging: URL { folder.appendingPathComponent("staging") }
}
