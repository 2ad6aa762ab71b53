/// Named values in the order they were set; a few members each, so a linear lookup beats
/// hashing. Names are compared by length first (inline), then by content.
struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    private struct Member: Sendable {
        var name: String
        var value: TemplateData
    }

    private var members: [Member] = []

    init() {}

    init(dictionaryLiteral elements: (String, TemplateData)...) {
        self.init(elements)
    }

    /// Named values in the order given (a repeated name keeps its last value).
    init(_ pairs: [(String, TemplateData)]) {
        members.reserveCapacity(pairs.count)
        for (name, value) in pairs { self[name] = value }
    }

    /// The value of `name`; setting nil removes it (an absent value hides its section).
    subscript(name: String) -> TemplateData? {
        get {
            guard let index = index(of: name) else { return nil }
            return members[index].value
        }
        set {
            switch (index(of: name), newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append(Member(name: name, value: value))
            case (nil, nil): break
            }
        }
    }

    @inline(__always)
    private func index(of name: String) -> Int? {
        let length = name.utf8.count
        for index in members.indices where members[index].name.utf8.count == length && members[index].name == name { return index }
        return nil
    }

    /// Sets `name` to `text`, or removes it when there is none.
    mutating func set(_ name: String, text: String?) {
        self[name] = text.map(TemplateData.text)
    }

    var anyValue: [String: Any] {
        var dictionary: [String: Any] = [:]
        for member in members { dictionary[member.name] = member.value.anyValue }
        return dictionary
    }
}
