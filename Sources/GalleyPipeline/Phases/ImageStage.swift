import Foundation
import GalleyCore
import GalleyImages
import GalleyRender

/// The images phase, between extraction and rendering: every image an article shows (its lead
/// image and the images of its body) that the scrape has (`ScrapedImageFinder`: files beside
/// the page, or records of the archive the page came from) is planned from
/// its header, and its files under `media/` are made unless the last build made them from the
/// same bytes and settings (their output records carry the cache key) and they are untouched.
/// An image that is not in the scrape stays remote; one that is but cannot be used (SVG, a
/// decompression bomb, truncated, another type than its name says) is reported and stays
/// remote too, and its page is published all the same.
struct ImageStage {
    let processor: ImageProcessor
    let finder: ScrapedImageFinder
    let jobs: Int

    /// What the phase gives the build.
    struct Result {
        var images = SiteImages()
        /// Files made now, one per path.
        var files: [RenderedPage] = []
        /// Path → cache key of every file of a local image (made now or kept).
        var keys: [String: String] = [:]
        /// Files of the last build that are still current.
        var kept: [String: OutputRecord] = [:]
        var problems: [GalleyError] = []
        /// Source → what its pages show of local images, for render keys.
        var signatures: [String: String] = [:]
        /// Images made now, and kept from the last build.
        var made = 0
        var reused = 0
    }

    /// One image URL to look for, with the first page that shows it (and the archive that
    /// page came from, whose records are where its images are).
    private struct Wanted: Sendable {
        var url: String
        var source: String
        var pageURL: String?
        var archive: String?
    }

    private enum Outcome: Sendable {
        case notInScrape
        case made(ImagePlan, [(path: String, bytes: [UInt8])])
        case kept(ImagePlan, [String: OutputRecord])
        case refused(String)
    }

    /// Runs the phase over the published articles; `reusable(path, key)` is the output record of
    /// a file the last build wrote from `key` and nobody changed since.
    func run(_ entries: [ArticleIndex.Entry], reusable: @Sendable (String, String) -> OutputRecord?) -> Result {
        var wanted: [Wanted] = []
        var seen: Set<String> = []
        let wantedByEntry = parallelMap(entries, jobs: jobs) { entry in
            let document = entry.head
            let archive = ScrapeArchive.archivePath(ofRecord: document.source)
            return Self.imageURLs(of: document).map { url in
                Wanted(url: url, source: document.source, pageURL: document.frontMatter.sourceURL, archive: archive)
            }
        }
        for item in wantedByEntry.joined() where seen.insert(item.url).inserted { wanted.append(item) }
        seen = []
        var archiveWants: [String: Set<String>] = [:]
        for item in wanted { if let archive = item.archive { archiveWants[archive, default: []].insert(item.url) } }
        let archived = finder.archived(archiveWants)
        var result = Result()
        // Looked up a batch at a time: an outcome is large (an image plan), and a million
        // articles show a million images, nearly all of them not in the scrape.
        for start in stride(from: 0, to: wanted.count, by: Self.lookedUpAtOnce) {
            let batch = Array(wanted[start..<min(start + Self.lookedUpAtOnce, wanted.count)])
            let outcomes = parallelMap(batch, jobs: jobs) { item in
                let found = URLPolicy.isDataURI(item.url) ? finder.inline(item.url, page: item.source)
                    : item.archive.map { archived[$0]?[item.url] } ?? finder.find(item.url, page: item.source, pageURL: item.pageURL)
                return outcome(of: item, found: found, reusable: reusable)
            }
            for (item, outcome) in zip(batch, outcomes) { add(outcome, of: item, to: &result) }
        }
        guard !result.images.byURL.isEmpty else { return result }
        for entry in entries {
            let signature = Self.imageURLs(of: entry.head).compactMap { url in result.images[url]?.signature }
            if !signature.isEmpty { result.signatures[entry.head.source] = signature.joined(separator: "\u{3}") }
        }
        return result
    }

    /// Image URLs looked up (and their outcomes held) at once.
    static let lookedUpAtOnce = 4096

    /// The URLs of the images a document shows, http(s) and inlined (`data:`): its lead
    /// image, then its body's.
    static func imageURLs(of document: DocumentHead) -> [String] {
        var urls: [String] = []
        for url in [document.frontMatter.image].compactMap(\.self) + document.bodyImages where !urls.contains(url) {
            let scheme = URLPolicy.scheme(of: url)
            if scheme == "http" || scheme == "https" || scheme == "data" { urls.append(url) }
        }
        return urls
    }

    private func outcome(of item: Wanted, found: ScrapedImageFinder.Found?, reusable: (String, String) -> OutputRecord?) -> Outcome {
        guard let found else { return .notInScrape }
        do throws(ImageProblem) {
            let plan = try processor.plan(found.bytes, name: found.name)
            var records: [String: OutputRecord] = [:]
            for file in plan.files {
                guard let record = reusable(file.path, plan.cacheKey) else { break }
                records[file.path] = record
            }
            if records.count == plan.files.count { return .kept(plan, records) }
            return .made(plan, try processor.files(of: plan, from: found.bytes))
        } catch {
            return .refused("image \(found.path): \(error)")
        }
    }

    private func add(_ outcome: Outcome, of item: Wanted, to result: inout Result) {
        switch outcome {
        case .notInScrape:
            return
        case .refused(let reason):
            result.problems.append(GalleyError(.images, source: item.source, reason: reason, kind: .rejected))
        case .made(let plan, let files):
            result.images.byURL[item.url] = plan.localImage
            guard result.keys[plan.localImage.path] == nil else { return } // the same bytes under another URL
            result.made += 1
            for file in files {
                result.files.append(RenderedPage(path: file.path, bytes: file.bytes))
                result.keys[file.path] = plan.cacheKey
            }
        case .kept(let plan, let records):
            result.images.byURL[item.url] = plan.localImage
            guard result.keys[plan.localImage.path] == nil else { return }
            result.reused += 1
            for (path, record) in records {
                result.kept[path] = record
                result.keys[path] = plan.cacheKey
            }
        }
    }
}
