import Foundation
import GalleyCore
import GalleyExtract
import GalleyNormalize

/// Stages 1–2 for one source file: read, extract, normalise (or parse a `.md` file).
public struct PageProcessor: Sendable {
    public let extractor: HTMLExtractor
    public let normalizer: MarkdownNormalizer
    /// The site's time zone: dates without an offset of their own (file times, HTTP dates) are
    /// written at it.
    let timeZone: TimeZone
    /// Whether a page without a URL of its own takes one from its place in a mirror tree.
    let mirrorURLs: Bool

    /// Creates the stages from the site configuration.
    public init(config: SiteConfig) {
        extractor = HTMLExtractor(settings: .init(regionsBySource: config.regions.bySource, timeZone: config.timeZone))
        normalizer = MarkdownNormalizer(tagAliases: config.tags.aliases, regionAliases: config.regions.aliases, undated: config.undated)
        timeZone = config.timeZone
        mirrorURLs = config.mirrorURLs == .auto
    }

    /// The result for one file: the extraction when stage 1 succeeded, and the document or
    /// the error that stopped stages 1–2.
    public struct ProcessedPage: Sendable {
        public var extracted: ExtractedArticle?
        public var document: Result<ArticleDocument, GalleyError>
        /// When the page was fetched, from its sidecar.
        public var fetched: Date?

        /// Creates a result.
        public init(extracted: ExtractedArticle?, document: Result<ArticleDocument, GalleyError>, fetched: Date? = nil) {
            self.extracted = extracted
            self.document = document
            self.fetched = fetched
        }
    }

    /// Stages 1–2 for one file. `stamp` is the file's stamp when the caller already has it
    /// (its mtime dates a page that neither gives a date nor has one in its sidecar); without
    /// it the file is looked at only when that date is needed. `fileBytes`: the file as read
    /// by the caller (who hashed it), else it is read here.
    public func process(_ file: SourceFile, stamp: FileStamp? = nil, fileBytes: [UInt8]? = nil) -> ProcessedPage {
        do throws(GalleyError) {
            switch file.kind {
            case .markdown:
                let document = try normalizer.parseDocument(try SourceReader.markdown(file, fileBytes: fileBytes), source: file.path)
                return ProcessedPage(extracted: nil, document: .success(document))
            case .page:
                let page = try SourceReader.page(file, mirrorURLs: mirrorURLs, fileBytes: fileBytes)
                return process(page) { (stamp ?? Self.stamp(of: file))?.modified }
            case .archive:
                throw GalleyError(.read, source: file.path, reason: "an archive is read record by record, not as one page")
            }
        } catch {
            return ProcessedPage(extracted: nil, document: .failure(error))
        }
    }

    /// Stages 1–2 for a page read out of an archive (`FILE.warc.gz#offset`): its sidecar says
    /// where and when it was fetched, and it has no file time of its own.
    public func process(archived page: SourcePage) -> ProcessedPage {
        process(page) { nil }
    }

    /// Extract and normalise a page that is read; `fileModified` dates it when neither the page
    /// nor its sidecar does.
    private func process(_ page: SourcePage, fileModified: () -> Int64?) -> ProcessedPage {
        var extracted: ExtractedArticle?
        let fetched = page.sidecar?.fetchTimestamp?.date
        do throws(GalleyError) {
            var article = try extractor.extract(page)
            DateFallback.apply(to: &article.metadata, sidecar: page.sidecar, timeZone: timeZone, fileModified: fileModified)
            extracted = article
            return ProcessedPage(extracted: article, document: .success(try normalizer.normalize(article)), fetched: fetched)
        } catch {
            return ProcessedPage(extracted: extracted, document: .failure(error), fetched: fetched)
        }
    }

    /// The stamp of a file named on the command line (followed if it is a link, as it is read).
    static func stamp(of file: SourceFile) -> FileStamp? {
        FileStamp.of(path: file.followsLink ? file.url.resolvingSymlinksInPath().path : file.filePath)
    }

    /// A document as its Markdown file (front matter + body), as `galley markdown` prints it.
    public func markdownFile(_ document: ArticleDocument) -> String {
        normalizer.serialize(document)
    }

    /// Stage 1 only, treating the whole file as article content (`galley markdown --fragment`).
    public func fragmentMarkdown(_ file: SourceFile) throws(GalleyError) -> String {
        let page = try SourceReader.page(file, mirrorURLs: mirrorURLs)
        let extracted = try extractor.extractFragment(page)
        return normalizer.markdown(for: extracted.content, baseURL: extracted.baseURL)
    }
}
