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
