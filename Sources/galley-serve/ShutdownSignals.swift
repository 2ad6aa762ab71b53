import Dispatch
import Foundation

/// Turns SIGINT (Ctrl-C) and SIGTERM into one call of `stop` for a clean shutdown; a second
/// signal exits at once (status 130).
final class ShutdownSignals {
    private let sources: [any DispatchSourceSignal]

    /// Starts listening; keep the object alive while the server runs.
    init(stop: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "galley.serve.signals")
        let received = Counter()
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if received.increment() > 1 { exit(130) }
                stop()
            }
            source.resume()
            return source
        }
    }

    /// Stops listening.
    func cancel() {
        for source in sources { source.cancel() }
    }

    /// Signals seen so far (touched on the signal queue only).
    private final class Counter: @unchecked Sendable {
        private var count = 0
        func increment() -> Int {
            count += 1
            return count
        }
    }
}
