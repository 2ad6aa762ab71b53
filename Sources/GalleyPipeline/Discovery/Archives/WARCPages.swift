import Foundation
import GalleyCore

/// The web pages of one WARC file, as a build reads them:
///
/// - a `response` record of an `http(s)` URI with HTTP status 200 and an HTML content type
///   (`text/html`, `application/xhtml+xml`) is a page: its source is `FILE#offset`, its URL the
///   `WARC-Target-URI`, its fetch time the `WARC-Date`, and its HTTP headers serve as the
///   sidecar's `headers` (charset, `last-modified`);
/// - a `revisit` record (the payload was the same as before) is a page with the payload of the
///   `response` record in the same file with the same `WARC-Payload-Digest`, at its own date;
/// - other statuses are counted by their class (`3xx`, `4xx`, `5xx`), not read;
/// - when a URL was fetched more than once, the latest `WARC-Date` wins; the others are named in
///   `replaced`;
/// - a damaged record, or one the crawler marked `WARC-Truncated`, is a problem naming the file,
///   the offset and the URL, and no page; the file's other records are still read (see
///   `WARCReader`). A gzip member cut short after a whole record is reported with that record.
package struct WARCPages: Sendable {
    package var pages: [SourcePage]
    package var problems: [GalleyError]
    /// Responses left out by status class (`3xx`, `4xx`, `5xx`).
    package var skippedByStatus: [String: Int]
    /// Sources of pages left out for a later fetch of the same URL → the source that won.
    package var replaced: [String: String]

    static let htmlTypes = ["text/html", "application/xhtml+xml"]

    /// Whether a file is a WARC by its name.
    package static func isArchive(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".warc") || lower.hasSuffix(".warc.gz")
    }

    /// The pages of the WARC at `url`, named `name` (its path in the content folder) in sources.
    package static func read(_ url: URL, name: String) -> WARCPages {
        var result = WARCPages(pages: [], problems: [], skippedByStatus: [:], replaced: [:])
        let reader: WARCReader
        do {
            reader = try WARCReader(path: url.path) { type, fields in
                (type == "response" || type == "revisit") && isWebURI(fields["warc-target-uri"].map(WARCRecord.unbracketed))
            }
        } catch {
            result.problems.append(GalleyError(.read, source: name, reason: "cannot read the archive"))
            return result
        }
        var candidates: [(record: WARCRecord, page: SourcePage)] = []
        var revisits: [WARCRecord] = []
        var bodiesByDigest: [String: (body: [UInt8], headers: [String: String])] = [:]
        while let next = reader.next() {
            switch next {
            case .failure(let problem):
                let uri = problem.uri.map { " (\($0))" } ?? ""
                result.problems.append(GalleyError(.read, source: "\(name)#\(problem.offset)", reason: problem.reason + uri))
            case .success(let record):
                guard let block = record.block, let uri = record.targetURI else { continue }
                if let truncated = record.fields["warc-truncated"] {
                    let source = "\(name)#\(record.offset)"
                    result.problems.append(GalleyError(.read, source: source, reason: "the crawler truncated this record (WARC-Truncated: \(truncated)) (\(uri))"))
                    continue
                }
                if record.type == "revisit" {
                    revisits.append(record)
                    continue
                }
                let source = "\(name)#\(record.offset)"
                let response: HTTPResponseBlock
                do throws(HTTPResponseBlock.Failure) {
                    response = try HTTPResponseBlock.parse(block, source: source)
                } catch {
                    result.problems.append(GalleyError(.read, source: source, reason: "the HTTP response cannot be read: \(error) (\(uri))"))
                    continue
                }
                guard response.status == 200 else {
                    result.skippedByStatus["\(response.status / 100)xx", default: 0] += 1
                    continue
                }
                guard isHTML(response.headers["content-type"]) else { continue }
                if let digest = record.payloadDigest { bodiesByDigest[digest] = (response.body, response.headers) }
                candidates.append((record, page(source: source, uri: uri, date: record.date, response.headers, response.body)))
            }
        }
        for revisit in revisits {
            guard let uri = revisit.targetURI else { continue }
            let source = "\(name)#\(revisit.offset)"
            guard let digest = revisit.payloadDigest, let original = bodiesByDigest[digest] else {
                result.problems.append(GalleyError(.read, source: source, reason: "a revisit of a record that is not in this file (\(uri))"))
                continue
            }
            candidates.append((revisit, page(source: source, uri: uri, date: revisit.date, original.headers, original.body)))
        }
        // The latest fetch of each URL wins (ties, to the second: the later record). Dates are
        // compared as instants, not as text, whatever offset a writer used.
        let fetched = candidates.map { candidate in candidate.record.date.flatMap { Timestamp.parseISO8601($0)?.date } ?? .distantPast }
        var winner: [String: Int] = [:]
        for (index, candidate) in candidates.enumerated() {
            guard let uri = candidate.record.targetURI else { continue }
            if let other = winner[uri], fetched[other] > fetched[index] {
                result.replaced[candidate.page.path] = candidates[other].page.path
                continue
            }
            if let other = winner[uri] { result.replaced[candidates[other].page.path] = candidate.page.path }
            winner[uri] = index
        }
        result.pages = winner.values.sorted().map { candidates[$0].page }
        return result
    }

    static func page(source: String, uri: String, date: String?, _ headers: [String: String], _ body: [UInt8]) -> SourcePage {
        SourcePage(path: source, bytes: body, sidecar: SourceSidecar(url: uri, fetchedAt: date, headers: headers))
    }

    static func isWebURI(_ uri: String?) -> Bool {
        guard let lower = uri?.lowercased() else { return false }
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    static func isHTML(_ contentType: String?) -> Bool {
        guard let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return htmlTypes.contains(type)
    }
}
