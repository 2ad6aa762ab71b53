import Foundation
import GalleyCore

/// The web pages of one WARC file, as a build reads them:
///
/// - a `response` record of an `http(s)` URI with HTTP status 200 and an HTML content type
///   (`text/html`, `application/xhtml+xml`) is a page: its source is `NAME#offset`, its URL the
///   `WARC-Target-URI`, its fetch time the `WARC-Date`, and its HTTP headers serve as the
///   sidecar's `headers` (charset, `last-modified`);
/// - a `revisit` record (the payload was the same as before) is a page with the payload of the
///   `response` record in the same file with the same `WARC-Payload-Digest`, at its own date
///   and URL; a revisit of a payload the file does not have is left `unresolved` (a build
///   looks for it in its other archives);
/// - other statuses are counted by their class (`3xx`, `4xx`, `5xx`), records of other schemes
///   (`javascript:`, `file:`, `dns:`, …) as `not http(s)`; neither is read;
/// - when a URL was fetched more than once, the latest `WARC-Date` wins; the others are named in
///   `replaced`;
/// - a damaged record, or one the crawler marked `WARC-Truncated`, is a problem naming the file,
///   the offset and the URL, and no page; the file's other records are still read (see
///   `WARCReader`). A gzip member cut short after a whole record is reported with that record.
///
/// `scan` streams: pages reach the caller in small batches while the file is read, so memory
/// stays flat however many pages the file holds. Revisits are resolved in a second pass over
/// the file, made only when it has revisits.
package struct WARCPages: Sendable {
    /// The pages that won (only `ScrapeArchive.read` fills this; `scan` hands pages to its caller).
    package var pages: [SourcePage] = []
    package var problems: [GalleyError] = []
    /// Records left out, by reason: status class (`3xx`, `4xx`, `5xx`) or `not http(s)`.
    package var skipped: [String: Int] = [:]
    /// Sources of pages left out for a later fetch of the same URL → the source that won.
    package var replaced: [String: String] = [:]
    /// Revisits of a payload no `response` record of this file has (a crawl deduplicated
    /// against an earlier one): a build looks for it in its other archives.
    package var unresolved: [Revisit] = []

    /// A `revisit` record: the payload fetched at `date` from `uri` was the one with `digest`.
    package struct Revisit: Sendable, Hashable {
        package var source: String
        package var uri: String
        package var date: String?
        package var digest: String?

        /// The page the revisit stands for, with the payload and headers of the original.
        func page(_ original: HTTPResponseBlock) -> SourcePage {
            WARCPages.page(source: source, uri: uri, date: date, original.headers, original.body)
        }
    }

    static let htmlTypes = ["text/html", "application/xhtml+xml"]
    /// How many pages `scan` hands over at a time.
    static let batchSize = 32

    /// Whether a file is a WARC by its name.
    package static func isArchive(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".warc") || lower.hasSuffix(".warc.gz")
    }

    /// Streams the pages of the WARC at `url`, named `name` in sources, to `deliver` in batches
    /// (file order, revisits last). Pages later named in `replaced` are delivered too: which
    /// fetch of a URL wins is known only at the end.
    package static func scan(_ url: URL, name: String, deliver: ([SourcePage]) -> Void) -> WARCPages {
        var scanner = Scanner(name: name)
        guard let reader = try? WARCReader(path: url.path, keepBlock: { type, _ in type == "response" || type == "revisit" }) else {
            return WARCPages(problems: [GalleyError(.read, source: name, reason: "cannot read the archive")])
        }
        while let next = reader.next() { scanner.take(next, deliver) }
        scanner.flush(deliver)
        scanner.resolveRevisits(in: url, deliver)
        return scanner.finish()
    }

    /// The state of one scan.
    private struct Scanner {
        let name: String
        var result = WARCPages()
        var batch: [SourcePage] = []
        /// Each page's URL and fetch instant, in delivery order (which fetch wins).
        var fetches: [(source: String, uri: String, fetched: Date)] = []
        var revisits: [WARCRecord] = []
        /// Payload digests of the HTML pages read (what a revisit may refer to).
        var digests: Set<String> = []

        init(name: String) {
            self.name = name
        }

        mutating func take(_ next: Result<WARCRecord, WARCReader.Problem>, _ deliver: ([SourcePage]) -> Void) {
            switch next {
            case .failure(let problem):
                let uri = problem.uri.map { " (\($0))" } ?? ""
                result.problems.append(GalleyError(.read, source: "\(name)#\(problem.offset)", reason: problem.reason + uri))
            case .success(let record):
                guard let block = record.block, let uri = record.targetURI else { return }
                guard isWebURI(uri) else {
                    result.skipped["not http(s)", default: 0] += 1
                    return
                }
                let source = "\(name)#\(record.offset)"
                if let truncated = record.fields["warc-truncated"] {
                    result.problems.append(GalleyError(.read, source: source, reason: "the crawler truncated this record (WARC-Truncated: \(truncated)) (\(uri))"))
                    return
                }
                if record.type == "revisit" {
                    revisits.append(record)
                    return
                }
                guard let response = response(block, source: source, uri: uri) else { return }
                if let digest = record.payloadDigest { digests.insert(digest) }
                add(page(source: source, uri: uri, date: record.date, response.headers, response.body), deliver)
            }
        }

        /// The HTTP response of a record when it is a 200 HTML page; otherwise nil, counted or
        /// reported.
        mutating func response(_ block: [UInt8], source: String, uri: String) -> HTTPResponseBlock? {
            let response: HTTPResponseBlock
            do throws(HTTPResponseBlock.Failure) {
                response = try HTTPResponseBlock.parse(block, source: source)
            } catch {
                result.problems.append(GalleyError(.read, source: source, reason: "the HTTP response cannot be read: \(error) (\(uri))"))
                return nil
            }
            guard response.status == 200 else {
                result.skipped["\(response.status / 100)xx", default: 0] += 1
                return nil
            }
            return isHTML(response.headers["content-type"]) ? response : nil
        }

        mutating func add(_ page: SourcePage, _ deliver: ([SourcePage]) -> Void) {
            let fetched = page.sidecar?.fetchTimestamp?.date ?? .distantPast
            fetches.append((page.path, page.sidecar?.url ?? "", fetched))
            batch.append(page)
            if batch.count >= WARCPages.batchSize { flush(deliver) }
        }

        mutating func flush(_ deliver: ([SourcePage]) -> Void) {
            guard !batch.isEmpty else { return }
            deliver(batch)
            batch.removeAll(keepingCapacity: true)
        }

        /// A second pass over the file gives each revisit the payload of the response with its
        /// digest (a revisit's own block has headers only); a revisit of a payload the file does
        /// not have is left `unresolved`. Only responses are looked up, so revisits that point
        /// at each other resolve to nothing, never to a loop.
        mutating func resolveRevisits(in url: URL, _ deliver: ([SourcePage]) -> Void) {
            let all = revisits.map { Revisit(source: "\(name)#\($0.offset)", uri: $0.targetURI ?? "", date: $0.date, digest: $0.payloadDigest) }
            let wanted = Dictionary(grouping: all.filter { $0.digest.map(digests.contains) == true }) { $0.digest ?? "" }
            result.unresolved = all.filter { $0.digest.map(wanted.keys.contains) != true }
            guard !wanted.isEmpty else { return }
            WARCPages.payloads(in: url, name: name, digests: Set(wanted.keys)) { digest, original in
                for revisit in wanted[digest] ?? [] { add(revisit.page(original), deliver) }
            }
            flush(deliver)
        }

        /// The latest fetch of each URL wins (ties, to the second: the later record). Dates are
        /// compared as instants, not as text, whatever offset a writer used.
        mutating func finish() -> WARCPages {
            var winner: [String: Int] = [:]
            for (index, fetch) in fetches.enumerated() {
                if let other = winner[fetch.uri], fetches[other].fetched > fetch.fetched {
                    result.replaced[fetch.source] = fetches[other].source
                    continue
                }
                if let other = winner[fetch.uri] { result.replaced[fetches[other].source] = fetch.source }
                winner[fetch.uri] = index
            }
            // A page replaced early may name a page that was itself replaced later: name the final winner.
            for (loser, kept) in result.replaced {
                var final = kept
                while let next = result.replaced[final] { final = next }
                result.replaced[loser] = final
            }
            return result
        }
    }

    /// The first 200 HTML response of each payload digest in `digests`, in a pass over the
    /// WARC at `url` that keeps only those blocks.
    static func payloads(in url: URL, name: String, digests: Set<String>, found: (String, HTTPResponseBlock) -> Void) {
        guard !digests.isEmpty, let reader = try? WARCReader(path: url.path, keepBlock: { type, fields in
            type == "response" && fields["warc-payload-digest"].map(digests.contains) == true
        }) else { return }
        var resolved: Set<String> = []
        while let next = reader.next() {
            guard case .success(let record) = next, let digest = record.payloadDigest, let block = record.block,
                  !resolved.contains(digest),
                  let original = try? HTTPResponseBlock.parse(block, source: "\(name)#\(record.offset)"),
                  original.status == 200, isHTML(original.headers["content-type"]) else { continue }
            resolved.insert(digest)
            found(digest, original)
            if resolved.count == digests.count { return }
        }
    }

    static func page(source: String, uri: String, date: String?, _ headers: [String: String], _ body: [UInt8]) -> SourcePage {
        SourcePage(path: source, bytes: body, sidecar: SourceSidecar(url: uri, fetchedAt: date, headers: headers))
    }

    static func isWebURI(_ uri: String) -> Bool {
        let lower = uri.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    static func isHTML(_ contentType: String?) -> Bool {
        guard let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return htmlTypes.contains(type)
    }
}
