/// The fast path of `FrontMatterCoder.decode`: reads front matter of the plain shape that galley
/// and most generators write — one `key: value` per line, values plain, single- or
/// double-quoted on one line, lists as `[ "a", 'b' ]` or as `- item` lines — into the same
/// strings Yams reads. Anything else (comments, blank lines, tabs, anchors, tags, block scalars,
/// multi-line values, repeated keys, characters YAML does not print) returns nil, and Yams reads
/// it. `FrontMatterReaderTests` compares both readers.
struct FrontMatterReader {
    /// A value as Yams gives it: a scalar's text (and whether it was plain, which decides
    /// whether it can be a YAML boolean), or a list of scalars.
    enum Value: Equatable {
        case scalar(String, plain: Bool)
        case sequence([String])
    }

    private let bytes: [UInt8]
    private var index = 0

    private init(_ yaml: String) { bytes = Array(yaml.utf8) }

    /// The values by key, or nil when the text is not of the plain shape.
    static func read(_ yaml: String) -> [String: Value]? {
        guard !yaml.isEmpty, yaml.unicodeScalars.allSatisfy(isPlainPrintable) else { return nil }
        var reader = FrontMatterReader(yaml)
        return reader.mapping()
    }

    /// Printable characters that are not YAML line breaks (`\n` aside) and not tabs, byte order
    /// marks or noncharacters: the characters libyaml takes anywhere without a second thought.
    private static func isPlainPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2028, 0x2029, 0xFEFF: false
        case 0x0A, 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The YAML 1.1 booleans Yams resolves in plain scalars.
    static let booleans: [String: Bool] = [
        "yes": true, "Yes": true, "YES": true, "true": true, "True": true, "TRUE": true, "on": true, "On": true, "ON": true,
        "no": false, "No": false, "NO": false, "false": false, "False": false, "FALSE": false, "off": false, "Off": false, "OFF": false,
    ]

    // MARK: Lines

    private var atEnd: Bool { index >= bytes.count }

    private mutating func mapping() -> [String: Value]? {
        var values: [String: Value] = [:]
        while !atEnd {
            guard let key = key(), values[key] == nil else { return nil }
            if peek(0x0A) || atEnd {
                guard skipLineBreak(), let items = blockSequence() else { return nil }
                values[key] = .sequence(items)
            } else {
                guard expect(0x20), let value = value(inFlow: false), endOfLine() else { return nil }
                values[key] = value
            }
        }
        return values
    }

    /// `key:` at the start of a line: a letter, then letters, digits, `_` or `-`.
    private mutating func key() -> String? {
        let start = index
        guard !atEnd, Self.isLetter(bytes[index]) else { return nil }
        while !atEnd, Self.isLetter(bytes[index]) || Self.isDigit(bytes[index]) || bytes[index] == 0x5F || bytes[index] == 0x2D { index += 1 }
        let key = String(decoding: bytes[start..<index], as: UTF8.self)
        return expect(0x3A) ? key : nil
    }

    /// `- item` lines (all at the same indentation) after a `key:` line; at least one.
    private mutating func blockSequence() -> [String]? {
        var items: [String] = []
        var indentation: Int?
        while !atEnd, bytes[index] == 0x20 || bytes[index] == 0x2D {
            let start = index
            while !atEnd, bytes[index] == 0x20 { index += 1 }
            guard indentation == nil || indentation == index - start else { return nil }
            indentation = index - start
            guard expect(0x2D), expect(0x20), case .scalar(let item, _)? = value(inFlow: false), endOfLine() else { return nil }
            items.append(item)
        }
        return items.isEmpty ? nil : items
    }

    /// The end of a value's line: a line break (read) or the end of the text.
    private mutating func endOfLine() -> Bool {
        atEnd || skipLineBreak()
    }

    private mutating func skipLineBreak() -> Bool {
        if atEnd { return true }
        return expect(0x0A)
    }

    // MARK: Values

