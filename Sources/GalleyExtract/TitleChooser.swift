/// Chooses the article title from what the page offers, in order of trust: the structured title
/// (JSON-LD `headline`, Dublin Core, OpenGraph, other meta), else the `<title>` (cut by
/// `DocumentTitle`), else the first `<h1>`.
///
/// Two rules apply to whichever source wins:
/// 1. A segment at the end, behind a separator (`ExtractionHeuristics.titleSeparators`), that
///    names the site (`SiteIdentity.isNamed(by:)`) goes: "Junge Lenker schrotten Corvette -
///    Telebasel"; so does a segment at the start that is exactly the site's name ("ORF | …").
/// 2. The headline on the page wins when it and the chosen title agree loosely: the title is
///    the `<h1>` plus a few words (a kicker, an author, a site name the first rule did not know).
///    Loosely (`headlineAgreement`): that share of the `<h1>`'s words are in the title, and
///    they make more than half of the title's words. A re-worded title (each has words the
///    other lacks) or an `<h1>` that adds words (a kicker inside the heading) leaves the title.
/// A title that only names the site is no title.
struct TitleChooser {
    let heuristics: ExtractionHeuristics
    let site: SiteIdentity

    func choose(structured: String?, documentTitle: String?, headings: [(level: String, text: String)]) -> String? {
        // No real title is this long; such a value is taken as it is, not cut or compared.
        if let first = structured ?? documentTitle, first.utf8.count > heuristics.maximumTitleBytes { return first }
        let h1s = headings.filter { $0.level == "h1" }.map(\.text).filter { !$0.isEmpty && !site.isNamed(by: $0) }
        // The `<title>` is only cut when the structured title does not serve.
        let candidates: [() -> String?] = [
            { structured.map(withoutSiteAffixes) },
            { documentTitle.map { withoutSiteAffixes(DocumentTitle.clean($0, headings: headings, separators: heuristics.titleSeparators)) } },
        ]
        for candidate in candidates.lazy.compactMap({ $0() }) where !candidate.isEmpty && !site.isExactly(candidate) {
            return h1s.lazy.compactMap { preferredHeadline($0, over: candidate) }.first ?? candidate
        }
        return h1s.first
    }

    /// The title without separator-delimited segments at either end that name the site.
    func withoutSiteAffixes(_ title: String) -> String {
        var segments = DocumentTitle.segments(of: title, separators: heuristics.titleSeparators)
        while segments.count > 1, let last = segments.last, site.isNamed(by: last.text) { segments.removeLast() }
        while segments.count > 1, let first = segments.first, site.isExactly(first.text) { segments.removeFirst() }
        return DocumentTitle.joined(segments)
    }

    /// The `<h1>` when it should replace `title` (rule 2), else nil.
    func preferredHeadline(_ headline: String, over title: String) -> String? {
        let headlineWords = Self.wordSet(headline)
        let titleWords = Self.wordSet(title)
        guard !headlineWords.isEmpty, !titleWords.isEmpty, headlineWords != titleWords else { return nil }
        let shared = Double(headlineWords.intersection(titleWords).count)
        let inTitle = shared / Double(headlineWords.count)
        let headlineCount = Self.words(headline).count
        let titleCount = Self.words(title).count
        return inTitle >= heuristics.headlineAgreement && headlineCount * 2 > titleCount && headlineCount <= titleCount ? headline : nil
    }

    static func wordSet(_ text: String) -> Set<String> { Set(words(text)) }

    static func words(_ text: String) -> [String] {
        FastText.lowercased(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
