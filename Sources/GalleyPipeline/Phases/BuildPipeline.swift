import Foundation
import GalleyCore
import GalleyRender
import GalleySite

/// The one orchestrator: every phase of a build, in order, with its timing.
///
/// 1. take the output's lock; read the config, the theme and the content folder's sources
///    while the build state is read on another thread (errors here stop the build before
///    anything is written)
/// 2. check: when nothing the site depends on changed since the last complete build
///    (sources, config, templates, galley, the output files, the news sitemap's window),
///    stop: the output is already what this build would write; else parse the templates (the
///    last build's files are stat-ed against their records on another thread during step 3)
/// 2a. when the only changes are edits of a few sources that stay inside their articles' own
///    pages (same front matter and images, same place among duplicates), render those pages
///    from the build state and stop (`renderEditedArticles`)
/// 2b. when they change only what the edited articles' cards show (a title, a summary, a
///    byline…) and every article keeps its place, plan the site from the stored heads and make
///    again only the pages and files that show those cards (`renderCardEdits`)
/// 3. extract + normalise each changed source (parallel; unchanged ones come from the build
///    state; a bad page is reported and skipped, its last good version kept); a `.md` file
///    replaces the extraction of a page with the same slug; duplicate stories are left out.
///    When the only changes are new sources that pair with nothing, the published articles'
///    stored heads and the new ones instead (`publishedWithAdditions`)
/// 4. assign unique slugs and permalinks
/// 4a. copy the images articles show that the scrape has into `media/` (sized, WebP; files
///     made from the same bytes and settings by the last build are kept), writing each
///     image's files as soon as they are made
/// 5. plan related articles and previous/next links (or take the last build's, planned from the
///    same order and tags), render article pages whose inputs changed,
///    writing each (atomically, only when its bytes changed) as soon as it is rendered
/// 6. plan the site (indices, feeds, sitemap; in a build of few changed sources, planned during
///    steps 4a–5) and render and write its changed pages the same way
/// 7. write the files made as bytes (images, feeds, sitemaps, theme), remove stale ones, record
///    the outputs in the build state
/// 8. with `keepMarkdownFolder`, write every published article's Markdown there
public struct BuildPipeline: Sendable {
    /// Where a build reads and writes.
    public struct Options: Sendable {
        public var configFile: URL
        public var configRequired: Bool
        public var contentFolder: URL
        public var outputFolder: URL
        /// A site's own theme folder, laid over the built-in theme file by file; nil: the
        /// built-in theme alone (`Theme.siteFolder(option:)` picks it from the command line).
        public var templatesFolder: URL?
        /// A site's own templates, laid over the theme (and `templatesFolder`) file by file.
        public var overridesFolder: URL?
        public var jobs: Int
        /// The build's clock (the news sitemap's window, feeds of an empty site).
        public var now: Date
        /// Where each published article's Markdown file (`<slug>.md`) is written; nil: nowhere.
        public var keepMarkdownFolder: URL?
        /// Whether `keepMarkdownFolder` may lie inside the content folder (its files then
        /// replace their pages' extraction on the next build).
        public var allowMarkdownInContent: Bool
        /// Where the build state (`state.sqlite`, lock) is kept; nil: `.galley/` beside the output.
        public var cacheFolder: URL?
        /// Ignore the caches: extract, render and compare every page.
        public var full: Bool
        /// Turn on the search page and box whatever the config says (`galley build --search`).
        public var search: Bool
        /// Receives progress of the long phases.
        public var progress: BuildProgress?
        /// Leave what the build holds at its end for the process's exit to reclaim
        /// (`LeftForExit`): for a process that exits right after the build, as the command line does.
        public var leavesMemoryForExit: Bool
        /// Fill `BuildReport.sources`, one entry per source (`galley build --report`); off, it
        /// stays empty (10,000 entries were 5% of a build that changed one article).
        public var reportsEverySource: Bool

        /// Creates options.
        public init(configFile: URL, configRequired: Bool, contentFolder: URL, outputFolder: URL, templatesFolder: URL?,
                    overridesFolder: URL? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, now: Date = Date(),
                    keepMarkdownFolder: URL? = nil, allowMarkdownInContent: Bool = false, cacheFolder: URL? = nil,
                    full: Bool = false, search: Bool = false, progress: BuildProgress? = nil, leavesMemoryForExit: Bool = false,
                    reportsEverySource: Bool = true) {
            self.configFile = configFile
            self.configRequired = configRequired
            self.contentFolder = contentFolder
            self.outputFolder = outputFolder
            self.templatesFolder = templatesFolder
            self.overridesFolder = overridesFolder
            self.jobs = max(1, jobs)
            self.now = now
            self.keepMarkdownFolder = keepMarkdownFolder
            self.allowMarkdownInContent = allowMarkdownInContent
            self.cacheFolder = cacheFolder
            self.full = full
            self.search = search
            self.progress = progress
            self.leavesMemoryForExit = leavesMemoryForExit
            self.reportsEverySource = reportsEverySource
        }
    }

