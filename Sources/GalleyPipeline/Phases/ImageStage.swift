import Foundation
import GalleyCore
import GalleyImages
import GalleyRender

/// The images phase, between extraction and rendering: every image an article shows (its lead
/// image and the images of its body) that the scrape has (`ScrapedImageFinder`: files beside
/// the page, or records of the archive the page came from) is planned from
/// its header, and its files under `media/` are made unless the last build made them from the
/// same bytes and settings (their output records carry the cache key) and they are untouched.
/// A file of the scrape whose record (`ScrapedImageRecord`) still holds is planned from the
/// record, unread.
/// An image that is not in the scrape stays remote; one that is but cannot be used (SVG, a
/// decompression bomb, truncated, another type than its name says) is reported and stays
/// remote too, and its page is published all the same.
///
/// Files are made and written an image at a time (`Output`), as pages are: what the phase
/// holds does not grow with the scrape's images (1,000 images of 1200 px held their 36 MB of
/// files to the write phase).
struct ImageStage {
    let processor: ImageProcessor
    let finder: ScrapedImageFinder
    /// The `data:` URI of an inlined picture by its name (`InlinePicture`), read from the build
    /// state when the picture must be planned or made.
    let inlinePicture: @Sendable (String) -> String?
    let jobs: Int

    /// Where the phase's files go as soon as an image's are made.
    struct Output {
        /// Hears the paths of a batch's files before the first is written, with the paths of
        /// the images' files kept or made so far (`StreamedOutput.begin`).
        var begin: (_ paths: [String], _ current: [String]) throws(GalleyError) -> Void
        /// Writes one file, on any thread, when its bytes changed (`OutputSession.write`).
        var write: @Sendable (RenderedPage) throws(GalleyError) -> (written: Bool, stamp: FileStamp?)
    }

    /// A file the phase wrote (or found unchanged on disk).
    struct Written {
        var path: String
        var key: String
        var wrote: Bool
        var stamp: FileStamp?
    }

    /// What the phase gives the build.
    struct Result {
        var images = SiteImages()
        /// Files made now, one per path, as written.
        var written: [Written] = []
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
        /// Image files of the scrape read now (the others were planned from their records).
        var filesRead = 0
        /// Records of scraped image files made or changed now, by resolved path, for the build state.
        var records: [String: ScrapedImageRecord] = [:]
        /// Paths of the records given that no image shown now has: to forget.
        var forgotten: Set<String> = []
        /// Records of the archives read now, by archive, for the build state.
        var archiveRecords: [String: ArchivedImagesRecord] = [:]
        /// Archives of the records given whose pages show no image now: to forget.
        var forgottenArchives: Set<String> = []
        /// Archives read now for their images (the others' records held).
        var archivesRead = 0
        /// Paths of the files of images that could not be made (announced, never written).
        var unmade: [String] = []
    }

    /// One image URL to look for, with the first page that shows it (and the archive that
    /// page came from, whose records are where its images are).
    /// The page is kept as its head (a reference): its source and the URL it was fetched from
    /// are read from it when looked for, not copied into each of 50,000 entries (the URL a string
    /// made from the packed front matter, 1.3 MB). A body image's URL is where it is in the text
    /// the head holds its URLs in, not a copy (5.6 MB at 50,000 articles), and the archive is
    /// worked out again from the source when asked (an entry takes 32 bytes, not 56).
    private struct Wanted: Sendable {
        var page: DocumentHead
        /// Where the URL is in `page.bodyImageText`; nil for the page's lead image.
        private var range: Range<String.Index>?
        /// Whether the page came from an archive.
        private var isArchived: Bool

        init(_ url: Substring, page: DocumentHead, isArchived: Bool, isLead: Bool) {
            self.page = page
            range = isLead ? nil : url.startIndex..<url.endIndex
            self.isArchived = isArchived
        }

        var text: Substring { range.map { page.bodyImageText[$0] } ?? page.frontMatter.image?[...] ?? "" }
        var url: String { String(text) }
        var archive: String? { isArchived ? ScrapeArchive.archivePath(ofRecord: page.source) : nil }

        var source: String { page.source }
        var pageURL: String? { page.frontMatter.sourceURL }
    }

    private enum Outcome: Sendable {
        case notInScrape
        /// The plan's `localImage` is made on the thread that planned it.
        case toMake(ImagePlan, LocalImage, Bytes)
        case kept(ImagePlan, LocalImage, [String: OutputRecord])
        case refused(String)
    }

