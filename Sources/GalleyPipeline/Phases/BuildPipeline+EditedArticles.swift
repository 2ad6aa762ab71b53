import Foundation
import GalleyCore
import GalleyImages
import GalleyRender

/// Step 2a of `BuildPipeline.run()`: a build whose only changes are edits that stay inside the
/// edited articles' own pages.
///
/// An article's card — what a list page, a feed, a sitemap, a related link or a neighbour shows
/// of it — is made from its front matter, slug and path alone (`RenderKey.hash(_:head:)`). An
/// edit that leaves the front matter, the images the body shows, the fetch time and the
/// page's place among duplicates as they were (a corrected paragraph; a page scraped again whose
/// extraction differs only in its body) changes one file of the site: the article's page. Such
/// edits are rendered from the stored heads and the last build's `published_articles` records,
/// without reading every document, indexing, relating and planning the whole site (at 10,000
/// articles those were nearly all of a build that changed one article).
///
/// Every condition is checked before anything is saved or written; an edit of any other kind
/// (or one of a source the last build did not publish as it is) gives nil, and the build goes on
/// through every phase.
extension BuildPipeline {
    /// Edits rendered alone at most: beyond that, the whole build costs about the same.
    static let editsRenderedAlone = 64

    /// Renders the pages of `edited` sources (those the no-change check found changed, the
    /// other sources unchanged) when every edit stays inside its own page and nothing else the
    /// site depends on changed (`othersUnchanged`), and saves their sources and outputs; nil,
    /// with nothing saved or written, otherwise. `made` gets the edited sources as processed
    /// here, for a build that goes on to take instead of processing them again; `remembered`:
    /// how many ASCII forms of names the build state gave (`Slug.remember`, done by the caller
    /// before any head is read).
    func renderEditedArticles(_ edited: [SourceFile], files: [SourceFile], config: SiteConfig, theme: Theme, keys: BuildKeys,
                              stored: StoredBuild, previous: [String: OutputRecord], seen: [String: SourceStamps], remembered: Int,
                              made: inout [String: SourceStage.Made], clock: PhaseClock,
                              report start: BuildReport) throws(GalleyError) -> BuildReport? {
        var clock = clock
        var phases = [clock.lap("check")]
        let store = stored.store
        let paths = edited.map(\.path)
        // A source with a problem (or kept stale) is not published as it is.
        guard let (content, outputFolder, archiveRecords) = try editsAlone(edited, config: config, stored: stored, keys: keys,
                                                                           archives: start.archives) else { return nil }
        let records = try store.publishedArticles(paths)
        let last = try store.lastProblems()
        guard records.count == paths.count, Set(last.problems.compactMap(\.source)).isDisjoint(with: paths) else { return nil }

        guard let sources = try editedRecords(edited, config: config, store: store, extractionKey: keys.extraction, content: content, seen: seen,
                                              remembered: remembered, made: &made, accepting: Self.staysInsideItsPage),
              try othersUnchanged(outputs: previous, images: stored.scrapedImages, archivedImages: stored.archivedImages, store: store,
                                  in: content, output: outputFolder, checkedAt: SourceFingerprint.nowNanoseconds()),
              let entries = try publishedEntries(records, edited: sources.records, store: store, config: config, keys: keys, previous: previous)
        else { return nil }
        phases.append(clock.lap("extract"))

        let trusted = TrustedOutputs(everyFileUnchanged: previous)
        guard let images = try imagesShown(entries.values.sorted { $0.head.source < $1.head.source }, config: config, store: store, trusted: trusted)
        else { return nil }
        let pages = edited.compactMap { entries[$0.path] }
        let relations = Dictionary(uniqueKeysWithValues: pages.map { entry in
            (entry.summary.slug, records[entry.head.source].map { Self.relations($0, entries: entries) } ?? .none)
        })

        // Nothing was saved or written up to here. The edited sources are saved (with their
        // bodies, which their pages are rendered from), then their pages rendered and written.
        try store.saveSources(sources.records, changed: Set(paths), removed: [], extractionKey: keys.extraction, jobs: options.jobs)
        let renderer = try TemplatePageRenderer(config: config, templates: theme.templates, templateFolder: theme.folder, strings: theme.strings)
            .using(images.images)
        let keyer = RenderKey(inputs: keys.renderInputs, entries: Array(entries.values), images: images.images,
                              imageSignatures: images.signatures)
        let output = try openOutput(previous: previous, store: store, keys: keys)
        let bodies = store.bodies()
        let results = try makePages(pages, phase: "render", path: \.summary.path, trusted: trusted, output: output,
                                    current: { pages.map(\.summary.path) },
                                    key: { entry in keyer.article(entry.head, summary: entry.summary, relations: relations[entry.summary.slug] ?? .none) },
                                    batchSize: Self.bodiesReadAtOnce) { batch in
            bodies.bodies(of: batch.map(\.head.source))
        } render: { entry, read throws(GalleyError) in
            try renderer.renderArticle(try Self.document(entry.head, from: read), summary: entry.summary,
                                       relations: relations[entry.summary.slug] ?? .none)
        }
        phases.append(clock.lap("render"))

        var report = try upToDateReport(start, last: stored.last, outputs: previous, store: store, files: files, archiveRecords: archiveRecords)
        report.upToDate = false
        report.sourcesReused -= sources.processed.count
        report.sourcesProcessed = sources.processed.count
        try finish(pages, results: results, previous: previous, output: output, last: stored.last, report: &report)
        if options.reportsEverySource {
            report.sources += pages.map { entry in
                var source = BuildReport.SourceReport(status: "published", source: entry.head.source,
                                                      reused: !sources.processed.contains(entry.head.source),
                                                      dateSource: entry.head.frontMatter.dateSource.rawValue)
                source.slug = entry.summary.slug
                source.path = entry.summary.path
                return source
            }
        }
        report.phases = start.phases + phases + [clock.lap("write")]
        return report
    }

