import CLibXML2

/// Names as libxml2's `htmlParseName` reads them (the target of `<?…>`, the name in
/// `<!DOCTYPE …>`): XML 1.0 names, whose non-ASCII letters libxml2 decides with its own tables
/// (asked here through `xmlValidateName`, which uses the same ones).
enum XMLName {
    /// The length in bytes of the character at `start` if it can start a name, else 0.
    static func startLength(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        guard start < bytes.count else { return 0 }
        let byte = bytes[start]
        if byte < 0x80 { return ASCII.isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") ? 1 : 0 }
        let length = scalarLength(bytes, at: start)
        return length > 0 && isValid(prefix: [], bytes, start..<(start + length)) ? length : 0
    }

    /// The end of the name starting at `start` (`start` when there is none).
    static func end(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let first = startLength(bytes, at: start)
        guard first > 0 else { return start }
        var index = start + first
        while index < bytes.count {
            let length = characterLength(bytes, at: index)
            guard length > 0 else { break }
            index += length
        }
        return index
    }

    /// The length in bytes of the name character at `index`, else 0.
    private static func characterLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 {
            return HTMLName.isCharacter(byte) ? 1 : 0
        }
        let length = scalarLength(bytes, at: index)
        return length > 0 && isValid(prefix: [UInt8(ascii: "a")], bytes, index..<(index + length)) ? length : 0
    }

    /// The length of the well-formed UTF-8 sequence at `index`, else 0.
    private static func scalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, index + length <= bytes.count,
              String(validating: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]), as: UTF8.self) != nil else { return 0 }
        return length
    }

    /// Whether `prefix` followed by the bytes is a valid XML name for libxml2.
    private static func isValid(prefix: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var name = prefix + bytes[range]
        name.append(0)
        return name.withUnsafeBufferPointer { xmlValidateName($0.baseAddress, 0) } == 0
    }
}
