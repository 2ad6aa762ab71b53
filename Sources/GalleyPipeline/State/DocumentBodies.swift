import Foundation
import GRDB

/// Reads documents' bodies back from the build state (`document_bodies.body`) while pages are made,
/// a batch at a time: a build keeps only the heads (`DocumentHead`) in memory. Pages read
/// their bodies a batch at a time on one thread and render them in parallel: reads from both
/// threads at once contend for the one connection (the render phase of 10,000 articles took
/// 0.4 s longer).
struct DocumentBodies: Sendable {
    let database: DatabaseQueue

    /// The body stored for the source at `path` (see `bodies(of:)`).
    func body(of path: String) -> String? {
        bodies(of: [path])[path]
    }

    /// The bodies stored for the sources at `paths`, read in one go (one read transaction: a
    /// statement outside one takes and drops SQLite's file locks and looks for a hot journal
    /// each time, 40,000 `fcntl` and 30,000 `stat` calls for 10,000 articles); a path without a body is
    /// missing from the result, as is every path when the state can no longer be read (it was
    /// found damaged and discarded during this build).
    func bodies(of paths: [String]) -> [String: String] {
        column("body", of: "document_bodies", paths: paths) { String(decoding: $0, as: UTF8.self) }
    }

    /// The band keys stored for the scraped pages at `paths` (`documents.bands`, see
    /// `DuplicateFilter`), read in one go; a path without any is missing from the result.
    func bands(of paths: [String]) -> [String: [Int]] {
        column("bands", of: "documents", paths: paths, Self.decode)
    }

    /// The `data:` URI of the inlined picture `name` (`InlinePicture`), from whichever document
    /// shows it; nil when none is stored.
    func inlinePicture(named name: String) -> String? {
        (try? database.read { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT uri FROM inline_pictures WHERE name = ? LIMIT 1"), arguments: [name])
        }) ?? nil
    }

    /// The body stored for the source at `path` with its inlined pictures put back as `data:`
    /// URIs (`InlinedPictures.restore`): the body as the page gave it.
    func wholeBody(of path: String) -> String? {
        guard let body = body(of: path) else { return nil }
        let pictures = try? database.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT name, uri FROM inline_pictures WHERE path = ?"), arguments: [path])
                .map { row -> (String, String) in (try row.decode(atIndex: 0), try row.decode(atIndex: 1)) }
        }
        return InlinedPictures.restore(body, pictures: Dictionary(pictures ?? [], uniquingKeysWith: { first, _ in first }))
    }

    /// Whether a stored document other than those at `paths` has one of the band `keys`; nil
    /// when the state cannot be read. One pass over every scraped page's band keys (none for
    /// Markdown articles).
    func sharesBand(_ keys: Set<Int>, exceptAt paths: Set<String>) -> Bool? {
        guard !keys.isEmpty else { return false }
        return try? database.read { db -> Bool in
            let rows = try Row.fetchCursor(db, sql: "SELECT path, bands FROM documents WHERE bands IS NOT NULL")
            while let row = try rows.next() {
                let path: String = try row.decode(atIndex: 0)
                guard !paths.contains(path) else { continue }
                if try row.withUnsafeData(atIndex: 1, { data in data.map { Self.decode($0).contains(where: keys.contains) } ?? false }) { return true }
            }
            return false
        }
    }

    /// One column of `table` (`documents` or `document_bodies`) for `paths`, decoded from its bytes, in one read transaction;
    /// paths whose value is NULL or missing are left out, and every path when the state can no
    /// longer be read.
    private func column<Value>(_ name: String, of table: String, paths: [String], _ decode: (Data) -> Value) -> [String: Value] {
        let read = try? database.read { db -> [String: Value] in
            let statement = try db.cachedStatement(sql: "SELECT \(name) FROM \(table) WHERE path = ?")
            var values: [String: Value] = [:]
            values.reserveCapacity(paths.count)
            for path in paths {
                if let value = try Row.fetchOne(statement, arguments: [path])?.withUnsafeData(atIndex: 0, { data in data.map(decode) }) {
                    values[path] = value
                }
            }
            return values
        }
        return read ?? [:]
    }

    /// Band keys as stored: each an Int64, little-endian (`BinaryWriter`'s layout).
    static func encode(_ keys: [Int]) -> Data {
        var writer = BinaryWriter()
        for key in keys { writer.write(key) }
        return Data(writer.bytes)
    }

    /// Band keys as `encode` stored them (a damaged tail is left out).
    static func decode(_ data: Data) -> [Int] {
        var reader = BinaryReader([UInt8](data))
        var keys: [Int] = []
        while let key = try? reader.int() { keys.append(key) }
        return keys
    }
}

extension BuildStateStore {
    /// A reader of the stored bodies, for the phases that make pages.
    func bodies() -> DocumentBodies {
        DocumentBodies(database: database)
    }
}
