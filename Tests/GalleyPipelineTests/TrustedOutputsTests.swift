import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing

/// The last build's output files checked against their records: `changedFiles` names those
/// no longer as written, `everyFileUnchanged` (the no-change check, card edits) says whether all
/// are, on one thread or several, and the two agree.
@Suite struct TrustedOutputsTests {
    /// A folder of `count` files in nested folders, with their records as a build writes them.
    func outputs(_ label: String, count: Int) throws -> (folder: URL, records: [String: OutputRecord]) {
        let folder = RepositoryPaths.temporaryFolder(label)
        var records: [String: OutputRecord] = [:]
        for index in 0..<count {
            let path = "2026/\(index % 12)/artikel-\(index)/index.html"
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("halaman \(index)".utf8).write(to: url)
            records[path] = OutputRecord(renderKey: OutputKey(value: UInt64(index + 1)), stamp: FileStamp.of(path: url.path))
        }
        return (folder, records)
    }

    @Test func everyFileUnchangedAgreesWithTheFilesFoundUnchanged() throws {
        let (folder, records) = try outputs("trusted-outputs", count: 1_300)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stamps = FolderStamps(folder: folder.path)
        for jobs in [1, 2, 3] {
            #expect(TrustedOutputs.everyFileUnchanged(records, in: stamps, jobs: jobs), "jobs \(jobs)")
        }
        #expect(TrustedOutputs.changedFiles(records, in: stamps) == [])
        // One file rewritten with other bytes (another size), one removed: neither is unchanged.
        let rewritten = "2026/5/artikel-1097/index.html", removed = "2026/0/artikel-0/index.html"
        try Data("halaman yang diubah".utf8).write(to: folder.appendingPathComponent(rewritten))
        try FileManager.default.removeItem(at: folder.appendingPathComponent(removed))
        for jobs in [1, 2, 3] {
            #expect(!TrustedOutputs.everyFileUnchanged(records, in: stamps, jobs: jobs), "jobs \(jobs)")
            #expect(TrustedOutputs.everyFileUnchanged(records.filter { $0.key != rewritten && $0.key != removed }, in: stamps, jobs: jobs))
        }
        #expect(TrustedOutputs.changedFiles(records, in: stamps) == [rewritten, removed])
        let trusted = TrustedOutputs(records, changed: TrustedOutputs.changedFiles(records, in: stamps))
        #expect(trusted.reusable(rewritten, key: OutputKey(value: 1098)) == nil && trusted.reusable(removed, key: OutputKey(value: 1)) == nil)
        #expect(trusted.reusable("2026/1/artikel-1/index.html", key: OutputKey(value: 2)) != nil)
        #expect(TrustedOutputs(records, changed: nil).reusable("2026/1/artikel-1/index.html", key: OutputKey(value: 2)) == nil)
        // No records: nothing to find changed; no folder: nothing found unchanged.
        #expect(TrustedOutputs.everyFileUnchanged([:], in: nil, jobs: 2))
        #expect(!TrustedOutputs.everyFileUnchanged(records, in: nil, jobs: 1))
        #expect(TrustedOutputs.changedFiles(records, in: nil) == nil)
    }
}
