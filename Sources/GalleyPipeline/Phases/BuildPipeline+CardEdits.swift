import Foundation
import GalleyCore
import GalleyRender
import GalleySite

/// Step 2b of `BuildPipeline.run()`: a build whose only changes are edits of what the edited
/// articles' cards show — a title (and with it, when the slug is made from it, the page's URL),
/// a summary, a byline, a caption, the modification date, extra fields — while every article
/// keeps its place: the same articles published, with the same dates, tags, region, section,
/// lead and body images, the same order, and every other article the same slug.
///
/// An article's card is on its own page, on the list pages and feeds that list it, on the pages
/// of the articles that relate to it or neighbour it, and in the sitemaps. With every article
/// in its place, no other page of the site can change: each shows the same articles in the same
/// places. Those pages and files are made again; the others are left as the last build made
/// them (every output file checked unchanged on disk first, as a no-change build does).
///
/// The site is planned by the same planner, from the stored heads of every published article,
/// and the pages made again are keyed by the same keys as in a whole build, so the next build
/// finds them current. What is not done is the work of the other 15,000 pages at 10,000
/// articles: their render keys, the images of their articles, the source stage's bookkeeping
/// of every source. (A title edit went through every phase: 12–16% of a full build.)
///
/// Every condition is checked before anything is saved or written; an edit of any other kind
/// gives nil, and the build goes on through every phase.
extension BuildPipeline {
    /// Renders the pages and makes the files that show the cards of `edited` sources when every
    /// edit only changes what cards show (`changesOnlyItsCards`) and every article keeps its
    /// place; saves their sources and the outputs. nil, with nothing saved or written, otherwise.
    func renderCardEdits(_ edited: [SourceFile], files: [SourceFile], config: SiteConfig, theme: Theme, keys: BuildKeys,
                         stored: inout StoredBuild, previous: [String: OutputRecord], seen: [String: SourceStamps], remembered: Int,
                         made: inout [String: SourceStage.Made], clock: PhaseClock, report start: BuildReport) throws(GalleyError) -> BuildReport? {
        var clock = clock
        var phases = [clock.lap("check")]
        let store = stored.store
        let paths = edited.map(\.path)
        // A source with a problem, or a stale version kept, is not published as it is.
        guard let (content, outputFolder, archiveRecords) = try editsAlone(edited, config: config, stored: stored, keys: keys,
                                                                           archives: start.archives) else { return nil }
        let last = try store.lastProblems()
        guard last.stale.isEmpty, Set(last.problems.compactMap(\.source)).isDisjoint(with: paths),
              let edits = try editedRecords(edited, config: config, store: store, extractionKey: keys.extraction, content: content, seen: seen,
                                            remembered: remembered, made: &made, accepting: Self.changesOnlyItsCards),
              try renamesPairNoCorrection(edits, files: files) else { return nil }
        // Every edit is of cards alone: the last build's files are stat-ed on another thread
        // from here on, while the stored heads are read on this one (the other core was idle
        // then), and through the index and the plan. A build that goes on through every phase
        // after all leaves it to end on its own (it only stats files) and checks them again.
        let checkingOutputs = BackgroundWork { [previous, options] in
            TrustedOutputs.everyFileUnchanged(previous, in: outputFolder, jobs: max(1, options.jobs - 1))
        }
        // The stored fingerprints (a table of every source, 375 bytes each) are not needed past
        // here: they are let go before the heads are read, the index made and the site planned,
        // which is this build's peak (at 1,000,000 articles they were 0.4 GB of it). A build that
        // goes on through every phase after this point (a damaged state, an article that moves)
        // reads them again in its source stage.
        stored.fingerprints = nil
        guard let publishedHeads = try store.publishedHeads(extractionKey: keys.extraction) else { return nil }
        phases.append(clock.lap("extract"))
        // The templates are parsed on another thread while the site is indexed and planned. A
        // build that goes on through every phase leaves the parse to end on its own (it reads
        // the theme already read and touches nothing) and parses again.
        let parsing = BackgroundWork {
            Result { () throws(GalleyError) in
                try TemplatePageRenderer(config: config, templates: theme.templates, templateFolder: theme.folder, strings: theme.strings)
            }
        }
        let checkedAt = SourceFingerprint.nowNanoseconds()
        let site = try siteInPlace(publishedHeads, edits: edits, store: store, config: config, keys: keys, checking: checkingOutputs)
        if options.leavesMemoryForExit { LeftForExit.keep(site as Any) }
        guard let site, try scrapedImagesUnchanged(stored.scrapedImages, archivedImages: stored.archivedImages, store: store, in: content,
                                                   checkedAt: checkedAt)
        else { return nil }
        guard let shown = CardPages(site) else { return nil }
        let trusted = TrustedOutputs(everyFileUnchanged: previous)
        let entries = site.articles.entries
        guard let images = try imagesShown(shown.cardsShown.sorted().map { entries[$0] }, config: config, store: store, trusted: trusted)
        else { return nil }
        phases.append(clock.lap("plan"))
        // The files that show the cards (the sitemaps among them: a URL per page of the site) are
        // made on another thread while the pages render.
        let making = BackgroundWork { [shown] in shown.files.map(\.bytes) }

        // Nothing was saved or written up to here (but verified records of the scrape's images).
        try store.saveSources(edits.records, changed: Set(paths), removed: [], extractionKey: keys.extraction, jobs: options.jobs)
        let renderer = try parsing.wait().get().using(images.images)
        let keyer = RenderKey(inputs: keys.renderInputs, entries: shown.cardsShown.sorted().map { entries[$0] }, images: images.images,
                              imageSignatures: images.signatures)
        let output = try openOutput(previous: previous, store: store, keys: keys)
        let table = site.relations
        let bodies = store.bodies()
        let articleResults = try makePages(shown.articlePages, phase: "render", path: { entries[$0].summary.path }, trusted: trusted, output: output,
                                           current: { entries.map(\.summary.path) },
                                           key: { index in keyer.article(entries[index].head, summary: entries[index].summary, relations: table.relations(of: index)) },
                                           batchSize: Self.bodiesReadAtOnce) { batch in
            bodies.bodies(of: batch.map { entries[$0].head.source })
        } render: { index, read throws(GalleyError) in
            try renderer.renderArticle(try Self.document(entries[index].head, from: read), summary: entries[index].summary,
                                       relations: table.relations(of: index))
        }
        phases.append(clock.lap("render"))
        let siteResults = try makePages(shown.sitePages, phase: "site", path: \.path, trusted: trusted, output: output,
                                        current: { shown.sitePages.map(\.path) }) { page in
            keyer.page(page)
        } render: { page throws(GalleyError) in
            try renderer.renderPage(page)
        }
        phases.append(clock.lap("site"))

        var report = try upToDateReport(start, last: stored.last, outputs: previous, store: store, files: files, archiveRecords: archiveRecords)
        report.upToDate = false
        report.sourcesReused -= edits.processed.count
        report.sourcesProcessed = edits.processed.count
        var written = RemadeOutputs(previous: previous)
        for (index, result) in zip(shown.articlePages, articleResults) {
            try written.note(result, path: entries[index].summary.path, source: entries[index].head.source, report: &report)
        }
        for (page, result) in zip(shown.sitePages, siteResults) { try written.note(result, path: page.path, source: nil, report: &report) }
        try output.store.savePublishedArticles(shown.articlePages.compactMap { index in
            written.records[entries[index].summary.path] == nil ? nil
                : (entries[index].head.source, PublishedArticleRecord(summary: entries[index].summary, relations: table.relations(of: index)))
        })
        // The pages of renamed articles are at their new paths now (one may be at another's old path:
        // two titles swapped).
        let now = Set(site.editedPositions.values.map { entries[$0].summary.path })
        let moved = Set(site.editedWerePublishedAt).subtracting(now)
        try writeFiles(Array(zip(shown.files, making.wait())), removing: moved, keyer: keyer, trusted: trusted, output: output,
                       written: &written, report: &report)
        report.problems.sort { ($0.source ?? "", $0.reason) < ($1.source ?? "", $1.reason) }
        var build = stored.last
        build.complete = true
        try output.store.finishWriting(OutputRecords(written.records.map { (path: $0.key, record: $0.value) }), removed: moved, kept: previous, build: build,
                                       problems: report.problems, stale: report.stale)
        let transliterations = Slug.asciiForms()
        if transliterations.count != edits.remembered { try store.saveTransliterations(transliterations, tool: BuildKeys.toolIdentity) }
        if options.reportsEverySource {
            report.sources += edits.records.keys.sorted().compactMap { source in
                site.editedPositions[source].map { index in
                    var entry = BuildReport.SourceReport(status: "published", source: source, reused: !edits.processed.contains(source),
                                                         dateSource: entries[index].head.frontMatter.dateSource.rawValue)
                    entry.slug = entries[index].summary.slug
                    entry.path = entries[index].summary.path
                    return entry
                }
            }
        }
        report.phases = start.phases + phases + [clock.lap("write")]
        return report
    }

