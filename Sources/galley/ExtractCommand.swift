import ArgumentParser
import Foundation
import GalleyCore
import GalleyPipeline

/// `galley extract`: stages 1–2 for each page, for debugging and scoring.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract and normalise pages; print JSON lines, Markdown or plain text.",
        discussion: "JSON keys: source, status (ok, rejected, failed), reason, title, byline, published, modified, dateSource (page, fetched, file: where published came from), language, tags, region, section, image, canonicalURL, siteName, description, text, markdown. Exit code 0 even when pages are rejected; 1 when any page failed."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown, text
    }

    @Option(name: .long, help: "Output format: json (one object per line), markdown or text.")
    var format: Format = .json

    @Option(name: .long, help: "Site configuration (region and tag rules).")
    var config: String = "galley.yml"

    @Option(name: .long, help: "Pages processed in parallel.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Argument(help: "Scraped pages (.html, .htm, .html.gz) WARC files (.warc, .warc.gz: one entry per web page, source FILE#offset) and WACZ files (.wacz: source FILE#ENTRY#offset).")
    var pages: [String]

    /// One thing to extract: a page file, a page read out of a WARC, or a WARC record that
    /// could not be read.
    enum Item: Sendable {
        case file(SourceFile)
        case archived(SourcePage)
        case unreadable(GalleyError)
    }

    func run() throws {
        let processor = PageProcessor(config: try loadConfig(config))
        var items: [Item] = []
        for path in pages {
            guard ScrapeArchive.isArchive(path) else {
                items.append(.file(ContentDiscovery.file(at: path)))
                continue
            }
            let archive = ScrapeArchive.read(URL(fileURLWithPath: path), name: path)
            items += archive.pages.map(Item.archived) + archive.problems.map(Item.unreadable)
        }
        let format = self.format
        let markdownFile = format == .markdown
        // Each page's output text is made on the worker that extracted it; printing stays in order.
        let results = parallelMap(items, jobs: max(1, jobs)) { item -> (failed: Bool, output: String) in
            let record = switch item {
            case .file(let file): ExtractionRecord(file: file, outcome: processor.process(file), processor: processor, markdownFile: markdownFile)
            case .archived(let page): ExtractionRecord(source: page.path, outcome: processor.process(archived: page), processor: processor, markdownFile: markdownFile)
            case .unreadable(let problem):
                ExtractionRecord(source: problem.source ?? "", outcome: .init(extracted: nil, document: .failure(problem)), processor: processor,
                                 markdownFile: markdownFile)
            }
            switch format {
            case .json: return (record.status == "failed", record.jsonLine() + "\n")
            case .markdown: return (record.status == "failed", record.markdownOutput)
            case .text: return (record.status == "failed", record.textOutput)
            }
        }
        for result in results { FileHandle.standardOutput.write(Data(result.output.utf8)) }
        if results.contains(where: \.failed) { throw ExitCode(1) }
    }
}
