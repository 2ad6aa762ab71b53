import Foundation
import GalleyCore

/// Turns what a page offers as its author into a byline of people, or nothing.
///
/// Rules, in order (the word lists are `ExtractionHeuristics` knobs):
/// 1. Labels and furniture go: a leading "By", "Von", "Posted by", "Autor:" (`bylineLabels`
///    and `bylinePrefixes`),
///    e-mail addresses and web addresses, separators at either end ("/ Cory Doctorow /").
/// 2. What is left is no person when it is empty or a bare label, a placeholder ("admin",
///    "Unknown", "Name (erforderlich)": `placeholderBylines`), a comment author ("Harm Otten
///    sagt": `commentVerbs`), an organisation ("… GmbH": `organisationWords`), or the site
///    itself (`SiteIdentity`: "telebasel", "ORF.at", a publisher named in the metadata).
/// 3. "Gillman, Steve" (one comma between two single words, or a name and initials: "Kooman,
///    F.") becomes "Steve Gillman". Other credits in the line go ("… Edited by …").
/// 4. Several authors are kept, each cleaned by these rules; in a list of several, an entry of
///    one word is a place or a desk ("London"), not a person, when another entry has two words.
struct BylineCleaner {
    let heuristics: ExtractionHeuristics
    let site: SiteIdentity
    /// Every label, longest first (so "words by" goes before "by").
    let labels: [String]

    init(heuristics: ExtractionHeuristics, site: SiteIdentity) {
        self.heuristics = heuristics
        self.site = site
        // Each label's length counted once, not at every comparison.
        labels = Array(Set(heuristics.bylineLabels + heuristics.bylinePrefixes)).map { ($0.count, $0) }.sorted { $0 > $1 }.map(\.1)
    }

    /// The cleaned byline of one candidate, nil when it names no person.
    func clean(_ raw: String) -> String? {
        guard !isCommentAuthor(raw) else { return nil }
        let authors = raw.components(separatedBy: ", ")
        if authors.count == 2, let inverted = Self.inverted(authors) { return person(inverted) }
        guard authors.count > 1 else { return person(raw) }
        return list(authors)
    }

    /// Several authors (JSON-LD lists, "A, B"): each cleaned, places and desks left out.
    func list(_ authors: [String]) -> String? {
        var people = authors.compactMap(person)
        if people.contains(where: { $0.split(separator: " ").count >= 2 }) {
            people = people.filter { $0.split(separator: " ").count >= 2 }
        } else if people.count > 1 {
            return nil
        }
        var seen = Set<String>()
        people = people.filter { seen.insert($0.lowercased()).inserted }
        return people.isEmpty ? nil : people.joined(separator: ", ")
    }

    /// One author's name, or nil when it is not a person (rules 1 and 2).
    func person(_ raw: String) -> String? {
        guard !heuristics.placeholderBylines.contains(Whitespace.collapsed(raw).lowercased()), !isCommentAuthor(raw) else { return nil }
        var text = Whitespace.collapsed(raw)
        text = text.split(separator: " ").filter { !$0.contains("@") && !$0.lowercased().hasPrefix("http") && !$0.hasPrefix("www.") }
            .joined(separator: " ")
        text = Self.trimmed(text)
        text = withoutPrefix(text)
        text = beforeOtherCredits(text)
        text = Self.trimmed(text)
        let lower = text.lowercased()
        guard !text.isEmpty, !heuristics.placeholderBylines.contains(lower),
              !labels.contains(lower) else { return nil }
        let words = lower.split(separator: " ").map(String.init)
        if words.contains(where: heuristics.organisationWords.contains) { return nil }
        if site.isNamed(by: text) { return nil }
        return text
    }

    /// "Rob Ewaschuk Edited by Betsy Beyer" → "Rob Ewaschuk": other credits in the same line go.
    private func beforeOtherCredits(_ text: String) -> String {
        let lower = text.lowercased()
        let cut = heuristics.otherCreditLabels.compactMap { lower.range(of: " " + $0) }.map(\.lowerBound).min()
        guard let cut, cut > lower.startIndex else { return text }
        return String(text[..<text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: cut))])
    }

    /// "Harm Otten sagt:", "stephangoeldi said, on": a commenter's line.
    func isCommentAuthor(_ raw: String) -> Bool {
        let words = raw.lowercased().split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: .punctuationCharacters) }
        guard let last = words.last else { return false }
        if heuristics.commentVerbs.contains(last) { return true }
        return words.count > 2 && heuristics.commentVerbTrailers.contains(last) && heuristics.commentVerbs.contains(words[words.count - 2])
    }

    /// The text without a leading label ("Posted by", "Veröffentlicht von"), also when the page
    /// ran the label into the name ("Veröffentlicht vonChris Jung").
    private func withoutPrefix(_ text: String) -> String {
        let lower = text.lowercased()
        for prefix in labels where lower.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            guard let next = rest.first else { return "" }
            if next == " " || next == ":" || next == "\u{00A0}" || (next.isUppercase && prefix.count > 4) {
                return Self.trimmed(String(rest))
            }
        }
        return text
    }

    /// "Gillman, Steve" → "Steve Gillman": two single capitalised words, the second no agency
    /// code (an all-capital word such as "AP").
    static func inverted(_ parts: [String]) -> String? {
        let family = parts[0].trimmingCharacters(in: .whitespaces)
        let given = parts[1].trimmingCharacters(in: .whitespaces)
        let initials = given.split(separator: " ").allSatisfy { $0.count == 2 && $0.first?.isUppercase == true && $0.last == "." }
        guard !family.contains(" "), family.count > 1, family.first?.isUppercase == true, family.contains(where: \.isLowercase),
              initials || (!given.contains(" ") && given.count > 1 && given.first?.isUppercase == true && given.contains(where: \.isLowercase))
        else { return nil }
        return "\(given) \(family)"
    }

    /// Without separators, quotes and spaces at either end.
    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .init(charactersIn: " \u{00A0}-–—|,·•:/;\"“”()[]*"))
    }
}
