import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A started program that tests wait for without holding a thread of the concurrency pool.
///
/// `Process.waitUntilExit()` and a semaphore wait both block the calling thread. A test does
/// that on the pool, which has one thread per core: two such tests at once on two cores leave
/// no thread for the preview server the serve tests talk to, and its replies time out. The
/// waits here sleep between looks instead, which frees the thread.
public final class ChildProcess: Sendable {
    /// The process id.
    public let identifier: Int32
    private let started: ContinuousClock.Instant
    private let ended = Flag()
    private let process: Process

    /// Starts `process` (its arguments, files and environment already set).
    public init(starting process: Process) throws {
        self.process = process
        let ended = self.ended
        process.terminationHandler = { _ in ended.raise() }
        started = .now
        try process.run()
        identifier = process.processIdentifier
    }

    /// Whether the program is still running.
    public var isRunning: Bool { !ended.isRaised }

    /// Sends `signal` (SIGKILL unless told).
    public func kill(_ signal: Int32 = SIGKILL) {
        if isRunning { _ = Glibc.kill(identifier, signal) }
    }

    /// Suspends until the program ends, or until `limit` has passed; true when it ended.
    @discardableResult
    public func end(within limit: Duration = .seconds(3_600)) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while isRunning {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    /// How long the program ran: from its start to the moment it ended, not to the moment a
    /// waiting test looked (a busy pool may resume the waiter late); nil while it runs.
    public var runningTime: Duration? { ended.raisedAt.map { $0 - started } }

    /// The exit status, or the signal that ended it; read after `end` returned true.
    public var terminationStatus: Int32 { process.terminationStatus }

    /// Whether a signal ended it; read after `end` returned true.
    public var endedBySignal: Bool { process.terminationReason == .uncaughtSignal }

    /// What a finished program gave: its exit status and what it wrote.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `program` with `arguments` (in `folder` when given) to its end, capturing both
    /// output streams in files (a pipe could fill and stall it).
    public static func capture(_ program: URL, _ arguments: [String], in folder: URL? = nil) async throws -> Output {
        let streams = FileManager.default.temporaryDirectory.appendingPathComponent("galley-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: streams, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: streams) }
        let out = streams.appendingPathComponent("stdout"), err = streams.appendingPathComponent("stderr")
        for file in [out, err] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let status = try await run(process)
        return Output(status: status, stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// Runs `process` to its end and returns its exit status.
    public static func run(_ process: Process) async throws -> Int32 {
        let child = try ChildProcess(starting: process)
        await child.end()
        return child.terminationStatus
    }

    /// Set once, from the thread that sees the program end, with the time it ended.
    private final class Flag: Sendable {
        private let value = Mutex<ContinuousClock.Instant?>(nil)
        var isRaised: Bool { value.withLock { $0 != nil } }
        var raisedAt: ContinuousClock.Instant? { value.withLock { $0 } }
        func raise() { value.withLock { $0 = .now } }
    }
}
