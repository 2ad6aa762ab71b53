import Foundation
import GalleyCore
import GRDB

/// The `sources` and `documents` tables: what each source file gave, by fingerprint.
extension BuildStateStore {
    /// Every stored source's fingerprint, without its document (what the no-change check and
    /// the reuse decision need); none when the documents were made under another extraction key
    /// or front-matter schema.
    func sourceFingerprints(extractionKey: String) throws(GalleyError) -> [String: SourceFingerprint] {
        try read([:]) { db in
            guard try Self.documentsMatch(extractionKey, in: db) else { return [:] }
            var fingerprints: [String: SourceFingerprint] = [:]
            fingerprints.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM sources") ?? 0)
            let verifiedAt = try Self.sourcesVerifiedAt(in: db)
            let rows = try Row.fetchCursor(db, sql: "SELECT path, size, mtime, sidecar_size, sidecar_mtime, hash, racy FROM sources")
            while let row = try rows.next() {
                fingerprints[try row.decode(atIndex: 0)] = try Self.fingerprint(row, verifiedAt: verifiedAt)
            }
            return fingerprints
        }
    }

    /// The stored records of `paths`, documents included (paths without a record are left out;
    /// none when the documents were made under another extraction key or front-matter schema).
    /// Documents are decoded on other threads (with `jobs` above 1) while the next rows are read.
    func sourceRecords(_ paths: [String], extractionKey: String, jobs: Int) throws(GalleyError) -> [String: SourceRecord] {
        guard !paths.isEmpty else { return [:] }
        var decoding = ChunkedWork<(path: String, row: SourceRow), (String, SourceRecord?)> { entry in (entry.path, entry.row.record()) }
        var inline: [(String, SourceRecord?)] = []
        let complete = try read(false) { db in
            guard try Self.documentsMatch(extractionKey, in: db) else { return true }
            try Self.sourceRows(paths, in: db) { chunk in
                if jobs > 1 { decoding.add(chunk) } else { inline += chunk.map { ($0.path, $0.row.record()) } }
            }
            return true
        }
        // A read that failed halfway discarded the state: what was decoded of it is not kept.
        let handedOver = decoding.results()
        let decoded = complete ? inline + handedOver : []
        var records: [String: SourceRecord] = [:]
        records.reserveCapacity(decoded.count)
        for (path, record) in decoded {
            guard let record else {
                // A document that does not decode was not written by this galley: no state is trusted.
                try discard()
                return [:]
            }
            records[path] = record
        }
        return records
    }

    /// Saves a batch of source records in one transaction (a build saves its sources batch by
    /// batch as it processes them, then the removals): of `records`, the rows of the `changed`
    /// paths are written — a record made by this build with its body, one read from the state
    /// keeping its stored body — and the rows of the `removed` paths are deleted. When the
    /// stored rows were made under another extraction key or front-matter schema, or were lost,
    /// the tables are emptied first and every record of the batch is written; the batches that
    /// follow add to them. Anything saved marks the last build incomplete: its outputs were made
    /// from other sources.
    func saveSources(_ records: [String: SourceRecord], changed: Set<String>, removed: Set<String>, extractionKey: String,
                     jobs: Int) throws(GalleyError) {
        let every = try writesEveryRecord(extractionKey: extractionKey)
        guard every || !changed.isEmpty || !removed.isEmpty else { return }
        let encode = { (paths: [String]) in
            parallelMap(paths.sorted().compactMap { path in records[path].map { (path, $0) } }, jobs: jobs) { path, record in
                (path, SourceRow(record))
            }
        }
        let written = every ? encode(Array(records.keys)) : encode(changed.filter { records[$0] != nil })
        try save("the sources") { db in
            var rows = written
            if every || sourcesLost {
                try db.execute(sql: "DELETE FROM sources; DELETE FROM documents; DELETE FROM document_bodies; DELETE FROM inline_pictures")
                if rows.count != records.count { rows = encode(Array(records.keys)) }
                let lost = sourcesLost
                rows.removeAll { !$0.1.isWhole(afterLoss: lost) }
            } else {
                for path in removed.sorted() { try SourceRow.delete(path: path, in: db) }
            }
            for (path, row) in rows { try row.insert(path: path, in: db) }
            try Self.setMeta(LastBuild.extractionKeyName, extractionKey, in: db)
            try Self.setMeta(Self.documentSchemaName, ArticleDocumentCoding.schemaSignature, in: db)
            try Self.setMeta(LastBuild.completeName, false, in: db)
        }
        sourcesLost = false
    }

