import Foundation
import GalleyCore

/// The same story scraped twice is published once: two scraped pages are duplicates when they
/// name the same canonical URL, or when their bodies are near-identical (at least
/// `nearIdenticalJaccard` of their five-word shingles shared) under different URLs. The newest
/// fetch wins; ties go to the later record of an archive, else to the first path.
///
/// Near-identical bodies are found without comparing every pair: each body gets a MinHash
/// signature, split into bands; only pages that share a band are compared exactly. The band
/// keys are made once, when a page is extracted (`bandKeys(ofBody:)`), and kept with its
/// document in the build state: a build reads a page's body again only to compare it with a
/// page that shares a band (re-reading and re-shingling every body was 72% of a one-page build
/// of 1,042 pages).
enum DuplicateFilter {
    /// Shingles shared (Jaccard index) from which two bodies count as the same story.
    static let nearIdenticalJaccard = 0.9
    /// Bodies shorter than this many words are only matched by URL (short notices look alike).
    static let minimumWords = 60
    static let shingleWords = 5
    /// Bodies are compared on their first 64 KB (about 9,000 words, more than any news story):
    /// a 50 MB page costs no more to compare than a long article.
    static let comparedBytes = 64 * 1024
    static let bands = 8
    static let rowsPerBand = 2

    /// One page that could be a duplicate.
    struct Candidate {
        var document: DocumentHead
        var fetched: Date
    }

    /// A page left out because another page is the same story.
    struct Duplicate: Sendable, Hashable, Codable {
        var kept: String
        var dropped: String
        /// "same canonical URL" or "near-identical body".
        var reason: String
    }

    /// Candidates' band keys read back from the build state at once (in the order they are compared).
    static let bandsReadAtOnce = 4096

    /// The candidates to keep (in their original order) and the duplicates left out. `bands`
    /// gives the band keys of a batch of candidates by source path (`bandKeys(ofBody:)`, kept
    /// in the build state; a candidate without any is too short to match), `bodies` the bodies
    /// of the few that share a band with an earlier one, to compare them (a body that cannot
    /// be read compares as empty).
    static func filter(_ candidates: [Candidate], bands: ([String]) -> [String: [Int]],
                       bodies: ([String]) -> [String: String]) -> (kept: [Candidate], duplicates: [Duplicate]) {
        let order = candidates.indices.sorted { lhs, rhs in
            let (a, b) = (candidates[lhs], candidates[rhs])
            return a.fetched != b.fetched ? a.fetched > b.fetched : winsTie(a.document.source, over: b.document.source)
        }
        var byURL: [String: Int] = [:]
        var buckets: [Int: [Int]] = [:]
        var shingles: [Int: Set<UInt64>] = [:]
        func shinglesOf(_ index: Int) -> Set<UInt64> {
            if let known = shingles[index] { return known }
            let source = candidates[index].document.source
            let made = shingleSet(bodies([source])[source] ?? "")
            shingles[index] = made
            return made
        }
        var dropped: [Int: Duplicate] = [:]
        var read: [String: [Int]] = [:]
        for (position, index) in order.enumerated() {
            if position % bandsReadAtOnce == 0 {
                read = bands(order[position..<min(position + bandsReadAtOnce, order.count)].map { candidates[$0].document.source })
            }
            let document = candidates[index].document
            if let url = document.frontMatter.sourceURL.map(canonical), let winner = byURL[url] {
                dropped[index] = Duplicate(kept: candidates[winner].document.source, dropped: document.source, reason: "same canonical URL")
                continue
            }
            if let keys = read[document.source] {
                let sharing = Set(keys.flatMap { buckets[$0] ?? [] }).sorted()
                if let match = sharing.first(where: { jaccard(shinglesOf(index), shinglesOf($0)) >= nearIdenticalJaccard }) {
                    dropped[index] = Duplicate(kept: candidates[match].document.source, dropped: document.source, reason: "near-identical body")
                    continue
                }
                for key in keys { buckets[key, default: []].append(index) }
            }
            if let url = document.frontMatter.sourceURL.map(canonical) { byURL[url] = index }
        }
        let kept = candidates.indices.filter { dropped[$0] == nil }.map { candidates[$0] }
        return (kept, dropped.values.sorted { $0.dropped < $1.dropped })
    }

    /// Between two pages fetched at the same time: of two records of one archive the later
    /// record (a crawler writes in fetch order, and WARC dates have whole seconds); otherwise
    /// the first path.
    static func winsTie(_ source: String, over other: String) -> Bool {
        if let archive = ScrapeArchive.archivePath(ofRecord: source), archive == ScrapeArchive.archivePath(ofRecord: other),
           let hash = source.lastIndex(of: "#"), let otherHash = other.lastIndex(of: "#"),
           source[..<hash] == other[..<otherHash], let offset = Int64(source[source.index(after: hash)...]),
           let otherOffset = Int64(other[other.index(after: otherHash)...]) {
            return offset > otherOffset
        }
        return source < other
    }

    /// A URL without fragment, trailing slash, `www.` and case differences in scheme and host.
    static func canonical(_ url: String) -> String {
        var text = url.trimmingCharacters(in: .whitespaces)
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        guard var parts = URLComponents(string: text) else { return text }
        parts.scheme = (parts.scheme?.lowercased()).map { $0 == "http" ? "https" : $0 }
        parts.host = parts.host?.lowercased()
        if parts.host?.hasPrefix("www.") == true { parts.host = String(parts.host!.dropFirst(4)) }
        if parts.path.count > 1, parts.path.hasSuffix("/") { parts.path.removeLast() }
        return parts.string ?? text
    }

