import Foundation
import GalleyCore
import GalleyExtract
import GalleyNormalize

/// Stages 1–2 for one source file: read, extract, normalise (or parse a `.md` file).
public struct PageProcessor: Sendable {
    public let extractor: any ArticleExtractor
    public let normalizer: any ArticleNormalizer

    /// The result for one file: the document, plus the extraction when there was one.
    public struct Output: Sendable {
        public var extracted: ExtractedArticle?
        public var document: ArticleDocument
    }

    /// Creates the stages from the site configuration.
    public init(config: SiteConfig) {
        let offset = config.timeZone.secondsFromGMT()
        extractor = HTMLExtractor(settings: .init(regionsBySource: config.regions.bySource, defaultUTCOffsetSeconds: offset))
        normalizer = MarkdownNormalizer(tagAliases: config.tags.aliases, regionAliases: config.regions.aliases)
    }

    public func process(_ file: SourceFile) -> Result<Output, GalleyError> {
        do throws(GalleyError) {
            switch file.kind {
            case .markdown:
                let document = try normalizer.parseDocument(try SourceReader.markdown(file), source: file.path)
                return .success(Output(extracted: nil, document: document))
            case .page:
                let page = try SourceReader.page(file)
                var extracted = try extractor.extract(page)
                if extracted.metadata.published == nil, extracted.metadata.modified == nil {
                    // The fetch time is the best we know; say so in the document's source.
                    extracted.metadata.published = page.sidecar?.fetchTimestamp
                }
                return .success(Output(extracted: extracted, document: try normalizer.normalize(extracted)))
            }
        } catch {
            return .failure(error)
        }
    }

    /// Stage 1 only, treating the whole file as article content (`galley markdown --fragment`).
    public func fragmentMarkdown(_ file: SourceFile) throws(GalleyError) -> String {
        let page = try SourceReader.page(file)
        let extracted = try extractor.extractFragment(page)
        return normalizer.markdown(for: extracted.content, baseURL: extracted.baseURL)
    }
}
