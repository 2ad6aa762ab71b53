/// The one deterministic random number generator of the test suites (SplitMix64): every
/// property test run sees the same cases, and a failure can be replayed from its seed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A number in `0..<count` (by remainder: cheap, and what the generators were written for).
    public mutating func below(_ count: Int) -> Int { Int(next() % UInt64(count)) }

    /// One element of a non-empty array, chosen by `below`.
    public mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    /// One element of a non-empty array, chosen by `Int.random(in:using:)` (unbiased).
    public mutating func uniformPick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &self)] }

    /// True with probability `share` (0…1).
    public mutating func chance(_ share: Double) -> Bool { Double.random(in: 0..<1, using: &self) < share }

    /// An index chosen with the given weights.
    public mutating func weighted(_ weights: [Int]) -> Int {
        var roll = Int.random(in: 0..<weights.reduce(0, +), using: &self)
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }
}
