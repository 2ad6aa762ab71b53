/// The shared, never-mutated holder of a value type's fields, for the values a build copies
/// into many places (`ArticleSummary`, `FrontMatter`): the value holds one reference to a box,
/// and setting a field makes a new box, so a copy is one retain however many fields there are.
@usableFromInline
final class FieldsBox<Fields: Sendable>: Sendable {
    @usableFromInline let fields: Fields

    @usableFromInline init(_ fields: Fields) { self.fields = fields }
}

extension FieldsBox where Fields: Equatable {
    /// The same box, or boxes of equal fields.
    @usableFromInline static func holdSame(_ lhs: FieldsBox, _ rhs: FieldsBox) -> Bool {
        lhs === rhs || lhs.fields == rhs.fields
    }
}
