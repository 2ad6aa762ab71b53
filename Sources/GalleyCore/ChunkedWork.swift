/// Work on items that a producer hands over chunk by chunk: each chunk is worked on another
/// thread (a `BackgroundWork`) while the producer goes on making the next (the build state's
/// rows are decoded while the next rows are read from the database, instead of after all of
/// them). Used from the producer's thread only.
public struct ChunkedWork<Item: Sendable, Result: Sendable> {
    private let body: @Sendable (Item) -> Result
    private var chunks: [BackgroundWork<[Result]>] = []

    /// `body` makes one item's result, on any thread.
    public init(_ body: @escaping @Sendable (Item) -> Result) {
        self.body = body
    }

    /// Starts working on `chunk` on another thread.
    public mutating func add(_ chunk: [Item]) {
        guard !chunk.isEmpty else { return }
        chunks.append(BackgroundWork { [body] in chunk.map(body) })
    }

    /// Every result, in the order the items were handed over, once all are made (the chunks are
    /// handed over with them: a second call gives none).
    public mutating func results() -> [Result] {
        defer { chunks = [] }
        return chunks.flatMap { $0.wait() }
    }
}
