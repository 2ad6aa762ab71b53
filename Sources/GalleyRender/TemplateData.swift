/// A value a template sees, as `PageContext` builds it: text, a flag, a number, a list or named
/// values. `Sendable` (unlike `[String: Any]`), and cheap to look up and render:
/// `TemplateProgram` reads it directly, without casts or reflection.
///
/// Mustache's rules apply: a section over text, a number or an object pushes it; over a flag it
/// shows or hides; over a list it repeats (an empty list hides). Values that are absent are
/// simply not in their object, so `{{#value}}` hides.
enum TemplateData: Sendable {
    case text(String)
    case flag(Bool)
    case number(Int)
    case list([TemplateData])
    case object(TemplateObject)

    /// The member `name` of an object; nil for other values (what Mustache finds in them).
    @inline(__always)
    func member(_ name: String) -> TemplateData? {
        if case .object(let object) = self { return object[name] }
        return nil
    }

    /// The same value as swift-mustache's `Any` context (`String`, `Bool`, `Int`, `[Any]`,
    /// `[String: Any]`), for themes the compiled renderer does not take (see `TemplateProgram`).
    var anyValue: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .number(let number): number
        case .list(let items): items.map(\.anyValue)
        case .object(let object): object.anyValue
        }
    }
}
