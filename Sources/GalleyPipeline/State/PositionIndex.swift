/// Positions in an array, found by a key of the element there: an open-addressed table of
/// 4-byte positions, probed from the key's hash until an empty slot.
///
/// A `Dictionary` from the key to a value holds the key again and keeps a load of at most ¾: a
/// table of 50,000 paths took 131,072 buckets of 24 bytes or more. This one holds a position per
/// slot at a load of at most ⅞ (65,536 slots of 4 bytes); the array holds the keys.
struct PositionIndex {
    /// Slot → position + 1 (0: empty). A power of two in count.
    private var slots: [UInt32]
    /// How many positions are in the table.
    private(set) var count = 0

    /// A table with room for `capacity` positions.
    init(capacity: Int = 0) {
        slots = [UInt32](repeating: 0, count: Self.slotCount(for: capacity))
    }

    /// The position whose element `matches`, probed from `hash` (the hash of the key sought).
    func find(hash: Int, where matches: (Int) -> Bool) -> Int? {
        var slot = Self.firstSlot(hash, slotCount: slots.count)
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if matches(position) { return position }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Adds `position`, whose key hashes to `hash` and is not in the table yet (`find` said so).
    /// `hashOf` gives the hash of any position already added, for when the table grows.
    mutating func insert(_ position: Int, hash: Int, hashOf: (Int) -> Int) {
        precondition(position >= 0 && position < Int(UInt32.max), "position out of range")
        if Self.slotCount(for: count + 1) > slots.count { rebuild(capacity: 2 * (count + 1), hashOf: hashOf) }
        var slot = Self.firstSlot(hash, slotCount: slots.count)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = UInt32(position + 1)
        count += 1
    }

    /// Makes room for `capacity` positions in all (a table that grows while filled rehashes each
    /// time it doubles).
    mutating func reserve(_ capacity: Int, hashOf: (Int) -> Int) {
        if Self.slotCount(for: capacity) > slots.count { rebuild(capacity: capacity, hashOf: hashOf) }
    }

    private mutating func rebuild(capacity: Int, hashOf: (Int) -> Int) {
        let positions = slots.filter { $0 != 0 }
        slots = [UInt32](repeating: 0, count: Self.slotCount(for: capacity))
        for stored in positions {
            var slot = Self.firstSlot(hashOf(Int(stored) - 1), slotCount: slots.count)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = stored
        }
    }

    /// A power of two with at least one slot in eight left empty (so a probe ends, and stays short).
    private static func slotCount(for count: Int) -> Int {
        var slots = 8
        while slots - slots / 8 <= count { slots *= 2 }
        return slots
    }

    /// Where a probe starts: the hash's bits mixed (an object's hash is its address, whose low
    /// bits are all zero).
    private static func firstSlot(_ hash: Int, slotCount: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: hash)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & (slotCount - 1)
    }
}
