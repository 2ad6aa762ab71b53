import ArgumentParser
import Foundation
import GalleyCore
import GalleyPipeline

/// `galley markdown`: one page's Markdown with front matter, or a fragment's Markdown body.
struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Print the Markdown (with front matter) galley makes of one page.",
        discussion: "With --fragment, the file's HTML is treated as article content: no extraction, no front matter."
    )

    @Flag(name: .long, help: "Treat the file's HTML as article content and print only the Markdown body.")
    var fragment = false

    @Option(name: .long, help: "Site configuration (region and tag rules).")
    var config: String = "galley.yml"

    @Argument(help: "A scraped page (.html, .htm, .html.gz).")
    var page: String

    func run() throws {
        let processor = PageProcessor(config: try loadConfig(config))
        let file = ContentDiscovery.file(at: page)
        do {
            if fragment {
                print(try processor.fragmentMarkdown(file), terminator: "")
            } else {
                let document = try processor.process(file).document.get()
                print(processor.markdownFile(document), terminator: "")
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(error.kind == .rejected ? 1 : ExitStatus.ioError)
        }
    }
}
