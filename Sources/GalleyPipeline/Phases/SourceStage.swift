import Foundation
import GalleyCore

/// Stages 1–2 over the whole content folder, with the build state's source records as cache: a
/// source whose record is fresh gives the document (or the problem) it gave last time without
/// being processed again; every other source is extracted and normalised (in parallel). A
/// source that now fails but gave a document before keeps that document, marked stale.
///
/// The records are read in two steps: every fingerprint first (no documents), then the heads
/// of the documents of the sources found fresh, and of those that fail now, for their last good
/// version. Sources are processed and saved batch by batch (`batchSize`): a batch's new
/// documents go into the build state with their bodies, and only their heads stay in memory
/// (`DocumentHead`), so the stage holds one batch of bodies at a time, whatever the corpus.
struct SourceStage {
    let processor: PageProcessor
    let jobs: Int
    let progress: BuildProgress?
    /// Whether fresh sources take their document from the build state (false: `--full`).
    let reuse: Bool
    /// Sources processed (and their records saved) together: enough to keep both cores busy
    /// between saves, few enough that the two batches in flight hold a few MB of bodies (at
    /// 2,048, about 20 MB at 50,000 articles: the cold build's heap peaked there, 109.6 MB
    /// against 105.1 at 512, with the same build time).
    var batchSize = 512

    /// What the stage made of the content folder (its records are saved in the build state).
    struct Result {
        var sources: [ProcessedSource]
        /// Per archive: what was left out unread, by reason (archives that were streamed only).
        var archivesSkipped: [String: [String: Int]] = [:]
        /// Archives streamed in this build (the others were unchanged).
        var archivesRead = 0
    }

    /// A batch's records, for the build state.
    private struct Batch {
        /// The records the build state writes: of the batch's sources that have one now (a file
        /// that vanished has none), the changed ones, or all when the state writes every record.
        var records: [String: SourceRecord] = [:]
        /// Paths whose record differs from the stored one.
        var changed: Set<String> = []
    }

    /// A file's stamps and its freshness against its stored fingerprint (the file itself is
    /// the one at the same position in the stage's list: a copy of it in each check took 64 of
    /// its 120 bytes, held for every file through the stage).
    private struct Check: Sendable {
        var stamp: FileStamp?
        var sidecar: FileStamp?
        var freshness: Freshness
        /// The stored fingerprint brought up to date (new mtime, racy flag) when fresh. Boxed:
        /// a cold build's checks have none, and one inline took 64 of the 176 bytes of each
        /// file's check, all held through the stage.
        private let boxedFingerprint: BoxedOptional<SourceFingerprint>
        var fingerprint: SourceFingerprint? { boxedFingerprint.value }
        /// Whether the build state has a record of the file.
        var wasStored = false

        init(stamp: FileStamp?, sidecar: FileStamp?, freshness: Freshness, fingerprint: SourceFingerprint?, wasStored: Bool) {
            self.stamp = stamp
            self.sidecar = sidecar
            self.freshness = freshness
            boxedFingerprint = BoxedOptional(fingerprint)
            self.wasStored = wasStored
        }
    }

