import Foundation
import GalleyCore
import GRDB

/// The `outputs` table and the record of the build that wrote them (`meta`, `problems`, `stale`).
extension BuildStateStore {
    /// Every output record: the files of the site the last build wrote.
    func outputRecords() throws(GalleyError) -> [String: OutputRecord] {
        try read([:]) { db in
            var records: [String: OutputRecord] = [:]
            records.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM outputs") ?? 0)
            let rows = try Row.fetchCursor(db, sql: "SELECT path, render_key, size, mtime FROM outputs")
            while let row = try rows.next() {
                let size: Int? = try row.decode(atIndex: 2)
                let modified: Int64? = try row.decode(atIndex: 3)
                let stamp = size.flatMap { size in modified.map { FileStamp(size: size, modified: $0) } }
                records[try row.decode(atIndex: 0)] = OutputRecord(renderKey: OutputKey(value: UInt64(bitPattern: try row.decode(atIndex: 1))), stamp: stamp)
            }
            return records
        }
    }

    /// Called before the first file is touched. The records of the `touched` paths (files about
    /// to be written or removed) become untrusted and new paths among them are added, and the
    /// last build is marked incomplete, in one transaction: a build killed while writing leaves
    /// no record the next build could wrongly trust — only the paths, still needed to remove
    /// files that are no longer part of the site. Records of files this build does not touch
    /// stay trusted. When the outputs were lost, every path of `known` is added too (worked out
    /// only then: it is every path of the site).
    func beginWriting(_ touched: Set<String>, known: @autoclosure () -> Set<String>, renderInputsKey: String) throws(GalleyError) {
        let paths = outputsLost ? touched.union(known()) : touched
        try save("the outputs about to be written") { db in
            for path in paths.sorted() {
                try Self.insert(path, OutputRecord.untrusted, in: db)
            }
            try Self.setMeta("render_inputs_key", renderInputsKey, in: db)
            try Self.setMeta(LastBuild.completeName, false, in: db)
        }
    }

    /// Called after writing: saves the output records, the build's record and its problems in
    /// one transaction. `changed` (one record per path) and `kept` hold every file of the site
    /// (`changed` wins where both have a path); only the `changed` records differ from the stored
    /// rows and are written (all of them when the outputs were lost), and the rows of `removed`
    /// paths are deleted. The build is recorded complete only when the stored sources are still
    /// the ones its outputs were made from. `published`: every source published now, whose
    /// `published_articles` rows are kept (nil: the set did not change).
    ///
    /// `changed` is read where the build holds it (`OutputRecords`), not a table: a cold build's
    /// 88,000 records at 50,000 articles were held as a dictionary and a set of its keys beside
    /// the output set they came from.
    func finishWriting(_ changed: OutputRecords, removed: Set<String>, kept: [String: OutputRecord] = [:],
                       build: LastBuild, problems: [GalleyError], stale: Set<String>, published: Set<String>? = nil) throws(GalleyError) {
        let order = changed.positionsInPathOrder()
        try save("the outputs written") { db in
            if outputsLost {
                try db.execute(sql: "DELETE FROM outputs")
                let made = Set((0..<changed.count).map(changed.path))
                let every = kept.filter { !made.contains($0.key) }.map { (path: $0.key, record: $0.value) }
                    + order.map { (path: changed.path(Int($0)), record: changed.record(Int($0))) }
                for (path, record) in every.sorted(by: { $0.path < $1.path }) { try Self.insert(path, record, in: db) }
            } else {
                for path in removed.sorted() { try db.cachedStatement(sql: "DELETE FROM outputs WHERE path = ?").execute(arguments: [path]) }
                for position in order { try Self.insert(changed.path(Int(position)), changed.record(Int(position)), in: db) }
            }
            var build = build
            build.complete = build.complete && !sourcesLost
            for row in build.metaRows { try Self.setMeta(row.name, row.value, in: db) }
            try Self.replaceProblems(problems, stale: stale, in: db)
            if let published { try Self.forgetUnpublishedArticles(keeping: published, in: db) }
        }
        outputsLost = false
    }

    private static func insert(_ path: String, _ record: OutputRecord, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO outputs (path, render_key, size, mtime) VALUES (?, ?, ?, ?)")
            .execute(arguments: [path, record.renderKey.storedValue, record.stamp?.size, record.stamp?.modified])
    }

    private static func replaceProblems(_ problems: [GalleyError], stale: Set<String>, in db: Database) throws {
        try db.execute(sql: "DELETE FROM problems; DELETE FROM stale")
        let insertProblem = try db.cachedStatement(sql: "INSERT INTO problems (position, stage, source, reason, kind) VALUES (?, ?, ?, ?, ?)")
        for (position, problem) in problems.enumerated() {
            try insertProblem.execute(arguments: [position, problem.stage.rawValue, problem.source, problem.reason, problem.kind.rawValue])
        }
        for source in stale.sorted() { try db.cachedStatement(sql: "INSERT INTO stale (source) VALUES (?)").execute(arguments: [source]) }
    }
}
