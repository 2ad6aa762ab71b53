import Foundation
import GalleyCore
import GalleyRender
import GalleySite

/// The one orchestrator: every phase of a build, in order, with its timing.
///
/// 1. config and templates (errors here stop the build before anything is written)
/// 2. discover sources
/// 3. extract + normalise each source (parallel; a bad page is reported and skipped); a `.md`
///    file replaces the extraction of a page with the same slug
/// 4. assign unique slugs and permalinks
/// 5. plan related articles and previous/next links, render article pages (parallel)
/// 6. plan the site (indices, feeds, sitemap) and render its pages (parallel)
/// 7. write the output atomically and prune stale files
/// 8. with `keepMarkdownFolder`, write every published article's Markdown there
public struct BuildPipeline: Sendable {
    /// Where a build reads and writes.
    public struct Options: Sendable {
        public var configFile: URL
        public var configRequired: Bool
        public var contentFolder: URL
        public var outputFolder: URL
        public var templatesFolder: URL
        public var jobs: Int
        /// The build's clock (feeds of an empty site).
        public var now: Date
        /// Where each published article's Markdown file (`<slug>.md`) is written; nil: nowhere.
        public var keepMarkdownFolder: URL?
        /// Whether `keepMarkdownFolder` may lie inside the content folder (its files then
        /// replace their pages' extraction on the next build).
        public var allowMarkdownInContent: Bool

        /// Creates options.
        public init(configFile: URL, configRequired: Bool, contentFolder: URL, outputFolder: URL, templatesFolder: URL,
                    jobs: Int = ProcessInfo.processInfo.activeProcessorCount, now: Date = Date(),
                    keepMarkdownFolder: URL? = nil, allowMarkdownInContent: Bool = false) {
            self.configFile = configFile
            self.configRequired = configRequired
            self.contentFolder = contentFolder
            self.outputFolder = outputFolder
            self.templatesFolder = templatesFolder
            self.jobs = max(1, jobs)
            self.now = now
            self.keepMarkdownFolder = keepMarkdownFolder
            self.allowMarkdownInContent = allowMarkdownInContent
        }
    }

    public let options: Options

    /// Creates a pipeline.
    public init(options: Options) { self.options = options }

    /// Runs a build. Throws only for errors that stop the whole build (config, templates,
    /// content folder, output); page problems are in the report.
    public func run() throws(GalleyError) -> BuildReport {
        var report = BuildReport()
        var clock = PhaseClock()

        try checkMarkdownFolder()
        let config = try ConfigLoader.load(options.configFile, required: options.configRequired)
        let theme = try Theme.load(from: options.templatesFolder)
        let renderer = try TemplatePageRenderer(config: config, templates: theme.templates, templateFolder: theme.folder, strings: theme.strings)
        report.phases.append(clock.lap("config"))

        let files = try ContentDiscovery.discover(in: options.contentFolder)
        report.pagesRead = files.filter { $0.kind != .markdown }.count
        report.markdownRead = files.count - report.pagesRead
        report.phases.append(clock.lap("discover"))

        let processor = PageProcessor(config: config)
        let results = parallelMap(files, jobs: options.jobs) { processor.process($0).document }
        var sources: [ArticleIndex.Source] = []
        for (file, result) in zip(files, results) {
            switch result {
            case .success(let document): sources.append(.init(document: document, isMarkdown: file.kind == .markdown))
            case .failure(let error): report.problems.append(error)
            }
        }
        let resolved = ArticleIndex.applyingOverrides(sources)
        report.overridden = resolved.overrides
        var documents: [ArticleDocument] = []
        for document in resolved.documents {
            if document.frontMatter.draft { report.drafts.append(document.source) } else { documents.append(document) }
        }
        report.phases.append(clock.lap("extract"))

        let articles = ArticleIndex(documents: documents, config: config)
        let relations = RelationPlanner().relations(for: articles.entries.map(\.summary))
        let rendered = parallelMap(articles.entries, jobs: options.jobs) { entry in
            Result { () throws(GalleyError) in
                try renderer.renderArticle(entry.document, summary: entry.summary, relations: relations[entry.summary.slug] ?? .none)
            }
        }
        var outputs: [RenderedPage] = []
        var published: [ArticleSummary] = []
        var publishedDocuments: [ArticleDocument] = []
        for (entry, result) in zip(articles.entries, rendered) {
            switch result {
            case .success(let page):
                outputs.append(page)
                published.append(entry.summary)
                publishedDocuments.append(entry.document)
            case .failure(let error):
                report.problems.append(error)
            }
        }
        report.published = published.count
        report.phases.append(clock.lap("render"))

        let plan = NewsSitePlanner(config: config, now: options.now).plan(published)
        let pages = parallelMap(plan.pages, jobs: options.jobs) { page in
            Result { () throws(GalleyError) in try renderer.renderPage(page) }
        }
        for page in pages { outputs.append(try page.get()) }
        outputs += plan.files + theme.assets
        report.tags = plan.tags.count
        report.regions = plan.regions.count
        report.phases.append(clock.lap("site"))

        let written = try OutputWriter(outputFolder: options.outputFolder).write(outputs)
        report.filesWritten = written.written
        report.filesUnchanged = written.unchanged
        report.filesRemoved = written.removed
        report.phases.append(clock.lap("write"))

        if let folder = options.keepMarkdownFolder {
            let kept = try MarkdownKeeper(folder: folder).write(publishedDocuments, normalizer: processor.normalizer)
            report.markdownFolder = folder.path
            report.markdownWritten = kept.written
            report.markdownUnchanged = kept.unchanged
            report.phases.append(clock.lap("markdown"))
        }
        report.problems.sort { ($0.source ?? "", $0.reason) < ($1.source ?? "", $1.reason) }
        return report
    }

    /// Refuses a `keepMarkdownFolder` inside the content folder unless it is allowed: its
    /// files would silently replace every article's extraction on the next build.
    private func checkMarkdownFolder() throws(GalleyError) {
        guard let folder = options.keepMarkdownFolder, !options.allowMarkdownInContent else { return }
        let content = options.contentFolder.standardizedFileURL.resolvingSymlinksInPath().path
        let target = folder.standardizedFileURL.resolvingSymlinksInPath().path
        if target == content || target.hasPrefix(content.hasSuffix("/") ? content : content + "/") {
            throw GalleyError(.config, source: folder.path, reason: "the Markdown folder is inside the content folder, where its files would override their pages on the next build; allow that explicitly (--allow-content-folder) or choose another folder")
        }
    }
}

/// Measures phases with a monotonic clock.
struct PhaseClock {
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap(_ name: String) -> (name: String, seconds: Double) {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return (name, Double(now - last) / 1e9)
    }
}
