import Foundation
import GalleyCore
import GalleySite

/// Writing the output and remembering it: the output manifest, the check that nothing changed,
/// and the per-source report.
extension BuildPipeline {
    /// The file earlier versions of galley kept in the output folder to list what they wrote.
    static let legacyOutputList = ".galley-outputs"

    /// Writes changed files, removes stale ones, and records the outputs. The manifest is
    /// marked incomplete (keys dropped, paths kept for pruning) before the first file is
    /// touched, so a build killed while writing leaves the next one nothing stale to trust.
    func write(_ outputs: OutputSet, previous: OutputManifest?, sources: SourceManifest, keys: BuildKeys,
               published: [ArticleSummary], report: inout BuildReport) throws(GalleyError) {
        let current = outputs.allPaths
        let earlier = Set(previous?.outputs.keys.map { $0 } ?? []).union(legacyOutputs())
        var pending = OutputManifest()
        pending.renderKey = keys.render
        for path in earlier.union(current) { pending.outputs[path] = .init(key: "", stamp: nil) }
        try pending.save(state.outputManifest)

        let writer = OutputWriter(outputFolder: options.outputFolder, stagingFolder: state.staging, jobs: options.jobs)
        let written = try writer.write(outputs.files, removing: earlier.subtracting(current).sorted())
        report.filesWritten = written.written
        report.filesUnchanged = written.unchanged + outputs.kept.count
        report.filesRemoved = written.removed
        try? FileManager.default.removeItem(at: state.staging)
        unlink(outputPath(Self.legacyOutputList))

        var done = OutputManifest()
        done.renderKey = keys.render
        done.complete = true
        done.validUntil = validUntil(published)
        done.sources = sources.sources.mapValues(\.fingerprint)
        for (path, key) in outputs.keys { done.outputs[path] = .init(key: key, stamp: written.stamps[path]) }
        for (path, record) in outputs.kept { done.outputs[path] = record }
        done.counts = ["published": report.published, "tags": report.tags, "regions": report.regions,
                       "rendered": report.pagesRendered + report.pagesReused]
        for source in DateSource.allCases { done.counts[Self.datesCount(source)] = report.dates[source] ?? 0 }
        done.problems = report.problems
        done.stale = report.stale.sorted()
        try done.save(state.outputManifest)
    }

    /// Paths listed by an older galley's `.galley-outputs` in the output folder.
    func legacyOutputs() -> [String] {
        guard let data = FileManager.default.contents(atPath: outputPath(Self.legacyOutputList)) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
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

    /// Whether the output is already what this build would write: the last build completed
    /// with the same galley, config and templates, over the same sources (size, mtime,
    /// sidecar), its files are untouched, and the news sitemap's window has not moved past an
    /// article.
    func isUpToDate(_ previous: OutputManifest, files: [SourceFile], keys: BuildKeys) -> Bool {
        guard previous.complete, previous.renderKey == keys.render, options.keepMarkdownFolder == nil,
              files.count == previous.sources.count else { return false }
        if let validUntil = previous.validUntil, validUntil <= options.now { return false }
        let sourcesSame = parallelMap(files, jobs: options.jobs) { file in
            guard let print = previous.sources[file.path], !print.racy else { return false }
            return FileStamp.of(path: file.url.path) == print.file && file.sidecar.flatMap { FileStamp.of(path: $0.path) } == print.sidecar
        }
        guard !sourcesSame.contains(false) else { return false }
        let records = Array(previous.outputs)
        let outputsSame = parallelMap(records, jobs: options.jobs) { item in
            item.value.stamp != nil && FileStamp.of(path: outputPath(item.key)) == item.value.stamp
        }
        return !outputsSame.contains(false)
    }

    /// The report of a build that found nothing to do, with the last build's totals.
    func upToDateReport(_ start: BuildReport, previous: OutputManifest, files: [SourceFile]) -> BuildReport {
        var report = start
        report.upToDate = true
        report.sourcesReused = files.count
        report.published = previous.counts["published"] ?? 0
        report.tags = previous.counts["tags"] ?? 0
        report.regions = previous.counts["regions"] ?? 0
        report.pagesReused = previous.counts["rendered"] ?? 0
        for source in DateSource.allCases { report.dates[source] = previous.counts[Self.datesCount(source)] ?? 0 }
        report.filesUnchanged = previous.outputs.count
        report.problems = previous.problems
        report.stale = Set(previous.stale)
        report.sources = previous.problems.map { problem in
            BuildReport.SourceReport(status: report.stale.contains(problem.source ?? "") ? "stale" : problem.kind.rawValue,
                                     source: problem.source ?? "", reused: true, stage: problem.stage.rawValue, reason: problem.reason)
        }
        return report
    }

    /// The output manifest's name for the count of published articles dated from `source`.
    static func datesCount(_ source: DateSource) -> String {
        "dates-" + source.rawValue
    }

    /// One entry per source: published (with slug and path), or why not; where the date of
    /// its document came from.
    func sourceReports(_ sources: PublishableSources, articles: ArticleIndex, report: BuildReport) -> [BuildReport.SourceReport] {
        let entries = Dictionary(articles.entries.map { ($0.document.source, $0.summary) }, uniquingKeysWith: { first, _ in first })
        let problems = Dictionary(report.problems.compactMap { problem in problem.source.map { ($0, problem) } }, uniquingKeysWith: { first, _ in first })
        return sources.outcomes.map { outcome in
            let path = outcome.file.path
            var entry = BuildReport.SourceReport(status: "published", source: path, reused: outcome.reused,
                                                 dateSource: outcome.document?.frontMatter.dateSource.rawValue)
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
