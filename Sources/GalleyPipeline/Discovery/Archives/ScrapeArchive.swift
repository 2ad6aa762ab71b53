import Foundation
import GalleyCore

/// A scraper's archive in the content folder: a WARC (`.warc`, `.warc.gz`) or a WACZ (a zip of
/// WARCs, `.wacz`). Its pages are named `FILE#offset` (`crawl.warc.gz#1234`), and in a WACZ
/// `FILE#ENTRY#offset` (`site.wacz#archive/data.warc.gz#1234`).
package enum ScrapeArchive {
    /// Whether a file is an archive by its name.
    package static func isArchive(_ path: String) -> Bool {
        WARCPages.isArchive(path) || isWACZ(path)
    }

    static func isWACZ(_ path: String) -> Bool { path.lowercased().hasSuffix(".wacz") }

    /// Streams the pages of the archive at `url`, named `name` in sources, to `deliver` in
    /// batches (see `WARCPages.scan`); a WACZ's WARCs one after the other.
    package static func scan(_ url: URL, name: String, deliver: ([SourcePage]) -> Void) -> WARCPages {
        guard isWACZ(name) else { return WARCPages.scan(url, name: name, deliver: deliver) }
        var total = WARCPages()
        let problems = WACZArchive.eachWARC(in: url, name: name) { warc, source in
            let part = WARCPages.scan(warc, name: source, deliver: deliver)
            total.problems += part.problems
            total.skipped.merge(part.skipped, uniquingKeysWith: +)
            total.replaced.merge(part.replaced) { first, _ in first }
            total.unresolved += part.unresolved
        }
        total.problems = problems + total.problems
        return total
    }

    /// Every winning page of an archive at once (`galley extract`); a revisit of a payload the
    /// archive does not have is a problem.
    package static func read(_ url: URL, name: String) -> WARCPages {
        var all: [SourcePage] = []
        var result = scan(url, name: name) { all += $0 }
        result.pages = all.filter { result.replaced[$0.path] == nil }
        result.problems += result.unresolved.map(unresolvedProblem)
        result.unresolved = []
        return result
    }

    static func unresolvedProblem(_ revisit: WARCPages.Revisit) -> GalleyError {
        GalleyError(.read, source: revisit.source, reason: "a revisit of a record that is not in this file (\(revisit.uri))")
    }

    /// The first 200 HTML response of each digest in `digests` (see `WARCPages.payloads`), in
    /// the archive at `url` (a WACZ: in each of its WARCs).
    static func payloads(in url: URL, name: String, digests: Set<String>, found: (String, HTTPResponseBlock) -> Void) {
        guard isWACZ(name) else { return WARCPages.payloads(in: url, name: name, digests: digests, found: found) }
        var left = digests
        _ = WACZArchive.eachWARC(in: url, name: name) { warc, source in
            guard !left.isEmpty else { return }
            WARCPages.payloads(in: warc, name: source, digests: left) { digest, original in
                left.remove(digest)
                found(digest, original)
            }
        }
    }

    /// The archive a record's source names (`crawl.warc.gz#1234` → `crawl.warc.gz`,
    /// `kabar.wacz#archive/data.warc.gz#1234` → `kabar.wacz`); nil for a source that is not a
    /// record of an archive (a page whose own name has a `#`). An archive's own name may hold
    /// a `#` too: the first `#` after which the rest names a record decides.
    package static func archivePath(ofRecord source: String) -> String? {
        // Searched as bytes (`#` is ASCII): most sources have none, and this runs for every
        // article's images on every build.
        guard let last = lastHash(in: source), isOffset(source[source.index(after: last)...]) else { return nil }
        var index = source.startIndex
        while let hash = source[index...].firstIndex(of: "#") {
            let archive = String(source[..<hash])
            if hash == last ? WARCPages.isArchive(archive) : isWACZ(archive) && WARCPages.isArchive(String(source[source.index(after: hash)..<last])) {
                return archive
            }
            if hash == last { return nil }
            index = source.index(after: hash)
        }
        return nil
    }

    /// The position of the last `#` byte, searched in the string's contiguous bytes where it
    /// has them (a generic walk of the UTF-8 view was most of the time this took).
    private static func lastHash(in source: String) -> String.Index? {
        let utf8 = source.utf8
        guard let found = utf8.withContiguousStorageIfAvailable({ $0.lastIndex(of: UInt8(ascii: "#")) }) else {
            return utf8.lastIndex(of: UInt8(ascii: "#"))
        }
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    private static func isOffset(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
