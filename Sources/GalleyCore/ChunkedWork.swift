import Dispatch
import Synchronization

/// Work on items that a producer hands over chunk by chunk: each chunk is worked on another
/// thread while the producer goes on making the next (the build state's rows are decoded
/// while the next rows are read from the database, instead of after all of them).
public final class ChunkedWork<Item: Sendable, Result: Sendable>: Sendable {
    private let body: @Sendable (Item) -> Result
    private let group = DispatchGroup()
    /// Chunk number → its results; the number of chunks handed over so far.
    private let state = Mutex<(done: [Int: [Result]], handedOver: Int)>(([:], 0))

    /// `body` makes one item's result, on any thread.
    public init(_ body: @escaping @Sendable (Item) -> Result) {
        self.body = body
    }

    /// Starts working on `chunk` on another thread.
    public func add(_ chunk: [Item]) {
        guard !chunk.isEmpty else { return }
        let number = state.withLock { state in
            defer { state.handedOver += 1 }
            return state.handedOver
        }
        DispatchQueue.global().async(group: group) { [self] in
            let made = chunk.map(body)
            state.withLock { $0.done[number] = made }
        }
    }

    /// Every result, in the order the items were handed over, once all are made.
    public func results() -> [Result] {
        group.wait()
        return state.withLock { state in (0..<state.handedOver).flatMap { state.done[$0] ?? [] } }
    }
}
