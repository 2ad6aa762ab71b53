import Foundation
import GalleyPipeline

/// What `galley serve` builds, where it listens, and how it watches for changes.
package struct ServeOptions: Sendable {
    /// The build every rebuild runs (its clock is set anew for each build).
    package var build: BuildPipeline.Options
    /// The address to listen on; loopback unless asked otherwise.
    package var host: String
    /// The port to listen on; 0 picks a free one.
    package var port: Int
    /// How often the watched trees are scanned for changes.
    package var pollInterval: Duration
    /// How long the trees must stay unchanged before a rebuild starts.
    package var debounce: Duration
    /// How often an idle event stream gets a comment line (to notice closed connections).
    package var heartbeat: Duration

    /// Creates options; the timings default to a 250 ms scan, a 300 ms debounce and a 15 s heartbeat.
    package init(build: BuildPipeline.Options, host: String = "127.0.0.1", port: Int = 8080,
                 pollInterval: Duration = .milliseconds(250), debounce: Duration = .milliseconds(300),
                 heartbeat: Duration = .seconds(15)) {
        self.build = build
        self.host = host
        self.port = port
        self.pollInterval = pollInterval
        self.debounce = debounce
        self.heartbeat = heartbeat
    }

    /// The trees and files whose changes trigger a rebuild: content, templates, config and the
    /// theme overrides.
    var watchedPaths: [String] {
        ([build.contentFolder, build.configFile] + [build.templatesFolder, build.overridesFolder].compactMap(\.self))
            .map { $0.standardizedFileURL.path }
    }

    /// The address to print: `http://127.0.0.1:8080/` (IPv6 hosts in brackets).
    package func url(port: Int) -> String {
        let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(shown):\(port)/"
    }
}
