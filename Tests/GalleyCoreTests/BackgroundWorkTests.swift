import Dispatch
import GalleyCore
import Testing

/// `BackgroundWork`: started at once on another thread, its value handed over on `wait`.
@Suite struct BackgroundWorkTests {
    /// The work runs while the caller does something else: it waits for a signal the caller
    /// gives only after starting it (on one thread this would never finish).
    @Test(.timeLimit(.minutes(1))) func runsWhileTheCallerWorks() {
        let started = DispatchSemaphore(value: 0)
        let work = BackgroundWork { () -> Int in
            started.wait()
            return 42
        }
        started.signal()
        #expect(work.wait() == 42)
    }
}

/// `ChunkedWork`: chunks worked on other threads while the producer goes on, results in the
/// order the items were handed over.
@Suite struct ChunkedWorkTests {
    /// The first chunk is worked while the producer waits for it to start (on one thread this
    /// would never finish); every item comes back once, in order, empty chunks ignored.
    @Test(.timeLimit(.minutes(1))) func worksChunksWhileTheProducerGoesOnAndKeepsTheirOrder() {
        let firstStarted = DispatchSemaphore(value: 0)
        var work = ChunkedWork<Int, String> { item in
            if item == 0 { firstStarted.signal() }
            return "item \(item)"
        }
        work.add(Array(0..<10))
        firstStarted.wait()
        work.add([])
        for start in stride(from: 10, to: 1000, by: 7) { work.add(Array(start..<min(start + 7, 1000))) }
        #expect(work.results() == (0..<1000).map { "item \($0)" })
        var none = ChunkedWork<Int, Int> { $0 }
        #expect(none.results().isEmpty)
    }
}

/// `parallelMap` moves its results out of their slots (unsafe memory): none is leaked or
/// freed twice.
@Suite struct ParallelMapResultTests {
    final class Token: Sendable {
        let number: Int

        init(_ number: Int) { self.number = number }
    }

    /// Every result is held by the returned array alone: once it is gone, so are they (a
    /// result left in a slot would outlive it; one freed with the slots would crash here).
    @Test func resultsAreHeldByTheArrayReturnedAlone() {
        var results = parallelMap(Array(0..<500), jobs: 4) { Token($0) }
        #expect(results.map(\.number) == Array(0..<500))
        #expect(isKnownUniquelyReferenced(&results[0]) && isKnownUniquelyReferenced(&results[499]))
        weak let first = results.first
        weak let last = results.last
        #expect(first != nil && last != nil)
        results = []
        #expect(first == nil && last == nil)
    }
}
