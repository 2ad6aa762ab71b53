import Foundation
import GRDB

/// Reads documents' bodies back from the build state (`documents.body`) while pages are made,
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
        let read = try? database.read { db -> [String: String] in
            let statement = try db.cachedStatement(sql: "SELECT body FROM documents WHERE path = ?")
            var bodies: [String: String] = [:]
            bodies.reserveCapacity(paths.count)
            for path in paths {
                let body = try Row.fetchOne(statement, arguments: [path])?.withUnsafeData(atIndex: 0) { data in
                    data.map { String(decoding: $0, as: UTF8.self) }
                }
                if let body { bodies[path] = body }
            }
            return bodies
        }
        return read ?? [:]
    }

    /// The band keys stored for the scraped pages at `paths` (`documents.bands`, see
    /// `DuplicateFilter`), read in one go; a path without any is missing from the result.
    func bands(of paths: [String]) -> [String: [Int]] {
        let read = try? database.read { db -> [String: [Int]] in
            let statement = try db.cachedStatement(sql: "SELECT bands FROM documents WHERE path = ?")
            var bands: [String: [Int]] = [:]
            for path in paths {
                let keys = try Row.fetchOne(statement, arguments: [path])?.withUnsafeData(atIndex: 0) { data in data.map(Self.decode) }
                if let keys { bands[path] = keys }
            }
            return bands
        }
        return read ?? [:]
    }

    /// Band keys as stored: each an Int64, little-endian.
    static func encode(_ keys: [Int]) -> Data {
        var data = Data(capacity: keys.count * 8)
        for key in keys { withUnsafeBytes(of: Int64(key).littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    static func decode(_ data: Data) -> [Int] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - bytes.count % 8, by: 8).map { start in
            var value: Int64 = 0
            for offset in 0..<8 { value |= Int64(bytes[start + offset]) << (8 * offset) }
            return Int(value)
        }
    }
}

extension BuildStateStore {
    /// A reader of the stored bodies, for the phases that make pages.
    func bodies() -> DocumentBodies {
        DocumentBodies(database: database)
    }
}
