import GalleyCore

/// The output records of a build that makes some pages and files again alone (edited articles,
/// card edits), and its counts in the report: the last build's records hold for the others.
struct RemadeOutputs {
    let previous: [String: OutputRecord]
    private(set) var records: [String: OutputRecord] = [:]

    init(previous: [String: OutputRecord]) {
        self.previous = previous
    }

    /// A page made again (or kept: its key did not change after all). A page that fails to
    /// render keeps its last file, reported stale, as in a whole build.
    mutating func note(_ result: BuildPipeline.PageResult, path: String, source: String?, report: inout BuildReport) throws(GalleyError) {
        switch result {
        case .kept:
            return
        case .written(let key, let wrote, let stamp, _):
            records[path] = OutputRecord(renderKey: key, stamp: stamp)
            report.pagesRendered += 1
            report.pagesReused -= 1
            count(path, wrote: wrote, report: &report)
        case .failedRender(let error):
            records[path] = OutputRecord(renderKey: .none, stamp: previous[path]?.stamp)
            report.problems.append(error)
            if let source { report.stale.insert(source) }
        case .failedWrite(let error):
            throw error
        }
    }

    /// A file made as bytes, written when they changed.
    mutating func noteFile(_ path: String, key: OutputKey, wrote: Bool, stamp: FileStamp?, report: inout BuildReport) {
        records[path] = OutputRecord(renderKey: key, stamp: stamp)
        count(path, wrote: wrote, report: &report)
    }

    /// A file at a path the last build did not have adds one to the site's files.
    private func count(_ path: String, wrote: Bool, report: inout BuildReport) {
        if previous[path] == nil { report.filesUnchanged += 1 }
        if wrote {
            report.filesWritten += 1
            report.filesUnchanged -= 1
        }
    }
}
