import Foundation
import GalleyCore
import GRDB

/// Everything a build remembers between runs, in one SQLite file (`BuildState.database`,
/// tables in `BuildStateSchema`), said in one vocabulary:
///
/// - a **source record** (`SourceRecord`) per source file: its fingerprint and what stages 1–2
///   made of it (a document, a problem);
/// - an **output record** (`OutputRecord`) per file of the site: its render key and its stamp;
/// - the **last build** (`LastBuild`): its keys, whether it finished, its totals, its problems;
/// - **freshness** (`Freshness`): whether a record still holds for the file on disk.
///
/// Every save is one transaction, so a build killed at any moment leaves the state of the last
/// save, never half of one. Queries read what a decision needs: the no-change check reads
/// fingerprints and stamps, never a document; documents are read only for the sources reused.
///
/// A file that is damaged, someone else's or of another schema version is discarded, and the
/// build goes on as if there were no state: slower, never wrong.
///
/// The journal is SQLite's rollback journal, not WAL: one build writes at a time (`BuildLock`)
/// and nothing else reads while it does, so WAL's concurrent readers buy nothing, while it
/// would write every page twice (the log, then the checkpoint into the file: 57 MB of documents
/// for 10,000 articles; a save took 1.8 times as long) and leave `-wal` and `-shm` files beside
/// the state. With the rollback journal the file at rest is the whole state, and a kill mid-save
/// leaves a `-journal` that the next open rolls back. Saves wait for the disk (`synchronous =
/// FULL`, SQLite's default), so a power loss cannot leave a state that reads wrong either: about
/// 0.15 s on a cold build of 10,000 articles, milliseconds on an incremental one, nothing on a
/// build that finds nothing changed (it only reads).
final class BuildStateStore {
    let url: URL
    private(set) var database: DatabaseQueue
    /// Set when the file was discarded after this build read from it: the stored sources are
    /// not those the build knows, so the next save of sources writes all of them.
    var sourcesLost = false
    /// The same for the outputs: the next save of outputs writes all of them.
    var outputsLost = false

