import Foundation

/// Who publishes a page: its site names (`og:site_name`, `application-name`, the JSON-LD
/// publisher and organisation names) and the labels of its host (`www.telebasel.ch` →
/// `telebasel`). Titles lose a segment that names the site; bylines that name it are no person.
struct SiteIdentity {
    /// Site names, folded (`SiteIdentity.folded`).
    private(set) var names: [String] = []
    /// Site names as runs of words (`SiteIdentity.wordRun`), for containment on word boundaries.
    private(set) var nameRuns: [String] = []
    /// The host's distinctive labels, folded: the registered name and any sub-domain other than
    /// `www`, `m`, `amp` (`wien.orf.at` → `wien`, `orf`); labels shorter than 3 characters are left out.
    private(set) var hostLabels: [String] = []
    /// The whole host without `www.`, folded (`orf.at` → `orfat`).
    private(set) var host: String?

    init(names: [String], url: String?, heuristics: ExtractionHeuristics) {
        let names = names.filter { Self.canBeSiteName($0, heuristics: heuristics) }
        self.names = names.map(Self.folded).filter { $0.count >= 2 }
        nameRuns = names.map(Self.wordRun).filter { $0.count >= 4 }
        guard let host = url.flatMap({ URL(string: $0)?.host?.lowercased() }) else { return }
        var labels = host.split(separator: ".").map(String.init)
        if labels.first == "www" { labels.removeFirst() }
        self.host = Self.folded(labels.joined(separator: "."))
        let generic: Set<String> = ["www", "m", "amp", "com", "co", "org", "net", "blogspot", "wordpress", "hypotheses"]
        hostLabels = labels.dropLast().filter { $0.count >= 3 && !generic.contains($0) }.map(Self.folded)
    }

    /// Whether `text` names the site: it equals a site name or the host, or it contains the
    /// host's registered name (`Rezept von Backen.de`, `Lady 50plus` on lady50plus.de), or a
    /// (four or more letters)
    /// site name contains it (`TAG24` in `TAG24 News`), word for word.
    func isNamed(by text: String) -> Bool {
        let folded = Self.folded(text)
        guard folded.count >= 2 else { return false }
        // Only a short text can name a site; a headline mentioning it does not.
        guard (text.split(whereSeparator: \.isWhitespace).count <= 4 && folded.count <= 40) || isExactly(text) else { return false }
        if names.contains(folded) { return true }
        let run = Self.wordRun(text)
        if folded.count >= 4, nameRuns.contains(where: { $0.contains(run) || run.contains($0) }) { return true }
        if let host, folded == host || folded.contains(host) { return true }
        return hostLabels.contains { label in label.count >= 4 && folded.contains(label) }
    }

    /// A site's name is short: pages that put their headline in `application-name` do not name
    /// the site with it.
    static func canBeSiteName(_ text: String, heuristics: ExtractionHeuristics) -> Bool {
        text.split(whereSeparator: \.isWhitespace).count <= heuristics.maximumSiteNameWords
    }

    /// Whether `text` is exactly a site name, the host or one of its labels (folded).
    func isExactly(_ text: String) -> Bool {
        let folded = Self.folded(text)
        return !folded.isEmpty && (names.contains(folded) || folded == host || hostLabels.contains(folded))
    }

    /// The lower-cased words of a text between spaces (`Battery-News.de` → ` battery news de `).
    static func wordRun(_ text: String) -> String {
        " " + text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ") + " "
    }

    /// Lower-cased letters and digits only (`Battery-News.de` → `batterynewsde`).
    static func folded(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