    /// Where an image to make takes its bytes from: a file of the scrape is read again when
    /// its files are made (a batch holds no file's bytes meanwhile), an inlined picture's URI
    /// read back from the build state.
    private enum Bytes: Sendable {
        case held([UInt8], path: String)
        case file(ScrapedImageFinder.Located)
        case inline(name: String, page: String)
    }

    /// An image whose files are to be made, with the pages' URLs that show it.
    private struct ToMake: Sendable {
        var plan: ImagePlan
        var image: LocalImage
        var bytes: Bytes
        var source: String
        var urls: [String]
    }

    /// An image looked up: its outcome, and for a file of the scrape its record and whether it was read.
    private struct LookedUp: Sendable {
        var outcome: Outcome
        var record: (path: String, record: ScrapedImageRecord)?
        var read = false
    }

    /// Runs the phase over the published articles' heads, in order of publication (a URL is
    /// looked for from the first page that shows it); `reusable(path, key)` is the output record of
    /// a file the last build wrote from `key` and nobody changed since; `remembered`: the records
    /// of the scrape's image files (`ScrapedImageRecord`) kept under this processor's settings,
    /// by resolved path (none: every file is read).
    /// `rememberedArchives`: what each archive held of its pages' image URLs when last read
    /// (`ArchivedImagesRecord`), by archive (none: every archive is read).
    func run(_ heads: some Collection<DocumentHead>, remembered: [String: ScrapedImageRecord], rememberedArchives: [String: ArchivedImagesRecord],
             reusable: @Sendable (String, String) -> OutputRecord?, output: Output) throws(GalleyError) -> Result {
        // Each URL once, with the first article showing it; one pass, no list per article (a list
        // per article, their joined copy and a set of the URLs were 10 MB at 50,000 articles,
        // the build's peak). Found again by a table of positions in `wanted`.
        var wanted: [Wanted] = []
        wanted.reserveCapacity(heads.count)
        var seen = PositionIndex(capacity: heads.count)
        for document in heads {
            let images = Self.pageImages(of: document), urls = images.urls
            guard !urls.isEmpty else { continue }
            let isArchived = ScrapeArchive.archivePath(ofRecord: document.source) != nil
            for (position, url) in urls.enumerated() where seen.find(hash: url.hashValue, where: { wanted[$0].text == url }) == nil {
                let isLead = position == 0 && images.hasLead
                wanted.append(Wanted(url, page: document, isArchived: isArchived, isLead: isLead))
                seen.insert(wanted.count - 1, hash: url.hashValue) { wanted[$0].text.hashValue }
            }
        }
        seen = PositionIndex()
        var seenFiles: Set<String> = []
        var result = Result()
        // The images of archived pages an archive at a time, so that only one archive's are
        // held; then the files beside pages and the inlined pictures.
        let isArchived = { (item: Wanted) in item.archive != nil && !URLPolicy.isDataURI(item.url) && !InlinePicture.isName(item.url) }
        let byArchive = Dictionary(grouping: wanted.filter(isArchived), by: { $0.archive ?? "" })
        for (archive, items) in byArchive.sorted(by: { $0.key < $1.key }) {
            try lookUp(items, in: archive, remembered: rememberedArchives[archive], reusable: reusable, output: output, into: &result)
        }
        if !rememberedArchives.isEmpty { result.forgottenArchives = Set(rememberedArchives.keys).subtracting(byArchive.keys) }
        var noArchive: ArchivedImagesRecord?
        // The list itself when no page was archived (a copy grown by doubling beside it was 7 MB at 50,000 articles).
        let unarchived = byArchive.isEmpty ? wanted : wanted.filter { !isArchived($0) }
        wanted = []
        try look(unarchived, archived: [:], remembered: remembered, reusable: reusable, output: output,
                 into: &result, seenFiles: &seenFiles, archiveRecord: &noArchive)
        if !remembered.isEmpty { result.forgotten = Set(remembered.keys).subtracting(seenFiles) }
        guard !result.images.byURL.isEmpty else { return result }
        for head in heads {
            let signature = Self.imageURLs(of: head).compactMap { url in result.images[String(url)]?.signature }
            if !signature.isEmpty { result.signatures[head.source] = signature.joined(separator: "\u{3}") }
        }
        return result
    }

