/// Text as a dictionary key compared byte for byte: `String` equality would take "é" and
/// "e\u{301}" as one key, and a cache keyed by text must give back each one's own result
/// (`Slug`'s ASCII forms, `Term`'s interned terms).
package struct ExactText: Hashable, Sendable {
    package let text: String

    package init(text: String) {
        self.text = text
    }

    /// Compared as contiguous bytes (a walk of two `UTF8View`s was a tenth of the interning of
    /// 50,000 tags).
    package static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        guard lhs.text.utf8.count == rhs.text.utf8.count else { return false }
        var left = lhs.text, right = rhs.text
        return left.withUTF8 { leftBytes in right.withUTF8 { rightBytes in leftBytes.elementsEqual(rightBytes) } }
    }

    package func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
