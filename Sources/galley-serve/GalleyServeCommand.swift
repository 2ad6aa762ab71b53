import ArgumentParser
import Foundation
import GalleyCore
import GalleyPipeline
import GalleyServe

/// `galley-serve`: the preview server behind `galley serve` (a program of its own, so that
/// `galley` links no HTTP server). Builds the site, serves it, rebuilds on change and reloads
/// open pages; Ctrl-C stops it.
@main
struct GalleyServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "galley-serve",
        abstract: "Build the site, serve it locally and rebuild and reload open pages when content, templates or config change.",
        discussion: "Watches the content folder, the templates folder and the config file. A rebuild that fails keeps the last good site served and shows the error in the terminal and on the open pages. Ctrl-C stops the server. Exit codes: 0 stopped; 3 the address could not be used."
    )

    @Option(name: .long, help: "Folder of scraped pages and Markdown articles.")
    var content: String = "content"

    @Option(name: .long, help: "Folder the site is written to and served from.")
    var output: String = "public"

    @Option(name: .long, help: "Site configuration file (optional when the default is missing).")
    var config: String = "galley.yml"

    @Option(name: .long, help: "Folder of Mustache templates and static/ assets.")
    var templates: String = "templates"

    @Option(name: .long, help: "Address to listen on (loopback by default; any other address is reachable by others).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host needs an address") }
    }

    func run() async throws {
        if !LoopbackHost.isLoopback(host) {
            Self.log("warning: --host \(host) is not a loopback address: anyone who can reach this machine can read the site (and its drafts' absence is not a guarantee of privacy)")
        }
        let server = SiteServer(options: options, log: Self.log)
        let signals = ShutdownSignals { server.stop() }
        defer { signals.cancel() }
        do {
            try await server.run { port in
                let line = "galley serve: \(server.options.url(port: port)) (watching \(content), \(templates), \(config); Ctrl-C to stop)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch {
            Self.log("error: \(error)")
            throw ExitCode(3)
        }
        Self.log("stopped")
    }

    private var options: ServeOptions {
        let build = BuildPipeline.Options(
            configFile: URL(fileURLWithPath: config), configRequired: config != "galley.yml",
            contentFolder: URL(fileURLWithPath: content), outputFolder: URL(fileURLWithPath: output),
            templatesFolder: URL(fileURLWithPath: templates))
        return ServeOptions(build: build, host: host, port: port)
    }

    /// Writes one line to standard error (unbuffered, so it shows at once).
    @Sendable static func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
