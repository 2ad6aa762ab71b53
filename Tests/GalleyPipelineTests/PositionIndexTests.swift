@testable import GalleyPipeline
import Testing

/// The position table finds every position added, by its key, while it grows from empty and
/// when room was made first, and nothing for a key never added, however keys collide.
@Suite struct PositionIndexTests {
    @Test(arguments: [false, true])
    func everyPositionIsFoundByItsKeyAsTheTableGrows(reserved: Bool) {
        let keys = (0..<5_000).map { "keluaran/\($0)/index.html" }
        var index = PositionIndex()
        if reserved { index.reserve(keys.count) { keys[$0].hashValue } }
        for (position, key) in keys.enumerated() {
            #expect(index.find(hash: key.hashValue, where: { keys[$0] == key }) == nil)
            index.insert(position, hash: key.hashValue) { keys[$0].hashValue }
        }
        #expect(index.count == keys.count)
        for (position, key) in keys.enumerated() {
            #expect(index.find(hash: key.hashValue, where: { keys[$0] == key }) == position)
        }
        #expect(index.find(hash: "lain".hashValue, where: { keys[$0] == "lain" }) == nil)
    }

    /// Every key hashing alike: each is still found past the others (probing, not overwriting).
    @Test func collidingKeysAreAllFound() {
        let keys = (0..<100).map(String.init)
        var index = PositionIndex()
        for position in keys.indices { index.insert(position, hash: 42) { _ in 42 } }
        for (position, key) in keys.enumerated() { #expect(index.find(hash: 42, where: { keys[$0] == key }) == position) }
        #expect(index.find(hash: 42, where: { _ in false }) == nil)
    }
}
