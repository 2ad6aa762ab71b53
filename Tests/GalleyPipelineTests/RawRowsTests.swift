import Foundation
@testable import GalleyPipeline
import GRDB
import Testing

/// The build state's large reads go straight to SQLite's statement: each column type as GRDB
/// read it, NULL told apart, text arguments bound, and SQLite's errors thrown.
@Suite struct RawRowsTests {
    func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (name TEXT, size INTEGER, at REAL, blob BLOB)")
            try db.execute(sql: "INSERT INTO t VALUES (?, ?, ?, ?)", arguments: ["berita/é.md", 9_000_000_000, 1.5, Data([1, 2, 3])])
            try db.execute(sql: "INSERT INTO t VALUES (NULL, NULL, NULL, NULL)")
            try db.execute(sql: "INSERT INTO t VALUES ('', 0, 0, ?)", arguments: [Data()])
        }
        return queue
    }

    @Test func columnsReadAsTheyWereWritten() throws {
        var rows: [(String?, Int64, Double, [UInt8]?, Bool)] = []
        try database().read { db in
            try RawRows.forEach(db, sql: "SELECT name, size, at, blob FROM t ORDER BY rowid") { row in
                rows.append((row.string(0), row.int64(1), row.double(2), row.bytes(3), row.isNull(1)))
            }
        }
        #expect(rows.count == 3)
        #expect(rows[0].0 == "berita/é.md" && rows[0].1 == 9_000_000_000 && rows[0].2 == 1.5 && rows[0].3 == [1, 2, 3] && !rows[0].4)
        #expect(rows[1].0 == nil && rows[1].3 == nil && rows[1].4)
        #expect(rows[2].0 == "" && rows[2].3 == [])
    }

    @Test func aPreparedQueryRunsAgainWithOtherArguments() throws {
        try database().read { db in
            let rows = try RawRows(db, sql: "SELECT size FROM t WHERE name = ?")
            var sizes: [Int] = []
            for name in ["berita/é.md", "missing", "", "berita/é.md"] { try rows.forEach(arguments: [name]) { sizes.append($0.int(0)) } }
            #expect(sizes == [9_000_000_000, 0, 9_000_000_000])
        }
    }

    @Test func sqliteErrorsAreThrown() throws {
        try database().read { db in
            #expect(throws: (any Error).self) { try RawRows.forEach(db, sql: "SELECT * FROM missing") { _ in } }
            // An error while stepping (here a function's), not only while preparing.
            #expect(throws: RawRows.Failed.self) { try RawRows.forEach(db, sql: "SELECT json_extract('{', '$')") { _ in } }
        }
    }
}
