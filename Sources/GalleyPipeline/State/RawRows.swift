import GRDB
import GRDBSQLite

/// The rows of one query read straight from SQLite's statement, for the build state's large
/// reads (every source's fingerprint, record and document head; every output record): GRDB's
/// `Row` cursor cost about 5 µs a row over SQLite's own work, which at 10,000 sources was most
/// of the 65 ms a build that changed one article spent reading its records.
///
/// Used inside a `Database` access only; a column is read by index, as the query lists it.
struct RawRows {
    /// One row, valid only inside the `forEach` body that is given it.
    struct Row {
        fileprivate let statement: OpaquePointer

        func isNull(_ column: Int32) -> Bool {
            sqlite3_column_type(statement, column) == SQLITE_NULL
        }

        func int64(_ column: Int32) -> Int64 {
            sqlite3_column_int64(statement, column)
        }

        func int(_ column: Int32) -> Int {
            Int(sqlite3_column_int64(statement, column))
        }

        func double(_ column: Int32) -> Double {
            sqlite3_column_double(statement, column)
        }

        func bool(_ column: Int32) -> Bool {
            sqlite3_column_int64(statement, column) != 0
        }

        /// The column's text (its bytes as UTF-8, invalid ones repaired); nil when it is NULL.
        func string(_ column: Int32) -> String? {
            guard let text = sqlite3_column_text(statement, column) else { return nil }
            let count = Int(sqlite3_column_bytes(statement, column))
            return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
        }

        /// The column's bytes; nil when it is NULL (an empty blob gives none too).
        func bytes(_ column: Int32) -> [UInt8]? {
            guard sqlite3_column_type(statement, column) != SQLITE_NULL else { return nil }
            let count = Int(sqlite3_column_bytes(statement, column))
            guard count > 0, let blob = sqlite3_column_blob(statement, column) else { return [] }
            return [UInt8](UnsafeRawBufferPointer(start: blob, count: count))
        }
    }

    /// Why a read stopped: SQLite's result code and message.
    struct Failed: Error, CustomStringConvertible {
        var code: Int32
        var message: String

        var description: String { "SQLite error \(code): \(message)" }
    }

    private let statement: Statement
    private let database: Database

    /// Prepares `sql` (rows are read by `forEach`, as often as wanted).
    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        database = db
    }

    /// Runs the query with `arguments` (text, bound in order) and hands each row to `body`.
    func forEach(arguments: [String] = [], _ body: (Row) throws -> Void) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        for (index, argument) in arguments.enumerated() {
            let code = sqlite3_bind_text(handle, Int32(index + 1), argument, -1, SQLITE_TRANSIENT)
            guard code == SQLITE_OK else { throw Self.failure(code, database) }
        }
        let row = Row(statement: handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw Self.failure(code, database) }
            try body(row)
        }
    }

    /// Runs `sql` with `arguments` once and hands each row to `body`.
    static func forEach(_ db: Database, sql: String, arguments: [String] = [], _ body: (Row) throws -> Void) throws {
        try RawRows(db, sql: sql).forEach(arguments: arguments, body)
    }

    private static func failure(_ code: Int32, _ db: Database) -> Failed {
        Failed(code: code, message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) } ?? "")
    }
}

/// SQLite copies a bound value at once (the Swift string's buffer is temporary).
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
