import Foundation
import GalleyCore
import GRDB

/// The `published_articles` table (`PublishedArticleRecord`): saved with the outputs, read by a
/// build that renders edited articles only.
extension BuildStateStore {
    /// The records of those of `sources` the last build published; a source it did not publish
    /// is left out. A row galley did not write discards the state (none is returned).
    func publishedArticles(_ sources: [String]) throws(GalleyError) -> [String: PublishedArticleRecord] {
        try read([:]) { db in
            let statement = try db.cachedStatement(sql: "SELECT slug, path, related, previous, next FROM published_articles WHERE source = ?")
            var records: [String: PublishedArticleRecord] = [:]
            for source in sources {
                if let row = try Row.fetchOne(statement, arguments: [source]) { records[source] = try Self.publishedArticle(row) }
            }
            return records
        }
    }

    /// An article the last build published: the slug and page path it was published under, and
    /// its document's head as stored.
    struct PublishedHead: Sendable {
        var slug: String
        var path: String
        var head: DocumentHead
    }

    /// Every article the last build published, read in two passes in each table's stored
    /// order (its slug and path, then the stored heads, decoded on other threads while the
    /// next rows are read; the related articles and neighbours are not read). nil when the
    /// documents were made under another extraction key or front-matter schema, or a published
    /// article has no head that decodes. (A join looked up each article's head by its path: the
    /// heads' pages were read in no order, most of them many times, 25 ms at 10,000 articles.)
    func publishedHeads(extractionKey: String) throws(GalleyError) -> [PublishedHead]? {
        typealias Row3 = (slug: String, path: String, head: [UInt8])
        var decoding = ChunkedWork<Row3, PublishedHead?> { row in
            ArticleDocumentCoding.head(decoding: row.head).map { PublishedHead(slug: row.slug, path: row.path, head: $0) }
        }
        let complete = try read(false) { db in
            guard try Self.documentsMatch(extractionKey, in: db) else { return false }
            var published: [String: (slug: String, path: String)] = [:]
            let articles = try Row.fetchCursor(db, sql: "SELECT source, slug, path FROM published_articles")
            while let row = try articles.next() { published[try row.decode(atIndex: 0)] = (try row.decode(atIndex: 1), try row.decode(atIndex: 2)) }
            let rows = try Row.fetchCursor(db, sql: "SELECT path, head FROM documents")
            var found = 0
            var chunk: [Row3] = []
            chunk.reserveCapacity(Self.rowsPerChunk)
            while let row = try rows.next() {
                guard let article = published[try row.decode(String.self, atIndex: 0)] else { continue }
                // Copied once, from SQLite's buffer (not into a `Data` first).
                let head = try row.withUnsafeData(atIndex: 1) { data in data.map { [UInt8]($0) } } ?? []
                chunk.append((article.slug, article.path, head))
                found += 1
                if chunk.count == Self.rowsPerChunk {
                    decoding.add(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            decoding.add(chunk)
            return found == published.count
        }
        let heads = decoding.results()
        guard complete, !heads.contains(where: { $0 == nil }) else { return nil }
        return heads.compactMap(\.self)
    }

    private static func publishedArticle(_ row: Row) throws -> PublishedArticleRecord {
        let related: [String]? = try row.withUnsafeData(atIndex: 2) { data in
            guard let data else { return nil }
            var reader = BinaryReader([UInt8](data))
            guard let sources = try? reader.strings(), reader.isAtEnd else { return nil }
            return sources
        }
        guard let related else { throw Damaged() }
        return PublishedArticleRecord(slug: try row.decode(atIndex: 0), path: try row.decode(atIndex: 1), related: related,
                                      previous: try row.decode(atIndex: 3), next: try row.decode(atIndex: 4))
    }

    /// Writes the records of articles whose pages are being rendered, in one transaction of
    /// their own (a build saves them a batch at a time instead of holding one per article to
    /// its end). A record saved ahead of its page is never trusted alone: a build killed before
    /// the page's output record is saved leaves that record untrusted, and a build that renders
    /// edited articles alone requires every output record to hold.
    func savePublishedArticles(_ records: [(source: String, record: PublishedArticleRecord)]) throws(GalleyError) {
        guard !records.isEmpty else { return }
        try save("the published articles") { db in
            let insert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO published_articles (source, slug, path, related, previous, next) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for (source, record) in records {
                var related = BinaryWriter()
                related.write(record.related)
                try insert.execute(arguments: [source, record.slug, record.path, Data(related.bytes), record.previous, record.next])
            }
        }
    }

    /// Inside the outputs' transaction: given every source `published` now, deletes the rows
    /// of the others.
    static func forgetUnpublishedArticles(keeping published: Set<String>, in db: Database) throws {
        // Only the rows to forget are kept from the scan (usually none; every stored source was 6 MB
        // of a 50,000-article build's peak).
        var unpublished: [String] = []
        let stored = try String.fetchCursor(db, sql: "SELECT source FROM published_articles")
        while let source = try stored.next() {
            if !published.contains(source) { unpublished.append(source) }
        }
        let delete = try db.cachedStatement(sql: "DELETE FROM published_articles WHERE source = ?")
        for source in unpublished { try delete.execute(arguments: [source]) }
    }
}
