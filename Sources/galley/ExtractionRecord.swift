import Foundation
import GalleyCore
import GalleyPipeline

/// One page's result in the stable shape `galley extract` prints.
struct ExtractionRecord: Sendable {
    let source: String
    let status: String
    let reason: String?
    let document: ArticleDocument?
    let extracted: ExtractedArticle?
    /// The Markdown file (front matter and body), made only for `--format markdown`.
    let markdown: String?

    init(file: SourceFile, outcome: PageProcessor.ProcessedPage, processor: PageProcessor, markdownFile: Bool) {
        self.init(source: file.path, outcome: outcome, processor: processor, markdownFile: markdownFile)
    }

    /// A record for a source that is no file of its own (`FILE.warc.gz#offset`).
    init(source: String, outcome: PageProcessor.ProcessedPage, processor: PageProcessor, markdownFile: Bool) {
        self.source = source
        extracted = outcome.extracted
        switch outcome.document {
        case .success(let document):
            status = "ok"
            reason = nil
            self.document = document
            markdown = markdownFile ? processor.markdownFile(document) : nil
        case .failure(let error):
            status = error.kind == .rejected ? "rejected" : "failed"
            reason = error.description
            document = nil
            markdown = nil
        }
    }

    /// The article as plain text, paragraphs separated by blank lines.
    var text: String? {
        if let extracted { return PlainText.of(extracted.content) }
        return document?.body
    }

    func jsonLine() -> String {
        // Normalised values when stage 2 ran; what extraction found when only stage 1 did.
        let matter = document?.frontMatter
        let metadata = extracted?.metadata
        var line = JSONLine()
        line.add("source", source)
        line.add("status", status)
        line.add("reason", reason)
        line.add("title", matter?.title ?? metadata?.title)
        line.add("byline", matter?.author ?? metadata?.byline)
        line.add("published", (matter?.date ?? metadata?.published)?.rfc3339)
        line.add("modified", (matter?.modified ?? metadata?.modified)?.rfc3339)
        line.add("dateSource", dateSource?.rawValue)
        line.add("language", matter?.lang ?? metadata?.language)
        line.add("tags", matter?.tags ?? metadata?.tags)
        line.add("region", matter?.region ?? metadata?.region)
        line.add("section", matter?.section ?? metadata?.section)
        line.add("image", matter?.image ?? metadata?.image)
        line.add("canonicalURL", matter?.sourceURL ?? metadata?.canonicalURL)
        line.add("siteName", metadata?.siteName)
        line.add("description", metadata?.description)
        line.add("text", text)
        line.add("markdown", document?.body)
        return line.finished
    }

    /// Where `published` came from: the document's, else the extraction's when it found or
    /// was given a date; nil when there is no date at all.
    var dateSource: DateSource? {
        if let matter = document?.frontMatter { return matter.dateSource }
        guard let metadata = extracted?.metadata, metadata.published ?? metadata.modified != nil else { return nil }
        return metadata.dateSource ?? .page
    }

    var markdownOutput: String {
        markdown ?? "<!-- \(source): \(status): \(reason ?? "") -->\n"
    }

    var textOutput: String {
        guard let text else { return "# \(source): \(status): \(reason ?? "")\n" }
        return text + "\n"
    }
}
