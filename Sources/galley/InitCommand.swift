import ArgumentParser
import Foundation
import GalleyPipeline

/// `galley init [DIR]`: starts a site in `DIR` (default: here) with a commented `galley.yml`,
/// an example article and an example scraped page, and a README. Refuses to overwrite any file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a site: galley.yml with every key, an example article and scraped page, and a README."
    )

    @Argument(help: ArgumentHelp("The site folder, created when missing.", valueName: "dir"))
    var folder: String = "."

    func run() throws {
        let root = URL(fileURLWithPath: folder)
        let taken = SiteScaffold.files.map(\.path).filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        guard taken.isEmpty else {
            printError("error: init: \(folder): \(taken.joined(separator: ", ")) already there; nothing was written (use an empty folder)")
            throw ExitCode(ExitStatus.configError)
        }
        do {
            try writeNewFiles(SiteScaffold.files.map { ($0.path, Array($0.text.utf8)) }, into: root)
        } catch {
            printError("error: init: \(folder): cannot write: \(error.localizedDescription)")
            throw ExitCode(ExitStatus.ioError)
        }
        let place = folder == "." ? "" : "cd \(folder) && "
        print("started a galley site in \(folder): \(SiteScaffold.files.map(\.path).joined(separator: ", "))")
        print("next: \(place)galley build && galley serve")
    }
}
