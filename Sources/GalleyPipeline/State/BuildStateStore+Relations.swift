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
            var reader = BinaryReader([UInt8](bytes))
            var positions: [Int32] = []
            positions.reserveCapacity(bytes.count / 4)
            while let position = try? reader.int32() { positions.append(position) }
            return StoredRelations(key: key, positions: positions)
        }
    }

    /// Replaces the saved table by `relations`.
    func saveRelations(_ relations: StoredRelations) throws(GalleyError) {
        var writer = BinaryWriter()
        for position in relations.positions { writer.write(position) }
        let bytes = Data(writer.bytes)
        try save("the related articles") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO relations (id, key, positions) VALUES (1, ?, ?)", arguments: [relations.key, bytes])
        }
    }
}
