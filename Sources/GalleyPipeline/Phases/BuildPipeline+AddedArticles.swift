import Foundation
import GalleyCore

/// Stage 3 of `BuildPipeline.run()` for a build whose only changes are new sources: a scraper's
/// run that left a few new pages, a new Markdown article.
///
/// The sources to publish are then every article the last build published, as it published
/// it (its stored head: `publishedHeads`), and the new ones, processed here: what the source
/// stage would give, without taking every source through it (its
/// records, fingerprints and bookkeeping were a third of a build that added one article to
/// 10,000). Every later phase runs as in any build: the new article moves every other one down
/// the lists it joins, so the site is indexed, related and planned again, and pages are made
/// again where their render keys changed.
///
/// What the source stage would decide differently is ruled out first, and the build takes the
/// source stage instead: a source removed (with one added, the counts hide it), a new source
/// with a problem or a draft, one the duplicate filter could pair with a published page (same
/// canonical URL, a shared band key), a Markdown file beside scraped pages or a scraped page
/// beside Markdown files (a correction could pair with it by its slug), a stale version kept,
/// or a last build that left an article out for a problem past the source stages (it is tried
/// again by the source stage's build).
extension BuildPipeline {
    /// Problems of these stages belong to sources (kept from the last build while a source is
    /// unchanged); the others are made again by the phases that run.
    static let sourceStages: Set<Stage> = [.discover, .read, .extract, .normalize]

    /// The sources to publish when every changed source in `edited` is new (it has no record)
    /// and nothing else changed in the content folder; nil, with nothing saved, otherwise. The
    /// new records are saved; `report` gets the counts and problems the source stage would give
    /// (with `reportsEverySource`, one entry per new source and per source with a problem, as
    /// a build of edits alone lists them). `made` gets the new sources as processed here, for
    /// the source stage to take when this gives nil (as `editedRecords` leaves its own).
    ///
    /// `fingerprints` (the stored ones, which the source stage would take) are let go once the
    /// new sources are processed, before every published head is read (the build's peak; at
    /// 1,000,000 articles they were 0.4 GB of it); a build that goes on to the source stage after
    /// that reads them again.
    func publishedWithAdditions(_ edited: [SourceFile], files: [SourceFile], processor: PageProcessor, store: BuildStateStore, keys: BuildKeys,
                                fingerprints: inout [String: SourceFingerprint]?, seen: [String: SourceStamps],
                                made: inout [String: SourceStage.Made], report: inout BuildReport) throws(GalleyError) -> PublishableSources? {
        // A correction pairs with its page by slug: new sources beside sources of the other kind could.
        let markdown = files.contains { $0.kind == .markdown }, scraped = files.contains { $0.kind != .markdown }
        // Every edited source is new and every other is stored (asked without holding the table past here).
        let onlyNew = fingerprints.map { stored in edited.allSatisfy { stored[$0.path] == nil } && files.count - edited.count == stored.count }
        guard !options.full, !(markdown && scraped), onlyNew == true, !edited.isEmpty, files.allSatisfy({ $0.kind != .archive }),
              !(try store.writesEveryRecord(extractionKey: keys.extraction)),
              let content = FolderStamps(folder: options.contentFolder.standardizedFileURL.path) else { return nil }
        let last = try store.lastProblems()
        guard last.stale.isEmpty, last.problems.allSatisfy({ Self.sourceStages.contains($0.stage) }) else { return nil }
        let stage = SourceStage(processor: processor, jobs: options.jobs, progress: nil, reuse: true)
        let outcomes = parallelMap(edited, jobs: options.jobs) { file in stage.processChanged(file, in: content, seen: seen[file.path], stored: nil) }
        made = Dictionary(uniqueKeysWithValues: zip(edited.map(\.path), outcomes))
        var records: [String: SourceRecord] = [:]
        for (file, (_, record)) in zip(edited, outcomes) {
            guard let record, record.problem == nil, let head = record.head, !head.frontMatter.draft else { return nil }
            records[file.path] = record
        }
        fingerprints = nil
        guard let published = try store.publishedHeads(extractionKey: keys.extraction),
              try pairsWithNoPublishedPage(edited, records: records, published: published, store: store) else { return nil }

        try store.saveSources(records, changed: Set(records.keys), removed: [], extractionKey: keys.extraction, jobs: options.jobs)
        report.sourcesReused = files.count - edited.count
        report.sourcesProcessed = edited.count
        report.problems = last.problems
        let added = edited.compactMap { records[$0.path]?.head }
        var sources = PublishableSources(documents: published.map(\.head) + added,
                                         publishedAs: published.map { .init(slug: $0.slug, path: $0.path) } + added.map { _ in nil })
        if options.reportsEverySource {
            let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            sources.processed = last.problems.compactMap { problem in
                problem.source.flatMap { byPath[$0] }.map { ProcessedSource(file: $0, head: nil, problem: problem, fetched: Date(), reused: true) }
            } + outcomes.map(\.source)
        }
        return sources
    }

    /// Whether no new scraped page can pair with another page as the duplicate filter pairs
    /// them: no canonical URL that a published page or another new page has, and no band key
    /// that a stored document or another new page has. (The filter keeps the URLs and band keys
    /// of the pages it keeps, which are the published ones.)
    private func pairsWithNoPublishedPage(_ added: [SourceFile], records: [String: SourceRecord],
                                          published: [BuildStateStore.PublishedHead], store: BuildStateStore) throws(GalleyError) -> Bool {
        let pages = added.filter { $0.kind != .markdown }
        guard !pages.isEmpty else { return true }
        var urls: Set<String> = [], keys: Set<String> = []
        var bands: Set<Int> = []
        for page in pages {
            guard let record = records[page.path] else { return false }
            if let url = record.head?.frontMatter.sourceURL {
                guard urls.insert(DuplicateFilter.canonical(url)).inserted else { return false }
                keys.insert(DuplicateFilter.urlKey(url))
            }
            for key in Set(record.bands ?? []) where !bands.insert(key).inserted { return false }
        }
        // Only the published URLs that share a new one's key can have its canonical form.
        for head in published {
            guard let url = head.head.frontMatter.sourceURL, keys.contains(DuplicateFilter.urlKey(url)) else { continue }
            if urls.contains(DuplicateFilter.canonical(url)) { return false }
        }
        return store.bodies().sharesBand(bands, exceptAt: Set(pages.map(\.path))) == false
    }
}
