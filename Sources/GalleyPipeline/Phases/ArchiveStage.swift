import Foundation
import GalleyCore

/// Stages 1–2 for one archive of the content folder (WARC or WACZ), record by record, with the
/// build state as cache.
///
/// The build state keeps a row for the archive file (its size and mtime, and a problem of the
/// archive as a whole) and a row per page record (`FILE#offset`, fingerprinted by a hash of its
/// URL, date, headers and payload) or per damaged record (its problem).
///
/// - An archive whose size and mtime are as recorded is not opened: its records' rows give
///   their documents and problems.
/// - Otherwise the archive is streamed. A record whose row has the same hash gives its stored
///   document; only new or different records are extracted, in batches on `jobs` threads. A
///   WARC that only grew re-extracts only the records appended to it.
///
/// Which fetch of a URL is published is decided later with every other source, by the
/// duplicate rule (the same canonical URL: the latest fetch wins), so the report names the
/// records left out in every build, read or not.
struct ArchiveStage {
    let processor: PageProcessor
    let jobs: Int
    /// Whether records take their document from the build state (false: `--full`).
    let reuse: Bool

    /// What one archive gave: its records as sources, every row to save, the rows that differ
    /// from the stored ones, and what was left out unread.
    struct Outcome {
        var sources: [ProcessedSource] = []
        var records: [String: SourceRecord] = [:]
        var changed: Set<String> = []
        /// Records left out by reason (`3xx`, `4xx`, `5xx`, `not http(s)`); empty when the
        /// archive was not opened.
        var skipped: [String: Int] = [:]
        /// Whether the archive was streamed (false: unchanged, taken from the build state).
        var read = false
        /// Revisits of a payload their own file does not have, and not stored from an earlier
        /// build: `resolve` looks for the payload in the other archives.
        var unresolved: [(revisit: WARCPages.Revisit, archive: SourceFile)] = []
    }

    func run(_ archive: SourceFile, stored: [String: SourceFingerprint], store: BuildStateStore,
             extractionKey: String) throws(GalleyError) -> Outcome {
        guard let stamp = FileStamp.of(path: archive.filePath) else {
            let problem = GalleyError(.read, source: archive.path, reason: "cannot read the file (removed while building, or not a regular file)")
            return Outcome(sources: [ProcessedSource(file: archive, head: nil, problem: problem, fetched: Date(), reused: false)])
        }
        if reuse, Freshness.byStamps(stamp, sidecar: nil, recorded: stored[archive.path]) == .unchanged,
           let outcome = try unchanged(archive, stored: stored, store: store, extractionKey: extractionKey) {
            return outcome
        }
        return try scan(archive, stamp: stamp, stored: stored, store: store, extractionKey: extractionKey)
    }

    /// The rows of an archive that did not change; nil when one of them is missing.
    private func unchanged(_ archive: SourceFile, stored: [String: SourceFingerprint], store: BuildStateStore,
                           extractionKey: String) throws(GalleyError) -> Outcome? {
        let paths = [archive.path] + stored.keys.filter { ScrapeArchive.archivePath(ofRecord: $0) == archive.path }.sorted()
        let records = try store.sourceRecords(paths, extractionKey: extractionKey, jobs: jobs)
        guard records.count == paths.count else { return nil }
        var outcome = Outcome(records: records)
        for path in paths {
            guard let record = records[path], path != archive.path || record.problem != nil else { continue }
            outcome.sources.append(ProcessedSource(file: recordFile(path, of: archive), head: record.head, problem: record.problem,
                                                   fetched: record.fetched, reused: true))
        }
        return outcome
    }

