import Foundation
import Synchronization
import GalleyCore
import GalleyImages
import GalleyRender
import GalleySite

/// The phases `BuildPipeline.run()` lists, one function each.
extension BuildPipeline {
    /// Stages 1–2 with the build state's source records as cache (saved for the next build),
    /// then overrides, duplicates and drafts.
    /// `fingerprints`: the sources' fingerprints when the no-change check read them; `seen`: the
    /// stamps it took of them; `made`: the edited sources the build tried to render alone, as
    /// they were processed then (not processed again).
    func sourcesToPublish(_ files: [SourceFile], processor: PageProcessor, store: BuildStateStore, keys: BuildKeys,
                          fingerprints: [String: SourceFingerprint]?, seen: [String: SourceStamps], made: [String: SourceStage.Made],
                          report: inout BuildReport) throws(GalleyError) -> PublishableSources {
        // Records are read even with `full`: a page that now fails keeps its last good version.
        let stage = SourceStage(processor: processor, jobs: options.jobs, progress: options.progress, reuse: !options.full)
        guard let content = FolderStamps(folder: options.contentFolder.standardizedFileURL.path) else {
            throw GalleyError(.discover, source: options.contentFolder.path, reason: "the content folder cannot be read")
        }
        let result = try stage.run(files, in: content, store: store, extractionKey: keys.extraction, fingerprints: fingerprints,
                                  seen: seen, made: options.full ? [:] : made)
        report.archivesRead = result.archivesRead
        for skipped in result.archivesSkipped.values { report.archiveRecordsSkipped.merge(skipped, uniquingKeysWith: +) }
        report.pagesRead += result.sources.count { $0.kind == .archive && ScrapeArchive.archivePath(ofRecord: $0.path) != nil }
        for source in result.sources {
            if source.reused { report.sourcesReused += 1 } else { report.sourcesProcessed += 1 }
            guard let problem = source.problem else { continue }
            report.problems.append(problem)
            if source.stale { report.stale.insert(source.path) }
        }
        let sources = PublishableSources(result.sources, bodies: store.bodies())
        report.overridden = sources.overrides.values.sorted { $0.page < $1.page }
        report.duplicates = sources.duplicates.values.sorted { $0.dropped < $1.dropped }
            .map { BuildReport.Duplicate(kept: $0.kept, dropped: $0.dropped, reason: $0.reason) }
        report.drafts = sources.drafts.sorted()
        return sources
    }

    /// The images phase (`ImageStage`): its files go into `outputs`, its counts and problems
    /// into the report. `trusted`: the last build's files it may keep (none with `full`).
    func copyImages(_ heads: some Collection<DocumentHead>, config: SiteConfig, trusted cache: TrustedOutputs, store: BuildStateStore, output: StreamedOutput,
                    outputs: inout OutputSet, report: inout BuildReport) throws(GalleyError) -> ImageStage.Result {
        let stage = imageStage(config: config, store: store)
        let settings = ImagePlan.settingsKey(config.images)
        let remembered = options.full ? [:] : try store.scrapedImages(settings: settings)
        let rememberedArchives = options.full ? [:] : try store.archivedImages(settings: settings)
        let session = output.session
        let written = ImageStage.Output(begin: { paths, current throws(GalleyError) in try output.begin(paths, current: { current }) },
                                        write: { file throws(GalleyError) in try session.write(file) })
        let result = try stage.run(heads, remembered: remembered, rememberedArchives: rememberedArchives,
                                   reusable: { path, key in cache.reusable(path, key: OutputKey(imageCacheKey: key)) }, output: written)
        try store.saveScrapedImages(result.records, forgotten: result.forgotten, settings: settings)
        try store.saveArchivedImages(result.archiveRecords, forgotten: result.forgottenArchives, settings: settings)
        report.archivesReadForImages = result.archivesRead
        report.imageFilesRead = result.filesRead
        for file in result.written { outputs.streamed(file.path, key: OutputKey(imageCacheKey: file.key), wrote: file.wrote, stamp: file.stamp) }
        for (path, record) in result.kept { outputs.keep(path, record: record) }
        outputs.abandoned.formUnion(result.unmade)
        report.imagesMade = result.made
        report.imagesReused = result.reused
        report.imageProblems = result.problems.sorted { ($0.source ?? "", $0.reason) < ($1.source ?? "", $1.reason) }
        return result
    }