    /// Whether `saveSources` writes every record it is given, not only the changed ones: the
    /// stored rows were made under another extraction key or front-matter schema, or were lost
    /// (a caller may then leave out of `records` the unchanged ones).
    func writesEveryRecord(extractionKey: String) throws(GalleyError) -> Bool {
        if sourcesLost { return true }
        return try !read(false) { db in try Self.documentsMatch(extractionKey, in: db) }
    }

    static let documentSchemaName = "document_schema"

    static let sourcesVerifiedAtName = "sources_verified_at"

    /// Records that every racy source's bytes were found unchanged at `time` or later (the
    /// no-change check hashed them, as git refreshes its index): from then on a record is racy
    /// only while its mtime is within its racy window (`SourceFingerprint.racyWindow(of:)`) of `time` (see
    /// `SourceFingerprint.trusted(after:)`). One row instead of one update per racy source
    /// (10,000 after a scraper's run, 40 ms of a 0.2 s check), and the documents and the last
    /// build's completeness stay as they are.
    func markSourcesVerified(at time: Int64) throws(GalleyError) {
        try save("the time the sources were verified") { db in try Self.setMeta(Self.sourcesVerifiedAtName, time, in: db) }
    }

    /// When the sources were last verified (`markSourcesVerified(at:)`); nil: never.
    static func sourcesVerifiedAt(in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE name = ?", arguments: [sourcesVerifiedAtName])
    }

    /// Whether the stored documents were made under `extractionKey` and written in the layout of
    /// this galley's front-matter schema.
    static func documentsMatch(_ extractionKey: String, in db: Database) throws -> Bool {
        let stored = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT name, value FROM meta WHERE name IN (?, ?)",
                                                                       arguments: [LastBuild.extractionKeyName, documentSchemaName])
            .map { row in (try row.decode(String.self, atIndex: 0), try row.decode(String.self, atIndex: 1)) })
        return stored[LastBuild.extractionKeyName] == extractionKey && stored[documentSchemaName] == ArticleDocumentCoding.schemaSignature
    }

    static let recordColumns = "path, size, mtime, sidecar_size, sidecar_mtime, hash, racy, fetched, "
        + "problem_stage, problem_source, problem_reason, problem_kind"
    /// A source record's columns (in `recordColumns`' order), then its document.
    static let recordQuery = """
        SELECT s.path, s.size, s.mtime, s.sidecar_size, s.sidecar_mtime, s.hash, s.racy, s.fetched,
               s.problem_stage, s.problem_source, s.problem_reason, s.problem_kind, d.head
        FROM sources s LEFT JOIN documents d ON d.path = s.path
        """

    /// Rows handed to `take` at once.
    static let rowsPerChunk = 1024

    /// The rows of `paths`, handed to `take` a chunk at a time as they are read: looked up one
    /// by one when they are few, else read in one pass.
    private static func sourceRows(_ paths: [String], in db: Database, take: ([(path: String, row: SourceRow)]) -> Void) throws {
        var chunk: [(path: String, row: SourceRow)] = []
        chunk.reserveCapacity(min(paths.count, rowsPerChunk))
        func add(_ path: String, _ row: SourceRow) {
            chunk.append((path, row))
            guard chunk.count == rowsPerChunk else { return }
            take(chunk)
            chunk.removeAll(keepingCapacity: true)
        }
        let verifiedAt = try sourcesVerifiedAt(in: db)
        if paths.count <= 256 {
            let statement = try db.cachedStatement(sql: "\(recordQuery) WHERE s.path = ?")
            for path in paths {
                if let row = try Row.fetchOne(statement, arguments: [path]) { add(path, try SourceRow(row, verifiedAt: verifiedAt)) }
            }
        } else {
            let wanted = Set(paths)
            let cursor = try Row.fetchCursor(db, sql: recordQuery)
            while let row = try cursor.next() {
                let path: String = try row.decode(atIndex: 0)
                if wanted.contains(path) { add(path, try SourceRow(row, verifiedAt: verifiedAt)) }
            }
        }
        if !chunk.isEmpty { take(chunk) }
    }

    /// A fingerprint from its columns; a racy record that the sources' verification at
    /// `verifiedAt` made trustworthy comes out not racy.
    static func fingerprint(_ row: Row, verifiedAt: Int64?) throws -> SourceFingerprint {
        let sidecarSize: Int? = try row.decode(atIndex: 3)
        let sidecarModified: Int64? = try row.decode(atIndex: 4)
        return SourceFingerprint(file: FileStamp(size: try row.decode(atIndex: 1), modified: try row.decode(atIndex: 2)),
                                 sidecar: sidecarSize.flatMap { size in sidecarModified.map { FileStamp(size: size, modified: $0) } },
                                 hash: try row.decode(atIndex: 5), racy: try row.decode(atIndex: 6)).trusted(after: verifiedAt)
    }
}

