import Foundation
import GalleyCore
import GalleyPipeline
import Hummingbird

/// `galley serve`: builds the site, serves the output folder over HTTP (Hummingbird), and
/// rebuilds when the content, the templates or the config change, reloading open pages through
/// server-sent events. A failed rebuild leaves the last good site served and its error shown
/// in the terminal and on the pages.
///
/// ```swift
/// let server = SiteServer(options: options) { print($0) }
/// try await server.run { port in print("http://127.0.0.1:\(port)/") }  // until server.stop()
/// ```
package final class SiteServer: Sendable {
    package let options: ServeOptions
    private let hub = ReloadHub()
    private let stopSignal = StopSignal()
    private let log: @Sendable (String) -> Void

    /// Creates a server; `log` receives the lines meant for the terminal.
    package init(options: ServeOptions, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// The last build's status.
    package var status: BuildStatus { hub.status }

    /// Builds once, then serves and watches until `stop()` is called. `onReady` gets the port
    /// the server listens on (the chosen one when the options ask for port 0).
    ///
    /// Throws when the server cannot listen (the address is taken, say).
    package func run(onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws(GalleyError) {
        let builder = SiteBuilder(options: options.build)
        let watcher = TreeWatcher(roots: options.watchedPaths, excluded: options.build.outputFolder.standardizedFileURL.path)
        let baseline = watcher.snapshot()  // before the first build: a save during it rebuilds
        await rebuild(number: 1, changes: [], builder: builder)
        let (changes, announce) = AsyncStream.makeStream(of: [String].self, bufferingPolicy: .bufferingNewest(1))
        let application = makeApplication(onReady: onReady)
        let failure: (any Error)? = await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            group.addTask {
                await watcher.watch(from: baseline, every: self.options.pollInterval, debounce: self.options.debounce) {
                    announce.yield($0)
                }
            }
            group.addTask { await self.rebuildLoop(changes, builder: builder) }
            group.addTask { await self.heartbeats() }
            group.addTask { await self.stopSignal.wait() }
            var failure: (any Error)?
            do { try await group.next() } catch { failure = error }
            stopSignal.fire()
            hub.close()
            announce.finish()
            group.cancelAll()
            return failure
        }
        if let failure { throw Self.listenError(failure, address: "\(options.host):\(options.port)") }
    }

    /// Stops a running server: open event streams end, the listener closes, `run` returns.
    package func stop() {
        stopSignal.fire()
    }

    private func makeApplication(onReady: @escaping @Sendable (Int) -> Void) -> Application<SiteResponder> {
        let hub = self.hub
        let files = OutputFileResponder(outputFolder: options.build.outputFolder.standardizedFileURL.path) { hub.status }
        let responder = SiteResponder(files: files, hub: hub)
        let requested = options.port
        var application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: "galley"),
            onServerRunning: { channel in onReady(channel.localAddress?.port ?? requested) })
        application.logger.logLevel = .critical  // stopping cancels open connections, which it would report
        return application
    }

    /// Runs one build per announced change, in order; changes announced during a build are
    /// folded into one more build.
    private func rebuildLoop(_ changes: AsyncStream<[String]>, builder: SiteBuilder) async {
        var number = 1
        for await changed in changes {
            number += 1
            await rebuild(number: number, changes: changed, builder: builder)
        }
    }

    private func rebuild(number: Int, changes: [String], builder: SiteBuilder) async {
        if !changes.isEmpty { log("changed: \(Self.describe(changes))") }
        let run = await builder.build()
        let status = BuildStatus.finished(run.result, build: number, seconds: run.seconds, at: run.finished)
        switch run.result {
        case .success(let report):
            hub.publish(status, siteChanged: report.filesWritten + report.filesRemoved > 0)
            log(number == 1 ? report.summary : Self.rebuilt(report, number: number, seconds: run.seconds))
        case .failure(let error):
            hub.publish(status, siteChanged: false)
            log("error: build \(number) failed: \(error)\n  still serving the last good site; fix the error and save again")
        }
    }

    private func heartbeats() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: options.heartbeat) } catch { return }
            hub.send(.heartbeat)
        }
    }

    /// Why the server could not run, in words (NIO's bind errors carry an errno).
    private static func listenError(_ error: any Error, address: String) -> GalleyError {
        let text = String(describing: error)
        let reason = text.contains("errno: 98") || text.contains("Address already in use")
            ? "the address is already in use (another server? choose another --port, or --port 0 for a free one)"
            : "cannot listen: \(text)"
        return GalleyError(.write, source: address, reason: reason)
    }

    private static func rebuilt(_ report: BuildReport, number: Int, seconds: Double) -> String {
        var lines = ["rebuilt (build \(number)) in \(String(format: "%.2f", seconds)) s: \(report.published) articles, "
            + "files \(report.filesWritten) written, \(report.filesUnchanged) unchanged, \(report.filesRemoved) removed"]
        for problem in report.failed { lines.append("  failed: \(problem)") }
        return lines.joined(separator: "\n")
    }

    /// Changed paths for the terminal, relative to the working folder where possible.
    private static func describe(_ paths: [String]) -> String {
        let base = FileManager.default.currentDirectoryPath + "/"
        let shown = paths.prefix(3).map { $0.hasPrefix(base) ? String($0.dropFirst(base.count)) : $0 }
        return shown.joined(separator: ", ") + (paths.count > 3 ? " and \(paths.count - 3) more" : "")
    }
}