    public let options: Options
    let state: BuildState

    /// Creates a pipeline.
    public init(options: Options) {
        self.options = options
        self.state = BuildState(output: options.outputFolder, cache: options.cacheFolder)
    }

    /// Runs a build. Throws only for errors that stop the whole build (lock, config, templates,
    /// content folder, output); page problems are in the report.
    public func run() throws(GalleyError) -> BuildReport {
        let lock = try takeLock()
        defer { withExtendedLifetime(lock) {} }
        var report = BuildReport()
        var clock = PhaseClock()

        let keys = BuildKeys(configFile: options.configFile, templateFolders: [options.templatesFolder, options.overridesFolder].compactMap(\.self),
                             settings: options.search ? ["search"] : [])
        let config: SiteConfig, theme: Theme
        var files: [SourceFile], stored: StoredBuild
        (config, theme, files, stored) = try readInputsAndState(keys: keys)
        let store = stored.store, last = stored.last
        // Taken out of `stored`, so that letting go of `previous` after the site phase frees it.
        var previous = stored.outputs
        stored.outputs = [:]
        report.search = config.search
        report.pagesRead = files.count { if case .page = $0.kind { true } else { false } }
        report.markdownRead = files.count { $0.kind == .markdown }
        report.archives = files.count { $0.kind == .archive }
        report.phases.append(clock.lap("read"))

        var seen = SeenStamps()
        // Edited sources the build tried to render alone, as processed then.
        var made: [String: SourceStage.Made] = [:]
        let check = if let fingerprints = stored.fingerprints {
            try checkForChanges(fingerprints, outputs: previous, images: stored.scrapedImages, archivedImages: stored.archivedImages, store: store,
                                files: files, seen: &seen)
        } else { ChangeCheck.changed }
        if case .upToDate = check {
            report.phases.append(clock.lap("check"))
            if options.leavesMemoryForExit { LeftForExit.keep(stored, files, previous) }
            return try upToDateReport(report, last: last, outputs: previous, store: store, files: files,
                                      archiveRecords: Self.archiveRecords(among: stored.fingerprints ?? [:], archivesListed: report.archives > 0))
        }
        // Names are slugged with the forms the last build made, from before any page is processed
        // or any stored head read (a head's tags become terms, slugged then: one Chinese tag
        // slugged first compiles ICU's Han rules, about 100 ms, 40% of a title edit).
        let remembered = try store.transliterations(tool: BuildKeys.toolIdentity)
        Slug.remember(asciiForms: remembered)
        if case .edited(let edited) = check {
            if let done = try renderEditedArticles(edited, files: files, config: config, theme: theme, keys: keys, stored: stored, previous: previous,
                                                   seen: seen.changed, remembered: remembered.count, made: &made, clock: clock, report: report) {
                if options.leavesMemoryForExit { LeftForExit.keep(stored, files, previous) }
                return done
            }
            if let done = try renderCardEdits(edited, files: files, config: config, theme: theme, keys: keys, stored: &stored, previous: previous,
                                              seen: seen.changed, remembered: remembered.count, made: &made, clock: clock, report: report) {
                if options.leavesMemoryForExit { LeftForExit.keep(stored, files, previous) }
                return done
            }
        }
        // The last build's files are stat-ed against their records on another thread while the
        // sources are extracted (17,000 at 10,000 articles); which records may be trusted is
        // decided where they are used.
        let checkingOutputs = BackgroundWork { [previous, options, state] in
            options.full ? nil : TrustedOutputs.changedFiles(previous, in: FolderStamps(folder: state.outputRoot))
        }
        // Parsed only now: a build that finds nothing changed needs no template (the last
        // complete build parsed these same ones: they are part of the render inputs key).
        let baseRenderer = try TemplatePageRenderer(config: config, templates: theme.templates, templateFolder: theme.folder, strings: theme.strings)
        report.phases.append(clock.lap("check"))

        let processor = PageProcessor(config: config)
        var sources: PublishableSources
        let sourcesPhase: String
        if case .edited(let edited) = check,
           let added = try publishedWithAdditions(edited, files: files, processor: processor, store: store, keys: keys,
                                                  fingerprints: &stored.fingerprints, seen: seen.changed, made: &made, report: &report) {
            sources = added
            sourcesPhase = "added"
        } else {
            sources = try sourcesToPublish(files, processor: processor, store: store, keys: keys, fingerprints: stored.fingerprints,
                                           seen: seen.byPath(files), made: made, report: &report)
            sourcesPhase = "extract"
        }
        // What only stages 1–2 needed is let go (for a million sources, hundreds of MB held
        // to the end): the content folder's listing, the stored fingerprints, the check's
        // stamps, and each source's outcome unless the report lists them.
        files = []
        seen = SeenStamps()
        made = [:]
        stored.fingerprints = nil
        if !options.reportsEverySource { sources.processed = [] }
        report.phases.append(clock.lap(sourcesPhase))

        var outputs = OutputSet()
        var changedOutputs = checkingOutputs.wait()
        // Each record says itself whether it may be trusted (`OutputRecord.untrusted` while written).
        let output = try openOutput(previous: previous, store: store, keys: keys, keepsRecords: false)
        // Images first, from the heads in order of publication, and the heads' image URLs let go
        // (nothing after the image stage asks for them) before the index makes its paths and
        // summaries and the relations are planned: held together, they were the peak of a cold
        // build (245.3 MB of heap at 200,000 articles).
        let publicationOrder = ArticleIndex.publicationOrder(of: sources.documents)
        let images = try copyImages(sources.documents(in: publicationOrder), config: config,
                                    trusted: TrustedOutputs(options.full ? [:] : previous, changed: changedOutputs),
                                    store: store, output: output, outputs: &outputs, report: &report)
        sources.releaseBodyImages()
        report.phases.append(clock.lap("images"))

        var articles = ArticleIndex(documents: sources.documents, order: publicationOrder, config: config, jobs: options.jobs,
                                    publishedAs: sources.publishedAs)
        sources.documents = []  // the index holds the heads now
        sources.publishedAs = []
        let summaries = articles.entries.map(\.summary)
        // Related articles and neighbours need the summaries only: planned while the render keys
        // are made, or taken from the build state when the last build planned them from the same
        // order and tags (`RelationCache`).
        let storedRelations = options.full ? nil : try store.relations()
        let relating = BackgroundWork { RelationCache.table(for: summaries, stored: storedRelations) }
        // So does the site, unless its feeds carry whole articles: in a build that re-renders
        // few pages (few sources changed, same render inputs), planned from every article while
        // article pages are rendered, and taken when every article is published (10% of a build
        // that changed one article, on one core while the other waited). Not in other builds:
        // the plan would be held with the heads while all pages render.
        let fewChanged = !previous.isEmpty && last.renderInputsKey == keys.renderInputs
            && report.sourcesProcessed <= (report.sourcesProcessed + report.sourcesReused) / Self.fewChangedSourcesShare
        let planning = config.feedContent == .full || !fewChanged ? nil : BackgroundWork { [options] in
            NewsSitePlanner(config: config, now: options.now).plan(summaries)
        }

        let renderer = baseRenderer.using(images.images)
        let bodies = store.bodies()
        let published: [ArticleSummary]
        var plan: SitePlan
        do {  // the render keys and the trusted records live for stages 5–6 only
            let keyer = RenderKey(inputs: keys.renderInputs, entries: articles.entries, images: images.images, imageSignatures: images.signatures,
                                  jobs: options.jobs)
            let trusted = TrustedOutputs(!options.full && last.renderInputsKey == keys.renderInputs ? previous : [:], changed: changedOutputs)
            let relations = relating.wait()
            if relations.planned { try store.saveRelations(relations.stored) }
            published = try renderArticles(articles, relations: relations.table, bodies: bodies, renderer: renderer, keyer: keyer, trusted: trusted,
                                           previous: previous, output: output, outputs: &outputs, report: &report)
            report.phases.append(clock.lap("render"))

            let feedBody = feedBodies(articles, bodies: bodies, renderer: renderer, config: config)
            // The heads are done with (a full-text feed keeps its own) unless Markdown is kept or
            // the report lists the sources.
            if options.keepMarkdownFolder == nil, !options.reportsEverySource { articles.releaseEntries() }
            // `published` is the summaries in order, less the articles left out (a page that
            // failed to render without a last good file): the same when the counts are.
            if let planned = planning?.wait(), published.count == summaries.count {
                plan = planned
            } else {
                plan = NewsSitePlanner(config: config, now: options.now, feedBody: feedBody).plan(published)
            }
            try renderSitePages(plan, renderer: renderer, keyer: keyer, trusted: trusted, output: output, outputs: &outputs, report: &report)
            keepOrAdd(plan.files, keyer: keyer, trusted: trusted, to: &outputs)
            // Its pages are rendered: their item lists (a reference per card, 22,000 lists at
            // 50,000 articles) are not held through the write phase (where that build peaked).
            plan.pages = []
        }
        // The last build's records and the files found changed: the write phase needs only the
        // records' paths (`output.earlier`).
        previous = [:]
        changedOutputs = nil
        for file in theme.assets + theme.rootFiles { outputs.add(file, key: .none) }
        report.tags = plan.tags.count
        report.regions = plan.regions.count
        report.phases.append(clock.lap("site"))

        try write(outputs, output: output, keys: keys, published: published, report: &report)
        let transliterations = Slug.asciiForms()
        if transliterations.count != remembered.count {
            try store.saveTransliterations(transliterations, tool: BuildKeys.toolIdentity)
        }
        report.phases.append(clock.lap("write"))

        if let folder = options.keepMarkdownFolder {
            let kept = try MarkdownKeeper(folder: folder).write(articles.heads(of: published), bodies: bodies, normalizer: processor.normalizer)
            report.markdownFolder = folder.path
            report.markdownWritten = kept.written
            report.markdownUnchanged = kept.unchanged
            report.phases.append(clock.lap("markdown"))
        }
        report.problems.sort { ($0.source ?? "", $0.reason) < ($1.source ?? "", $1.reason) }
        if options.reportsEverySource { report.sources = sourceReports(sources, articles: articles, report: report) }
        if options.leavesMemoryForExit { LeftForExit.keep(stored, sources, articles, summaries, outputs, images, published, plan) }
        return report
    }

