import Foundation
import GalleyCore
import GalleyRender
import GalleySite

/// The one orchestrator: every phase of a build, in order, with its timing.
///
/// 1. config and templates (errors here stop the build before anything is written)
/// 2. discover sources
/// 3. extract + normalise each source (parallel; a bad page is reported and skipped)
/// 4. assign unique slugs and permalinks
/// 5. render article pages (parallel)
/// 6. plan the site (indices, feeds, sitemap) and render its pages (parallel)
/// 7. write the output atomically and prune stale files
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

        /// Creates options.
        public init(configFile: URL, configRequired: Bool, contentFolder: URL, outputFolder: URL, templatesFolder: URL,
                    jobs: Int = ProcessInfo.processInfo.activeProcessorCount, now: Date = Date()) {
            self.configFile = configFile
            self.configRequired = configRequired
            self.contentFolder = contentFolder
            self.outputFolder = outputFolder
            self.templatesFolder = templatesFolder
            self.jobs = max(1, jobs)
            self.now = now
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
        var documents: [ArticleDocument] = []
        for result in results {
            switch result {
            case .success(let document):
                if document.frontMatter.draft { report.drafts.append(document.source) } else { documents.append(document) }
            case .failure(let error):
                report.problems.append(error)
            }
        }
        report.phases.append(clock.lap("extract"))

        let articles = ArticleIndex(documents: documents, config: config)
        let rendered = parallelMap(articles.entries, jobs: options.jobs) { entry in
            Result { () throws(GalleyError) in try renderer.renderArticle(entry.document, summary: entry.summary) }
        }
        var outputs: [RenderedPage] = []
        var published: [ArticleSummary] = []
        for (entry, result) in zip(articles.entries, rendered) {
            switch result {
            case .success(let page):
                outputs.append(page)
                published.append(entry.summary)
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
        report.problems.sort { ($0.source ?? "", $0.reason) < ($1.source ?? "", $1.reason) }
        return report
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