    /// What a build that makes the pages of edits alone (`renderEditedArticles`,
    /// `renderCardEdits`) starts from: the content and output folders opened, and the number of
    /// archive records among the stored sources (for the report: all the fingerprints are asked
    /// for); nil when it may not: a source in `edited` is new (no record), feeds carry whole
    /// articles (`feed_content: full`: every edit changes them), or the state must write every
    /// record again.
    func editsAlone(_ edited: [SourceFile], config: SiteConfig, stored: StoredBuild, keys: BuildKeys, archives: Int) throws(GalleyError)
        -> (content: FolderStamps, output: FolderStamps, archiveRecords: Int)? {
        guard config.feedContent != .full, let fingerprints = stored.fingerprints, edited.allSatisfy({ fingerprints[$0.path] != nil }),
              !(try stored.store.writesEveryRecord(extractionKey: keys.extraction)),
              let content = FolderStamps(folder: options.contentFolder.standardizedFileURL.path),
              let output = FolderStamps(folder: state.outputRoot) else { return nil }
        return (content, output, Self.archiveRecords(among: fingerprints, archivesListed: archives > 0))
    }

    /// The new records of the edited sources (processed again, or taken again with a new stamp
    /// when their bytes are the same; taken from `made` when an earlier step processed them),
    /// and the paths processed; nil when an edit is not one `accepting` takes (the new record,
    /// the one the last build published, whether it is Markdown) or moves it among duplicates.
    func editedRecords(_ edited: [SourceFile], config: SiteConfig, store: BuildStateStore, extractionKey: String,
                       content: FolderStamps, seen: [String: SourceStamps], remembered: Int, made: inout [String: SourceStage.Made],
                       accepting: (SourceRecord, SourceRecord, Bool) -> Bool) throws(GalleyError) -> EditedRecords? {
        let earlier = try store.sourceRecords(edited.map(\.path), extractionKey: extractionKey, jobs: 1)
        let stage = SourceStage(processor: PageProcessor(config: config), jobs: options.jobs, progress: nil, reuse: true)
        let known = made
        let outcomes = parallelMap(edited, jobs: options.jobs) { file in
            known[file.path] ?? stage.processChanged(file, in: content, seen: seen[file.path], stored: earlier[file.path])
        }
        made = Dictionary(uniqueKeysWithValues: zip(edited.map(\.path), outcomes))
        var records: [String: SourceRecord] = [:]
        var processed: Set<String> = []
        for (file, (source, record)) in zip(edited, outcomes) {
            guard let record, let before = earlier[file.path], accepting(record, before, file.kind == .markdown) else { return nil }
            records[file.path] = record
            if !source.reused { processed.insert(file.path) }
        }
        let scraped = edited.filter { $0.kind != .markdown }.map(\.path)
        return try keepsItsPlaceAmongDuplicates(scraped, now: records, store: store) ? EditedRecords(records: records, processed: processed, earlier: earlier,
                                                                                                   remembered: remembered) : nil
    }

    /// The edited sources' new records (by path), the paths processed again, the records the
    /// last build published, and how many ASCII forms of names the build state gave (a build
    /// that makes more saves them).
    struct EditedRecords {
        var records: [String: SourceRecord]
        var processed: Set<String>
        var earlier: [String: SourceRecord]
        var remembered: Int
    }

    /// The index entries of the edited articles (`edited`: their new records) and of those
    /// their pages link to, with the slugs and paths they were published under, by source; nil
    /// when one is missing from the build state or its page from the last build's outputs.
    private func publishedEntries(_ records: [String: PublishedArticleRecord], edited: [String: SourceRecord],
                                  store: BuildStateStore, config: SiteConfig, keys: BuildKeys,
                                  previous: [String: OutputRecord]) throws(GalleyError) -> [String: ArticleIndex.Entry]? {
        let linked = Array(Set(records.values.flatMap(\.linkedSources)).subtracting(records.keys)).sorted()
        let linkedHeads = try store.sourceRecords(linked, extractionKey: keys.extraction, jobs: 1).compactMapValues(\.head)
        let linkedRecords = try store.publishedArticles(linked)
        guard linkedHeads.count == linked.count, linkedRecords.count == linked.count else { return nil }
        var entries: [String: ArticleIndex.Entry] = [:]
        for (source, record) in records.merging(linkedRecords, uniquingKeysWith: { first, _ in first }) {
            guard let head = edited[source]?.head ?? linkedHeads[source] else { return nil }
            let entry = Self.entry(head, published: record, paths: config.paths)
            guard entry.summary.path == record.path, previous[record.path] != nil else { return nil }
            entries[source] = entry
        }
        return entries
    }