    private mutating func value(inFlow: Bool) -> Value? {
        guard !atEnd else { return nil }
        switch bytes[index] {
        case 0x22: return doubleQuoted().map { .scalar($0, plain: false) }
        case 0x27: return singleQuoted().map { .scalar($0, plain: false) }
        case 0x5B where !inFlow: return flowSequence().map(Value.sequence)
        default: return inFlow ? nil : plain().map { .scalar($0, plain: true) }
        }
    }

    /// A plain value: the rest of the line, starting with a letter, a digit or a non-ASCII
    /// character, without `: `, ` #`, a final `:` or final spaces.
    private mutating func plain() -> String? {
        let start = index
        guard Self.isLetter(bytes[index]) || Self.isDigit(bytes[index]) || bytes[index] >= 0x80 else { return nil }
        while !atEnd, bytes[index] != 0x0A {
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            if byte == 0x3A, next == nil || next == 0x20 || next == 0x0A { return nil }
            if byte == 0x20, next == nil || next == 0x23 || next == 0x0A { return nil }
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `'…'` on one line, `''` standing for `'`.
    private mutating func singleQuoted() -> String? {
        index += 1
        var text: [UInt8] = []
        while !atEnd, bytes[index] != 0x0A {
            if bytes[index] == 0x27 {
                guard index + 1 < bytes.count, bytes[index + 1] == 0x27 else {
                    index += 1
                    return String(decoding: text, as: UTF8.self)
                }
                index += 1
            }
            text.append(bytes[index])
            index += 1
        }
        return nil
    }

    /// `"…"` on one line with YAML's escapes.
    private mutating func doubleQuoted() -> String? {
        index += 1
        var text = ""
        var run = index
        while !atEnd, bytes[index] != 0x0A {
            switch bytes[index] {
            case 0x22:
                text += String(decoding: bytes[run..<index], as: UTF8.self)
                index += 1
                return text
            case 0x5C:
                text += String(decoding: bytes[run..<index], as: UTF8.self)
                index += 1
                guard let scalar = escape() else { return nil }
                text.unicodeScalars.append(scalar)
                run = index
            default:
                index += 1
            }
        }
        return nil
    }

    /// The character of the escape after a backslash (libyaml's set), or nil.
    private mutating func escape() -> Unicode.Scalar? {
        guard !atEnd else { return nil }
        let letter = bytes[index]
        index += 1
        if let value = Self.escapes[letter] { return Unicode.Scalar(value) }
        let digits: Int
        switch letter {
        case 0x78: digits = 2
        case 0x75: digits = 4
        case 0x55: digits = 8
        default: return nil
        }
        guard index + digits <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<(index + digits)] {
            guard let digit = Self.hexValue(byte) else { return nil }
            value = value << 4 | digit
        }
        index += digits
        return Unicode.Scalar(value)
    }

    /// The one-letter escapes of double-quoted values: `\0 \a \b \t \n \v \f \r \e \  \" \/ \\ \N \_ \L \P`.
    private static let escapes: [UInt8: UInt32] = [
        0x30: 0x00, 0x61: 0x07, 0x62: 0x08, 0x74: 0x09, 0x6E: 0x0A, 0x76: 0x0B, 0x66: 0x0C, 0x72: 0x0D, 0x65: 0x1B,
        0x20: 0x20, 0x22: 0x22, 0x2F: 0x2F, 0x5C: 0x5C, 0x4E: 0x85, 0x5F: 0xA0, 0x4C: 0x2028, 0x50: 0x2029,
    ]

    /// `[ "a", 'b' ]` on one line, quoted items only.
    private mutating func flowSequence() -> [String]? {
        index += 1
        var items: [String] = []
        skipSpaces()
        if expect(0x5D) { return items }
        while true {
            guard case .scalar(let item, _)? = value(inFlow: true) else { return nil }
            items.append(item)
            skipSpaces()
            if expect(0x5D) { break }
            guard expect(0x2C) else { return nil }
            skipSpaces()
        }
        return items
    }

    // MARK: Bytes

    private func peek(_ byte: UInt8) -> Bool { !atEnd && bytes[index] == byte }

    private mutating func expect(_ byte: UInt8) -> Bool {
        guard peek(byte) else { return false }
        index += 1
        return true
    }

    private mutating func skipSpaces() {
        while peek(0x20) { index += 1 }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }
}