    /// `content`: the content folder the files' paths are relative to (discovered there), which
    /// stats and reads them for the freshness checks; `fingerprints`: the stored fingerprints
    /// when the caller read them already (under `extractionKey`); `seen`: stamps the caller
    /// took of some of the files already (the no-change check's), taken instead of a `stat`;
    /// `made`: what `processChanged` made of some of them with those stamps (edits the build
    /// tried to render alone), taken instead of processing them again.
    func run(_ allFiles: [SourceFile], in content: FolderStamps, store: BuildStateStore, extractionKey: String,
             fingerprints: [String: SourceFingerprint]? = nil, seen: [String: SourceStamps] = [:],
             made: [String: Made] = [:]) throws(GalleyError) -> Result {
        let stored = if let fingerprints { fingerprints } else { try store.sourceFingerprints(extractionKey: extractionKey) }
        // The pages and Markdown files (the archives are read after them); the list as given when
        // it has no archive (a filtered copy was 3 MB at 50,000 sources).
        let files = allFiles.contains { $0.kind == .archive } ? allFiles.filter { $0.kind != .archive } : allFiles
        let checks = parallelMap(files, jobs: jobs) { file in check(file, in: content, seen: seen[file.path], recorded: stored[file.path]) }
        let freshPaths = checks.indices.filter { checks[$0].freshness != .changed }.map { files[$0].path }
        let fresh = try store.sourceRecords(freshPaths, extractionKey: extractionKey, jobs: jobs)
        let counter = progress.map { ProgressCounter(phase: "extract", total: files.count, progress: $0) }
        var result = Result(sources: [])
        result.sources.reserveCapacity(files.count)
        // The stored records whose sources are gone. When every one is of a file listed now (the
        // usual case: no source deleted, no archive), those are the listed files that vanished
        // while the build read them; else every stored path not seen again below.
        let everyStoredPathListed = checks.count(where: \.wasStored) == stored.count
        var removed = everyStoredPathListed ? [] : Set(stored.keys)
        // Batch k + 1 is processed on the other threads while batch k is saved on this one.
        var unsaved: Batch?
        for start in stride(from: 0, to: checks.count, by: batchSize) {
            let batchRange = start..<min(start + batchSize, checks.count)
            let processing = BackgroundWork { [self] in
                parallelMap(Array(batchRange), jobs: jobs) { index in
                    defer { counter?.advance() }
                    return made[files[index].path] ?? outcome(files[index], checks[index], stored: fresh[files[index].path])
                }
            }
            // A failed save is reported once the batch in flight is done, never left running.
            let saved = Swift.Result { () throws(GalleyError) in if let batch = unsaved.take() { try save(batch, to: store, extractionKey: extractionKey) } }
            var results = processing.wait()
            try saved.get()
            try keepLastGoodVersions(&results, store: store, extractionKey: extractionKey, fresh: fresh, stored: stored)
            let everyRecord = try store.writesEveryRecord(extractionKey: extractionKey)
            var batch = Batch()
            for (index, (source, record)) in zip(batchRange, results) {
                result.sources.append(source)
                guard let record else {
                    if everyStoredPathListed, checks[index].wasStored { removed.insert(source.path) }
                    continue
                }
                if !everyStoredPathListed { removed.remove(source.path) }
                let changed = checks[index].freshness != .unchanged || !source.reused
                if changed { batch.changed.insert(source.path) }
                if changed || everyRecord { batch.records[source.path] = record }
            }
            unsaved = batch
        }
        if let batch = unsaved.take() { try save(batch, to: store, extractionKey: extractionKey) }
        try readArchives(allFiles.filter { $0.kind == .archive }, stored: stored, store: store, extractionKey: extractionKey,
                         removed: &removed, into: &result)
        try store.saveSources([:], changed: [], removed: removed, extractionKey: extractionKey, jobs: jobs)
        return result
    }

    private func save(_ batch: Batch, to store: BuildStateStore, extractionKey: String) throws(GalleyError) {
        try store.saveSources(batch.records, changed: batch.changed, removed: [], extractionKey: extractionKey, jobs: jobs)
    }

    /// Reads the archives, saving each one's records as it is done (their bodies with them).
    private func readArchives(_ archives: [SourceFile], stored: [String: SourceFingerprint], store: BuildStateStore,
                              extractionKey: String, removed: inout Set<String>, into result: inout Result) throws(GalleyError) {
        let stage = ArchiveStage(processor: processor, jobs: jobs, reuse: reuse)
        var unresolved: [(revisit: WARCPages.Revisit, archive: SourceFile)] = []
        func take(_ outcome: ArchiveStage.Outcome) throws(GalleyError) {
            result.sources += outcome.sources
            removed.subtract(outcome.records.keys)
            try store.saveSources(outcome.records, changed: outcome.changed, removed: [], extractionKey: extractionKey, jobs: jobs)
        }
        for archive in archives {
            let outcome = try stage.run(archive, stored: stored, store: store, extractionKey: extractionKey)
            try take(outcome)
            unresolved += outcome.unresolved
            if outcome.read {
                result.archivesRead += 1
                result.archivesSkipped[archive.path] = outcome.skipped
            }
        }
        if !unresolved.isEmpty { try take(stage.resolve(unresolved, across: archives)) }
    }

    /// A source as the stage made it, and its new record (nil when the file vanished).
    typealias Made = (source: ProcessedSource, record: SourceRecord?)

    /// One file the no-change check found changed by its stamps, as `run` makes it: `stored`
    /// is its record, taken again (reused, with the new stamp) when the file has the same bytes;
    /// `seen`: the stamps the check took (none: stat-ed now). Saves nothing.
    func processChanged(_ file: SourceFile, in content: FolderStamps, seen: SourceStamps?, stored: SourceRecord?) -> Made {
        outcome(file, check(file, in: content, seen: seen, recorded: stored?.fingerprint), stored: stored)
    }

