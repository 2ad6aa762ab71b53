import Foundation

/// Reads what `BinaryWriter` wrote. Every read checks the bounds: a damaged or truncated file
/// gives `nil` from the caller's `read…` chain, never a crash.
struct BinaryReader {
    struct Truncated: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    /// Where the next read starts.
    var position: Int { offset }

    /// The bytes read from `start` up to `position`.
    func bytesRead(from start: Int) -> ArraySlice<UInt8> { bytes[min(start, offset)..<offset] }

    mutating func uint64() throws(Truncated) -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Truncated() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    /// What `BinaryWriter.write(_: Int32)` wrote.
    mutating func int32() throws(Truncated) -> Int32 {
        guard offset + 4 <= bytes.count else { throw Truncated() }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[offset + index]) << (8 * UInt32(index)) }
        offset += 4
        return Int32(bitPattern: value)
    }

    mutating func int() throws(Truncated) -> Int { Int(Int64(bitPattern: try uint64())) }
    mutating func int64() throws(Truncated) -> Int64 { Int64(bitPattern: try uint64()) }
    mutating func double() throws(Truncated) -> Double { Double(bitPattern: try uint64()) }

    mutating func bool() throws(Truncated) -> Bool {
        guard offset < bytes.count else { throw Truncated() }
        offset += 1
        return bytes[offset - 1] != 0
    }

    mutating func string() throws(Truncated) -> String {
        let count = try int()
        guard count >= 0, offset + count <= bytes.count else { throw Truncated() }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    mutating func strings() throws(Truncated) -> [String] {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Truncated() }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    /// A presence flag, then the value when present.
    mutating func optional<Value>(_ body: (inout BinaryReader) throws(Truncated) -> Value) throws(Truncated) -> Value? {
        try bool() ? try body(&self) : nil
    }
}