    /// The images phase of this build's config, reading inlined pictures from `store`.
    func imageStage(config: SiteConfig, store: BuildStateStore) -> ImageStage {
        let bodies = store.bodies()
        return ImageStage(processor: ImageProcessor(rules: config.images), finder: ScrapedImageFinder(contentFolder: options.contentFolder),
                          inlinePicture: { name in bodies.inlinePicture(named: name) }, jobs: options.jobs)
    }

    /// What making one page gave: kept from the last build, rendered and written (or found
    /// unchanged on disk), or failed to render or to write.
    enum PageResult: Sendable {
        case kept(OutputRecord)
        /// `path`: the written page's own (the string the output session keeps), noted as the
        /// made file's path too: a path made again from a site page's plan was a second copy
        /// of each (1.7 MB at 50,000 articles).
        case written(key: OutputKey, wrote: Bool, stamp: FileStamp?, path: String)
        case failedRender(GalleyError)
        case failedWrite(GalleyError)
    }

    /// Renders the article pages whose inputs changed and writes each as soon as it is
    /// rendered (its bytes are dropped then); keeps the others' files. A page that fails to
    /// render keeps its last good file when there is one. Returns the published articles'
    /// summaries; the records of those whose pages were rendered go to the build state
    /// (`published_articles`) a batch at a time. `relations`: each article's related articles
    /// and neighbours, planned from the index's summaries in order (an entry's position is its
    /// place in the table).
    func renderArticles(_ articles: ArticleIndex, relations: RelationTable, bodies: DocumentBodies,
                        renderer: TemplatePageRenderer, keyer: RenderKey,
                        trusted: TrustedOutputs, previous: [String: OutputRecord], output: StreamedOutput, outputs: inout OutputSet,
                        report: inout BuildReport) throws(GalleyError) -> [ArticleSummary] {
        let entries = articles.entries
        let key = { @Sendable (index: Int) in
            keyer.article(entries[index].head, summary: entries[index].summary, relations: relations.relations(of: index))
        }
        var published: [ArticleSummary] = []
        published.reserveCapacity(entries.count)
        var rendered: [(source: String, record: PublishedArticleRecord)] = []
        // Each page's result is noted as its batch is done (no list of every result).
        try makePages(Array(entries.indices), phase: "render", path: { entries[$0].summary.path }, trusted: trusted, output: output,
                      current: { entries.map(\.summary.path) }, key: key, batchSize: Self.bodiesReadAtOnce) { batch in
            bodies.bodies(of: batch.map { entries[$0].head.source })
        } render: { index, read throws(GalleyError) in
            try renderer.renderArticle(try Self.document(entries[index].head, from: read), summary: entries[index].summary,
                                       relations: relations.relations(of: index))
        } counted: { made, kept in
            outputs.reserve(made: made, kept: kept)
        } take: { index, result throws(GalleyError) in
            let entry = entries[index]
            let path = entry.summary.path
            if case .failedRender(let error) = result {
                report.problems.append(error)
                guard let record = previous[path], FileStamp.of(path: outputPath(path)) != nil else {
                    outputs.abandoned.insert(path)
                    return
                }
                outputs.keep(path, record: OutputRecord(renderKey: .none, stamp: record.stamp), altered: true)
                report.stale.insert(entry.head.source)
            } else {
                try record(result, path: path, outputs: &outputs, report: &report)
            }
            published.append(entry.summary)
            if case .kept = result { return }
            rendered.append((entry.head.source, PublishedArticleRecord(summary: entry.summary, relations: relations.relations(of: index))))
            if rendered.count == Self.publishedArticlesSavedAtOnce {
                try output.store.savePublishedArticles(rendered)
                rendered.removeAll(keepingCapacity: true)
            }
        }
        try output.store.savePublishedArticles(rendered)
        report.published = published.count
        report.dates = Dictionary(grouping: published, by: \.dateSource).mapValues(\.count)
        return published
    }

