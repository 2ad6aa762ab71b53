import Foundation
import GalleyCore
import GalleyImages
import GalleySite

/// Writing the output and remembering it in the build state, the check that nothing changed,
/// and the per-source report.
extension BuildPipeline {
    /// Writes the files still to write (those made as bytes), removes stale ones, and records
    /// the outputs. Before the first of these files is touched, the records of the files about
    /// to be written or removed are made untrusted (paths kept for pruning), so a build killed
    /// while writing leaves the next one nothing stale to trust (pages written while rendering
    /// were announced the same way before rendering).
    func write(_ outputs: OutputSet, output: StreamedOutput, keys: BuildKeys, published: [ArticleSummary],
               report: inout BuildReport) throws(GalleyError) {
        let earlier = output.earlier
        let removed = earlier.union(outputs.abandoned).filter { !outputs.contains($0) }
        let touched = Set(outputs.files.map(\.path)).union(removed)
        try output.store.beginWriting(touched, known: earlier.union(outputs.allPaths), renderInputsKey: keys.renderInputs)

        let session = output.session
        let results = parallelMap(outputs.files, jobs: options.jobs) { file in
            Result { () throws(GalleyError) in try session.write(file.rendered) }
        }
        // The stamps of the files written now (beside those written while rendering, not a
        // copy of them: a cold build's 300,000 at 200,000 articles).
        var writtenNow: [String: FileStamp?] = [:]
        report.filesWritten = outputs.streamedWritten
        report.filesUnchanged = outputs.streamedUnchanged + outputs.kept.count
        for (file, result) in zip(outputs.files, results) {
            let outcome = try result.get()
            writtenNow[file.path] = outcome.stamp
            if outcome.written { report.filesWritten += 1 } else { report.filesUnchanged += 1 }
        }
        report.filesRemoved = session.remove(Array(removed)).count
        try? FileManager.default.removeItem(at: state.staging)

        // Every file made by this build was announced to the state (its record untrusted) before
        // it was written, so its record is saved again; of the kept ones, those whose record
        // changed. The others' records stay as stored. Read from the output set where they are.
        let altered = outputs.keptAltered.filter { !outputs.isMade($0) }.compactMap { path in outputs.kept[path].map { (path, $0) } }
        let made = outputs.made
        let records = OutputRecords(count: altered.count + made.count) { position in
            position < altered.count ? altered[position].0 : made[position - altered.count].path
        } record: { position in
            guard position >= altered.count else { return altered[position].1 }
            let file = made[position - altered.count]
            let stamp = if let written = writtenNow[file.path] { written } else { file.stamp }
            return OutputRecord(renderKey: file.key, stamp: stamp)
        }
        try output.store.finishWriting(records, removed: removed, kept: outputs.kept,
                                       build: lastBuild(published, keys: keys, report: report), problems: report.problems, stale: report.stale,
                                       published: Set(published.map(\.source)))
        LegacyState(outputRoot: state.outputRoot, stateFolder: state.folder).remove()
    }

    /// What this build records about itself.
    func lastBuild(_ published: [ArticleSummary], keys: BuildKeys, report: BuildReport) -> LastBuild {
        var build = LastBuild(extractionKey: keys.extraction, renderInputsKey: keys.renderInputs, complete: true, validUntil: validUntil(published))
        build.published = report.published
        build.tags = report.tags
        build.regions = report.regions
        build.pages = report.pagesRendered + report.pagesReused
        build.dates = report.dates
        return build
    }

    /// When the news sitemap next changes with the clock alone: an article enters the window
    /// at its publication time and leaves it two days later (one dated by its file never
    /// enters). An empty site's feeds carry the build's time, so it is never up to date.
    func validUntil(_ published: [ArticleSummary]) -> Date? {
        guard !published.isEmpty else { return options.now }
        var earliest: Date?
        for article in published {
            guard let change = NewsSitemapWriter.nextListingChange(of: article, now: options.now) else { continue }
            earliest = min(earliest ?? change, change)
        }
        return earliest
    }

    /// What the no-change check found.
    enum ChangeCheck: Equatable {
        /// The output is already what this build would write.
        case upToDate
        /// These sources changed or are new (at most `editsRenderedAlone`, none an archive),
        /// the others did not; the output files and the scrape's images are not checked yet
        /// (`othersUnchanged`), nor whether a source was removed while another was added.
        case edited([SourceFile])
        /// Anything else: every phase runs.
        case changed
    }

