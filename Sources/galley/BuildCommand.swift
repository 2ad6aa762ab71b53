import ArgumentParser
import Foundation
import GalleyCore
import GalleyPipeline

/// `galley build`: the whole pipeline, content folder → output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from the content folder into the output folder.",
        discussion: """
        Builds are incremental: unchanged sources are not extracted again, unchanged pages are not rendered again, \
        and a file is written only when its bytes change. A .md file in the content folder whose slug equals an \
        extracted article's replaces that extraction. Exit codes: 0 published (rejected pages are listed); 1 \
        published, but pages were rejected or failed and --strict was given; 2 bad config or templates (or a \
        --keep-markdown folder inside the content folder), output untouched; 3 content folder unreadable or \
        output not writable; 75 another build of the same output is running.
        """
    )

    @Option(name: .long, help: "Site configuration file (optional when the default is missing).")
    var config: String = "galley.yml"

    @Option(name: .long, help: "Folder of scraped pages and Markdown articles.")
    var content: String = "content"

    @Option(name: .long, help: "Folder the site is written to.")
    var output: String = "public"

    @Option(name: .long, help: ArgumentHelp("The site's own theme files (Mustache templates, strings, static/), laid over the built-in theme; default templates/ when it exists.", valueName: "dir"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("A site's own templates, strings or static files, each replacing the theme's file of the same path.", valueName: "dir"))
    var overrides: String?

    @Option(name: .long, help: ArgumentHelp("Folder for the build state (state.sqlite, lock, staging); default .galley beside the output.", valueName: "dir"))
    var cache: String?

    @Option(name: .long, help: "Pages processed in parallel (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("keep-markdown"), help: ArgumentHelp(
        "Also write every published article's Markdown (front matter and body) to this folder, one <slug>.md per article.",
        valueName: "dir"))
    var keepMarkdown: String?

    @Flag(name: .customLong("allow-content-folder"), help: "Let --keep-markdown write inside the content folder (the files then override their pages on the next build).")
    var allowContentFolder = false

    @Flag(name: .long, help: "Ignore the build cache: extract and render every page (files are still written only when changed).")
    var full = false

    @Option(name: .long, help: ArgumentHelp("Write the build report, one entry per source, as JSON to this file.", valueName: "file"))
    var report: String?

    @Flag(name: .long, help: "Exit with 1 when pages were rejected or failed (the rest is still published).")
    var strict = false

    @Flag(name: .long, help: "Give the site a search page and box (as `search: true` does) and index it with pagefind (on the PATH, or python3 -m pagefind_bin).")
    var search = false

    @Flag(name: .long, help: "Print nothing unless something fails.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if allowContentFolder, keepMarkdown == nil { throw ValidationError("--allow-content-folder needs --keep-markdown") }
        if keepMarkdown?.isEmpty == true { throw ValidationError("--keep-markdown needs a folder") }
    }

    func run() throws {
        let progress = !quiet && isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
        let options = BuildPipeline.Options(
            configFile: URL(fileURLWithPath: config), configRequired: config != "galley.yml",
            contentFolder: URL(fileURLWithPath: content), outputFolder: URL(fileURLWithPath: output),
            templatesFolder: Theme.siteFolder(option: templates), overridesFolder: overrides.map { URL(fileURLWithPath: $0) },
            jobs: jobs, keepMarkdownFolder: keepMarkdown.map { URL(fileURLWithPath: $0) }, allowMarkdownInContent: allowContentFolder,
            cacheFolder: cache.map { URL(fileURLWithPath: $0) }, full: full, search: search, progress: progress?.sink,
            leavesMemoryForExit: true, reportsEverySource: report != nil)
        let result: BuildReport
        do {
            result = try BuildPipeline(options: options).run()
        } catch {
            progress?.finish()
            printError("error: \(error)")
            throw ExitCode(ExitStatus.code(for: error))
        }
        progress?.finish()
        if result.search { try SearchIndexer(outputFolder: output, quiet: quiet).run() }
        if let report { try writeReport(result, to: report) }
        if !quiet {
            printError(result.summary)
        } else if !result.failed.isEmpty {
            for problem in result.failed { printError("failed: \(problem)") }
        }
        LeftForExit.keep(result)
        if strict, !result.problems.isEmpty { throw ExitCode(ExitStatus.pagesRejected) }
    }

    private func writeReport(_ result: BuildReport, to path: String) throws {
        do {
            try result.json().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            printError("error: write: \(path): cannot write the report: \(error.localizedDescription)")
            throw ExitCode(ExitStatus.ioError)
        }
    }
}