    /// `published_articles` rows saved per transaction while article pages are recorded.
    static let publishedArticlesSavedAtOnce = 4096

    /// Site pages rendered (and their results held) at once.
    static let sitePagesRenderedAtOnce = 1024

    /// Article pages rendered per read of their bodies: about 1.3 MB of Markdown, held twice
    /// (the batch rendering and the next one read meanwhile). At 512 the two were 5.3 MB of the
    /// render phase at 50,000 articles.
    static let bodiesReadAtOnce = 256

    /// The whole document of `head`, its body read back from the build state; a `.render` error
    /// when the body is gone (the state was found damaged and discarded during this build: the
    /// page keeps its last file, and the next build, starting afresh, makes it again).
    static func document(_ head: DocumentHead, from bodies: [String: String]) throws(GalleyError) -> ArticleDocument {
        guard let body = bodies[head.source] else {
            throw GalleyError(.render, source: head.source, reason: "its document's body could not be read back from the build state (discarded during this build); the next build makes its page again")
        }
        return head.document(body: body)
    }

    /// One result per item, in order: its file kept from the last build when `key` says nothing
    /// it shows changed, else rendered and written at once (the build state first hears which
    /// paths are about to be written; `current` gives the build's paths so far, asked for only
    /// by a state that lost its records).
    func makePages<Item: Sendable>(_ items: [Item], phase: String, path: @Sendable (Item) -> String, trusted: TrustedOutputs,
                                   output: StreamedOutput, current: () -> [String], key: @Sendable (Item) -> OutputKey,
                                   render: @Sendable (Item) throws(GalleyError) -> RenderedPage) throws(GalleyError) -> [PageResult] {
        try makePages(items, phase: phase, path: path, trusted: trusted, output: output, current: current, key: key,
                      batchSize: Int.max, prepare: { _ in () }) { item, _ throws(GalleyError) in try render(item) }
    }

    /// The same, rendering the pages batch by batch with what a batch needs read at once
    /// (`prepare`: the articles' bodies from the build state, one read for `batchSize` pages
    /// instead of a contended read per page). The next batch is prepared on another thread
    /// while the current one renders.
    func makePages<Item: Sendable, Prepared: Sendable>(
        _ items: [Item], phase: String, path: @Sendable (Item) -> String, trusted: TrustedOutputs, output: StreamedOutput,
        current: () -> [String], key: @Sendable (Item) -> OutputKey, batchSize: Int, prepare: @escaping @Sendable ([Item]) -> Prepared,
        render: @Sendable (Item, Prepared) throws(GalleyError) -> RenderedPage
    ) throws(GalleyError) -> [PageResult] {
        var results: [PageResult] = []
        results.reserveCapacity(items.count)
        try makePages(items, phase: phase, path: path, trusted: trusted, output: output, current: current, key: key, batchSize: batchSize,
                      prepare: prepare, render: render) { _, result in results.append(result) }
        return results
    }

