import Dispatch
import Synchronization

/// Maps `body` over `items` on `jobs` threads and returns the results in input order.
///
/// Stages 1–3 are synchronous and hold no shared state, so plain threads are the simplest
/// fit (libxml2 and cmark calls never suspend).
public func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], jobs: Int, _ body: @Sendable (Item) -> Result
) -> [Result] {
    let workers = max(1, min(jobs, items.count))
    if workers == 1 { return items.map(body) }
    let next = Atomic<Int>(0)
    let results = ResultSlots<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < items.count else { return }
            results.store(body(items[index]), at: index)
        }
    }
    return results.collect()
}

/// One slot per input; each slot is written by exactly one worker, and read after all finish.
private final class ResultSlots<Result: Sendable>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Result?>
    /// Whether `collect()` moved the results out (the slots are uninitialized then).
    private var collected = false

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        if !collected { storage.deinitialize() }
        storage.deallocate()
    }

    func store(_ value: Result, at index: Int) { storage[index] = value }

    /// The results, moved out of the slots (at most once): copying them retained every
    /// reference they hold and freeing the slots released it again, for every item of every
    /// parallel phase.
    func collect() -> [Result] {
        precondition(!collected, "results collected twice")
        collected = true
        return Array(unsafeUninitializedCapacity: storage.count) { buffer, initialized in
            for index in storage.indices {
                guard let result = storage.moveElement(from: index) else { preconditionFailure("a result slot was left empty") }
                buffer.initializeElement(at: index, to: result)
                initialized = index + 1
            }
        }
    }
}
