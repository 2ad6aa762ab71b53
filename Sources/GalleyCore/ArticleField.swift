/// One row of the article schema (`FrontMatter.fields`): a front-matter key, where its value
/// lives in `FrontMatter`, and the name templates see it by.
///
/// The schema drives every place a field goes: the YAML coder and fast reader (GalleyNormalize),
/// the build state's document coder and the render keys (GalleyPipeline), summaries, and the
/// template values and the template variable check (GalleyRender). `ArticleSchemaTests` takes
/// every row through all of them, so a new row is tested without a new test.
public struct ArticleField: Sendable {
    /// Where in `FrontMatter` a value of type `Value` is kept: how to read it and how to write
    /// it. Closures, not key paths: a key path is applied by the runtime, about four times
    /// slower than a closure call, and the schema is walked for every summary on every list
    /// page it appears on and twice per document in the build state. `ArticleSchemaTests`
    /// checks that each row's two closures name the same property and no other row's.
    public struct Path<Value>: Sendable {
        let read: @Sendable (FrontMatter) -> Value
        let write: @Sendable (inout FrontMatter, Value) -> Void

        /// `.init { $0.title } set: { $0.title = $1 }` in a row of `FrontMatter.fields`.
        public init(_ read: @escaping @Sendable (FrontMatter) -> Value, set write: @escaping @Sendable (inout FrontMatter, Value) -> Void) {
            self.read = read
            self.write = write
        }
    }

    /// The kind of value and where it is kept.
    public enum Storage: Sendable {
        /// Text that must be there (`title`).
        case requiredText(Path<String>)
        /// Optional text.
        case text(Path<String?>)
        /// Optional text that must be a BCP 47-shaped language tag (`lang`); another value is dropped.
        case languageTag(Path<String?>)
        /// A time that must be there (`date`), RFC 3339 in YAML.
        case requiredTime(Path<Timestamp>)
        /// An optional time.
        case time(Path<Timestamp?>)
        /// A list of texts (`tags`); YAML may also give one comma-separated text.
        case list(Path<[String]>)
        /// A flag, false unless given (`draft`).
        case flag(Path<Bool>)
        /// `date_source`: `page` unless given.
        case dateSource(Path<DateSource>)
    }

    /// A field's value, whatever its kind.
    public enum Value: Sendable, Hashable {
        case text(String)
        case time(Timestamp)
        case list([String])
        case flag(Bool)
    }

    /// The YAML key (`image_caption`).
    public let key: String
    public let storage: Storage
    /// The name of the value in a template's `article` and in list items (`byline` for
    /// `author`); nil when templates see it only in a shape built by hand (the dates, the lead
    /// image, tags and region as links, the source URL and host) or not at all.
    public let templateName: String?

    /// Creates a row.
    public init(_ key: String, _ storage: Storage, template templateName: String? = nil) {
        self.key = key
        self.storage = storage
        self.templateName = templateName
    }

    /// The field's value in `matter`; nil when it is absent or at its default (no text, an
    /// empty list, a false flag, `date_source: page`), which front matter leaves unwritten.
    public func value(in matter: FrontMatter) -> Value? {
        switch storage {
        case .requiredText(let path): .text(matter[path])
        case .text(let path), .languageTag(let path): matter[path].map(Value.text)
        case .requiredTime(let path): .time(matter[path])
        case .time(let path): matter[path].map(Value.time)
        case .list(let path): matter[path].isEmpty ? nil : .list(matter[path])
        case .flag(let path): matter[path] ? .flag(true) : nil
        case .dateSource(let path): matter[path] == .page ? nil : .text(matter[path].rawValue)
        }
    }

    /// Sets the field in `matter` (nil: back to its default). False when the value is of
    /// another kind or, for `date_source`, not one of its words; `matter` is then unchanged.
    @discardableResult
    public func set(_ value: Value?, in matter: inout FrontMatter) -> Bool {
        switch (storage, value) {
        case (.requiredText(let path), .text(let text)?): matter[path] = text
        case (.text(let path), .text(let text)?), (.languageTag(let path), .text(let text)?): matter[path] = text
        case (.text(let path), nil), (.languageTag(let path), nil): matter[path] = nil
        case (.requiredTime(let path), .time(let time)?): matter[path] = time
        case (.time(let path), .time(let time)?): matter[path] = time
        case (.time(let path), nil): matter[path] = nil
        case (.list(let path), .list(let items)?): matter[path] = items
        case (.list(let path), nil): matter[path] = []
        case (.flag(let path), .flag(let flag)?): matter[path] = flag
        case (.flag(let path), nil): matter[path] = false
        case (.dateSource(let path), .text(let text)?):
            guard let source = DateSource(rawValue: text) else { return false }
            matter[path] = source
        case (.dateSource(let path), nil): matter[path] = .page
        default: return false
        }
        return true
    }
}

extension FrontMatter {
    /// The value a schema row's `Path` points at.
    public subscript<Value>(path: ArticleField.Path<Value>) -> Value {
        get { path.read(self) }
        set { path.write(&self, newValue) }
    }
}