    /// The images of archived pages from `archive`: taken from its record while the archive is
    /// unchanged (and every file of them kept), else read from it, and its record made anew.
    private func lookUp(_ items: [Wanted], in archive: String, remembered: ArchivedImagesRecord?,
                        reusable: @Sendable (String, String) -> OutputRecord?, output: Output, into result: inout Result) throws(GalleyError) {
        let urls = Set(items.map(\.url))
        let stamp = finder.stamp(ofArchive: archive)
        if let stamp, let remembered, remembered.holds(for: stamp, wanted: urls), take(items, from: remembered, reusable: reusable, into: &result) {
            return
        }
        let readAt = SourceFingerprint.nowNanoseconds()
        let archived = finder.archived([archive: urls])[archive] ?? [:]
        result.archivesRead += 1
        var record: ArchivedImagesRecord? = ArchivedImagesRecord(stamp: stamp ?? FileStamp(size: -1, modified: 0),
                                                                 racy: stamp.map { SourceFingerprint.isRacy($0, readAt: readAt) } ?? true,
                                                                 searched: urls)
        var seenFiles: Set<String> = []
        try look(items, archived: archived, remembered: [:], reusable: reusable, output: output, into: &result, seenFiles: &seenFiles,
                 archiveRecord: &record)
        if stamp != nil { result.archiveRecords[archive] = record }
    }

    /// Looks up `items` (`archived`: the images of the archive they come from, by URL, whose
    /// plans and refusals go into `archiveRecord`; nil for items from no archive), keeps or
    /// makes their files, and adds what they gave to `result`.
    private func look(_ items: [Wanted], archived: [String: ScrapedImageFinder.Found], remembered: [String: ScrapedImageRecord],
                      reusable: @Sendable (String, String) -> OutputRecord?, output: Output, into result: inout Result,
                      seenFiles: inout Set<String>, archiveRecord: inout ArchivedImagesRecord?) throws(GalleyError) {
        // Looked up a batch at a time: an outcome is large (an image plan), and a million
        // articles show a million images, nearly all of them not in the scrape.
        for start in stride(from: 0, to: items.count, by: Self.lookedUpAtOnce) {
            let batch = Array(items[start..<min(start + Self.lookedUpAtOnce, items.count)])
            let lookedUp = parallelMap(batch, jobs: jobs) { item in
                let url = item.url
                if URLPolicy.isDataURI(url) {
                    return LookedUp(outcome: outcome(of: item, found: finder.inline(url, page: item.source), reusable: reusable))
                }
                if InlinePicture.isName(url) {
                    return lookUp(inline: url, page: item.source, remembered: remembered[url], reusable: reusable)
                }
                if item.archive != nil {
                    return LookedUp(outcome: outcome(of: item, found: archived[url], reusable: reusable))
                }
                guard let located = finder.locate(url, page: item.source, pageURL: item.pageURL) else { return LookedUp(outcome: .notInScrape) }
                return lookUp(located, remembered: remembered[located.resolved], reusable: reusable)
            }
            var toMake: [ToMake] = []
            var making: [String: Int] = [:]  // image path → its index in `toMake`
            for (item, looked) in zip(batch, lookedUp) {
                remember(looked.outcome, of: item.url, in: &archiveRecord)
                add(looked.outcome, of: item, to: &result, toMake: &toMake, making: &making)
                if looked.read { result.filesRead += 1 }
                if let (path, record) = looked.record {
                    seenFiles.insert(path)
                    if remembered[path] != record { result.records[path] = record }
                }
            }
            try make(toMake, output: output, into: &result)
        }
    }

    /// Notes what an archive held of `url` (its plan, or why it cannot be used) in its record.
    private func remember(_ outcome: Outcome, of url: String, in record: inout ArchivedImagesRecord?) {
        guard let stamp = record?.stamp, let racy = record?.racy else { return }
        let plan: ImagePlan
        switch outcome {
        case .notInScrape: return
        case .refused(let reason): record?.refused[url] = reason; return
        case .kept(let kept, _, _): plan = kept
        case .toMake(let made, _, _): plan = made
        }
        record?.found[url] = ScrapedImageRecord(plan: plan, stamp: stamp, racy: racy)
    }

    /// Takes what an unchanged archive held of `items`' URLs from its record, without reading
    /// it, when every file of its images is kept; false (and nothing taken) when some must be
    /// made, which needs the archive's bytes.
    private func take(_ items: [Wanted], from record: ArchivedImagesRecord, reusable: (String, String) -> OutputRecord?,
                      into result: inout Result) -> Bool {
        var outcomes: [Outcome] = []
        for item in items {
            if let reason = record.refused[item.url] {
                outcomes.append(.refused(reason))
            } else if let found = record.found[item.url] {
                let plan = found.plan(rules: processor.rules)
                guard let kept = keptFiles(of: plan, reusable: reusable) else { return false }
                outcomes.append(.kept(plan, plan.localImage, kept))
            } else {
                outcomes.append(.notInScrape)
            }
        }
        var toMake: [ToMake] = [], making: [String: Int] = [:]
        for (item, outcome) in zip(items, outcomes) { add(outcome, of: item, to: &result, toMake: &toMake, making: &making) }
        return true
    }

