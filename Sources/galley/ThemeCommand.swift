import ArgumentParser
import Foundation
import GalleyTheme

/// `galley theme export DIR`: writes the built-in theme out, to customise. `DIR` must be new
/// or empty, so that nothing is overwritten.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the built-in theme.",
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the built-in theme to a new folder (then build with --templates DIR, or name it templates/).")

        @Argument(help: ArgumentHelp("A folder that does not exist yet, or an empty one.", valueName: "dir"))
        var folder: String

        func run() throws {
            let root = URL(fileURLWithPath: folder)
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            guard existing.isEmpty else {
                printError("error: theme: \(folder): the folder is not empty; choose a new one (nothing was written)")
                throw ExitCode(ExitStatus.configError)
            }
            do {
                try writeNewFiles(EmbeddedTheme.files.map { ($0.path, $0.bytes) }, into: root)
            } catch {
                printError("error: theme: \(folder): cannot write the theme: \(error.localizedDescription)")
                throw ExitCode(ExitStatus.ioError)
            }
            print("wrote \(EmbeddedTheme.files.count) files of the built-in theme to \(folder)")
        }
    }
}
