/// An optional whose value, when there is one, lives in a box of its own (an `indirect` case):
/// 8 bytes in the struct that holds it, whatever the value's size. For a field most values lack,
/// in a struct a build holds one of per source (`ProcessedSource.problem`,
/// `SourceStage`'s fingerprint of a fresh file).
enum BoxedOptional<Wrapped: Sendable>: Sendable {
    case none
    indirect case some(Wrapped)

    init(_ value: Wrapped?) {
        self = value.map { .some($0) } ?? .none
    }

    var value: Wrapped? {
        switch self {
        case .none: nil
        case .some(let value): value
        }
    }
}