    /// The same, each item's result handed to `take` (on the calling thread, in the items'
    /// order) as soon as its batch is done, instead of a list of every result: with the keys
    /// and which files are kept held as 9 bytes an item, not a check of 48, the phase holds no
    /// list of the size of the site (the checks and results of 50,000 article pages were 5 MB
    /// of the render phase). A kept file's record is asked of `trusted` again when handed on.
    func makePages<Item: Sendable, Prepared: Sendable>(
        _ items: [Item], phase: String, path: @Sendable (Item) -> String, trusted: TrustedOutputs, output: StreamedOutput,
        current: () -> [String], key: @Sendable (Item) -> OutputKey, batchSize: Int, prepare: @escaping @Sendable ([Item]) -> Prepared,
        render: @Sendable (Item, Prepared) throws(GalleyError) -> RenderedPage, counted: (_ made: Int, _ kept: Int) -> Void = { _, _ in },
        take: (Int, PageResult) throws(GalleyError) -> Void
    ) throws(GalleyError) {
        let (keys, isKept) = checks(items, path: path, trusted: trusted, key: key)
        let pending = items.indices.filter { !isKept[$0] }
        counted(pending.count, items.count - pending.count)
        try output.begin(pending.map { path(items[$0]) }, current: current)
        let session = output.session
        let counter = options.progress.map { ProgressCounter(phase: phase, total: pending.count, progress: $0) }
        var delivery = InOrderDelivery<PageResult>(isKept: isKept)
        let keptResult = { (index: Int) -> PageResult in
            guard let record = trusted.reusable(path(items[index]), key: keys[index]) else {
                preconditionFailure("a kept file's record is no longer reusable")
            }
            return .kept(record)
        }
        let size = min(max(1, batchSize), max(1, pending.count))
        var prepared = pending.isEmpty ? nil : prepare(pending.prefix(size).map { items[$0] })
        for start in stride(from: 0, to: pending.count, by: size) {
            guard let ready = prepared else { break }
            let batch = Array(pending[start..<min(start + size, pending.count)])
            let upcoming = start + size < pending.count ? pending[(start + size)..<min(start + 2 * size, pending.count)].map { items[$0] } : nil
            let preparing = upcoming.map { next in BackgroundWork { prepare(next) } }
            let made = parallelMap(batch, jobs: options.jobs) { index -> PageResult in
                defer { counter?.advance() }
                return Self.make(items[index], key: keys[index], session: session) { item throws(GalleyError) in
                    try render(item, ready)
                }
            }
            prepared = preparing?.wait()
            try delivery.deliver(upTo: batch.last! + 1, made: made, kept: keptResult, take: take)
        }
        try delivery.deliver(upTo: items.count, made: [], kept: keptResult, take: take)
    }

    /// Each item's key and whether its file is kept (trusted under that key), worked out a
    /// few thousand items at a time: as a list of checks they were 48 bytes an item.
    private func checks<Item: Sendable>(_ items: [Item], path: @Sendable (Item) -> String, trusted: TrustedOutputs,
                                        key: @Sendable (Item) -> OutputKey) -> (keys: [OutputKey], isKept: [Bool]) {
        var keys: [OutputKey] = [], isKept: [Bool] = []
        keys.reserveCapacity(items.count)
        isKept.reserveCapacity(items.count)
        for start in stride(from: 0, to: items.count, by: Self.checkedAtOnce) {
            let part = parallelMap(Array(start..<min(start + Self.checkedAtOnce, items.count)), jobs: options.jobs) { index in
                let key = key(items[index])
                return (key: key, kept: trusted.reusable(path(items[index]), key: key) != nil)
            }
            for check in part {
                keys.append(check.key)
                isKept.append(check.kept)
            }
        }
        return (keys, isKept)
    }

    /// Pages whose keys are worked out at once.
    static let checkedAtOnce = 4096

    /// Renders one page and writes it through `session`.
    private static func make<Item>(_ item: Item, key: OutputKey, session: OutputSession,
                                   render: (Item) throws(GalleyError) -> RenderedPage) -> PageResult {
        let page: RenderedPage
        do throws(GalleyError) {
            page = try render(item)
        } catch {
            return .failedRender(error)
        }
        do throws(GalleyError) {
            let outcome = try session.write(page)
            return .written(key: key, wrote: outcome.written, stamp: outcome.stamp, path: page.path)
        } catch {
            return .failedWrite(error)
        }
    }

