/// Gives every element name read on a page its `ElementName`: the fixed id of a name libxml2's
/// tables mention, else an id of its own, the same for the same name in any case. Names are
/// read straight from the page's bytes (ASCII letters lower-cased, as libxml2 keeps tag names);
/// only a name longer than 16 bytes, rare, is made into a String to be looked up. A page names
/// few elements many times, so the last name found at each of `cacheSize` slots is kept, to
/// skip the dictionary when it comes again (a page whose names share slots only loses that).
struct ElementNameInterner {
    /// The bytes of a name of at most 16 bytes, lower-cased, zero-padded (a name never holds a
    /// zero byte, so two names share a key only when they are the same).
    private struct ShortKey: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init?(_ name: UnsafeBufferPointer<UInt8>) {
            guard name.count <= 16 else { return nil }
            for index in 0..<name.count {
                let bits = UInt64(ASCII.lowercased(name[index])) << (UInt64(index & 7) * 8)
                if index < 8 { low |= bits } else { high |= bits }
            }
        }

        init() {}

        /// Where the key is cached: a multiplicative hash of its bytes.
        var slot: Int {
            Int(truncatingIfNeeded: ((low &+ high &* 0x100_0000_01B3) &* 0x9E37_79B9_7F4A_7C15) >> 56) & (ElementNameInterner.cacheSize - 1)
        }
    }

    /// A name found, at its key's slot; an empty key (no name has one) is no name.
    private struct CacheEntry {
        var key = ShortKey()
        var name = ElementName.html
    }

    /// Slots in the cache; a power of 2 of at most 256 (the hash's top 8 bits).
    private static let cacheSize = 256

    /// The fixed ids, by key.
    private static let knownIDs: [ShortKey: ElementName] = {
        var ids: [ShortKey: ElementName] = [:]
        for (index, spelling) in ElementName.known.enumerated() {
            var spelling = spelling
            let key = spelling.withUTF8 { ShortKey($0) }
            guard let key else { preconditionFailure("\(spelling) is longer than 16 bytes") }
            ids[key] = ElementName(id: UInt32(index))
        }
        return ids
    }()

    private var shortIDs = Self.knownIDs
    private var longIDs: [String: ElementName] = [:]
    /// Every name given an id, by id.
    private var spellings = ElementName.known
    private var cache = [CacheEntry](repeating: CacheEntry(), count: cacheSize)

    /// The id of `name` (an HTML name, `HTMLName`), given now if it has none yet.
    mutating func name(_ name: UnsafeBufferPointer<UInt8>) -> ElementName {
        if let key = ShortKey(name) {
            if let cached = cached(key) { return cached }
            let found = shortIDs[key] ?? added(key, spelling: name)
            cache[key.slot] = CacheEntry(key: key, name: found)
            return found
        }
        let text = Self.spelling(name)
        if let found = longIDs[text] { return found }
        let added = nextID(spelling: name)
        longIDs[text] = added
        return added
    }

    /// The id of `name` if it was given one, else nil (no element of that name was ever opened).
    mutating func existingName(_ name: UnsafeBufferPointer<UInt8>) -> ElementName? {
        guard let key = ShortKey(name) else { return longIDs[Self.spelling(name)] }
        if let cached = cached(key) { return cached }
        guard let found = shortIDs[key] else { return nil }
        cache[key.slot] = CacheEntry(key: key, name: found)
        return found
    }

    /// The lower-case name of `name`.
    func spelling(of name: ElementName) -> String { spellings[Int(name.id)] }

    private func cached(_ key: ShortKey) -> ElementName? {
        let entry = cache[key.slot]
        return entry.key == key ? entry.name : nil
    }

    private mutating func added(_ key: ShortKey, spelling name: UnsafeBufferPointer<UInt8>) -> ElementName {
        let added = nextID(spelling: name)
        shortIDs[key] = added
        return added
    }

    private mutating func nextID(spelling name: UnsafeBufferPointer<UInt8>) -> ElementName {
        spellings.append(Self.spelling(name))
        return ElementName(id: UInt32(spellings.count - 1))
    }

    private static func spelling(_ name: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: name.lazy.map(ASCII.lowercased), as: UTF8.self)
    }
}