    /// Opens the state at `url`, creating it (and its folder) when missing; a damaged, foreign or
    /// other-version file is replaced by an empty one.
    init(url: URL) throws(GalleyError) {
        self.url = url
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw GalleyError(.write, source: url.path, reason: "cannot create the build state's folder: \(error.localizedDescription)")
        }
        if let existing = Self.openExisting(url) {
            database = existing
        } else {
            Self.removeFiles(url)
            database = try Self.create(url)
        }
    }

    /// What the last build recorded about itself; an empty record when there was none.
    func lastBuild() throws(GalleyError) -> LastBuild {
        try read(LastBuild()) { db in
            var build = LastBuild()
            let rows = try Row.fetchCursor(db, sql: "SELECT name, value FROM meta")
            while let row = try rows.next() {
                try build.read(try row.decode(String.self, atIndex: 0), value: row[1] as DatabaseValue)
            }
            return build
        }
    }

    /// The problems the last build reported and the sources among them kept stale.
    func lastProblems() throws(GalleyError) -> (problems: [GalleyError], stale: Set<String>) {
        try read(([], [])) { db in
            var problems: [GalleyError] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT stage, source, reason, kind FROM problems ORDER BY position")
            while let row = try rows.next() {
                problems.append(try Self.problem(stage: row.decode(atIndex: 0), source: row.decode(atIndex: 1),
                                                 reason: row.decode(atIndex: 2), kind: row.decode(atIndex: 3)))
            }
            return (problems, Set(try String.fetchAll(db, sql: "SELECT source FROM stale")))
        }
    }

    // MARK: - Reading and saving

    /// A value the file holds that galley never writes (an unknown stage, a document that does
    /// not decode): the file is treated as damaged.
    struct Damaged: Error {}

    /// Runs a query. When the file cannot be read (damaged, or changed by hand) it is discarded
    /// and `empty` is returned, as if there were no state.
    func read<Value>(_ empty: Value, _ query: (Database) throws -> Value) throws(GalleyError) -> Value {
        do {
            return try database.read(query)
        } catch {
            try discard()
            return empty
        }
    }

    /// Runs `body` in one transaction: all of it is saved, or none. When the file turns out
    /// damaged it is discarded and `body` runs again on the empty state (where `sourcesLost` and
    /// `outputsLost` tell it to write everything it knows).
    func save(_ what: String, _ body: (Database) throws -> Void) throws(GalleyError) {
        do {
            try database.inTransaction { db in
                try body(db)
                return .commit
            }
        } catch let error as DatabaseError where Self.isDamage(error) {
            try discard()
            do {
                try database.inTransaction { db in
                    try body(db)
                    return .commit
                }
            } catch {
                throw GalleyError(.write, source: url.path, reason: "cannot save \(what) in the build state: \(error)")
            }
        } catch {
            throw GalleyError(.write, source: url.path, reason: "cannot save \(what) in the build state: \(error)")
        }
    }

    /// Sets one row of `meta`.
    static func setMeta(_ name: String, _ value: (any DatabaseValueConvertible)?, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)").execute(arguments: [name, value])
    }

    /// A problem from its columns; `Damaged` for a stage or kind galley does not write.
    static func problem(stage: String, source: String?, reason: String, kind: String) throws -> GalleyError {
        guard let stage = Stage(rawValue: stage), let kind = GalleyError.Kind(rawValue: kind) else { throw Damaged() }
        return GalleyError(stage, source: source, reason: reason, kind: kind)
    }

    // MARK: - The file

    /// Replaces the file by an empty state; the saves that follow write everything they know.
    func discard() throws(GalleyError) {
        try? database.close()
        Self.removeFiles(url)
        database = try Self.create(url)
        sourcesLost = true
        outputsLost = true
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.label = "galley build state"
        configuration.foreignKeysEnabled = false
        // Someone reading the file with `sqlite3` during a build delays a save, never fails it.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return configuration
    }

    /// The file at `url` when it exists, is whole, and is a build state of this schema version.
    /// (The first read rolls back what a killed save left in `-journal`.)
    private static func openExisting(_ url: URL) -> DatabaseQueue? {
        guard FileManager.default.fileExists(atPath: url.path),
              let database = try? DatabaseQueue(path: url.path, configuration: configuration) else { return nil }
        let marks = try? database.read { db in
            (application: try Int32.fetchOne(db, sql: "PRAGMA application_id"), version: try Int32.fetchOne(db, sql: "PRAGMA user_version"),
             bytes: try Int.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size"))
        }
        guard let marks, marks.application == BuildStateSchema.applicationID, marks.version == BuildStateSchema.version,
              marks.bytes == FileStamp.of(path: url.path)?.size else {
            // Another program's file, another version, or a file cut short (SQLite would read
            // the missing pages as zeros, and a document could decode wrong without an error).
            try? database.close()
            return nil
        }
        return database
    }

    /// A new, empty state at `url` (no file may be there). Created without waiting for the disk
    /// (`synchronous = OFF`): a file that a power loss leaves half-created is discarded on the
    /// next open, and holds nothing to lose. Saves wait for the disk as usual.
    private static func create(_ url: URL) throws(GalleyError) -> DatabaseQueue {
        do {
            let database = try DatabaseQueue(path: url.path, configuration: configuration)
            try database.inDatabase { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
            try database.inTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(BuildStateSchema.applicationID)")
                try db.execute(sql: "PRAGMA user_version = \(BuildStateSchema.version)")
                try db.execute(sql: BuildStateSchema.tables)
                return .commit
            }
            try database.inDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            return database
        } catch {
            throw GalleyError(.write, source: url.path, reason: "cannot create the build state: \(error)")
        }
    }

    private static func removeFiles(_ url: URL) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(url.path + suffix) }
    }

    private static func isDamage(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }
}
