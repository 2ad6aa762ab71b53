/// The key an output file was made from: a page's render key (`RenderKey`), an image file's
/// cache key (`ImagePlan.cacheKey`, hashed). A 64-bit digest held as a number, not as hex text:
/// a text key was a String of its own in every output record (17,757 at 10,000 articles, read
/// from the build state by every build, no-change ones too) and in every page's check.
/// `none` (0) is the key of a file written as bytes (a sitemap, an asset) and of a file about to
/// be written: no build trusts it, as no real key is 0.
struct OutputKey: Hashable, Sendable, CustomStringConvertible {
    let value: UInt64

    /// The key of no trusted content (`OutputRecord.untrusted`, files made as bytes).
    static let none = OutputKey(value: 0)

    /// A key as the build state stores it (`outputs.render_key`, the bits of a signed integer).
    init(value: UInt64) {
        self.value = value
    }

    /// The digest `hasher` made; a digest of 0 becomes 1, so no real key is `none`.
    init(_ hasher: StableHasher) {
        value = hasher.value == 0 ? 1 : hasher.value
    }

    /// An image file's key: its plan's cache key (the image's bytes and the image settings).
    init(imageCacheKey: String) {
        var hasher = StableHasher()
        hasher.combine("image file")
        hasher.combine(imageCacheKey)
        self.init(hasher)
    }

    var isNone: Bool { value == 0 }

    /// The value in the build state's integer column.
    var storedValue: Int64 { Int64(bitPattern: value) }

    /// Hex, for messages and tests.
    var description: String { String(value, radix: 16) }
}