    /// A key that URLs with the same `canonical` form always share, made without parsing the
    /// URL (`canonical` costs about 8 µs; a build that adds one page compares it with 10,000):
    /// the last segment of the path, percent escapes decoded (an encoded `/` separates), with
    /// only its ASCII letters (lower-cased) and digits kept; empty when the path has no segment.
    /// Different URLs may share it too: it only says which URLs are worth making canonical.
    static func urlKey(_ url: String) -> String {
        // Trimmed as `canonical` trims: a space after a trailing slash would be a segment.
        var text = Substring(url.trimmingCharacters(in: .whitespaces))
        if let end = text.firstIndex(where: { $0 == "#" || $0 == "?" }) { text = text[..<end] }
        if let scheme = text.range(of: "://") {
            guard let slash = text[scheme.upperBound...].firstIndex(of: "/") else { return "" }
            text = text[slash...]
        }
        let path = decodingEscapes(Array(text.utf8))
        let segments = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        guard let last = segments.last else { return "" }
        var key: [UInt8] = []
        for byte in last {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): key.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): key.append(byte + 32)
            default: continue
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// `bytes` with each `%XX` escape replaced by its byte (a `%` not followed by two hex
    /// digits is left as it is).
    private static func decodingEscapes(_ bytes: [UInt8]) -> [UInt8] {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, let high = HexDigit.value(of: bytes[index + 1]),
               let low = HexDigit.value(of: bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return decoded
    }

    /// Hashes of every run of `shingleWords` words (letters and digits, lower-cased) in the
    /// first `comparedBytes` of the body, pictures inlined as `data:` URIs left out (their
    /// base64 is not words: two stories showing the same inlined picture would look alike).
    static func shingleSet(_ markdown: String) -> Set<UInt64> {
        let compared = withoutDataURIs(markdown, limit: comparedBytes)
        let words = compared.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard words.count >= shingleWords else { return [] }
        var result = Set<UInt64>()
        result.reserveCapacity(words.count)
        for start in 0...(words.count - shingleWords) {
            var hasher = StableHasher()
            for word in words[start..<(start + shingleWords)] { hasher.combine(String(word)) }
            result.insert(hasher.value)
        }
        return result
    }

    /// The band keys of a scraped page's body, made when it is extracted and kept with its
    /// document; nil when the body is too short to be matched but by its URL.
    static func bandKeys(ofBody body: String) -> [Int]? {
        let shingles = shingleSet(body)
        return shingles.count >= minimumWords - shingleWords + 1 ? bandKeys(shingles) : nil
    }

    /// The first `limit` bytes of `markdown` without its pictures' `data:` URIs and the names
    /// the build gives them (`InlinePicture`: from `data:image/` or `inline-picture:` to the
    /// next `)`, blank or quote: how a URL ends in a Markdown image). The body is read in place
    /// and no further than the text kept needs: a 50 MB body is neither copied nor scanned to
    /// its end.
    static func withoutDataURIs(_ markdown: String, limit: Int = .max) -> String {
        let markers = [Array("data:image/".utf8), Array(InlinePicture.scheme.utf8)]
        var body = markdown
        return body.withUTF8 { buffer -> String in
            if buffer.count <= limit, markers.allSatisfy({ ByteSearch.firstOffset(of: $0, in: buffer) == nil }) { return markdown }
            var kept: [UInt8] = []
            var position = 0
            while kept.count < limit, position < buffer.count {
                let remaining = limit - kept.count
                // A marker that starts past the bytes still wanted does not matter.
                let next = markers.compactMap { marker -> (offset: Int, length: Int)? in
                    let searched = UnsafeBufferPointer(rebasing: buffer[position..<min(buffer.count, position + min(remaining, buffer.count) + marker.count)])
                    return ByteSearch.firstOffset(of: marker, in: searched).map { (position + $0, marker.count) }
                }.min { $0.offset < $1.offset }
                let textEnd = min(next?.offset ?? buffer.count, position + min(remaining, buffer.count - position))
                kept += buffer[position..<textEnd]
                guard let next, textEnd == next.offset else { break }
                var end = next.offset + next.length
                while end < buffer.count, buffer[end] != UInt8(ascii: ")"), buffer[end] > 0x20, buffer[end] != UInt8(ascii: "\"") { end += 1 }
                position = end
            }
            return String(decoding: kept, as: UTF8.self)
        }
    }

    /// One key per band of the MinHash signature.
    static func bandKeys(_ shingles: Set<UInt64>) -> [Int] {
        let signature = (0..<(bands * rowsPerBand)).map { seed in
            shingles.lazy.map { mix($0 ^ UInt64(seed) &* 0x9E37_79B9_7F4A_7C15) }.min() ?? 0
        }
        return (0..<bands).map { band in
            var hasher = StableHasher()
            hasher.combine(band)
            for row in 0..<rowsPerBand { hasher.combine(String(signature[band * rowsPerBand + row])) }
            return Int(truncatingIfNeeded: hasher.value)
        }
    }

    static func jaccard(_ lhs: Set<UInt64>, _ rhs: Set<UInt64>) -> Double {
        guard !lhs.isEmpty || !rhs.isEmpty else { return 0 }
        let shared = lhs.count < rhs.count ? lhs.filter(rhs.contains).count : rhs.filter(lhs.contains).count
        return Double(shared) / Double(lhs.count + rhs.count - shared)
    }

    /// A 64-bit finaliser (splitmix64) so each seed gives an independent permutation.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
