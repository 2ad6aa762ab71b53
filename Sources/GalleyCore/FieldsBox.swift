/// The shared holder of a value type's fields, for the values a build copies into many places
/// (`ArticleSummary`, `FrontMatter`): the value holds one reference to a box, so a copy is one
/// retain however many fields there are. Copy on write: setting a field of a value whose box
/// is shared makes a new box; a value that alone holds its box (one being built, field by
/// field, as the build state's decoder does) sets the field in place.
/// Equal and hashed by its fields (the same box is equal without comparing them), so a value
/// whose one stored property is its box has its `Hashable` conformance made by the compiler.
///
/// `@unchecked Sendable`: `fields` is set only by a value's `_modify` accessor after
/// `isKnownUniquelyReferenced` found the box its own (no other value, and so no other thread,
/// holds it); every shared box is only read.
@usableFromInline
final class FieldsBox<Fields: Sendable>: @unchecked Sendable {
    @usableFromInline var fields: Fields

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