/// One row of `sources` and its row of `documents` as they are read or written, the document
/// still as bytes (encoding and decoding happen off the database's thread, in parallel).
struct SourceRow: Sendable {
    var fingerprint: SourceFingerprint
    var fetched: Date
    var problem: GalleyError?
    /// The document's head (`ArticleDocumentCoding`); nil: no document.
    var head: [UInt8]?
    /// The body of a document made by this build; nil when the row's document is already in
    /// the state (a reused or last-good record: its stored body stays).
    var body: String?
    /// `body`'s band keys for the duplicate filter (`SourceRecord.bands`), saved with it.
    var bands: [Int]?
    /// The pictures `body` inlined, by name (`SourceRecord.pictures`), saved with it.
    var pictures: [String: String] = [:]

    init(_ record: SourceRecord) {
        fingerprint = record.fingerprint
        fetched = record.fetched
        problem = record.problem
        head = record.head.map { head in
            var writer = BinaryWriter()
            ArticleDocumentCoding.write(head, to: &writer)
            return writer.bytes
        }
        body = record.body
        bands = record.bands
        pictures = record.pictures
    }

    init(_ row: Row, verifiedAt: Int64?) throws {
        fingerprint = try BuildStateStore.fingerprint(row, verifiedAt: verifiedAt)
        fetched = Date(timeIntervalSince1970: try row.decode(atIndex: 7))
        let stage: String? = try row.decode(atIndex: 8)
        if let stage {
            problem = try BuildStateStore.problem(stage: stage, source: row.decode(atIndex: 9), reason: row.decode(atIndex: 10),
                                                  kind: row.decode(atIndex: 11))
        }
        head = try row.withUnsafeData(atIndex: 12) { data in data.map { [UInt8]($0) } }
    }

    /// The record (without its body, which stays in the state); nil when the head does not decode.
    func record() -> SourceRecord? {
        var decoded: DocumentHead?
        if let head {
            guard let read = ArticleDocumentCoding.head(decoding: head) else { return nil }
            decoded = read
        }
        return SourceRecord(fingerprint: fingerprint, fetched: fetched, head: decoded, problem: problem)
    }

    /// Whether the row can be written as it is: it has no document, or brings its body, or its
    /// document is the one already stored under its path (not so after the state was discarded
    /// during this build: such a row is left out, and its source is processed again next time).
    func isWhole(afterLoss lost: Bool) -> Bool {
        head == nil || body != nil || !lost
    }

    func insert(path: String, in db: Database) throws {
        let sql = "INSERT OR REPLACE INTO sources (\(BuildStateStore.recordColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        try db.cachedStatement(sql: sql).execute(arguments: [
            path, fingerprint.file.size, fingerprint.file.modified, fingerprint.sidecar?.size, fingerprint.sidecar?.modified,
            fingerprint.hash, fingerprint.racy, fetched.timeIntervalSince1970,
            problem?.stage.rawValue, problem?.source, problem?.reason, problem?.kind.rawValue,
        ])
        if let head, let body {
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO documents (path, head, bands) VALUES (?, ?, ?)")
                .execute(arguments: [path, Data(head), bands.map(DocumentBodies.encode)])
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO document_bodies (path, body) VALUES (?, ?)").execute(arguments: [path, Data(body.utf8)])
            try db.cachedStatement(sql: "DELETE FROM inline_pictures WHERE path = ?").execute(arguments: [path])
            for (name, uri) in pictures.sorted(by: { $0.key < $1.key }) {
                try db.cachedStatement(sql: "INSERT INTO inline_pictures (path, name, uri) VALUES (?, ?, ?)").execute(arguments: [path, name, uri])
            }
        } else if let head {
            // The stored document is this one (read from this row): its body and pictures stay.
            try db.cachedStatement(sql: "UPDATE documents SET head = ? WHERE path = ?").execute(arguments: [Data(head), path])
        } else {
            try Self.deleteDocument(path: path, in: db)
        }
    }

    static func delete(path: String, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM sources WHERE path = ?").execute(arguments: [path])
        try deleteDocument(path: path, in: db)
    }

    private static func deleteDocument(path: String, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM documents WHERE path = ?").execute(arguments: [path])
        try db.cachedStatement(sql: "DELETE FROM document_bodies WHERE path = ?").execute(arguments: [path])
        try db.cachedStatement(sql: "DELETE FROM inline_pictures WHERE path = ?").execute(arguments: [path])
    }
}
