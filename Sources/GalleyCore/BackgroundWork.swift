import Dispatch
import Synchronization

/// Work started on another thread at once and waited for later, to overlap two steps that
/// need different things: the next batch of pages is read (or processed) while the current
/// one is rendered (or saved) on the calling thread.
public final class BackgroundWork<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)
    private let group = DispatchGroup()

    /// Starts `body` on another thread.
    public init(_ body: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) {
            let made = body()
            self.value.withLock { $0 = made }
        }
    }

    /// What `body` returned, once it has (at most once: a second call is a programming error).
    public func wait() -> Value {
        group.wait()
        guard let made = value.withLock({ $0.take() }) else { preconditionFailure("BackgroundWork waited for twice") }
        return made
    }
}