    /// Whether an edit changes only what its article's cards show: the source still gives a
    /// document (with no problem, as the published one had none) whose front matter differs from
    /// the published one's in card fields alone (title and the slug made from it, summary,
    /// byline, editor, caption, alt text, modification date, extra fields), with the same body
    /// images; a scraped page not fetched earlier than the published version (which won its
    /// place among pages of the same URL as the newest fetch).
    static func changesOnlyItsCards(_ record: SourceRecord, before: SourceRecord, isMarkdown: Bool) -> Bool {
        guard record.problem == nil, before.problem == nil, let head = record.head, let earlier = before.head,
              head.source == earlier.source, head.bodyImages == earlier.bodyImages, isMarkdown || record.fetched >= before.fetched
        else { return false }
        var unchanged = head.frontMatter
        let was = earlier.frontMatter
        unchanged.title = was.title
        unchanged.slug = was.slug
        unchanged.summary = was.summary
        unchanged.author = was.author
        unchanged.editor = was.editor
        unchanged.imageCaption = was.imageCaption
        unchanged.imageAlt = was.imageAlt
        unchanged.modified = was.modified
        unchanged.extra = was.extra
        return unchanged == was
    }

    /// False when an edit changes the slug an article asks for while the content folder has both
    /// Markdown files and scraped pages: the new slug could pair a correction with a page (or
    /// the old one stop pairing), which changes what is published.
    private func renamesPairNoCorrection(_ edits: EditedRecords, files: [SourceFile]) throws(GalleyError) -> Bool {
        let renamed = edits.records.contains { path, record in
            guard let head = record.head, let before = edits.earlier[path]?.head else { return true }
            return ArticleIndex.slug(of: head) != ArticleIndex.slug(of: before)
        }
        guard renamed else { return true }
        let markdown = files.contains { $0.kind == .markdown }, scraped = files.contains { $0.kind != .markdown }
        return !(markdown && scraped)
    }

