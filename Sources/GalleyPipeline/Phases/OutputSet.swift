import GalleyCore

/// The files of the site a build produces: those written as soon as they were rendered, those
/// still to write (made as bytes when written: images, feeds, sitemaps, theme files), and those
/// kept from the last build without rendering, each with its render key.
struct OutputSet {
    /// A file made by this build: its render key (`OutputKey.none` for files made as bytes)
    /// and, for one written or found unchanged while rendering, the stamp then taken.
    struct MadeFile {
        let path: String
        var key: OutputKey
        var stamp: FileStamp?
    }

    /// Files still to write (or to find unchanged on disk).
    var files: [PlannedFile] = []
    /// Every file made by this build, each path once, in the order first made. A list and a
    /// table of positions: two dictionaries by path (keys, stamps) took 7.4 MB at 50,000
    /// articles, these 4 MB. In chunks (`ChunkedList`): it grows without being copied.
    private(set) var made = ChunkedList<MadeFile>()
    private var madeIndex = PositionIndex()
    /// Files of the last build that are still current, with their output records.
    var kept: [String: OutputRecord] = [:]
    /// Kept files whose record is not the one the last build stored (a page that failed to
    /// render keeps its file under no render key); the others' records are the stored ones.
    var keptAltered: Set<String> = []
    /// Paths announced to the build state as about to be written that are not part of the
    /// site after all (an image planned from its header that libvips could not make, an
    /// article page that failed to render with no earlier file): their rows are deleted.
    var abandoned: Set<String> = []
    /// How many files were written while rendering, and how many were already on disk byte for byte.
    var streamedWritten = 0
    var streamedUnchanged = 0

    /// Makes room for `made` more files made (written or found unchanged) and `kept` more kept,
    /// before they are noted: grown by doubling, each table was held twice while it moved.
    mutating func reserve(made: Int, kept more: Int) {
        madeIndex.reserve(self.made.count + made) { [files = self.made] in files[$0].path.hashValue }
        kept.reserveCapacity(kept.count + more)
    }

    mutating func add(_ file: PlannedFile, key: OutputKey) {
        files.append(file)
        note(file.path, key: key, stamp: nil)
    }

    mutating func add(_ file: RenderedPage, key: OutputKey) {
        add(PlannedFile(file), key: key)
    }

    /// A file of the last build kept as it is; `altered`: under another record than the stored one.
    mutating func keep(_ path: String, record: OutputRecord, altered: Bool = false) {
        kept[path] = record
        if altered { keptAltered.insert(path) }
    }

    /// A page written (`wrote`) or found unchanged while rendering.
    mutating func streamed(_ path: String, key: OutputKey, wrote: Bool, stamp: FileStamp?) {
        note(path, key: key, stamp: stamp)
        if wrote { streamedWritten += 1 } else { streamedUnchanged += 1 }
    }

    /// `path` made under `key`; its stamp kept unless a new one is given.
    private mutating func note(_ path: String, key: OutputKey, stamp: FileStamp?) {
        let hash = path.hashValue
        if let position = madeIndex.find(hash: hash, where: { made[$0].path == path }) {
            made[position].key = key
            if let stamp { made[position].stamp = stamp }
            return
        }
        made.append(MadeFile(path: path, key: key, stamp: stamp))
        madeIndex.insert(made.count - 1, hash: hash) { [files = made] in files[$0].path.hashValue }
    }

    /// Whether this build made `path` (not kept it).
    func isMade(_ path: String) -> Bool {
        madeIndex.find(hash: path.hashValue, where: { made[$0].path == path }) != nil
    }

    /// Every path of the site.
    var allPaths: Set<String> { Set(made.map(\.path)).union(kept.keys) }

    /// Whether `path` is a file of the site (asked of every path of the last build: most of them
    /// kept by a build that changed a few, so the kept ones are looked at first).
    func contains(_ path: String) -> Bool { kept[path] != nil || isMade(path) }
}
