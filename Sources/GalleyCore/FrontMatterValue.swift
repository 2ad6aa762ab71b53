/// A value of front matter outside the schema (`FrontMatter.extra`), as YAML gave it: templates
/// see it as `article.extra.NAME` (and `extra.NAME` in list items).
public indirect enum FrontMatterValue: Sendable, Hashable, Codable {
    /// A scalar: its text as written (numbers and dates too).
    case text(String)
    /// A plain YAML boolean (`true`, `no`), so that `{{#extra.featured}}` hides when false.
    case flag(Bool)
    case list([FrontMatterValue])
    case map([String: FrontMatterValue])
}
