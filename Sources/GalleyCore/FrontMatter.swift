/// The front matter of an article: the article schema (see the README's content format).
///
/// A new field is a member of `Fields`, a property here reading it, a parameter of `init` and a
/// row of `fields`; that row takes it through YAML, the build state, render keys, summaries and
/// templates. (A field the
/// extractor fills in also needs its `ArticleMetadata` property, the code that reads it from the
/// page, and its line in `MarkdownNormalizer.normalize`.)
///
/// Front matter is a value whose fields live in one shared box, copied when a field is set
/// while another value holds it (as `ArticleSummary`'s): an article's head and its summary hold
/// the same front matter (the summary's differs only where the index or `URLPolicy` changed a
/// field), and each copy is one reference instead of about 250 bytes and fifteen retained strings.
public struct FrontMatter: Sendable, Hashable, Codable {
    /// The fields, as the struct held them before they moved into the box (coded under the
    /// same keys); the text ones are kept together in one buffer (`PackedText`), read and set
    /// through properties of the names they had.
    @usableFromInline
    struct Fields: Sendable, Hashable, Codable {
        /// `title` to `slug`: the slots of `text`.
        @usableFromInline var text = PackedText()
        @usableFromInline var date: Timestamp
        @usableFromInline var dateSource: DateSource
        @usableFromInline var modified: Timestamp?
        /// The tags as terms (interned: the articles carrying a tag share its box), which the
        /// summaries made from this front matter hold as they are.
        @usableFromInline var terms: [Term]
        @usableFromInline var draft: Bool
        @usableFromInline var extra: [String: FrontMatterValue]

        /// Each text field's slot in `text` (its raw value), in the schema's order (`fields`).
        @usableFromInline enum Slot: Int, Sendable, CaseIterable {
            case title, author, editor, region, section, summary, image, imageCaption, imageAlt, sourceURL, lang, slug

            /// Its key in `Fields`' coding: its own name.
            var codingKey: CodingKeys { CodingKeys(stringValue: "\(self)")! }

            /// The slot of each text row of the schema, by its key.
            static let byKey: [String: Slot] = [
                "title": .title, "author": .author, "editor": .editor, "region": .region, "section": .section, "summary": .summary,
                "image": .image, "image_caption": .imageCaption, "image_alt": .imageAlt, "source_url": .sourceURL, "lang": .lang, "slug": .slug,
            ]
        }

        /// A text field, by its slot.
        @inlinable subscript(slot: Slot) -> String? {
            get { text[slot.rawValue] }
            set { text[slot.rawValue] = newValue }
        }

        @usableFromInline init(title: String, date: Timestamp, dateSource: DateSource, modified: Timestamp?, author: String?, editor: String?,
                               tags: [String], region: String?, summary: String?, image: String?, imageCaption: String?, imageAlt: String?,
                               section: String?, sourceURL: String?, lang: String?, slug: String?, draft: Bool, extra: [String: FrontMatterValue]) {
            self.init(text: PackedText([title, author, editor, region, section, summary, image, imageCaption, imageAlt, sourceURL, lang, slug]),
                      date: date, dateSource: dateSource, modified: modified, terms: tags.map(Term.init(name:)), draft: draft, extra: extra)
        }

        private init(text: PackedText, date: Timestamp, dateSource: DateSource, modified: Timestamp?, terms: [Term], draft: Bool,
                     extra: [String: FrontMatterValue]) {
            self.text = text
            self.date = date
            self.dateSource = dateSource
            self.modified = modified
            self.terms = terms
            self.draft = draft
            self.extra = extra
        }

        @usableFromInline enum CodingKeys: String, CodingKey {
            case title, date, dateSource, modified, author, editor, tags, region, summary, image, imageCaption, imageAlt, section, sourceURL, lang,
                 slug, draft, extra
        }

        /// Decoded as the struct was before its text moved into one buffer: the same keys, the
        /// optional ones possibly absent.
        @usableFromInline init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            var texts = try Slot.allCases.map { try container.decodeIfPresent(String.self, forKey: $0.codingKey) }
            texts[Slot.title.rawValue] = try container.decode(String.self, forKey: .title)
            self.init(text: PackedText(texts), date: try container.decode(Timestamp.self, forKey: .date),
                      dateSource: try container.decode(DateSource.self, forKey: .dateSource),
                      modified: try container.decodeIfPresent(Timestamp.self, forKey: .modified),
                      terms: try container.decode([String].self, forKey: .tags).map(Term.init(name:)),
                      draft: try container.decode(Bool.self, forKey: .draft), extra: try container.decode([String: FrontMatterValue].self, forKey: .extra))
        }

