import GalleyCore
import GalleyImages
import GRDB

/// The `scraped_images` table, the plans of the scrape's image files (`ScrapedImageRecord`), and
/// the `archived_images` table, what archives held of their pages' image URLs (`ArchivedImagesRecord`).
extension BuildStateStore {
    /// The records kept under `settings` (`ImagePlan.settingsKey`; nil: under any), by the
    /// file's resolved path relative to the content folder.
    func scrapedImages(settings: String?) throws(GalleyError) -> [String: ScrapedImageRecord] {
        try read([:]) { db in
            var records: [String: ScrapedImageRecord] = [:]
            let rows = try Self.rows(db, "SELECT path, size, mtime, racy, format, sha256, width, height, widths, libvips FROM scraped_images",
                                     settings: settings)
            while let row = try rows.next() {
                records[try row.decode(atIndex: 0)] = try Self.imageRecord(
                    row, planAt: 4, stamp: FileStamp(size: try row.decode(atIndex: 1), modified: try row.decode(atIndex: 2)), racy: try row.decode(atIndex: 3))
            }
            return records
        }
    }

    /// Saves the records made or changed now and forgets `forgotten` and every record of other
    /// settings, in one transaction.
    func saveScrapedImages(_ records: [String: ScrapedImageRecord], forgotten: Set<String>, settings: String) throws(GalleyError) {
        guard !records.isEmpty || !forgotten.isEmpty else { return }
        try save("the scraped images", in: "scraped_images", settings: settings, deleting: forgotten) { db in
            let insert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO scraped_images (path, settings, size, mtime, racy, format, sha256, width, height, widths, libvips)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (path, record) in records {
                try insert.execute(arguments: [path, settings, record.stamp.size, record.stamp.modified, record.racy, record.format.rawValue,
                                               record.sha256, record.width, record.height, record.widths.map(String.init).joined(separator: ","), record.libvips])
            }
        }
    }

    /// Records that racy files of `records` were found unchanged by their bytes (their new
    /// `racy` flag): the next check trusts their stamps.
    func markScrapedImagesVerified(_ records: [String: ScrapedImageRecord]) throws(GalleyError) {
        guard !records.isEmpty else { return }
        try save("the scraped images") { db in
            let update = try db.cachedStatement(sql: "UPDATE scraped_images SET racy = ? WHERE path = ?")
            for (path, record) in records { try update.execute(arguments: [record.racy, path]) }
        }
    }

    /// The archives' records kept under `settings` (nil: under any), by archive.
    func archivedImages(settings: String?) throws(GalleyError) -> [String: ArchivedImagesRecord] {
        try read([:]) { db in
            var records: [String: ArchivedImagesRecord] = [:]
            let rows = try Self.rows(db, "SELECT path, url, size, mtime, racy, problem, format, sha256, width, height, widths, libvips FROM archived_images",
                                     settings: settings)
            while let row = try rows.next() {
                let path: String = try row.decode(atIndex: 0), url: String = try row.decode(atIndex: 1)
                let stamp = FileStamp(size: try row.decode(atIndex: 2), modified: try row.decode(atIndex: 3))
                let racy: Bool = try row.decode(atIndex: 4)
                var record = records[path] ?? ArchivedImagesRecord(stamp: stamp, racy: racy, searched: [])
                guard record.stamp == stamp, record.racy == racy else { throw Damaged() }
                record.searched.insert(url)
                if let problem: String = try row.decode(atIndex: 5) {
                    record.refused[url] = problem
                } else if !row.hasNull(atIndex: 6) {
                    record.found[url] = try Self.imageRecord(row, planAt: 6, stamp: stamp, racy: racy)
                }
                records[path] = record
            }
            return records
        }
    }

    /// Replaces the rows of each archive of `records` by its record, forgets `forgotten`
    /// archives and every row of other settings, in one transaction.
    func saveArchivedImages(_ records: [String: ArchivedImagesRecord], forgotten: Set<String>, settings: String) throws(GalleyError) {
        guard !records.isEmpty || !forgotten.isEmpty else { return }
        try save("the archived images", in: "archived_images", settings: settings, deleting: forgotten.union(records.keys)) { db in
            let insert = try db.cachedStatement(sql: """
                INSERT INTO archived_images (path, url, settings, size, mtime, racy, problem, format, sha256, width, height, widths, libvips)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (path, record) in records {
                for url in record.searched {
                    let plan = record.found[url]
                    try insert.execute(arguments: [path, url, settings, record.stamp.size, record.stamp.modified, record.racy, record.refused[url],
                                                   plan?.format.rawValue, plan?.sha256, plan?.width, plan?.height,
                                                   plan.map { $0.widths.map(String.init).joined(separator: ",") }, plan?.libvips])
                }
            }
        }
    }

    /// A plan's record from its six columns (format, sha256, width, height, widths, libvips)
    /// starting at `first`; `Damaged` for a value galley never writes.
    private static func imageRecord(_ row: Row, planAt first: Int, stamp: FileStamp, racy: Bool) throws -> ScrapedImageRecord {
        guard let format = ImageFormat(rawValue: try row.decode(atIndex: first)) else { throw Damaged() }
        let widths = try (row.decode(String.self, atIndex: first + 4)).split(separator: ",").map { part in
            guard let width = Int(part) else { throw Damaged() }
            return width
        }
        return ScrapedImageRecord(stamp: stamp, racy: racy, format: format, sha256: try row.decode(atIndex: first + 1),
                                  width: try row.decode(atIndex: first + 2), height: try row.decode(atIndex: first + 3), widths: widths,
                                  libvips: try row.decode(atIndex: first + 5))
    }

    /// The rows `select` gives, of those kept under `settings` only when it is not nil.
    private static func rows(_ db: Database, _ select: String, settings: String?) throws -> RowCursor {
        if let settings { return try Row.fetchCursor(db, sql: select + " WHERE settings = ?", arguments: [settings]) }
        return try Row.fetchCursor(db, sql: select)
    }

    /// One transaction on `table` (one of the two above): the rows of other settings and of
    /// `paths` deleted, then `insert`.
    private func save(_ what: String, in table: String, settings: String, deleting paths: Set<String>,
                      insert: @escaping (Database) throws -> Void) throws(GalleyError) {
        try save(what) { db in
            try db.execute(sql: "DELETE FROM \(table) WHERE settings != ?", arguments: [settings])
            let delete = try db.cachedStatement(sql: "DELETE FROM \(table) WHERE path = ?")
            for path in paths { try delete.execute(arguments: [path]) }
            try insert(db)
        }
    }
}
