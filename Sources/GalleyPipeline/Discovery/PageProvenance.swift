import Foundation
import GalleyCore

/// Where a page without a sidecar came from, read from what the tool that saved it wrote into
/// it, or from where it lies in a mirror tree. Each source gives the page's URL and, when the
/// tool recorded it, the fetch time:
///
/// 1. the sidecar `NAME.json` (always first: whatever it says wins);
/// 2. a provenance comment near the top of the page (its first `headBytes`):
///    - SingleFile: `<!-- Page saved with SingleFile … url: URL … saved date: DATE -->`, the
///      date as JavaScript writes it (`Sat Dec 05 2026 10:00:00 GMT+0700 (…)`);
///    - HTTrack: `<!-- Mirrored from HOST/PATH by HTTrack Website Copier/3.x […], DATE -->`,
///      an HTTP date; HTTrack leaves the scheme out, which is taken as `https`;
///    - a browser's "save page as" (the mark of the web): `<!-- saved from url=(NNNN)URL -->`,
///      `NNNN` the URL's length; no date;
/// 3. with `mirror_urls: auto`, the path of a page in a mirror tree whose first folder is a
///    host name (`wget -m`, HTTrack: `news.example.org/2026/10/a.html` →
///    `https://news.example.org/2026/10/a.html`, `…/index.html` → the folder's URL; a host with
///    a port, as wget names a local server's folder, is taken as `http`). No fetch time.
///
/// Only `http` and `https` URLs are taken; a comment naming anything else is ignored.
enum PageProvenance {
    /// How far into a page the comments are looked for (the tools write them before `<head>`
    /// or at its start).
    static let headBytes = 8192

    /// The sidecar with its missing `url` and `fetched_at` filled in from the page's comments,
    /// then from its path; nil when none of them says anything.
    static func complete(_ sidecar: SourceSidecar?, bytes: [UInt8], path: String, mirrorURLs: Bool) -> SourceSidecar? {
        var result = sidecar ?? SourceSidecar()
        if result.url == nil || result.fetchedAt == nil, let saved = comment(in: bytes) {
            result.url = result.url ?? saved.url
            result.fetchedAt = result.fetchedAt ?? saved.fetchedAt
        }
        if result.url == nil, mirrorURLs { result.url = mirrorURL(forPath: path) }
        return result == SourceSidecar() ? sidecar : result
    }

    // MARK: Comments

