import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Listens to `/__galley/events` like a page would, on a thread of its own, and remembers when
/// each piece of the stream arrived (to measure the time from a save to its reload event).
final class EventStreamClient: Sendable {
    private struct Arrival {
        var text: String
        var at: ContinuousClock.Instant
    }

    private let socket: Int32
    private let arrivals = Mutex<[Arrival]>([])
    /// Whether the reading thread has closed the socket: after that its number may belong to
    /// another connection, so `close()` must not touch it (both sides hold the lock).
    private let closed = Mutex(false)

    /// Connects and starts reading.
    init(port: Int) throws {
        socket = try RawHTTPClient.connectedSocket(port: port)
        try RawHTTPClient.sendAll(socket, Array("GET /__galley/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n".utf8))
        let thread = Thread { [self] in readLoop() }
        thread.start()
    }

    /// Everything received so far (head, chunk framing and events).
    var received: String { arrivals.withLock { $0.map(\.text).joined() } }

    /// When the stream first contained `marker` after `start` characters, or nil.
    func arrival(of marker: String, after start: Int = 0) -> ContinuousClock.Instant? {
        arrivals.withLock { arrivals in
            var text = ""
            for arrival in arrivals {
                text += arrival.text
                if text.count > start, text.dropFirst(start).contains(marker) { return arrival.at }
            }
            return nil
        }
    }

    /// Waits up to `timeout` for `marker` (after `start` characters); returns when it arrived.
    func wait(for marker: String, after start: Int = 0, timeout: Duration = .seconds(15)) async -> ContinuousClock.Instant? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let at = arrival(of: marker, after: start) { return at }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }

    /// Closes the connection (the reading thread ends and releases the socket).
    func close() {
        closed.withLock { closed in
            if !closed { shutdown(socket, Int32(SHUT_RDWR)) }
        }
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { break }
            let text = String(decoding: buffer[0..<count], as: UTF8.self)
            let now = ContinuousClock.now
            arrivals.withLock { $0.append(Arrival(text: text, at: now)) }
        }
        closed.withLock { closed in
            closed = true
            Glibc.close(socket)
        }
    }
}
