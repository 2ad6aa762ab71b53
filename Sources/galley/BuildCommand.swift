import ArgumentParser
import Foundation
import GalleyCore
import GalleyPipeline

/// `galley build`: the whole pipeline, content folder → output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from the content folder into the output folder.",
        discussion: "A .md file in the content folder whose slug (front matter slug, else from its title) equals an extracted article's replaces that extraction. Exit codes: 0 published (rejected pages are listed but do not fail the build); 2 bad config or templates (or a --keep-markdown folder inside the content folder), output untouched; 3 content folder unreadable or output not writable."
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

    @Option(name: .customLong("keep-markdown"), help: ArgumentHelp(
        "Also write every published article's Markdown (front matter and body) to this folder, one <slug>.md per article.",
        valueName: "dir"))
    var keepMarkdown: String?

    @Flag(name: .customLong("allow-content-folder"), help: "Let --keep-markdown write inside the content folder (the files then override their pages on the next build).")
    var allowContentFolder = false

    @Flag(name: .long, help: "Print nothing unless something fails.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if allowContentFolder, keepMarkdown == nil { throw ValidationError("--allow-content-folder needs --keep-markdown") }
        if keepMarkdown?.isEmpty == true { throw ValidationError("--keep-markdown needs a folder") }
    }

    func run() throws {
        let options = BuildPipeline.Options(
            configFile: URL(fileURLWithPath: config), configRequired: config != "galley.yml",
            contentFolder: URL(fileURLWithPath: content), outputFolder: URL(fileURLWithPath: output),
            templatesFolder: URL(fileURLWithPath: templates), jobs: jobs,
            keepMarkdownFolder: keepMarkdown.map { URL(fileURLWithPath: $0) }, allowMarkdownInContent: allowContentFolder)
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
