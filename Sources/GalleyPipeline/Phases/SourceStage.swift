import Foundation
import GalleyCore

/// Stages 1–2 over the whole content folder, with the source manifest as a cache: a source
/// whose fingerprint is unchanged gives the document (or the problem) it gave last time
/// without being read again; every other source is extracted and normalised (in parallel).
/// A source that now fails but gave a document before keeps that document, marked stale.
struct SourceStage {
    let processor: PageProcessor
    let jobs: Int
    let progress: BuildProgress?
    /// Whether unchanged sources take their document from the manifest (false: `--full`).
    let reuse: Bool

    /// What became of one source.
    struct Outcome: Sendable {
        var file: SourceFile
        /// The document to publish: this version's, or the last good one when `stale`.
        var document: ArticleDocument?
        var problem: GalleyError?
        /// Taken from the manifest without reading the source.
        var reused: Bool
        var fetched: Date
        /// The source fails now and `document` is the last good version.
        var stale: Bool { problem != nil && document != nil }
    }

    func run(_ files: [SourceFile], previous: SourceManifest?, extractionKey: String) -> (outcomes: [Outcome], manifest: SourceManifest) {
        let counter = progress.map { ProgressCounter(phase: "extract", total: files.count, progress: $0) }
        let usable = previous?.extractionKey == extractionKey ? previous : nil
        let results = parallelMap(files, jobs: jobs) { file in
            defer { counter?.advance() }
            return outcome(for: file, record: usable?.sources[file.path])
        }
        var manifest = SourceManifest(extractionKey: extractionKey)
        var outcomes: [Outcome] = []
        for (outcome, record) in results {
            outcomes.append(outcome)
            if let record { manifest.sources[outcome.file.path] = record }
        }
        return (outcomes, manifest)
    }

    /// The outcome of one file and its new manifest record (nil when the file vanished).
    private func outcome(for file: SourceFile, record: SourceManifest.SourceRecord?) -> (Outcome, SourceManifest.SourceRecord?) {
        guard let stamp = FileStamp.of(path: file.url.path) else {
            let problem = GalleyError(.read, source: file.path, reason: "cannot read the file (removed while building, or not a regular file)")
            return (Outcome(file: file, document: nil, problem: problem, reused: false, fetched: Date()), nil)
        }
        let sidecar = file.sidecar.flatMap { FileStamp.of(path: $0.path) }
        if reuse, let record, let reused = Self.reuse(record, stamp: stamp, sidecar: sidecar, file: file) {
            return (Outcome(file: file, document: reused.document, problem: reused.problem, reused: true, fetched: reused.fetched), reused)
        }
        let readAt = SourceFingerprint.nowNanoseconds()
        let hash = SourceFingerprint.hash(ofFile: file.url.path) ?? ""
        let result = processor.process(file, stamp: stamp)
        let fetched = result.fetched ?? Date(timeIntervalSince1970: Double(stamp.modified) / 1e9)
        var fingerprint = SourceFingerprint(file: stamp, sidecar: sidecar, hash: hash, racy: SourceFingerprint.isRacy(stamp, readAt: readAt))
        if FileStamp.of(path: file.url.path) != stamp || file.sidecar.flatMap({ FileStamp.of(path: $0.path) }) != sidecar {
            // Changed while being read: which version was processed is unknown, so next time
            // it is processed again.
            fingerprint.file = FileStamp(size: -1, modified: 0)
        }
        switch result.document {
        case .success(let document):
            let record = SourceManifest.SourceRecord(fingerprint: fingerprint, fetched: fetched, document: document, problem: nil)
            return (Outcome(file: file, document: document, problem: nil, reused: false, fetched: fetched), record)
        case .failure(let problem):
            // The last good version stays published until the source is fixed or removed.
            let kept = record?.document
            let updated = SourceManifest.SourceRecord(fingerprint: fingerprint, fetched: record?.fetched ?? fetched, document: kept, problem: problem)
            return (Outcome(file: file, document: kept, problem: problem, reused: false, fetched: updated.fetched), updated)
        }
    }

    /// The record, brought up to date, when the file is unchanged: same size, mtime and
    /// sidecar — or same size and sidecar and the same bytes (only the mtime moved, or the
    /// record was racy). A sidecar is compared by size and mtime only. A page dated by its
    /// file's mtime (`date_source: file`) whose mtime moved is processed again: its date moved.
    static func reuse(_ record: SourceManifest.SourceRecord, stamp: FileStamp, sidecar: FileStamp?, file: SourceFile) -> SourceManifest.SourceRecord? {
        guard record.fingerprint.sidecar == sidecar, record.fingerprint.file.size == stamp.size else { return nil }
        if record.fingerprint.file.modified == stamp.modified, !record.fingerprint.racy { return record }
        if record.fingerprint.file.modified != stamp.modified, file.kind != .markdown,
           record.document?.frontMatter.dateSource == .file { return nil }
        let readAt = SourceFingerprint.nowNanoseconds()
        guard SourceFingerprint.hash(ofFile: file.url.path) == record.fingerprint.hash, FileStamp.of(path: file.url.path) == stamp else { return nil }
        var updated = record
        updated.fingerprint.file = stamp
        updated.fingerprint.racy = SourceFingerprint.isRacy(stamp, readAt: readAt)
        return updated
    }
}