    /// A build that processed at most this share of its sources (1/n) plans its site while it
    /// renders its article pages.
    static let fewChangedSourcesShare = 8

    /// The config, theme and content folder (`readInputs()`), with the build state opened and
    /// read on another thread meanwhile; errors of the former are reported first.
    private func readInputsAndState(keys: BuildKeys) throws(GalleyError) -> (SiteConfig, Theme, [SourceFile], StoredBuild) {
        let reading = BackgroundWork { [self] in
            Result { () throws(GalleyError) in try StoredBuild(url: state.database, extractionKey: keys.extraction, mayBeCurrent: { mayBeCurrent($0, keys: keys) }) }
        }
        let inputs = Result { () throws(GalleyError) in try readInputs() }
        let readState = reading.wait()
        let (config, theme, files) = try inputs.get()
        return (config, theme, files, try readState.get())
    }

    /// The config (with `--search` applied), the theme and the content folder's sources; errors
    /// here stop the build before anything is written.
    private func readInputs() throws(GalleyError) -> (config: SiteConfig, theme: Theme, files: [SourceFile]) {
        try checkMarkdownFolder()
        var config = try ConfigLoader.load(options.configFile, required: options.configRequired)
        if options.search { config.search = true }
        let theme = try Theme.load(folder: options.templatesFolder, overrides: options.overridesFolder)
        return (config, theme, try ContentDiscovery.discover(in: options.contentFolder))
    }

