import ArgumentParser
import Foundation
import GalleyBuildInfo
import GalleyCore
import GalleyPipeline

/// The `galley` command line.
@main
struct Galley: ParsableCommand {

    static let configuration = CommandConfiguration(
        commandName: "galley",
        abstract: "Turns a folder of scraped news pages into a static news site.",
        version: BuildInfo.versionLine,
        subcommands: [BuildCommand.self, ExtractCommand.self, MarkdownCommand.self, ServeCommand.self, ConfigCommand.self, ThemeCommand.self, InitCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Sets the allocator up (`AllocatorPolicy`), then parses and runs the command.
    static func main() {
        AllocatorPolicy.apply()
        main(nil)
    }
}

/// Exit codes (documented in the README).
enum ExitStatus {
    /// Published.
    static let success: Int32 = 0
    /// Published, but pages were rejected or failed and `--strict` was given.
    static let pagesRejected: Int32 = 1
    /// Bad config or templates; the output folder was not touched.
    static let configError: Int32 = 2
    /// The content folder could not be read or the output could not be written.
    static let ioError: Int32 = 3
    /// Another build of the same output holds the lock (EX_TEMPFAIL: try again later).
    static let locked: Int32 = 75

    static func code(for error: GalleyError) -> Int32 {
        switch error.stage {
        case .config, .render: configError
        case .lock: locked
        default: ioError
        }
    }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Loads the site configuration for a command: the default `galley.yml` may be missing,
/// a file named with `--config` must exist. A bad file exits with code 2.
func loadConfig(_ path: String) throws -> SiteConfig {
    do {
        return try ConfigLoader.load(URL(fileURLWithPath: path), required: path != "galley.yml")
    } catch {
        printError("error: \(error)")
        throw ExitCode(ExitStatus.configError)
    }
}