    /// Notes a kept or written page in `outputs` and the report; a write error stops the build.
    /// `path` is asked for only of a kept page (a written one notes its own: a site page's path
    /// is made from its plan each time it is asked for).
    private func record(_ result: PageResult, path: @autoclosure () -> String, outputs: inout OutputSet,
                        report: inout BuildReport) throws(GalleyError) {
        switch result {
        case .kept(let record):
            outputs.keep(path(), record: record)
            report.pagesReused += 1
        case .written(let key, let wrote, let stamp, let written):
            outputs.streamed(written, key: key, wrote: wrote, stamp: stamp)
            report.pagesRendered += 1
        case .failedRender(let error), .failedWrite(let error):
            throw error
        }
    }

    /// Each article's body as its page shows it, for feeds with `feed_content: full` (the
    /// planner asks only for the articles its feeds hold, and only with that setting).
    func feedBodies(_ articles: ArticleIndex, bodies: DocumentBodies, renderer: TemplatePageRenderer,
                    config: SiteConfig) -> (@Sendable (ArticleSummary) -> String?)? {
        guard config.feedContent == .full else { return nil }
        let heads = Dictionary(articles.entries.map { ($0.summary.slug, $0.head) }, uniquingKeysWith: { first, _ in first })
        // An article is in several feeds (home, its tags, its region), made on any thread: its
        // body is read and rendered once, for the feeds of this build only.
        let made = Locked<[String: String]>([:])
        return { summary in
            if let html = made.withLock({ $0[summary.slug] }) { return html }
            guard let head = heads[summary.slug], let document = try? Self.document(head, from: bodies.bodies(of: [head.source])) else { return nil }
            let html = renderer.bodyHTML(of: document, summary: summary, absolute: true)
            made.withLock { $0[summary.slug] = html }
            return html
        }
    }

    /// Renders the planned pages (home, terms, archives, 404, search) whose inputs changed and
    /// writes each as soon as it is rendered. A page that fails to render stops the build.
    func renderSitePages(_ plan: SitePlan, renderer: TemplatePageRenderer, keyer: RenderKey, trusted: TrustedOutputs,
                         output: StreamedOutput, outputs: inout OutputSet, report: inout BuildReport) throws(GalleyError) {
        let pages = plan.pages
        try makePages(pages, phase: "site", path: \.path, trusted: trusted, output: output, current: { Array(outputs.allPaths) + pages.map(\.path) },
                      key: { page in keyer.page(page) }, batchSize: Self.sitePagesRenderedAtOnce, prepare: { _ in () }) { page, _ throws(GalleyError) in
            try renderer.renderPage(page)
        } counted: { made, kept in
            outputs.reserve(made: made, kept: kept)
        } take: { index, result throws(GalleyError) in
            try record(result, path: pages[index].path, outputs: &outputs, report: &report)
        }
    }

    /// Files made as bytes (feeds, sitemaps…) go to the write phase, except those with inputs
    /// whose render key is the one their untouched file was made from: those are kept unmade.
    func keepOrAdd(_ files: [PlannedFile], keyer: RenderKey, trusted: TrustedOutputs, to outputs: inout OutputSet) {
        let checks = parallelMap(files, jobs: options.jobs) { file -> (key: OutputKey?, kept: OutputRecord?) in
            let key = keyer.file(file)
            return (key, key.flatMap { trusted.reusable(file.path, key: $0) })
        }
        outputs.reserve(made: checks.count { $0.kept == nil }, kept: checks.count { $0.kept != nil })
        for (file, check) in zip(files, checks) {
            if let record = check.kept { outputs.keep(file.path, record: record) } else { outputs.add(file, key: check.key ?? .none) }
        }
    }

    func outputPath(_ relative: String) -> String {
        state.outputRoot + "/" + relative
    }
}

/// A value shared between threads behind a lock (the feeds' rendered bodies).
private final class Locked<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    init(_ value: Value) { self.value = Mutex(value) }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result { value.withLock { body(&$0) } }
}
