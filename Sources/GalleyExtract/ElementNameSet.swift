/// A set of element names with fixed ids (`ElementName.known`), kept as bits: a lookup is a
/// shift and a mask. Any other name is never in it.
struct ElementNameSet: Sendable {
    /// Ids below this fit.
    static let capacity = 128

    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init() {}

    /// The set of these names, each one of `ElementName.known`.
    init(_ spellings: [String]) {
        for spelling in spellings { insert(ElementName(known: spelling)) }
    }

    var isEmpty: Bool { low == 0 && high == 0 }

    func contains(_ name: ElementName) -> Bool {
        let id = UInt64(name.id)
        if id < 64 { return low >> id & 1 != 0 }
        return id < 128 && high >> (id - 64) & 1 != 0
    }

    mutating func insert(_ name: ElementName) {
        let id = UInt64(name.id)
        precondition(id < Self.capacity, "only names with fixed ids fit")
        if id < 64 { low |= 1 << id } else { high |= 1 << (id - 64) }
    }
}