    /// The URL and fetch time a provenance comment at the top of the page records.
    /// The comments are found in the bytes; only one that names a saving tool is made a String
    /// (every page is looked at, and most have none).
    static func comment(in bytes: [UInt8]) -> SourceSidecar? {
        bytes.withUnsafeBufferPointer { whole in
            let head = UnsafeBufferPointer(rebasing: whole.prefix(headBytes))
            var from = 0
            while let open = ByteSearch.firstOffset(of: commentOpen, in: head, from: from) {
                let start = open + commentOpen.count
                guard let close = ByteSearch.firstOffset(of: commentClose, in: head, from: start) else { return nil }
                if toolMarks.contains(where: { ByteSearch.contains($0, in: head, range: start..<close) }) {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: head[start..<close]), as: UTF8.self)[...]
                    if let found = singleFile(text) ?? httrack(text) ?? markOfTheWeb(text) { return found }
                }
                from = close + commentClose.count
            }
            return nil
        }
    }

    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)

    /// Words one of the comments read below must hold.
    private static let toolMarks = ["SingleFile", "HTTrack", "saved from url="].map { Array($0.utf8) }

    /// ` Page saved with SingleFile \n url: URL \n saved date: DATE`
    static func singleFile(_ text: Substring) -> SourceSidecar? {
        guard text.contains("saved with SingleFile") else { return nil }
        var url: String?
        var fetched: String?
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("url:") { url = webURL(String(trimmed.dropFirst(4)).trimmingCharacters(in: .whitespaces)) }
            if trimmed.hasPrefix("saved date:") { fetched = javaScriptDate(String(trimmed.dropFirst(11)))?.rfc3339 }
        }
        return url.map { SourceSidecar(url: $0, fetchedAt: fetched) }
    }

    /// ` Mirrored from HOST/PATH by HTTrack Website Copier/3.x [XR&CO'2014], DATE `
    static func httrack(_ text: Substring) -> SourceSidecar? {
        guard let from = text.range(of: "Mirrored from "), let by = text.range(of: " by HTTrack", range: from.upperBound..<text.endIndex)
        else { return nil }
        let location = text[from.upperBound..<by.lowerBound].trimmingCharacters(in: .whitespaces)
        let hasScheme = location.hasPrefix("http://") || location.hasPrefix("https://")
        guard let url = webURL(hasScheme ? location : "https://" + location) else { return nil }
        var fetched: String?
        if let comma = text[by.upperBound...].firstIndex(of: ",") {
            let date = text[text.index(after: comma)...].trimmingCharacters(in: .whitespacesAndNewlines)
            fetched = Timestamp.parseHTTPDate(date)?.rfc3339
        }
        return SourceSidecar(url: url, fetchedAt: fetched)
    }

    /// ` saved from url=(0043)https://…` — the length in brackets must be the URL's.
    static func markOfTheWeb(_ text: Substring) -> SourceSidecar? {
        guard let mark = text.range(of: "saved from url=("), let close = text[mark.upperBound...].firstIndex(of: ")"),
              let length = Int(text[mark.upperBound..<close]), length > 0 else { return nil }
        let after = text[text.index(after: close)...]
        let raw = String(after.prefix { !$0.isWhitespace })
        guard raw.utf8.count == length, let url = webURL(raw) else { return nil }
        return SourceSidecar(url: url)
    }

    /// An absolute `http(s)` URL, as `URLPolicy` keeps it; nil for anything else.
    static func webURL(_ raw: String) -> String? {
        guard raw.lowercased().hasPrefix("http://") || raw.lowercased().hasPrefix("https://") else { return nil }
        return URLPolicy.safeURL(raw, base: nil)
    }

    /// `Sat Dec 05 2026 10:00:00 GMT+0700 (Western Indonesia Time)`: JavaScript's
    /// `Date.prototype.toString`, which SingleFile writes.
    static func javaScriptDate(_ text: String) -> Timestamp? {
        let words = text.split(separator: " ")
        guard words.count >= 6, let month = months.firstIndex(of: String(words[1].prefix(3)).lowercased()),
              let day = Int(words[2]), let year = Int(words[3]), words[5].hasPrefix("GMT") else { return nil }
        let zone = words[5].dropFirst(3)
        guard zone.count == 5, let sign = zone.first, sign == "+" || sign == "-",
              let hours = Int(zone.dropFirst().prefix(2)), let minutes = Int(zone.suffix(2)) else { return nil }
        let offset = (sign == "-" ? "-" : "+") + Timestamp.pad(hours) + ":" + Timestamp.pad(minutes)
        return Timestamp.parseISO8601("\(Timestamp.pad(year, width: 4))-\(Timestamp.pad(month + 1))-\(Timestamp.pad(day))T\(words[4])\(offset)")
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    // MARK: Mirror trees

    /// The URL a mirror tree's layout gives a page: its first folder must be a host name
    /// (`news.example.org`, `127.0.0.1:8000`); nil otherwise.
    static func mirrorURL(forPath path: String) -> String? {
        var parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 2, let host = parts.first, isHostName(host) else { return nil }
        if let last = parts.last, last.hasSuffix(".gz") { parts[parts.count - 1] = String(last.dropLast(3)) }
        if parts.last == "index.html" || parts.last == "index.htm" { parts[parts.count - 1] = "" }
        let scheme = host.contains(":") ? "http" : "https"
        return webURL(scheme + "://" + parts.joined(separator: "/"))
    }

    /// A DNS name with a dot and an alphabetic top-level label, or an IPv4 address, either with an
    /// optional `:port`.
    static func isHostName(_ text: String) -> Bool {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let name = pieces.first, !name.isEmpty, name.count <= 253 else { return false }
        if pieces.count == 2 { guard let port = Int(pieces[1]), (1...65535).contains(port) else { return false } }
        let labels = name.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        if labels.count == 4, labels.allSatisfy({ Int($0).map { (0...255).contains($0) } == true }) { return true }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.allSatisfy(allowed.contains), label.first != "-", label.last != "-" else { return false }
        }
        guard let top = labels.last else { return false }
        return top.count >= 2 && top.allSatisfy(\.isLetter)
    }
}
