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
    let markdown: String?

    init(file: SourceFile, outcome: PageProcessor.Outcome, normalizer: any ArticleNormalizer) {
        source = file.path
        extracted = outcome.extracted
        switch outcome.document {
        case .success(let document):
            status = "ok"
            reason = nil
            self.document = document
            markdown = normalizer.serialize(document)
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
        let object: [String: Any?] = [
            "source": source, "status": status, "reason": reason,
            "title": matter?.title ?? metadata?.title, "byline": matter?.author ?? metadata?.byline,
            "published": (matter?.date ?? metadata?.published)?.rfc3339,
            "modified": (matter?.modified ?? metadata?.modified)?.rfc3339, "language": matter?.lang ?? metadata?.language,
            "tags": matter?.tags ?? metadata?.tags, "region": matter?.region ?? metadata?.region,
            "section": matter?.section ?? metadata?.section, "image": matter?.image ?? metadata?.image,
            "canonicalURL": matter?.sourceURL ?? metadata?.canonicalURL, "siteName": metadata?.siteName,
            "description": metadata?.description, "text": text, "markdown": document?.body,
        ]
        let cleaned = object.mapValues { $0 ?? NSNull() }
        guard let data = try? JSONSerialization.data(withJSONObject: cleaned, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{\"source\":\"\(source)\",\"status\":\"failed\",\"reason\":\"could not encode\"}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    var markdownOutput: String {
        markdown ?? "<!-- \(source): \(status): \(reason ?? "") -->\n"
    }

    var textOutput: String {
        guard let text else { return "# \(source): \(status): \(reason ?? "")\n" }
        return text + "\n"
    }
}