    /// Image URLs looked up (and their outcomes held) at once: an outcome takes about 320 bytes
    /// (4096 of them were 1.3 MB of the phase's peak).
    static let lookedUpAtOnce = 1024

    /// The URLs a document shows, and whether the first is its lead image.
    struct PageImages {
        var urls: [Substring] = []
        var hasLead = false
    }

    /// The URLs of the images a document shows, http(s) and inlined (`data:`): its lead
    /// image, then its body's (slices of the head's text of them).
    static func imageURLs(of document: DocumentHead) -> [Substring] { pageImages(of: document).urls }

    /// The same, telling whether the first is its lead image.
    static func pageImages(of document: DocumentHead) -> PageImages {
        var urls: [Substring] = []
        func add(_ url: Substring) {
            guard !urls.contains(url) else { return }
            let scheme = URLPolicy.scheme(of: url)
            if scheme == "http" || scheme == "https" || scheme == "data" || url.hasPrefix(InlinePicture.scheme) { urls.append(url) }
        }
        if let image = document.frontMatter.image { add(image[...]) }
        let hasLead = !urls.isEmpty
        for url in document.bodyImageTexts { add(url) }
        return PageImages(urls: urls, hasLead: hasLead)
    }

    /// A file of the scrape: planned from its record while its stamp holds, else read and
    /// planned (and its record made anew); read again when its files are made (`make`).
    private func lookUp(_ located: ScrapedImageFinder.Located, remembered: ScrapedImageRecord?,
                        reusable: (String, String) -> OutputRecord?) -> LookedUp {
        var looked = LookedUp(outcome: .notInScrape)
        let plan: ImagePlan
        do throws(ImageProblem) {
            if let remembered, remembered.holds(for: located.stamp) {
                try ImagePlan.checkName(located.name, of: remembered.format)
                plan = remembered.plan(rules: processor.rules)
                looked.record = (located.resolved, remembered)
            } else {
                let readAt = SourceFingerprint.nowNanoseconds()
                guard let read = finder.bytes(of: located) else { return looked }
                looked.read = true
                plan = try processor.plan(read, name: located.name)
                looked.record = (located.resolved, ScrapedImageRecord(plan: plan, stamp: located.stamp, readAt: readAt))
            }
            if let records = keptFiles(of: plan, reusable: reusable) {
                looked.outcome = .kept(plan, plan.localImage, records)
                return looked
            }
            looked.outcome = .toMake(plan, plan.localImage, .file(located))
        } catch {
            looked.outcome = .refused("image \(located.path): \(error)")
        }
        return looked
    }

    /// An inlined picture by its name: planned from its record (kept under the name: the name
    /// is the digest of its bytes' URI, so a record holds while libvips is the same), else
    /// from its URI read back from the build state (and its record made); the URI is read again
    /// when its files are made.
    private func lookUp(inline name: String, page: String, remembered: ScrapedImageRecord?,
                        reusable: (String, String) -> OutputRecord?) -> LookedUp {
        var looked = LookedUp(outcome: .notInScrape)
        let plan: ImagePlan
        if let remembered, remembered.holds(for: Self.inlinePictureStamp) {
            plan = remembered.plan(rules: processor.rules)
            looked.record = (name, remembered)
        } else {
            guard let uri = inlinePicture(name), let found = finder.inline(uri, page: page) else { return looked }
            looked.read = true
            do throws(ImageProblem) {
                plan = try processor.plan(found.bytes, name: found.name)
            } catch {
                looked.outcome = .refused("image \(found.path): \(error)")
                return looked
            }
            looked.record = (name, ScrapedImageRecord(plan: plan, stamp: Self.inlinePictureStamp, racy: false))
        }
        if let records = keptFiles(of: plan, reusable: reusable) {
            looked.outcome = .kept(plan, plan.localImage, records)
        } else {
            looked.outcome = .toMake(plan, plan.localImage, .inline(name: name, page: page))
        }
        return looked
    }

    /// The stamp an inlined picture's record carries: its name stands for its bytes.
    static let inlinePictureStamp = FileStamp(size: 0, modified: 0)