    /// The output folder opened for writing pages as they are rendered.
    /// `keepsRecords`: the caller holds `previous` to the end of the build, and the paths it
    /// recorded are made only if asked; false: made now, so that `previous` can be let go.
    func openOutput(previous: [String: OutputRecord], store: BuildStateStore, keys: BuildKeys,
                    keepsRecords: Bool = true) throws(GalleyError) -> StreamedOutput {
        let legacy = LegacyState(outputRoot: state.outputRoot, stateFolder: state.folder)
        let writer = OutputWriter(outputFolder: options.outputFolder, stagingFolder: state.staging, jobs: options.jobs)
        let earlier: @Sendable () -> Set<String>
        if keepsRecords {
            earlier = { Set(previous.keys).union(legacy.outputPaths()) }
        } else {
            let paths = Set(previous.keys).union(legacy.outputPaths())
            earlier = { paths }
        }
        return StreamedOutput(session: try OutputSession(writer: writer), store: store, earlierPaths: earlier, renderInputsKey: keys.renderInputs)
    }

    /// The output's lock, or a `.lock` error naming the holder.
    private func takeLock() throws(GalleyError) -> BuildLock {
        do {
            return try BuildLock(path: state.lockPath)
        } catch let held as BuildLock.Held {
            throw GalleyError(.lock, source: options.outputFolder.path, reason: held.description)
        } catch let error as GalleyError {
            throw error
        } catch {
            throw GalleyError(.lock, source: state.lockPath, reason: "\(error)")
        }
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