    /// Streams the archive; extracts the records that are new or differ from their rows.
    private func scan(_ archive: SourceFile, stamp: FileStamp, stored: [String: SourceFingerprint], store: BuildStateStore,
                      extractionKey: String) throws(GalleyError) -> Outcome {
        let readAt = SourceFingerprint.nowNanoseconds()
        let modified = Date(timeIntervalSince1970: Double(stamp.modified) / 1e9)
        var outcome = Outcome(read: true)
        var storeError: GalleyError?
        let scanned = ScrapeArchive.scan(archive.url, name: archive.path) { batch in
            do throws(GalleyError) {
                try take(batch, of: archive, modified: modified, stored: stored, store: store, extractionKey: extractionKey, into: &outcome)
            } catch {
                storeError = storeError ?? error
            }
        }
        if let storeError { throw storeError }
        outcome.skipped = scanned.skipped
        try keepResolvedRevisits(scanned.unresolved, of: archive, stored: stored, store: store, extractionKey: extractionKey, into: &outcome)
        var fingerprint = SourceFingerprint(file: stamp, sidecar: nil, hash: "", racy: SourceFingerprint.isRacy(stamp, readAt: readAt))
        // Changed while being read: which version was read is unknown, so next time it is read again.
        if FileStamp.of(path: archive.filePath) != stamp { fingerprint.file = FileStamp(size: -1, modified: 0) }
        var archiveProblem: GalleyError?
        for problem in scanned.problems {
            let source = problem.source ?? archive.path
            guard ScrapeArchive.archivePath(ofRecord: source) == archive.path, outcome.records[source] == nil else {
                // A problem of the archive as a whole (or of a WACZ entry): its row keeps the first.
                archiveProblem = archiveProblem ?? problem
                outcome.sources.append(ProcessedSource(file: archive, head: nil, problem: problem, fetched: modified, reused: false))
                continue
            }
            // A damaged record: a row with its problem, so that it is reported while the archive stays as it is.
            let record = SourceRecord(fingerprint: SourceFingerprint(file: FileStamp(size: -1, modified: 0), sidecar: nil, hash: "damaged"),
                                      fetched: modified, head: nil, problem: problem)
            outcome.records[source] = record
            outcome.changed.insert(source)
            outcome.sources.append(ProcessedSource(file: recordFile(source, of: archive), head: nil, problem: problem, fetched: modified, reused: false))
        }
        outcome.records[archive.path] = SourceRecord(fingerprint: fingerprint, fetched: modified, head: nil, problem: archiveProblem)
        outcome.changed.insert(archive.path)
        return outcome
    }

    /// Revisits resolved in an earlier build keep their rows (a revisit's content is fixed by
    /// its URL, date and digest); the others wait for `resolve`.
    private func keepResolvedRevisits(_ revisits: [WARCPages.Revisit], of archive: SourceFile, stored: [String: SourceFingerprint],
                                      store: BuildStateStore, extractionKey: String, into outcome: inout Outcome) throws(GalleyError) {
        let known = reuse ? revisits.filter { stored[$0.source]?.hash == Self.revisitHash($0) }.map(\.source) : []
        let earlier = try store.sourceRecords(known, extractionKey: extractionKey, jobs: jobs)
        for revisit in revisits {
            guard let record = earlier[revisit.source] else {
                outcome.unresolved.append((revisit, archive))
                continue
            }
            outcome.records[revisit.source] = record
            outcome.sources.append(ProcessedSource(file: recordFile(revisit.source, of: archive), head: record.head,
                                                   problem: record.problem, fetched: record.fetched, reused: true))
        }
    }

    /// Looks for the payloads of revisits that their own files do not have in every archive of
    /// the content folder (a crawl deduplicated against an earlier crawl's files), one pass per
    /// archive that keeps only the blocks with those digests, and extracts the revisits found.
    /// A revisit whose payload is in no archive is a problem.
    func resolve(_ pending: [(revisit: WARCPages.Revisit, archive: SourceFile)], across archives: [SourceFile]) -> Outcome {
        var outcome = Outcome()
        var waiting = Dictionary(grouping: pending.filter { $0.revisit.digest != nil }) { $0.revisit.digest ?? "" }
        for archive in archives where !waiting.isEmpty {
            ScrapeArchive.payloads(in: archive.url, name: archive.path, digests: Set(waiting.keys)) { digest, original in
                guard let group = waiting.removeValue(forKey: digest) else { return }
                let results = parallelMap(group, jobs: jobs) { revisit, file in
                    processed(revisit.page(original), file: recordFile(revisit.source, of: file), hash: Self.revisitHash(revisit), modified: Date())
                }
                for (source, record) in results {
                    outcome.sources.append(source)
                    outcome.records[source.path] = record
                    outcome.changed.insert(source.path)
                }
            }
        }
        for (revisit, archive) in pending where revisit.digest.map({ waiting[$0] != nil }) ?? true {
            let problem = GalleyError(.read, source: revisit.source, reason: "a revisit of a record found in no archive of the content folder (\(revisit.uri))")
            outcome.records[revisit.source] = SourceRecord(fingerprint: SourceFingerprint(file: FileStamp(size: -1, modified: 0), sidecar: nil, hash: "damaged"),
                                                           fetched: Date(), head: nil, problem: problem)
            outcome.changed.insert(revisit.source)
            outcome.sources.append(ProcessedSource(file: recordFile(revisit.source, of: archive), head: nil, problem: problem, fetched: Date(), reused: false))
        }
        return outcome
    }