    /// Whether an edit changes its article's page alone: the source still gives a document, with
    /// the same front matter and body images as the version the last build published (which had
    /// no problem). A scraped page must not have been fetched earlier than that version: it won
    /// its place among pages naming the same URL as the newest fetch, and stays the newest.
    static func staysInsideItsPage(_ record: SourceRecord, before: SourceRecord, isMarkdown: Bool) -> Bool {
        guard record.problem == nil, before.problem == nil, let head = record.head, let earlier = before.head else { return false }
        return head.source == earlier.source && head.frontMatter == earlier.frontMatter && head.bodyImages == earlier.bodyImages
            && (isMarkdown || record.fetched >= before.fetched)
    }

    /// Whether the edited scraped pages at `paths` are as far from every other page as the
    /// duplicate filter can tell: none of their band keys, before or after the edit, is shared
    /// with another stored document (or another of them), so no page became, or stopped being,
    /// a near-identical copy of another.
    private func keepsItsPlaceAmongDuplicates(_ paths: [String], now: [String: SourceRecord], store: BuildStateStore) throws(GalleyError) -> Bool {
        guard !paths.isEmpty else { return true }
        let before = store.bodies().bands(of: paths)
        var owners: [Int: String] = [:]
        for path in paths {
            for key in Set((before[path] ?? []) + (now[path]?.bands ?? [])) {
                if let owner = owners.updateValue(path, forKey: key), owner != path { return false }
            }
        }
        return store.bodies().sharesBand(Set(owners.keys), exceptAt: Set(paths)) == false
    }

    /// The index entry of a published article: its head with the slug and path it was published under.
    private static func entry(_ head: DocumentHead, published: PublishedArticleRecord, paths: SitePaths) -> ArticleIndex.Entry {
        var matter = head.frontMatter
        if !matter.hasSlug(published.slug) { matter.slug = published.slug }
        return ArticleIndex.Entry(head: head, summary: ArticleSummary(source: head.source, frontMatter: matter, slug: published.slug, paths: paths))
    }

    private static func relations(_ record: PublishedArticleRecord, entries: [String: ArticleIndex.Entry]) -> ArticleRelations {
        ArticleRelations(related: record.related.compactMap { entries[$0]?.summary }, previous: record.previous.flatMap { entries[$0]?.summary },
                         next: record.next.flatMap { entries[$0]?.summary })
    }

    /// The local copies of the images the entries' pages and cards show, as the last build made
    /// them; nil when one would have to be made now (then more than the edited pages changes).
    func imagesShown(_ entries: [ArticleIndex.Entry], config: SiteConfig, store: BuildStateStore,
                             trusted: TrustedOutputs) throws(GalleyError) -> ImageStage.Result? {
        let stage = imageStage(config: config, store: store)
        let settings = ImagePlan.settingsKey(config.images)
        let refused = GalleyError(.images, source: nil, reason: "an image's files would be made")
        let nothingWritten = ImageStage.Output(begin: { paths, _ throws(GalleyError) in if !paths.isEmpty { throw refused } },
                                               write: { _ throws(GalleyError) in throw refused })
        do {
            return try stage.run(entries.lazy.map(\.head), remembered: try store.scrapedImages(settings: settings),
                                 rememberedArchives: try store.archivedImages(settings: settings),
                                 reusable: { path, key in trusted.reusable(path, key: OutputKey(imageCacheKey: key)) }, output: nothingWritten)
        } catch {
            return nil
        }
    }

    /// Records the edited pages' files in the build state (and the report) with the last build's
    /// record otherwise unchanged. A page that fails to render keeps its last file, reported
    /// stale, as in a whole build.
    private func finish(_ pages: [ArticleIndex.Entry], results: [PageResult], previous: [String: OutputRecord], output: StreamedOutput,
                        last: LastBuild, report: inout BuildReport) throws(GalleyError) {
        var remade = RemadeOutputs(previous: previous)
        for (entry, result) in zip(pages, results) {
            try remade.note(result, path: entry.summary.path, source: entry.head.source, report: &report)
        }
        report.problems.sort { ($0.source ?? "", $0.reason) < ($1.source ?? "", $1.reason) }
        var build = last
        build.complete = true
        try output.store.finishWriting(OutputRecords(remade.records.map { (path: $0.key, record: $0.value) }), removed: [], kept: previous, build: build,
                                       problems: report.problems, stale: report.stale)
    }
}
