import Foundation
import GalleyCore
import GalleyImages
import GalleyRender
import GalleySite

/// The phases `BuildPipeline.run()` lists, one function each.
extension BuildPipeline {
    /// Stages 1–2 with the build state's source records as cache (saved for the next build),
    /// then overrides, duplicates and drafts.
    func sourcesToPublish(_ files: [SourceFile], processor: PageProcessor, store: BuildStateStore, keys: BuildKeys,
                          report: inout BuildReport) throws(GalleyError) -> PublishableSources {
        // Records are read even with `full`: a page that now fails keeps its last good version.
        let stage = SourceStage(processor: processor, jobs: options.jobs, progress: options.progress, reuse: !options.full)
        let result = try stage.run(files, store: store, extractionKey: keys.extraction)
        try store.saveSources(result.records, changed: result.changed, removed: result.removed, extractionKey: keys.extraction, jobs: options.jobs)
        report.archivesRead = result.archivesRead
        for skipped in result.archivesSkipped.values { report.archiveRecordsSkipped.merge(skipped, uniquingKeysWith: +) }
        report.pagesRead += result.sources.count { $0.file.kind == .archive && ScrapeArchive.archivePath(ofRecord: $0.file.path) != nil }
        for source in result.sources {
            if source.reused { report.sourcesReused += 1 } else { report.sourcesProcessed += 1 }
            guard let problem = source.problem else { continue }
            report.problems.append(problem)
            if source.stale { report.stale.insert(source.file.path) }
        }
        let sources = PublishableSources(result.sources)
        report.overridden = sources.overrides.values.sorted { $0.page < $1.page }
        report.duplicates = sources.duplicates.values.sorted { $0.dropped < $1.dropped }
            .map { BuildReport.Duplicate(kept: $0.kept, dropped: $0.dropped, reason: $0.reason) }
        report.drafts = sources.drafts.sorted()
        return sources
    }

    /// The images phase (`ImageStage`): its files go into `outputs`, its counts and problems
    /// into the report. With `full`, every image is made again.
    func copyImages(_ articles: ArticleIndex, config: SiteConfig, previous: [String: OutputRecord], outputs: inout OutputSet,
                    report: inout BuildReport) -> ImageStage.Result {
        let stage = ImageStage(processor: ImageProcessor(rules: config.images), finder: ScrapedImageFinder(contentFolder: options.contentFolder),
                               jobs: options.jobs)
        let cache = options.full ? [:] : previous
        let result = stage.run(articles.entries) { path, key in reusable(path, key: key, in: cache) }
        for file in result.files { outputs.add(file, key: result.keys[file.path] ?? "") }
        for (path, record) in result.kept { outputs.keep(path, record: record) }
        report.imagesMade = result.made
        report.imagesReused = result.reused
        report.imageProblems = result.problems.sorted { ($0.source ?? "", $0.reason) < ($1.source ?? "", $1.reason) }
        return result
    }

    /// What rendering one article gave.
    enum ArticleResult: Sendable {
        case rendered(RenderedPage, key: String)
        case kept(OutputRecord)
        case failed(GalleyError)
    }

    /// Renders the article pages whose inputs changed; keeps the others' files. A page that
    /// fails to render keeps its last good file when there is one. Returns the published
    /// articles' summaries.
    func renderArticles(_ articles: ArticleIndex, renderer: TemplatePageRenderer, keyer: RenderKey, trusted: [String: OutputRecord],
                        previous: [String: OutputRecord], outputs: inout OutputSet, report: inout BuildReport) -> [ArticleSummary] {
        let relations = RelationPlanner().relations(for: articles.entries.map(\.summary))
        let counter = options.progress.map { ProgressCounter(phase: "render", total: articles.entries.count, progress: $0) }
        let results = parallelMap(articles.entries, jobs: options.jobs) { entry -> ArticleResult in
            defer { counter?.advance() }
            let related = relations[entry.summary.slug] ?? .none
            let key = keyer.article(entry.document, summary: entry.summary, relations: related)
            if let record = reusable(entry.summary.path, key: key, in: trusted) { return .kept(record) }
            do throws(GalleyError) {
                return .rendered(try renderer.renderArticle(entry.document, summary: entry.summary, relations: related), key: key)
            } catch {
                return .failed(error)
            }
        }
        var published: [ArticleSummary] = []
        for (entry, result) in zip(articles.entries, results) {
            switch result {
            case .rendered(let page, let key):
                outputs.add(page, key: key)
                report.pagesRendered += 1
            case .kept(let record):
                outputs.keep(entry.summary.path, record: record)
                report.pagesReused += 1
            case .failed(let error):
                report.problems.append(error)
                guard let record = previous[entry.summary.path], FileStamp.of(path: outputPath(entry.summary.path)) != nil else { continue }
                outputs.keep(entry.summary.path, record: OutputRecord(renderKey: "", stamp: record.stamp))
                report.stale.insert(entry.document.source)
            }
            published.append(entry.summary)
        }
        report.published = published.count
        report.dates = Dictionary(grouping: published, by: \.dateSource).mapValues(\.count)
        return published
    }

    /// Each article's body as its page shows it, for feeds with `feed_content: full` (the
    /// planner asks only for the articles its feeds hold, and only with that setting).
    func feedBodies(_ articles: ArticleIndex, renderer: TemplatePageRenderer, config: SiteConfig) -> (@Sendable (ArticleSummary) -> String?)? {
        guard config.feedContent == .full else { return nil }
        let documents = Dictionary(articles.entries.map { ($0.summary.slug, $0.document) }, uniquingKeysWith: { first, _ in first })
        return { summary in documents[summary.slug].map { renderer.bodyHTML(of: $0, summary: summary, absolute: true) } }
    }

    /// Renders the planned pages (home, terms, archives, 404, search) whose inputs changed.
    func renderSitePages(_ plan: SitePlan, renderer: TemplatePageRenderer, keyer: RenderKey, trusted: [String: OutputRecord],
                         outputs: inout OutputSet, report: inout BuildReport) throws(GalleyError) {
        let counter = options.progress.map { ProgressCounter(phase: "site", total: plan.pages.count, progress: $0) }
        let results = parallelMap(plan.pages, jobs: options.jobs) { page -> ArticleResult in
            defer { counter?.advance() }
            let key = keyer.page(page)
            if let record = reusable(page.path, key: key, in: trusted) { return .kept(record) }
            do throws(GalleyError) {
                return .rendered(try renderer.renderPage(page), key: key)
            } catch {
                return .failed(error)
            }
        }
        for (page, result) in zip(plan.pages, results) {
            switch result {
            case .rendered(let rendered, let key):
                outputs.add(rendered, key: key)
                report.pagesRendered += 1
            case .kept(let record):
                outputs.keep(page.path, record: record)
                report.pagesReused += 1
            case .failed(let error):
                throw error
            }
        }
    }

    /// The output record of a page when it was made from the same render key and its file is
    /// still the one written then.
    func reusable(_ path: String, key: String, in trusted: [String: OutputRecord]) -> OutputRecord? {
        guard let record = trusted[path], record.renderKey == key,
              Freshness.ofOutput(FileStamp.of(path: outputPath(path)), recorded: record) == .unchanged else { return nil }
        return record
    }

    func outputPath(_ relative: String) -> String {
        state.outputRoot + "/" + relative
    }
}
