import Synchronization

/// The last build's status and the open live-reload streams: builds publish here, every
/// `/__galley/events` connection listens here.
final class ReloadHub: Sendable {
    private struct State {
        var status = BuildStatus.initial
        var listeners: [Int: AsyncStream<ServerEvent>.Continuation] = [:]
        var nextListener = 0
        var closed = false
    }

    private let state = Mutex(State())

    /// The last build's status.
    var status: BuildStatus { state.withLock { $0.status } }

    /// How many event streams are open.
    var listenerCount: Int { state.withLock { $0.listeners.count } }

    /// A new event stream; it ends when the hub closes or its consumer goes away.
    func listen() -> AsyncStream<ServerEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ServerEvent.self, bufferingPolicy: .bufferingNewest(8))
        let id: Int? = state.withLock { state in
            guard !state.closed else { return nil }
            defer { state.nextListener += 1 }
            state.listeners[state.nextListener] = continuation
            return state.nextListener
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) }
        }
        return stream
    }

    /// Records a finished build and tells every open page: reload when the site changed (or
    /// the previous build had failed, to clear its error), show the error when it failed.
    func publish(_ status: BuildStatus, siteChanged: Bool) {
        let previous = state.withLock { state in
            defer { state.status = status }
            return state.status
        }
        switch status.state {
        case .failed: send(.failed(status))
        case .ok where siteChanged || previous.state == .failed: send(.reload(build: status.build))
        case .ok, .building: break
        }
    }

    /// Sends an event to every open stream.
    func send(_ event: ServerEvent) {
        let listeners = state.withLock { Array($0.listeners.values) }
        for listener in listeners { listener.yield(event) }
    }

    /// Ends every stream, now and for later listeners (the server is stopping).
    func close() {
        let listeners = state.withLock { state in
            state.closed = true
            defer { state.listeners = [:] }
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }
}