        @usableFromInline func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            for slot in Slot.allCases { try container.encodeIfPresent(self[slot], forKey: slot.codingKey) }
            try container.encode(date, forKey: .date)
            try container.encode(dateSource, forKey: .dateSource)
            try container.encodeIfPresent(modified, forKey: .modified)
            try container.encode(terms.map(\.name), forKey: .tags)
            try container.encode(draft, forKey: .draft)
            try container.encode(extra, forKey: .extra)
        }
    }

    @usableFromInline
    var box: FieldsBox<Fields>

    @inlinable var fields: Fields {
        get { box.fields }
        set { box = FieldsBox(newValue) }
        // Copy on write: a box held by this value alone is changed in place.
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = FieldsBox(box.fields) }
            yield &box.fields
        }
    }

    @inlinable public var title: String {
        get { box.fields[.title] ?? "" }
        set { fields[.title] = newValue }
    }
    @inlinable public var date: Timestamp {
        get { box.fields.date }
        set { fields.date = newValue }
    }
    /// Where `date` came from (`date_source`; written only when it is not `page`).
    @inlinable public var dateSource: DateSource {
        get { box.fields.dateSource }
        set { fields.dateSource = newValue }
    }
    @inlinable public var modified: Timestamp? {
        get { box.fields.modified }
        set { fields.modified = newValue }
    }
    @inlinable public var author: String? {
        get { box.fields[.author] }
        set { fields[.author] = newValue }
    }
    @inlinable public var editor: String? {
        get { box.fields[.editor] }
        set { fields[.editor] = newValue }
    }
    @inlinable public var tags: [String] {
        get { box.fields.terms.map(\.name) }
        set { fields.terms = newValue.map(Term.init(name:)) }
    }
    /// The tags as terms (their names are `tags`): what a summary lists, shared with it.
    @inlinable public var terms: [Term] {
        get { box.fields.terms }
        set { fields.terms = newValue }
    }
    @inlinable public var region: String? {
        get { box.fields[.region] }
        set { fields[.region] = newValue }
    }
    @inlinable public var summary: String? {
        get { box.fields[.summary] }
        set { fields[.summary] = newValue }
    }
    @inlinable public var image: String? {
        get { box.fields[.image] }
        set { fields[.image] = newValue }
    }
    @inlinable public var imageCaption: String? {
        get { box.fields[.imageCaption] }
        set { fields[.imageCaption] = newValue }
    }
    /// The lead image's alternative text, as the page gives it.
    @inlinable public var imageAlt: String? {
        get { box.fields[.imageAlt] }
        set { fields[.imageAlt] = newValue }
    }
    @inlinable public var section: String? {
        get { box.fields[.section] }
        set { fields[.section] = newValue }
    }
    @inlinable public var sourceURL: String? {
        get { box.fields[.sourceURL] }
        set { fields[.sourceURL] = newValue }
    }
    @inlinable public var lang: String? {
        get { box.fields[.lang] }
        set { fields[.lang] = newValue }
    }
    @inlinable public var slug: String? {
        get { box.fields[.slug] }
        set { fields[.slug] = newValue }
    }
    @inlinable public var draft: Bool {
        get { box.fields.draft }
        set { fields.draft = newValue }
    }
    /// Front matter outside the schema — the `extra:` mapping and any key `fields` does not
    /// name — passed through to templates as `extra` (as Zola's `[extra]` and Hugo's `.Params`).
    @inlinable public var extra: [String: FrontMatterValue] {
        get { box.fields.extra }
        set { fields.extra = newValue }
    }

    /// Whether this slug orders before `other`'s (as bytes, no string made; a missing one as "").
    @inlinable public func slugPrecedes(_ other: FrontMatter) -> Bool {
        PackedText.precedes(box.fields.text, other.box.fields.text, in: Fields.Slot.slug.rawValue)
    }

    /// Whether the slug is `slug` (compared as bytes, no string made).
    @inlinable public func hasSlug(_ slug: String) -> Bool { box.fields.text.holds(slug, in: Fields.Slot.slug.rawValue) }

    /// Sets every row of the schema from `values` (one per row of `fields`, in order, as
    /// `ArticleField.set` takes each), the text ones into one buffer made at once: the build
    /// state's decoder reads every head for an edit, and a new buffer per field took 9 ms of a
    /// 10,000-article title edit. False when a value is not of its row's kind.
    package mutating func setEveryField(_ values: [ArticleField.Value?]) -> Bool {
        guard values.count == Self.fields.count else { return false }
        var texts = [String?](repeating: nil, count: PackedText.slots)
        for (field, value) in zip(Self.fields, values) {
            guard let slot = Fields.Slot.byKey[field.key] else {
                guard field.set(value, in: &self) else { return false }
                continue
            }
            switch (field.storage, value) {
            case (.requiredText, .text(let text)?), (.text, .text(let text)?), (.languageTag, .text(let text)?): texts[slot.rawValue] = text
            case (.text, nil), (.languageTag, nil): texts[slot.rawValue] = nil
            default: return false
            }
        }
        fields.text = PackedText(texts)
        return true
    }

    /// Whether both hold the same box (then they are equal without comparing fields).
    @inlinable public func sharesStorage(with other: FrontMatter) -> Bool { box === other.box }

    /// Coded as its fields (the same keys as before they moved into the box).
    public init(from decoder: any Decoder) throws {
        box = FieldsBox(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try box.fields.encode(to: encoder)
    }

    /// The schema: every field, in the order front matter is written.
    public static let fields: [ArticleField] = [
        ArticleField("title", .requiredText(.init { $0.title } set: { $0.title = $1 }), template: "title"),
        ArticleField("date", .requiredTime(.init { $0.date } set: { $0.date = $1 })),
        ArticleField("date_source", .dateSource(.init { $0.dateSource } set: { $0.dateSource = $1 })),
        ArticleField("modified", .time(.init { $0.modified } set: { $0.modified = $1 })),
        ArticleField("author", .text(.init { $0.author } set: { $0.author = $1 }), template: "byline"),
        ArticleField("editor", .text(.init { $0.editor } set: { $0.editor = $1 }), template: "editor"),
        ArticleField("tags", .list(.init { $0.tags } set: { $0.tags = $1 })),
        ArticleField("region", .text(.init { $0.region } set: { $0.region = $1 })),
        ArticleField("section", .text(.init { $0.section } set: { $0.section = $1 }), template: "section"),
        ArticleField("summary", .text(.init { $0.summary } set: { $0.summary = $1 }), template: "summary"),
        ArticleField("image", .text(.init { $0.image } set: { $0.image = $1 })),
        ArticleField("image_caption", .text(.init { $0.imageCaption } set: { $0.imageCaption = $1 })),
        ArticleField("image_alt", .text(.init { $0.imageAlt } set: { $0.imageAlt = $1 })),
        ArticleField("source_url", .text(.init { $0.sourceURL } set: { $0.sourceURL = $1 })),
        ArticleField("lang", .languageTag(.init { $0.lang } set: { $0.lang = $1 }), template: "language"),
        ArticleField("slug", .text(.init { $0.slug } set: { $0.slug = $1 })),
        ArticleField("draft", .flag(.init { $0.draft } set: { $0.draft = $1 })),
    ]

    /// The key under which front matter gives values outside the schema.
    public static let extraKey = "extra"

    /// Creates front matter; only `title` and `date` are required.
    public init(
        title: String, date: Timestamp, dateSource: DateSource = .page, modified: Timestamp? = nil, author: String? = nil,
        editor: String? = nil, tags: [String] = [], region: String? = nil, summary: String? = nil,
        image: String? = nil, imageCaption: String? = nil, imageAlt: String? = nil, section: String? = nil,
        sourceURL: String? = nil, lang: String? = nil, slug: String? = nil, draft: Bool = false,
        extra: [String: FrontMatterValue] = [:]
    ) {
        box = FieldsBox(Fields(title: title, date: date, dateSource: dateSource, modified: modified, author: author, editor: editor, tags: tags,
                         region: region, summary: summary, image: image, imageCaption: imageCaption, imageAlt: imageAlt, section: section,
                         sourceURL: sourceURL, lang: lang, slug: slug, draft: draft, extra: extra))
    }

    /// The row of a key, or nil for a key outside the schema.
    public static func field(_ key: String) -> ArticleField? { fieldsByKey[key] }

    private static let fieldsByKey: [String: ArticleField] = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0) })

    /// The schema's rows that templates see by name (`ArticleField.templateName`).
    public static let templateFields: [ArticleField] = fields.filter { $0.templateName != nil }
}
