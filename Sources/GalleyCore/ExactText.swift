/// Text as a dictionary key compared byte for byte: `String` equality would take "é" and
/// "e\u{301}" as one key, and a cache keyed by text must give back each one's own result
/// (`Slug`'s ASCII forms, `Term`'s interned terms).
package struct ExactText: Hashable, Sendable {
    package let text: String

    package init(text: String) {
        self.text = text
    }

    package static func == (lhs: ExactText, rhs: ExactText) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

    package func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
