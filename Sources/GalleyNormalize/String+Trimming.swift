import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespaces)` (blanks, not line breaks), answered without
    /// Foundation when neither end can be trimmed (the usual case). Line breaks too:
    /// GalleyCore's `trimmingWhitespace`.
    var trimmedSpacesAndTabs: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !Self.mayBeTrimmed(first), !Self.mayBeTrimmed(last) { return self }
        return trimmingCharacters(in: .whitespaces)
    }

    /// ASCII is decided here (the set holds tab and space); other scalars ask the set.
    private static func mayBeTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return CharacterSet.whitespaces.contains(scalar) }
        return scalar == " " || scalar == "\t"
    }
}