    /// The site as a whole build would index and relate it: every published article (its stored
    /// head; the edited ones' new heads), when the index gives every other article the slug and
    /// path it was published under, the relations' key (the order and the tags) is the stored
    /// table's, and `checking` (the output files' check, on another thread) says yes; nil
    /// otherwise.
    private func siteInPlace(_ publishedHeads: [BuildStateStore.PublishedHead], edits: EditedRecords, store: BuildStateStore,
                             config: SiteConfig, keys: BuildKeys, checking: BackgroundWork<Bool>) throws(GalleyError) -> SiteInPlace? {
        guard let storedRelations = try store.relations() else { return nil }
        var heads: [DocumentHead] = []
        var publishedAs: [ArticleIndex.PublishedAs?] = []
        var editedWerePublishedAt: [String] = []
        heads.reserveCapacity(publishedHeads.count)
        publishedAs.reserveCapacity(publishedHeads.count)
        for published in publishedHeads {
            let edited = edits.records[published.head.source]?.head
            heads.append(edited ?? published.head)
            publishedAs.append(edited == nil ? .init(slug: published.slug, path: published.path) : nil)
            if edited != nil { editedWerePublishedAt.append(published.path) }
        }
        // Every edited article was published (each source has one row: `published_articles.source` is unique).
        guard editedWerePublishedAt.count == edits.records.count else { return nil }
        let articles = ArticleIndex(documents: heads, config: config, jobs: options.jobs, publishedAs: publishedAs)
        guard articles.moved == 0 else { return nil }
        let summaries = articles.entries.map(\.summary)
        let relating = BackgroundWork { RelationCache.table(for: summaries, stored: storedRelations) }
        let plan = NewsSitePlanner(config: config, now: options.now).plan(summaries)
        let relations = relating.wait()
        guard checking.wait(), !relations.planned else { return nil }
        let site = SiteInPlace(articles: articles, edited: edits.records.values.compactMap(\.head), editedWerePublishedAt: editedWerePublishedAt,
                               relations: relations.table, plan: plan)
        return site.editedPositions.count == edits.records.count ? site : nil
    }

    /// Writes the files that may show an edited card (`files`, with their bytes: feeds listing
    /// one, and the files made every build: sitemaps, robots.txt, the web manifest) whose bytes
    /// changed, and removes the pages of articles that moved; a feed whose key and file are
    /// unchanged is kept as it is.
    private func writeFiles(_ files: [(file: PlannedFile, bytes: [UInt8])], removing moved: Set<String>, keyer: RenderKey, trusted: TrustedOutputs,
                            output: StreamedOutput, written: inout RemadeOutputs, report: inout BuildReport) throws(GalleyError) {
        let made = files.compactMap { file, bytes -> (file: PlannedFile, bytes: [UInt8], key: OutputKey)? in
            let key = keyer.file(file)
            if let key, trusted.reusable(file.path, key: key) != nil { return nil }
            return (file, bytes, key ?? .none)
        }
        try output.store.beginWriting(Set(made.map(\.file.path)).union(moved), known: Set(trusted.records.keys),
                                      renderInputsKey: output.renderInputsKey)
        let session = output.session
        let results = parallelMap(made, jobs: options.jobs) { item in
            Result { () throws(GalleyError) in try session.write(RenderedPage(path: item.file.path, bytes: item.bytes)) }
        }
        for (item, result) in zip(made, results) {
            let outcome = try result.get()
            written.noteFile(item.file.path, key: item.key, wrote: outcome.written, stamp: outcome.stamp, report: &report)
        }
        let removed = session.remove(Array(moved))
        report.filesRemoved = removed.count
        report.filesUnchanged -= removed.count
        try? FileManager.default.removeItem(at: state.staging)
    }
}
