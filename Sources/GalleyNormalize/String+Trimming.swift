import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` (or `.whitespaces` when `newlines`
    /// is false), answered without Foundation when neither end of the text can be trimmed
    /// (the usual case).
    func trimmedFast(newlines: Bool) -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        let set: CharacterSet = newlines ? .whitespacesAndNewlines : .whitespaces
        if !Self.mayBeTrimmed(first, set: set, newlines: newlines), !Self.mayBeTrimmed(last, set: set, newlines: newlines) { return self }
        return trimmingCharacters(in: set)
    }

    /// ASCII is decided here (the sets hold tab, space and, with newlines, LF VT FF CR); other
    /// scalars ask the set.
    private static func mayBeTrimmed(_ scalar: Unicode.Scalar, set: CharacterSet, newlines: Bool) -> Bool {
        guard scalar.isASCII else { return set.contains(scalar) }
        return scalar == " " || scalar == "\t" || (newlines && (0x0A...0x0D).contains(scalar.value))
    }
}