    /// What identifies a revisit: its URL, date and payload digest (the payload is the digest's).
    static func revisitHash(_ revisit: WARCPages.Revisit) -> String {
        var hasher = StableHasher()
        hasher.combine(revisit.uri)
        hasher.combine(revisit.date ?? "")
        hasher.combine(revisit.digest ?? "")
        return "revisit-" + hasher.hex
    }

    /// One batch of pages: stored documents for records whose hash matches their row, stages
    /// 1–2 for the rest.
    private func take(_ batch: [SourcePage], of archive: SourceFile, modified: Date, stored: [String: SourceFingerprint],
                      store: BuildStateStore, extractionKey: String, into outcome: inout Outcome) throws(GalleyError) {
        let hashes = batch.map(Self.recordHash)
        let matching = reuse ? batch.indices.filter { stored[batch[$0].path]?.hash == hashes[$0] }.map { batch[$0].path } : []
        let earlier = try store.sourceRecords(matching, extractionKey: extractionKey, jobs: jobs)
        let results = parallelMap(Array(batch.indices), jobs: jobs) { index -> (ProcessedSource, SourceRecord) in
            let page = batch[index]
            let file = recordFile(page.path, of: archive)
            if let record = earlier[page.path] {
                return (ProcessedSource(file: file, head: record.head, problem: record.problem, fetched: record.fetched, reused: true), record)
            }
            return processed(page, file: file, hash: hashes[index], modified: modified)
        }
        for (source, record) in results {
            outcome.sources.append(source)
            outcome.records[source.path] = record
            if !source.reused { outcome.changed.insert(source.path) }
        }
    }

    /// Stages 1–2 for one page record, and its row.
    private func processed(_ page: SourcePage, file: SourceFile, hash: String, modified: Date) -> (ProcessedSource, SourceRecord) {
        let processed = processor.process(archived: page)
        let fetched = processed.fetched ?? modified
        let fingerprint = SourceFingerprint(file: FileStamp(size: page.bytes.count, modified: 0), sidecar: nil, hash: hash)
        let (document, problem): (ArticleDocument?, GalleyError?) = switch processed.document {
        case .success(let document): (document, nil)
        case .failure(let error): (nil, error)
        }
        let record = SourceRecord(fingerprint: fingerprint, fetched: fetched, document: document, scraped: true, problem: problem)
        return (ProcessedSource(file: file, head: record.head, problem: problem, fetched: fetched, reused: false), record)
    }

    /// A record's place among the sources: its own name, read through its archive.
    private func recordFile(_ path: String, of archive: SourceFile) -> SourceFile {
        SourceFile(path: path, url: archive.url, kind: .archive, sidecar: nil)
    }

    /// What identifies a record's content: its URL, fetch time, headers and payload.
    static func recordHash(_ page: SourcePage) -> String {
        var hasher = StableHasher()
        hasher.combine(page.sidecar?.url ?? "")
        hasher.combine(page.sidecar?.fetchedAt ?? "")
        for (name, value) in (page.sidecar?.headers ?? [:]).sorted(by: { $0.key < $1.key }) { hasher.combine(name + ": " + value) }
        page.bytes.withUnsafeBytes { hasher.combine(buffer: $0) }
        return "record-" + hasher.hex
    }
}