    /// Whether the output is already what this build would write, once `mayBeCurrent` said the
    /// last build's record allows it: the last build was made over the same sources (size,
    /// mtime, sidecar; racy ones by their bytes) and its files are untouched. Reads stamps and
    /// racy sources only, never a document. When only a few sources changed, it says which
    /// (for `renderEditedArticles`).
    /// `seen`: the stamps the check took of the sources when it found some changed, for the
    /// phases of a build that goes on.
    func checkForChanges(_ sources: [String: SourceFingerprint], outputs: [String: OutputRecord], images: [String: ScrapedImageRecord],
                         archivedImages: [String: ArchivedImagesRecord], store: BuildStateStore, files: [SourceFile],
                         seen: inout SeenStamps) throws(GalleyError) -> ChangeCheck {
        // An archive's records have rows of their own (`FILE#offset`); its own row stands for them here.
        let archives = files.contains { $0.kind == .archive }
        let fileRows = sources.count - Self.archiveRecords(among: sources, archivesListed: archives)
        // More files than records: new sources, found changed below (they have no record).
        guard archives ? files.count == fileRows : files.count >= fileRows, let content = FolderStamps(folder: options.contentFolder.standardizedFileURL.path),
              let output = FolderStamps(folder: state.outputRoot) else { return .changed }
        // Racy sources are read from here on: a time before any of them is read.
        let checkedAt = SourceFingerprint.nowNanoseconds()
        let checks = parallelMap(files, jobs: options.jobs) { file in
            sourceCheck(file, in: content, recorded: sources[file.path])
        }
        let edited = zip(files, checks).filter { $0.1.freshness == .changed }.map(\.0)
        if !edited.isEmpty {
            seen.inOrder = checks.map(\.stamps)
            for (file, check) in zip(files, checks) where check.freshness == .changed { seen.changed[file.path] = check.stamps }
            let few = edited.count <= Self.editsRenderedAlone && !edited.contains(where: { $0.kind == .archive })
            return few ? .edited(edited) : .changed
        }
        guard try othersUnchanged(outputs: outputs, images: images, archivedImages: archivedImages, store: store, in: content, output: output,
                                  checkedAt: checkedAt) else { return .changed }
        // Every racy source was found unchanged by its bytes: the next check trusts the stamps
        // of those whose mtime is old enough now, without reading them again.
        if checks.contains(where: { $0.freshness == .sameBytes }) { try store.markSourcesVerified(at: checkedAt) }
        return .upToDate
    }

    /// The rest of the no-change check, once the sources are found unchanged (or only edited):
    /// every output file still has its recorded stamp, and so has every image file and archive
    /// of the scrape the last build took images from (a racy image file compared by its bytes,
    /// and its record brought up to date in the state).
    func othersUnchanged(outputs: [String: OutputRecord], images: [String: ScrapedImageRecord], archivedImages: [String: ArchivedImagesRecord],
                         store: BuildStateStore, in content: FolderStamps, output: FolderStamps, checkedAt: Int64) throws(GalleyError) -> Bool {
        guard TrustedOutputs.everyFileUnchanged(outputs, in: output, jobs: options.jobs) else { return false }
        return try scrapedImagesUnchanged(images, archivedImages: archivedImages, store: store, in: content, checkedAt: checkedAt)
    }

    /// The images part of `othersUnchanged`: every image file and archive of the scrape the last
    /// build took images from still has its recorded stamp (a racy image file the same bytes,
    /// and its record brought up to date in the state).
    func scrapedImagesUnchanged(_ images: [String: ScrapedImageRecord], archivedImages: [String: ArchivedImagesRecord],
                                store: BuildStateStore, in content: FolderStamps, checkedAt: Int64) throws(GalleyError) -> Bool {
        guard let verifiedImages = unchangedImages(images, in: content, checkedAt: checkedAt),
              archivedImages.allSatisfy({ archive, record in !record.racy && content.stamp(archive) == record.stamp }) else { return false }
        try store.markScrapedImagesVerified(verifiedImages)
        return true
    }

    /// Whether the scrape's image files the last build planned are still the files it read:
    /// the same size and mtime, and a racy one the same bytes (by SHA-256, as its plan names
    /// them). Gives the racy records found the same, brought up to date (racy or not as of
    /// `checkedAt`); nil when a file changed or vanished. (An image a page shows that the
    /// scrape did not have then is not looked for: saving it later does not make a build.)
    func unchangedImages(_ images: [String: ScrapedImageRecord], in content: FolderStamps, checkedAt: Int64) -> [String: ScrapedImageRecord]? {
        guard !images.isEmpty else { return [:] }
        let all = Array(images)
        let checked = parallelMap(all, jobs: options.jobs) { path, record -> ScrapedImageRecord? in
            // An inlined picture's record is named by its bytes' digest: nothing to look at.
            if InlinePicture.isName(path) { return record }
            guard let stamp = content.stamp(path), stamp == record.stamp else { return nil }
            guard record.racy else { return record }
            guard let bytes = content.bytes(path, ifStamped: stamp), ImagePlan.sha256(of: bytes) == record.sha256 else { return nil }
            var verified = record
            verified.racy = SourceFingerprint.isRacy(stamp, readAt: checkedAt)
            return verified
        }
        var verified: [String: ScrapedImageRecord] = [:]
        for ((path, record), now) in zip(all, checked) {
            guard let now else { return nil }
            if now != record { verified[path] = now }
        }
        return verified
    }

