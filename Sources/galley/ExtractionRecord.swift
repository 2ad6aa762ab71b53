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

    init(file: SourceFile, result: Result<PageProcessor.Output, GalleyError>, normalizer: any ArticleNormalizer) {
        source = file.path
        switch result {
        case .success(let output):
            status = "ok"
            reason = nil
            document = output.document
            extracted = output.extracted
            markdown = normalizer.serialize(output.document)
        case .failure(let error):
            status = error.kind == .rejected ? "rejected" : "failed"
            reason = error.description
            document = nil
            extracted = nil
            markdown = nil
        }
    }

    /// The article as plain text, paragraphs separated by blank lines.
    var text: String? {
        if let extracted { return PlainText.of(extracted.content) }
        return document?.body
    }

    func jsonLine() -> String {
        let matter = document?.frontMatter
        let metadata = extracted?.metadata
        let object: [String: Any?] = [
            "source": source, "status": status, "reason": reason,
            "title": matter?.title, "byline": matter?.author, "published": matter?.date.rfc3339,
            "modified": matter?.modified?.rfc3339, "language": matter?.lang, "tags": matter?.tags,
            "region": matter?.region, "section": matter?.section, "image": matter?.image,
            "canonicalURL": matter?.sourceURL, "siteName": metadata?.siteName, "description": metadata?.description,
            "text": text, "markdown": document?.body,
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
