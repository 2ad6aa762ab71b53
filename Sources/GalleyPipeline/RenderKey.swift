import Foundation
import GalleyCore

/// The key of everything a page is rendered from: if the key of a page is the one the manifest
/// remembers and the file is still there, the page is neither rendered nor written again.
enum RenderKey {
    /// An article page: its document, its summary and its relations, under the build's inputs.
    static func article(_ document: ArticleDocument, summary: ArticleSummary, relations: ArticleRelations, inputs: String) -> String {
        key(ArticleInputs(document: document, summary: summary, relations: relations), inputs: inputs)
    }

    /// A planned page (home, term, archive, terms, 404).
    static func page(_ plan: PagePlan, inputs: String) -> String { key(plan, inputs: inputs) }

    private struct ArticleInputs: Encodable {
        var document: ArticleDocument
        var summary: ArticleSummary
        var relations: ArticleRelations
    }

    private static func key(_ value: some Encodable, inputs: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data()
        return inputs + "-" + SourceFingerprint.hash(data)
    }
}
