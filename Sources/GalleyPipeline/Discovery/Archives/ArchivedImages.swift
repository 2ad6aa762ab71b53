import Foundation
import GalleyCore

/// The images a crawler archived beside its pages (`wget -p --warc-file`, Browsertrix): the
/// `response` records of the wanted URLs with HTTP status 200, their bodies decoded (chunked,
/// gzip). When a URL was fetched more than once, the latest fetch wins. One pass over the
/// archive keeps only the wanted records' blocks.
enum ArchivedImages {
    /// One image record.
    struct Image: Sendable {
        var bytes: [UInt8]
        /// `FILE#offset`, as pages from archives are named.
        var source: String
        /// When it was fetched (`WARC-Date`; the distant past when the record has none), compared
        /// as a time: `…:00.5Z` is later than `…:00Z`, which a string comparison gets wrong.
        var date: Date
    }

    /// URL → image, for the URLs of `wanted` that the archive at `url` (named `name`) holds.
    static func images(in url: URL, name: String, wanted: Set<String>) -> [String: Image] {
        guard !wanted.isEmpty else { return [:] }
        guard ScrapeArchive.isWACZ(name) else { return warcImages(in: url, name: name, wanted: wanted) }
        var found: [String: Image] = [:]
        _ = WACZArchive.eachWARC(in: url, name: name) { warc, source in
            found.merge(warcImages(in: warc, name: source, wanted: wanted)) { $0.date >= $1.date ? $0 : $1 }
        }
        return found
    }

    private static func warcImages(in url: URL, name: String, wanted: Set<String>) -> [String: Image] {
        guard let reader = try? WARCReader(path: url.path, keepBlock: { type, fields in
            type == "response" && fields["warc-target-uri"].map { wanted.contains(WARCRecord.unbracketed($0)) } == true
        }) else { return [:] }
        var found: [String: Image] = [:]
        while let next = reader.next() {
            guard case .success(let record) = next, let block = record.block, let uri = record.targetURI, wanted.contains(uri),
                  record.fields["warc-truncated"] == nil,
                  let response = try? HTTPResponseBlock.parse(block, source: "\(name)#\(record.offset)"), response.status == 200 else { continue }
            let image = Image(bytes: response.body, source: "\(name)#\(record.offset)", date: record.date.flatMap { Timestamp.parseISO8601($0)?.date } ?? .distantPast)
            if let earlier = found[uri], earlier.date > image.date { continue }
            found[uri] = image
        }
        return found
    }
}
