import Foundation
import GalleyCore
import GalleyExtract
import GalleyNormalize

/// Stages 1–2 for one source file: read, extract, normalise (or parse a `.md` file).
public struct PageProcessor: Sendable {
    public let extractor: any ArticleExtractor
    public let normalizer: any ArticleNormalizer

    /// Creates the stages from the site configuration.
    public init(config: SiteConfig) {
        let offset = config.timeZone.secondsFromGMT()
        extractor = HTMLExtractor(settings: .init(regionsBySource: config.regions.bySource, defaultUTCOffsetSeconds: offset))
        normalizer = MarkdownNormalizer(tagAliases: config.tags.aliases, regionAliases: config.regions.aliases)
    }

    /// The result for one file: the extraction when stage 1 succeeded, and the document or
    /// the error that stopped stages 1–2.
    public struct Outcome: Sendable {
        public var extracted: ExtractedArticle?
        public var document: Result<ArticleDocument, GalleyError>
        /// When the page was fetched, from its sidecar.
        public var fetched: Date?
    }

    public func process(_ file: SourceFile) -> Outcome {
        var extracted: ExtractedArticle?
        var fetched: Date?
        do throws(GalleyError) {
            switch file.kind {
            case .markdown:
                let document = try normalizer.parseDocument(try SourceReader.markdown(file), source: file.path)
                return Outcome(extracted: nil, document: .success(document))
            case .page:
                let page = try SourceReader.page(file)
                fetched = page.sidecar?.fetchTimestamp?.date
                var article = try extractor.extract(page)
                if article.metadata.published == nil, article.metadata.modified == nil {
                    // No date on the page: the time the scraper fetched it is the best we know.
                    article.metadata.published = page.sidecar?.fetchTimestamp
                }
                extracted = article
                return Outcome(extracted: article, document: .success(try normalizer.normalize(article)), fetched: fetched)
            }
        } catch {
            return Outcome(extracted: extracted, document: .failure(error), fetched: fetched)
        }
    }

    /// Stage 1 only, treating the whole file as article content (`galley markdown --fragment`).
    public func fragmentMarkdown(_ file: SourceFile) throws(GalleyError) -> String {
        let page = try SourceReader.page(file)
        let extracted = try extractor.extractFragment(page)
        return normalizer.markdown(for: extracted.content, baseURL: extracted.baseURL)
    }
}