    /// The last build's records of every file of `plan`, when each is reusable; nil otherwise.
    private func keptFiles(of plan: ImagePlan, reusable: (String, String) -> OutputRecord?) -> [String: OutputRecord]? {
        var records: [String: OutputRecord] = [:]
        for file in plan.files {
            guard let record = reusable(file.path, plan.cacheKey) else { return nil }
            records[file.path] = record
        }
        return records
    }

    private func outcome(of item: Wanted, found: ScrapedImageFinder.Found?, reusable: (String, String) -> OutputRecord?) -> Outcome {
        guard let found else { return .notInScrape }
        do throws(ImageProblem) {
            let plan = try processor.plan(found.bytes, name: found.name)
            if let records = keptFiles(of: plan, reusable: reusable) { return .kept(plan, plan.localImage, records) }
            return .toMake(plan, plan.localImage, .held(found.bytes, path: found.path))
        } catch {
            return .refused("image \(found.path): \(error)")
        }
    }

    private func add(_ outcome: Outcome, of item: Wanted, to result: inout Result, toMake: inout [ToMake], making: inout [String: Int]) {
        switch outcome {
        case .notInScrape:
            return
        case .refused(let reason):
            result.problems.append(GalleyError(.images, source: item.source, reason: reason, kind: .rejected))
        case .toMake(let plan, let image, let bytes):
            if result.keys[image.path] != nil {  // the same bytes under another URL, made in an earlier batch
                result.images.byURL[item.url] = image
            } else if let index = making[image.path] {
                toMake[index].urls.append(item.url)
            } else {
                making[image.path] = toMake.count
                toMake.append(ToMake(plan: plan, image: image, bytes: bytes, source: item.source, urls: [item.url]))
            }
        case .kept(let plan, let image, let records):
            result.images.byURL[item.url] = image
            guard result.keys[image.path] == nil else { return }
            result.reused += 1
            for (path, record) in records {
                result.kept[path] = record
                result.keys[path] = plan.cacheKey
            }
        }
    }

    /// Makes and writes the files of `toMake` (the output hears their paths first), an image at
    /// a time on each thread; an image whose file changed since it was planned, or that
    /// libvips cannot make, is reported and stays remote. A failed write stops the build.
    private func make(_ toMake: [ToMake], output: Output, into result: inout Result) throws(GalleyError) {
        guard !toMake.isEmpty else { return }
        try output.begin(toMake.flatMap { $0.plan.files.map(\.path) }, Array(result.keys.keys))
        let write = output.write
        let outcomes = parallelMap(toMake, jobs: jobs) { image -> Swift.Result<[(path: String, written: Swift.Result<(written: Bool, stamp: FileStamp?), GalleyError>)], ImageMakingFailed> in
            let bytes: [UInt8], path: String
            switch image.bytes {
            case .held(let held, let from): (bytes, path) = (held, from)
            case .file(let located):
                guard let read = finder.bytes(of: located) else { return .failure(.init(reason: "image \(located.path): changed while being read")) }
                (bytes, path) = (read, located.path)
            case .inline(let name, let page):
                guard let found = inlinePicture(name).flatMap({ finder.inline($0, page: page) }) else {
                    return .failure(.init(reason: "image \(page) (data: URI): no longer in the build state"))
                }
                (bytes, path) = (found.bytes, found.path)
            }
            do throws(ImageProblem) {
                return .success(try processor.files(of: image.plan, from: bytes).map { file in
                    (file.path, Swift.Result { () throws(GalleyError) in try write(RenderedPage(path: file.path, bytes: file.bytes)) })
                })
            } catch {
                return .failure(.init(reason: "image \(path): \(error)"))
            }
        }
        for (image, outcome) in zip(toMake, outcomes) {
            switch outcome {
            case .failure(let failed):
                result.problems.append(GalleyError(.images, source: image.source, reason: failed.reason, kind: .rejected))
                result.unmade += image.plan.files.map(\.path)
            case .success(let files):
                for (path, written) in files {
                    let outcome = try written.get()
                    result.written.append(Written(path: path, key: image.plan.cacheKey, wrote: outcome.written, stamp: outcome.stamp))
                    result.keys[path] = image.plan.cacheKey
                }
                result.made += 1
                for url in image.urls { result.images.byURL[url] = image.image }
            }
        }
    }

    /// Why an image's files could not be made.
    private struct ImageMakingFailed: Error {
        var reason: String
    }
}
