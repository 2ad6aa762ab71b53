import ArgumentParser
import Foundation
import GalleyCore
import GalleyPipeline

/// `galley build`: the whole pipeline, content folder → output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from the content folder into the output folder.",
        discussion: "Exit codes: 0 published (rejected pages are listed but do not fail the build); 2 bad config or templates, output untouched; 3 content folder unreadable or output not writable."
    )

    @Option(name: .long, help: "Site configuration file (optional when the default is missing).")
    var config: String = "galley.yml"

    @Option(name: .long, help: "Folder of scraped pages and Markdown articles.")
    var content: String = "content"

    @Option(name: .long, help: "Folder the site is written to.")
    var output: String = "public"

    @Option(name: .long, help: "Folder of Mustache templates and static/ assets.")
    var templates: String = "templates"

    @Option(name: .long, help: "Pages processed in parallel (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Print nothing unless something fails.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let options = BuildPipeline.Options(
            configFile: URL(fileURLWithPath: config), configRequired: config != "galley.yml",
            contentFolder: URL(fileURLWithPath: content), outputFolder: URL(fileURLWithPath: output),
            templatesFolder: URL(fileURLWithPath: templates), jobs: jobs)
        let report: BuildReport
        do {
            report = try BuildPipeline(options: options).run()
        } catch {
            printError("error: \(error)")
            throw ExitCode(ExitStatus.code(for: error))
        }
        if !quiet {
            printError(report.summary)
        } else if !report.failed.isEmpty {
            for problem in report.failed { printError("failed: \(problem)") }
        }
    }
}
