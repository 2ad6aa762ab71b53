import ArgumentParser
import Foundation
import GalleyBuildInfo
import GalleyCore
import GalleyPipeline
import GalleyServe
import GalleyServeArguments

/// `galley-serve`: the preview server behind `galley serve` (a program of its own, so that
/// `galley` links no HTTP server). Builds the site, serves it, rebuilds on change and reloads
/// open pages; Ctrl-C stops it.
@main
struct GalleyServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "galley-serve",
        abstract: ServeArguments.abstract,
        discussion: "Watches the content folder, the templates folder and the config file. A rebuild that fails keeps the last good site served and shows the error in the terminal and on the open pages. Ctrl-C stops the server. Exit codes: 0 stopped; 3 the address could not be used.",
        version: BuildInfo.versionLine
    )

    @OptionGroup var arguments: ServeArguments

    /// Sets the allocator up (`AllocatorPolicy`: every rebuild gains), then parses and runs.
    static func main() async {
        AllocatorPolicy.apply()
        await main(nil)
    }

    func run() async throws {
        if !LoopbackHost.isLoopback(arguments.host) {
            Self.log("warning: --host \(arguments.host) is not a loopback address: anyone who can reach this machine can read the site (and its drafts' absence is not a guarantee of privacy)")
        }
        let server = SiteServer(options: options, log: Self.log)
        let signals = ShutdownSignals { server.stop() }
        defer { signals.cancel() }
        do {
            try await server.run { port in
                let line = "galley serve: \(server.options.url(port: port)) (watching \(arguments.content), \(server.options.build.templatesFolder?.relativePath ?? "the built-in theme"), \(arguments.config); Ctrl-C to stop)\n"
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
            configFile: URL(fileURLWithPath: arguments.config), configRequired: arguments.config != "galley.yml",
            contentFolder: URL(fileURLWithPath: arguments.content), outputFolder: URL(fileURLWithPath: arguments.output),
            templatesFolder: Theme.siteFolder(option: arguments.templates),
            overridesFolder: arguments.overrides.map { URL(fileURLWithPath: $0) },
            cacheFolder: arguments.cache.map { URL(fileURLWithPath: $0) })
        return ServeOptions(build: build, host: arguments.host, port: arguments.port)
    }

    /// Writes one line to standard error (unbuffered, so it shows at once).
    @Sendable static func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
