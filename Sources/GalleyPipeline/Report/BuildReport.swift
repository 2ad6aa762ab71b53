import Foundation
import GalleyCore

/// What a build did: the one-screen summary on stderr and, per source, the `--report` JSON.
public struct BuildReport: Sendable {
    /// Seconds per phase, in the order the phases ran.
    public var phases: [(name: String, seconds: Double)] = []
    public var pagesRead = 0
    public var markdownRead = 0
    /// Archives (WARC, WACZ) in the content folder, and how many were streamed (the others
    /// were unchanged); their page records count among `pagesRead`.
    public var archives = 0
    public var archivesRead = 0
    /// Records of the archives streamed that were left out unread, by reason (`4xx`, `not http(s)`).
    public var archiveRecordsSkipped: [String: Int] = [:]
    /// Sources whose document came from the cache, and sources read and processed.
    public var sourcesReused = 0
    public var sourcesProcessed = 0
    /// Nothing changed since the last build: nothing was rendered or written.
    public var upToDate = false
    public var published = 0
    /// Published articles by where their date came from (page, fetch, file).
    public var dates: [DateSource: Int] = [:]
    public var drafts: [String] = []
    /// Scraped pages whose extraction a `.md` file with the same slug replaced.
    public var overridden: [MarkdownOverride] = []
    /// Scraped pages left out as the same story as another page.
    public var duplicates: [Duplicate] = []
    /// Markdown files `--keep-markdown` wrote (changed or new) and left as they were.
    public var markdownWritten = 0
    public var markdownUnchanged = 0
    /// The `--keep-markdown` folder, when there was one.
    public var markdownFolder: String?
    /// Pages that are not articles, and pages that failed, each with stage and reason.
    public var problems: [GalleyError] = []
    /// Sources among `problems` whose last good version is still published.
    public var stale: Set<String> = []
    public var tags = 0
    public var regions = 0
    /// Images articles show that the scrape had (copied into `media/`): made now, and kept
    /// from the last build (same bytes, same settings).
    public var imagesMade = 0
    public var imagesReused = 0
    /// Image files of the scrape read in this build: new or changed ones, and those whose files
    /// had to be made; the others were planned from the build state without being read.
    public var imageFilesRead = 0
    /// Archives read in this build for the images their pages show (the others were unchanged
    /// and their images taken from the build state).
    public var archivesReadForImages = 0
    /// Images the scrape had that were not used (SVG, too many pixels, truncated…), each with
    /// the page that shows it; the image stays remote and the page is published.
    public var imageProblems: [GalleyError] = []
    /// Whether the site has a search page (`search: true` or `--search`), whose index pagefind
    /// must then build.
    public var search = false
    /// Pages rendered, and pages whose file from the last build was kept without rendering.
    public var pagesRendered = 0
    public var pagesReused = 0
    public var filesWritten = 0
    public var filesUnchanged = 0
    public var filesRemoved = 0
    /// Per source: what became of it (only with `BuildPipeline.Options.reportsEverySource`; a
    /// build that finds nothing changed lists the sources with problems).
    public var sources: [SourceReport] = []

    /// A page left out because another page is the same story.
    public struct Duplicate: Sendable, Hashable, Codable {
        public var kept: String
        public var dropped: String
        public var reason: String
    }

    /// One source in the `--report` file.
    public struct SourceReport: Sendable, Hashable, Codable {
        /// published, draft, rejected, failed, stale (failing; the last good version stays
        /// published), duplicate, overridden.
        public var status: String
        public var source: String
        /// Whether the document came from the cache rather than from reading the source.
        public var reused: Bool
        public var slug: String?
        /// Output path of the article page.
        public var path: String?
        public var stage: String?
        public var reason: String?
        /// The source that was published instead (duplicates, overrides).
        public var replacedBy: String?
        /// Where the date of the source's document came from (`page`, `fetched`, `file`); nil
        /// when it gave no document.
        public var dateSource: String?
    }

    public var rejected: [GalleyError] { problems.filter { $0.kind == .rejected } }
    public var failed: [GalleyError] { problems.filter { $0.kind == .failed } }
    public var totalSeconds: Double { phases.reduce(0) { $0 + $1.seconds } }