    /// Whether, by its record alone, the last build's output could be what this build would
    /// write: it finished, with the same galley, config and templates, no Markdown folder is
    /// kept, and the news sitemap's window has not moved past an article. Only then are the
    /// sources' fingerprints read and the no-change check made.
    func mayBeCurrent(_ last: LastBuild, keys: BuildKeys) -> Bool {
        guard !options.full, last.complete, last.renderInputsKey == keys.renderInputs, options.keepMarkdownFolder == nil else { return false }
        if let validUntil = last.validUntil, validUntil <= options.now { return false }
        return true
    }

    /// One source in the no-change check: trusted by size and mtime, or — when its record is
    /// racy (it was read within its racy window of its mtime, as just after a scraper's run) — compared
    /// by its bytes, as git does, instead of giving up the fast path. A racy source is opened
    /// at once, without a `stat` first: the open file's stamp, taken after its bytes are read,
    /// must be the recorded one (four system calls for each of 10,000 sources after a scrape,
    /// not five). An archive's record holds no hash: a racy archive is read by the build.
    /// Gives the stamps it found too (and, for a racy source whose bytes it found the same, its
    /// record brought up to date); none for a racy source that differs (it was not stat-ed).
    func sourceCheck(_ file: SourceFile, in content: FolderStamps, recorded: SourceFingerprint?) -> (freshness: Freshness, stamps: SourceStamps?) {
        let sidecar = file.sidecarPath.flatMap { FileStamp.of(path: $0) }
        guard let recorded, recorded.racy, !recorded.hash.isEmpty, file.kind != .archive else {
            let stamp = content.stamp(file.path)
            return (Freshness.byStamps(stamp, sidecar: sidecar, recorded: recorded), SourceStamps(file: stamp, sidecar: sidecar))
        }
        // Its recorded stamp stands for the one a `stat` would give: the bytes are read only
        // while the open file has it.
        let (freshness, verified) = Freshness.bySourceBytes(stamp: recorded.file, sidecar: sidecar, recorded: recorded) { stamp in
            content.bytes(file.path, ifStamped: stamp)
        }
        return (freshness, freshness == .changed ? nil : SourceStamps(file: recorded.file, sidecar: sidecar, verified: verified))
    }

    /// The report of a build that found nothing to do, with the last build's totals and problems.
    func upToDateReport(_ start: BuildReport, last: LastBuild, outputs: [String: OutputRecord], store: BuildStateStore,
                        files: [SourceFile], archiveRecords: Int) throws(GalleyError) -> BuildReport {
        var report = start
        report.upToDate = true
        report.sourcesReused = files.count { $0.kind != .archive }
        // An archive stands for its page records, each a source of its own.
        report.pagesRead += archiveRecords
        report.sourcesReused += archiveRecords
        report.published = last.published
        report.tags = last.tags
        report.regions = last.regions
        report.pagesReused = last.pages
        for source in DateSource.allCases { report.dates[source] = last.dates[source] ?? 0 }
        report.filesUnchanged = outputs.count
        (report.problems, report.stale) = try store.lastProblems()
        report.sources = report.problems.map { problem in
            BuildReport.SourceReport(status: report.stale.contains(problem.source ?? "") ? "stale" : problem.kind.rawValue,
                                     source: problem.source ?? "", reused: true, stage: problem.stage.rawValue, reason: problem.reason)
        }
        return report
    }

    /// How many of the stored sources are page records of archives (`FILE#offset`, each a row
    /// of its own); none are looked for when the content folder lists no archive.
    static func archiveRecords(among sources: [String: SourceFingerprint], archivesListed: Bool) -> Int {
        archivesListed ? sources.keys.count { ScrapeArchive.archivePath(ofRecord: $0) != nil } : 0
    }

    /// One entry per source: published (with slug and path), or why not; where the date of
    /// its document came from.
    func sourceReports(_ sources: PublishableSources, articles: ArticleIndex, report: BuildReport) -> [BuildReport.SourceReport] {
        let entries = Dictionary(articles.entries.map { ($0.head.source, $0.summary) }, uniquingKeysWith: { first, _ in first })
        let problems = Dictionary(report.problems.compactMap { problem in problem.source.map { ($0, problem) } }, uniquingKeysWith: { first, _ in first })
        return sources.processed.map { source in
            let path = source.path
            var entry = BuildReport.SourceReport(status: "published", source: path, reused: source.reused,
                                                 dateSource: source.head?.frontMatter.dateSource.rawValue)
            if let summary = entries[path] {
                entry.slug = summary.slug
                entry.path = summary.path
            }
            if let problem = problems[path] {
                entry.status = report.stale.contains(path) ? "stale" : problem.kind.rawValue
                entry.stage = problem.stage.rawValue
                entry.reason = problem.reason
            } else if let duplicate = sources.duplicates[path] {
                entry.status = "duplicate"
                entry.reason = duplicate.reason
                entry.replacedBy = duplicate.kept
            } else if let override = sources.overrides[path] {
                entry.status = "overridden"
                entry.replacedBy = override.markdown
            } else if sources.drafts.contains(path) {
                entry.status = "draft"
            }
            return entry
        }
    }
}
