#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A fixed number of optional strings kept as one UTF-8 buffer and the end of each in it: the
/// text fields of front matter, held for every article of a build from its index to its last
/// list page.
///
/// As separate `String?` fields they took 16 bytes each in their box and, past 15 bytes of
/// text (titles, summaries, slugs, URLs, captions), an allocation each with a 32-byte header;
/// here they take 4 bytes each and one allocation in all. A string read back is made anew
/// from its bytes (no allocation up to 15 bytes of UTF-8).
///
/// Two values are equal when their strings are equal byte for byte (not by Unicode canonical
/// equivalence, as `String`'s `==`): the output is made of those bytes.
@usableFromInline
struct PackedText: Sendable, Hashable {
    /// How many strings a value holds (slots `0..<slots`).
    @usableFromInline static let slots = 12

    /// Every present string's UTF-8, in slot order.
    @usableFromInline var utf8: ContiguousArray<UInt8> = []
    /// Where each slot's bytes end in `utf8` (a slot starts where the one before ends).
    @usableFromInline var ends = InlineArray<12, UInt32>(repeating: 0)
    /// Bit `slot` is set when that slot holds a string (so nil and "" differ).
    @usableFromInline var present: UInt16 = 0

    @usableFromInline init() {}

    /// The strings of `values` in slots `0...` (at most `slots`), in one buffer made at once.
    @usableFromInline init(_ values: [String?]) {
        precondition(values.count <= Self.slots, "more strings than slots")
        let total = values.reduce(0) { $0 + ($1?.utf8.count ?? 0) }
        precondition(total <= Int(UInt32.max), "front matter text past 4 GB")
        utf8.reserveCapacity(total)
        var end = 0
        for (slot, value) in values.enumerated() {
            if let value {
                utf8.append(contentsOf: value.utf8)
                present |= 1 << slot
                end += value.utf8.count
            }
            ends[slot] = UInt32(end)
        }
        for slot in values.count..<Self.slots { ends[slot] = UInt32(end) }
    }

    /// The string in `slot`, or nil when none was set.
    @inlinable subscript(slot: Int) -> String? {
        get {
            guard present & (1 << slot) != 0 else { return nil }
            let range = byteRange(slot)
            return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }
        set {
            let range = byteRange(slot)
            // Nothing to move (a missing field set missing, as a decoder sets every field): no new buffer.
            if range.isEmpty, newValue?.isEmpty ?? true {
                if newValue == nil { present &= ~(1 << slot) } else { present |= 1 << slot }
                return
            }
            var text = newValue ?? ""
            let delta = text.withUTF8 { new in
                utf8 = Self.replacing(range, of: utf8, with: new)
                return new.count - range.count
            }
            if delta != 0 {
                precondition(utf8.count <= Int(UInt32.max), "front matter text past 4 GB")
                for later in slot..<Self.slots { ends[later] = UInt32(Int(ends[later]) + delta) }
            }
            if newValue == nil { present &= ~(1 << slot) } else { present |= 1 << slot }
        }
    }

    /// Whether `slot` holds `text`, byte for byte (no string made to compare).
    @usableFromInline func holds(_ text: String, in slot: Int) -> Bool {
        guard present & (1 << slot) != 0 else { return false }
        let range = byteRange(slot)
        var text = text
        return text.withUTF8 { given in
            given.count == range.count && utf8.withUnsafeBufferPointer { held in
                given.count == 0 || memcmp(held.baseAddress! + range.lowerBound, given.baseAddress!, given.count) == 0
            }
        }
    }

    /// Whether `lhs`'s string in `slot` orders before `rhs`'s, byte by byte (a missing one as
    /// ""): `String`'s `<` for text in Unicode's normal form C, which slugs (ASCII) are.
    @usableFromInline static func precedes(_ lhs: PackedText, _ rhs: PackedText, in slot: Int) -> Bool {
        let left = lhs.byteRange(slot), right = rhs.byteRange(slot)
        return lhs.utf8.withUnsafeBufferPointer { l in
            rhs.utf8.withUnsafeBufferPointer { r in
                let common = min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(l.baseAddress! + left.lowerBound, r.baseAddress! + right.lowerBound, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
    }

    /// `bytes` with `range` replaced by `new`, in a buffer of just that size (replacing in
    /// place grows the buffer by half again or more, slack every article then kept: 26 MB at
    /// 50,000 articles).
    @usableFromInline static func replacing(_ range: Range<Int>, of bytes: ContiguousArray<UInt8>,
                                            with new: UnsafeBufferPointer<UInt8>) -> ContiguousArray<UInt8> {
        let total = bytes.count - range.count + new.count
        guard total > 0 else { return [] }
        return ContiguousArray(unsafeUninitializedCapacity: total) { buffer, count in
            bytes.withUnsafeBufferPointer { old in
                func put(_ part: UnsafeBufferPointer<UInt8>) {
                    guard let start = part.baseAddress, part.count > 0 else { return }
                    (buffer.baseAddress! + count).initialize(from: start, count: part.count)
                    count += part.count
                }
                put(UnsafeBufferPointer(rebasing: old[..<range.lowerBound]))
                put(new)
                put(UnsafeBufferPointer(rebasing: old[range.upperBound...]))
            }
        }
    }

    @inlinable func byteRange(_ slot: Int) -> Range<Int> {
        (slot == 0 ? 0 : Int(ends[slot - 1]))..<Int(ends[slot])
    }

    @usableFromInline static func == (lhs: PackedText, rhs: PackedText) -> Bool {
        guard lhs.present == rhs.present, lhs.utf8 == rhs.utf8 else { return false }
        return (0..<slots).allSatisfy { lhs.ends[$0] == rhs.ends[$0] }
    }

    @usableFromInline func hash(into hasher: inout Hasher) {
        hasher.combine(present)
        for slot in 0..<Self.slots { hasher.combine(ends[slot]) }
        utf8.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
