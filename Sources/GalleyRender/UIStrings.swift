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

/// The UI words for one language: the table for the full language tag (`id-ID`), else for its
/// primary subtag (`id`), else English; keys missing there come from English.
struct UIStrings: Sendable {
    let words: [String: String]
    let months: [String]
    let weekdays: [String]
    /// The key of the table the words come from (`id`, `en`).
    let language: String
    /// The keys that table has itself (the others come from English).
    private let ownKeys: Set<String>

    /// The language every theme must provide.
    static let fallbackLanguage = "en"

    init(language: String, tables: [String: StringTable]) {
        let english = tables[Self.fallbackLanguage] ?? StringTable(words: [:], months: [], weekdays: [])
        let key = Self.tableKey(for: language) { tables[$0] != nil } ?? Self.fallbackLanguage
        let chosen = tables[key] ?? english
        self.language = key
        ownKeys = Set(chosen.words.keys)
        words = english.words.merging(chosen.words) { _, own in own }
        months = chosen.months.count == 12 ? chosen.months : english.months
        weekdays = chosen.weekdays.count == 7 ? chosen.weekdays : english.weekdays
    }

    /// The table a language tag reads from: the full tag, else its primary subtag; nil when the
    /// theme has neither.
    static func tableKey(for language: String, has: (String) -> Bool) -> String? {
        let lower = language.lowercased()
        let primary = String(lower.prefix { $0 != "-" && $0 != "_" })
        if has(lower) { return lower }
        return has(primary) ? primary : nil
    }

    subscript(key: String) -> String { words[key] ?? key }

    /// A sentence with placeholders (`{count} articles about {name}`) filled in; with a count of
    /// 1 the key's singular form (`<key>One`) when the table the key comes from has one (an
    /// English singular never stands in for a language that has no plural form).
    func format(_ key: String, count: Int? = nil, _ values: [String: String] = [:]) -> String {
        let singular = key + "One"
        let singularFits = count == 1 && words[singular] != nil && ownKeys.contains(singular) == ownKeys.contains(key)
        let pattern = singularFits ? self[singular] : self[key]
        var filled = values
        if let count { filled["count"] = String(count) }
        // One pass, so that a value holding "{site}" is not filled in again.
        var text = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            text += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            text += filled[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return text + rest
    }

    func month(_ number: Int) -> String { months.indices.contains(number - 1) ? months[number - 1] : String(number) }

    func weekday(_ number: Int) -> String { weekdays.indices.contains(number - 1) ? weekdays[number - 1] : "" }
}
