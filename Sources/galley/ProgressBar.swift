import Foundation
import GalleyPipeline
import Synchronization

/// A one-line progress bar on standard error (only when it is a terminal), redrawn in place.
final class ProgressBar: Sendable {
    private let lastDrawn = Mutex<(phase: String, percent: Int)>(("", -1))

    /// The sink the build reports to.
    var sink: BuildProgress {
        BuildProgress { [self] phase, done, total in draw(phase: phase, done: done, total: total) }
    }

    private func draw(phase: String, done: Int, total: Int) {
        let percent = total == 0 ? 100 : done * 100 / total
        let changed = lastDrawn.withLock { last in
            guard last.phase != phase || last.percent != percent else { return false }
            last = (phase, percent)
            return true
        }
        guard changed else { return }
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\r\(phase.padding(toLength: 8, withPad: " ", startingAt: 0)) [\(bar)] \(done)/\(total)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar's line.
    func finish() {
        let drawn = lastDrawn.withLock { $0.percent >= 0 }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