    private func check(_ file: SourceFile, in content: FolderStamps, seen: SourceStamps?, recorded: SourceFingerprint?) -> Check {
        let stamp = seen.map(\.file) ?? content.stamp(file.path)
        let sidecar = seen.map(\.sidecar) ?? file.sidecarPath.flatMap { FileStamp.of(path: $0) }
        let wasStored = recorded != nil
        guard reuse, let stamp else { return Check(stamp: stamp, sidecar: sidecar, freshness: .changed, fingerprint: nil, wasStored: wasStored) }
        if let verified = seen?.verified {
            return Check(stamp: stamp, sidecar: sidecar, freshness: .sameBytes, fingerprint: verified, wasStored: wasStored)
        }
        let (freshness, fingerprint) = Freshness.bySourceBytes(stamp: stamp, sidecar: sidecar, recorded: recorded) { stamp in
            content.bytes(file.path, ifStamped: stamp)
        }
        return Check(stamp: stamp, sidecar: sidecar, freshness: freshness, fingerprint: fingerprint, wasStored: wasStored)
    }

    /// The processed source and its new record (nil when the file vanished). A fresh record is
    /// reused, except that a page dated by its file's mtime (`date_source: file`) whose mtime
    /// moved is processed again: its date moved.
    private func outcome(_ file: SourceFile, _ check: Check, stored: SourceRecord?) -> Made {
        guard let stamp = check.stamp else {
            let problem = GalleyError(.read, source: file.path, reason: "cannot read the file (removed while building, or not a regular file)")
            return (ProcessedSource(file: file, head: nil, problem: problem, fetched: Date(), reused: false), nil)
        }
        if var record = stored, record.saysWhatItGave, let fingerprint = check.fingerprint,
           fingerprint.file.modified == record.fingerprint.file.modified || file.kind == .markdown || record.head?.frontMatter.dateSource != .file {
            record.fingerprint = fingerprint
            return (ProcessedSource(file: file, head: record.head, problem: record.problem, fetched: record.fetched, reused: true), record)
        }
        return process(file, stamp: stamp, sidecar: check.sidecar)
    }

    private func process(_ file: SourceFile, stamp: FileStamp, sidecar: FileStamp?) -> Made {
        let readAt = SourceFingerprint.nowNanoseconds()
        // Read once, for the hash and the processor; one that cannot be read is the processor's
        // to report.
        let bytes = try? SourceReader.read(file.filePath, source: file.path, followingLink: file.followsLink)
        let hash = bytes.map { SourceFingerprint.hash($0) } ?? ""
        let result = processor.process(file, stamp: stamp, fileBytes: bytes)
        let fetched = result.fetched ?? Date(timeIntervalSince1970: Double(stamp.modified) / 1e9)
        var fingerprint = SourceFingerprint(file: stamp, sidecar: sidecar, hash: hash, racy: SourceFingerprint.isRacy(stamp, readAt: readAt))
        if FileStamp.of(path: file.filePath) != stamp || file.sidecarPath.flatMap({ FileStamp.of(path: $0) }) != sidecar {
            // Changed while being read: which version was processed is unknown, so next time
            // it is processed again.
            fingerprint.file = FileStamp(size: -1, modified: 0)
        }
        switch result.document {
        case .success(let document):
            let record = SourceRecord(fingerprint: fingerprint, fetched: fetched, document: document, scraped: file.kind != .markdown, problem: nil)
            return (ProcessedSource(file: file, head: record.head, problem: nil, fetched: fetched, reused: false), record)
        case .failure(let problem):
            let record = SourceRecord(fingerprint: fingerprint, fetched: fetched, head: nil, problem: problem)
            return (ProcessedSource(file: file, head: nil, problem: problem, fetched: fetched, reused: false), record)
        }
    }

    /// A source that fails now keeps its last good document published until it is fixed or
    /// removed (and the fetch time of that version): read from the build state for the failures only.
    private func keepLastGoodVersions(_ results: inout [Made], store: BuildStateStore, extractionKey: String,
                                      fresh: [String: SourceRecord], stored: [String: SourceFingerprint]) throws(GalleyError) {
        let failing = results.indices.filter { index in
            !results[index].source.reused && results[index].record?.problem != nil && stored[results[index].source.path] != nil
        }
        guard !failing.isEmpty else { return }
        let unread = failing.map { results[$0].0.path }.filter { fresh[$0] == nil }
        let earlier = fresh.merging(try store.sourceRecords(unread, extractionKey: extractionKey, jobs: jobs)) { first, _ in first }
        for index in failing {
            guard let last = earlier[results[index].0.path], var record = results[index].1 else { continue }
            record.head = last.head
            record.body = nil
            record.fetched = last.fetched
            results[index].0.head = last.head
            results[index].0.fetched = last.fetched
            results[index].1 = record
        }
    }
}
