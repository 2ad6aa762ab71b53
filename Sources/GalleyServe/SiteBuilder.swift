import Dispatch
import Foundation
import GalleyCore
import GalleyPipeline

/// Runs builds for the server, one at a time, on a thread of their own (never on the server's
/// event loops or the concurrency pool): `BuildPipeline(options:).run()` in this process.
struct SiteBuilder: Sendable {
    /// The result of one build and how long it took.
    struct Run: Sendable {
        var result: Result<BuildReport, GalleyError>
        var seconds: Double
        var finished: Date
    }

    let options: BuildPipeline.Options
    private let queue = DispatchQueue(label: "galley.serve.build", qos: .userInitiated)

    init(options: BuildPipeline.Options) {
        self.options = options
    }

    /// Builds the site now (the build's clock is now).
    func build() async -> Run {
        var options = self.options
        options.now = Date()
        let pipeline = BuildPipeline(options: options)
        return await withCheckedContinuation { continuation in
            queue.async {
                let started = DispatchTime.now().uptimeNanoseconds
                let result = Result { () throws(GalleyError) in try pipeline.run() }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                continuation.resume(returning: Run(result: result, seconds: seconds, finished: Date()))
            }
        }
    }
}
