import GalleyCore

/// The files of the site a build produces: those rendered now (to be written when their bytes
/// changed) and those kept from the last build without rendering, each with its render key.
struct OutputSet {
    /// Files to write (or to find unchanged on disk).
    var files: [RenderedPage] = []
    /// Path → render key of every rendered page ("" for files made as bytes).
    var keys: [String: String] = [:]
    /// Files of the last build that are still current, with their output records.
    var kept: [String: OutputRecord] = [:]

    mutating func add(_ file: RenderedPage, key: String) {
        files.append(file)
        keys[file.path] = key
    }

    mutating func keep(_ path: String, record: OutputRecord) {
        kept[path] = record
    }

    /// Every path of the site.
    var allPaths: Set<String> { Set(keys.keys).union(kept.keys) }
}
