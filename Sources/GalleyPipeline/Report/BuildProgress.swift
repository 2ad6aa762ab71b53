import Synchronization

/// Where a build reports how far a long phase has got (the command line draws a progress bar
/// from it when standard error is a terminal). Called from worker threads.
public struct BuildProgress: Sendable {
    /// Receives the phase name, items done and items in all.
    public let report: @Sendable (_ phase: String, _ done: Int, _ total: Int) -> Void

    /// Creates a progress sink.
    public init(report: @escaping @Sendable (_ phase: String, _ done: Int, _ total: Int) -> Void) {
        self.report = report
    }
}

/// Counts items done across threads and reports about every percent.
final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    private let phase: String
    private let total: Int
    private let step: Int
    private let progress: BuildProgress

    init(phase: String, total: Int, progress: BuildProgress) {
        self.phase = phase
        self.total = total
        self.step = max(1, total / 100)
        self.progress = progress
    }

    func advance() {
        let now = done.wrappingAdd(1, ordering: .relaxed).newValue
        if now % step == 0 || now == total { progress.report(phase, now, total) }
    }
}
