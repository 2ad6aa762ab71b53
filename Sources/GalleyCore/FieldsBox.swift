/// The shared, never-mutated holder of a value type's fields, for the values a build copies
/// into many places (`ArticleSummary`, `FrontMatter`): the value holds one reference to a box,
/// and setting a field makes a new box, so a copy is one retain however many fields there are.
/// Equal and hashed by its fields (the same box is equal without comparing them), so a value
/// whose one stored property is its box has its `Hashable` conformance made by the compiler.
@usableFromInline
final class FieldsBox<Fields: Sendable>: Sendable {
    @usableFromInline let fields: Fields

    @usableFromInline init(_ fields: Fields) { self.fields = fields }
}

extension FieldsBox: Equatable where Fields: Equatable {
    @usableFromInline static func == (lhs: FieldsBox, rhs: FieldsBox) -> Bool {
        lhs === rhs || lhs.fields == rhs.fields
    }
}

extension FieldsBox: Hashable where Fields: Hashable {
    @usableFromInline func hash(into hasher: inout Hasher) {
        fields.hash(into: &hasher)
    }
}
