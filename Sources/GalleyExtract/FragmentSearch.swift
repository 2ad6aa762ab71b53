import GalleyCore

/// Lower-case fragments looked for in a text in one pass, with the answer of asking
/// `FastText.contains` for each: a class text is read once, and at each position only the
/// fragments starting with its two bytes are compared. Asking ~40 fragments one by one of
/// every element's class was 2.4% of extraction.
///
/// It also answers whether a fragment is one of the text's class words (`ClassWords`) without
/// splitting the text into Strings: an occurrence counts as a whole name when blanks (or the
/// ends) surround it, and as a part of a name when `-`, `_` or blanks do.
struct FragmentSearch: Sendable {
    /// Where an occurrence must sit to count.
    enum Boundary: Sendable {
        /// Anywhere (`FastText.contains`).
        case anywhere
        /// A whole name of the text (`ClassWords.names`).
        case wholeName
        /// A name or a part of one split on `-` and `_` (`ClassWords.tokens`).
        case token
    }

    /// Bit `a << 8 | b` is set when a fragment of two bytes or more starts with bytes `a b`.
    private var pairStarts = [UInt64](repeating: 0, count: 1024)
    /// Fragments of two bytes or more, by their first byte.
    private var byFirstByte = [[[UInt8]]](repeating: [], count: 256)
    /// Fragments of one byte.
    private var singles: [UInt8] = []
    /// Whether a fragment is empty (found anywhere, but never a name).
    private var hasEmpty = false

    init(_ fragments: [String]) {
        for fragment in fragments {
            let bytes = Array(fragment.utf8)
            switch bytes.count {
            case 0: hasEmpty = true
            case 1: singles.append(bytes[0])
            default:
                let pair = Int(bytes[0]) << 8 | Int(bytes[1])
                pairStarts[pair >> 6] |= 1 << UInt64(pair & 63)
                byFirstByte[Int(bytes[0])].append(bytes)
            }
        }
    }

    /// Whether one of the fragments occurs in `text` where `boundary` allows.
    func occurs(in text: String, as boundary: Boundary = .anywhere) -> Bool {
        if hasEmpty, boundary == .anywhere { return true }
        var text = text
        return text.withUTF8 { occurs(in: $0, as: boundary) }
    }

    private func occurs(in bytes: UnsafeBufferPointer<UInt8>, as boundary: Boundary) -> Bool {
        for index in bytes.indices {
            let first = bytes[index]
            if !singles.isEmpty, singles.contains(first), sits([first], at: index, in: bytes, as: boundary) { return true }
            guard index + 1 < bytes.count else { break }
            let pair = Int(first) << 8 | Int(bytes[index + 1])
            guard pairStarts[pair >> 6] >> UInt64(pair & 63) & 1 != 0 else { continue }
            for fragment in byFirstByte[Int(first)] where fragment[1] == bytes[index + 1] && fragment.count <= bytes.count - index {
                var offset = 2
                while offset < fragment.count, bytes[index + offset] == fragment[offset] { offset += 1 }
                if offset == fragment.count, sits(fragment, at: index, in: bytes, as: boundary) { return true }
            }
        }
        return false
    }

    /// Whether `fragment`, found at `index`, sits where `boundary` allows.
    private func sits(_ fragment: [UInt8], at index: Int, in bytes: UnsafeBufferPointer<UInt8>, as boundary: Boundary) -> Bool {
        if boundary == .anywhere { return true }
        // A name never holds a blank.
        guard !fragment.contains(where: Whitespace.isBlank) else { return false }
        let before: UInt8? = index > 0 ? bytes[index - 1] : nil
        let after: UInt8? = index + fragment.count < bytes.count ? bytes[index + fragment.count] : nil
        let isName = before.map(Whitespace.isBlank) ?? true
        if isName, after.map(Whitespace.isBlank) ?? true { return true }
        guard boundary == .token else { return false }
        // A part: between `-`, `_` or blanks, itself without `-` or `_`; parts of one byte
        // are not words.
        let isSeparator = { (byte: UInt8) in Whitespace.isBlank(byte) || byte == 0x2D || byte == 0x5F }
        guard !fragment.contains(where: { $0 == 0x2D || $0 == 0x5F }), fragment.count > 1 else { return false }
        return (before.map(isSeparator) ?? true) && (after.map(isSeparator) ?? true)
    }
}
