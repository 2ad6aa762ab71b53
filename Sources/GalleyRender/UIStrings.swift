/// The words of one language the theme shows (`templates/strings/<language>.yml`).
public struct StringTable: Sendable, Hashable {
    /// Key → text, as the templates use them (`{{strings.published}}`).
    public var words: [String: String]
    /// January first.
    public var months: [String]
    /// Sunday first.
    public var weekdays: [String]

    /// Creates a table.
    public init(words: [String: String], months: [String], weekdays: [String]) {
        self.words = words
        self.months = months
        self.weekdays = weekdays
    }
}

/// The UI words for the site language: the table for the full language tag (`id-ID`), else for
/// its primary subtag (`id`), else English; keys missing there come from English.
struct UIStrings: Sendable {
    let words: [String: String]
    let months: [String]
    let weekdays: [String]

    /// The language every theme must provide.
    static let fallbackLanguage = "en"

    init(language: String, tables: [String: StringTable]) {
        let lower = language.lowercased()
        let primary = String(lower.prefix { $0 != "-" && $0 != "_" })
        let english = tables[Self.fallbackLanguage] ?? StringTable(words: [:], months: [], weekdays: [])
        let chosen = tables[lower] ?? tables[primary] ?? english
        words = english.words.merging(chosen.words) { _, own in own }
        months = chosen.months.count == 12 ? chosen.months : english.months
        weekdays = chosen.weekdays.count == 7 ? chosen.weekdays : english.weekdays
    }

    subscript(key: String) -> String { words[key] ?? key }

    func month(_ number: Int) -> String { months.indices.contains(number - 1) ? months[number - 1] : String(number) }

    func weekday(_ number: Int) -> String { weekdays.indices.contains(number - 1) ? weekdays[number - 1] : "" }
}
