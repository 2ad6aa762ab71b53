import Foundation
import GalleyCore
import GRDB

/// The `relations` table: the related articles and neighbours the last build planned
/// (`RelationTable.storedPositions`), under the key of what they were planned from (`RelationCache`).
extension BuildStateStore {
    /// A planned table as the build state keeps it.
    struct StoredRelations: Sendable, Equatable {
        /// `RelationCache.key`: the inputs the positions were planned from.
        var key: String
        var positions: [Int32]
    }

    /// The table the last build saved; nil when there is none (or it is not whole).
    func relations() throws(GalleyError) -> StoredRelations? {
        try read(nil) { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT key, positions FROM relations WHERE id = 1") else { return nil }
            let key: String = try row.decode(atIndex: 0)
            let bytes: Data = try row.decode(atIndex: 1)
            guard bytes.count % 4 == 0 else { return nil }
            let positions = [Int32](unsafeUninitializedCapacity: bytes.count / 4) { buffer, count in
                bytes.withUnsafeBytes { raw in
                    for index in 0..<(raw.count / 4) {
                        buffer[index] = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: Int32.self))
                    }
                }
                count = bytes.count / 4
            }
            return StoredRelations(key: key, positions: positions)
        }
    }

    /// Replaces the saved table by `relations`.
    func saveRelations(_ relations: StoredRelations) throws(GalleyError) {
        var bytes = Data(capacity: relations.positions.count * 4)
        for position in relations.positions { withUnsafeBytes(of: position.littleEndian) { bytes.append(contentsOf: $0) } }
        try save("the related articles") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO relations (id, key, positions) VALUES (1, ?, ?)", arguments: [relations.key, bytes])
        }
    }
}