    /// The short human summary printed after a build.
    public var summary: String {
        var lines: [String] = []
        lines.append("read \(pagesRead + markdownRead) sources (\(pagesRead) scraped pages, \(markdownRead) Markdown): \(sourcesReused) reused, \(sourcesProcessed) processed")
        if archives > 0 {
            let skipped = archiveRecordsSkipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            let unchanged = archives - archivesRead
            lines.append("\(archives) \(archives == 1 ? "archive" : "archives"): \(archivesRead) read, \(unchanged) unchanged (not opened)"
                         + (skipped.isEmpty ? "" : "; records left out unread: \(skipped)"))
        }
        if upToDate { lines.append("nothing changed since the last build") }
        lines.append("published \(published) articles, \(tags) tags, \(regions) regions")
        if published > 0 { lines.append(datesLine) }
        if !drafts.isEmpty { lines.append("skipped \(drafts.count) drafts: \(drafts.joined(separator: ", "))") }
        if !overridden.isEmpty {
            let pairs = overridden.map { "\($0.page) by \($0.markdown)" }.joined(separator: ", ")
            lines.append("\(overridden.count) \(overridden.count == 1 ? "article" : "articles") overridden by Markdown: \(pairs)")
        }
        if !duplicates.isEmpty {
            lines.append("\(duplicates.count) duplicate \(duplicates.count == 1 ? "page" : "pages") left out:")
            for duplicate in duplicates { lines.append("  \(duplicate.dropped) (\(duplicate.reason) as \(duplicate.kept))") }
        }
        if let markdownFolder {
            lines.append("kept Markdown in \(markdownFolder): \(markdownWritten) written, \(markdownUnchanged) unchanged")
        }
        if !problems.isEmpty {
            lines.append("rejected \(rejected.count), failed \(failed.count):")
            for problem in problems {
                let kept = stale.contains(problem.source ?? "") ? " (its last good version stays published)" : ""
                lines.append("  \(problem.kind.rawValue): \(problem)\(kept)")
            }
        }
        if imagesMade + imagesReused + imageProblems.count > 0 {
            lines.append("images from the scrape: \(imagesMade) made, \(imagesReused) reused, \(imageFilesRead) files read"
                         + (imageProblems.isEmpty ? "" : "; \(imageProblems.count) left remote:"))
            for problem in imageProblems { lines.append("  \(problem)") }
        }
        lines.append("pages: \(pagesRendered) rendered, \(pagesReused) reused; files: \(filesWritten) written, \(filesUnchanged) unchanged, \(filesRemoved) removed")
        let timings = phases.map { "\($0.name) \(Self.format($0.seconds))" }.joined(separator: ", ")
        lines.append("done in \(Self.format(totalSeconds)) s (\(timings))")
        return lines.joined(separator: "\n")
    }

    /// `dates: 120 from the page, 3 from the fetch, 1 from the file`.
    var datesLine: String {
        "dates: \(dates[.page] ?? 0) from the page, \(dates[.fetched] ?? 0) from the fetch, \(dates[.file] ?? 0) from the file"
    }

    /// The `--report` file: totals, phases and one entry per source.
    public func json() -> Data {
        struct File: Encodable {
            var upToDate: Bool
            var published, sourcesReused, sourcesProcessed, pagesRendered, pagesReused, filesWritten, filesUnchanged, filesRemoved: Int
            var rejected, failed: Int
            /// Published articles by where their date came from: `page`, `fetched`, `file`.
            var dates: [String: Int]
            var seconds: [String: Double]
            var duplicates: [Duplicate]
            /// Archive records left out unread, by reason (`3xx`, `4xx`, `5xx`, `not http(s)`).
            var archiveRecordsSkipped: [String: Int]
            /// Images from the scrape made now and reused; those left remote, with their page and reason.
            var imagesMade, imagesReused, imageFilesRead, archivesReadForImages: Int
            var imageProblems: [GalleyError]
            var sources: [SourceReport]
        }
        let file = File(upToDate: upToDate, published: published, sourcesReused: sourcesReused, sourcesProcessed: sourcesProcessed,
                        pagesRendered: pagesRendered, pagesReused: pagesReused, filesWritten: filesWritten,
                        filesUnchanged: filesUnchanged, filesRemoved: filesRemoved, rejected: rejected.count, failed: failed.count,
                        dates: Dictionary(uniqueKeysWithValues: DateSource.allCases.map { ($0.rawValue, dates[$0] ?? 0) }),
                        seconds: Dictionary(phases.map { ($0.name, $0.seconds) }, uniquingKeysWith: +),
                        duplicates: duplicates, archiveRecordsSkipped: archiveRecordsSkipped, imagesMade: imagesMade,
                        imagesReused: imagesReused, imageFilesRead: imageFilesRead,
                        archivesReadForImages: archivesReadForImages, imageProblems: imageProblems, sources: sources)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(file)) ?? Data()
    }

    static func format(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        return "\(hundredths / 100).\(Timestamp.pad(hundredths % 100))"
    }
}
