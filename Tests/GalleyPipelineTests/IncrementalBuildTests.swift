import Foundation
import GRDB
import GalleyCore
@testable import GalleyPipeline
import Synchronization
import GalleyTestSupport
import Testing

/// Issue 6, goals 1, 2, 5 and 7 in process: what an incremental build reuses, rewrites and
/// removes, and that it always ends where a clean build would.
@Suite struct IncrementalBuildTests {
    static let clock = Date(timeIntervalSince1970: 1_790_000_000)

    struct Site {
        let root: URL
        var content: URL { root.appendingPathComponent("content") }
        var output: URL { root.appendingPathComponent("public") }

        func options(full: Bool = false, output: URL? = nil, overrides: URL? = nil) -> BuildPipeline.Options {
            BuildPipeline.Options(configFile: RepositoryPaths.config, configRequired: true, contentFolder: content,
                                  outputFolder: output ?? self.output, templatesFolder: RepositoryPaths.templates,
                                  overridesFolder: overrides, jobs: 2, now: IncrementalBuildTests.clock, full: full)
        }

        func build(full: Bool = false, overrides: URL? = nil) throws -> BuildReport {
            try BuildPipeline(options: options(full: full, overrides: overrides)).run()
        }

        /// A clean build of the same content into a fresh folder (no cache), as a snapshot.
        func cleanSnapshot() throws -> [String: Data] {
            let other = root.appendingPathComponent("clean-\(UUID().uuidString)/public")
            _ = try BuildPipeline(options: options(full: true, output: other)).run()
            return SyntheticSite.snapshot(other)
        }
    }

    func makeSite(_ label: String, count: Int = 40) throws -> Site {
        let site = Site(root: RepositoryPaths.temporaryFolder(label))
        try SyntheticSite.write(to: site.content, count: count)
        return site
    }

    /// A site whose sources were all just written, as a scraper leaves them just before cron
    /// runs galley (a build now finds them racy); returns it with their mtime. The mtime is the
    /// next whole second: whole-second stamps keep the 2 s racy window, so the builds that follow
    /// find the sources racy however fast they run.
    func makeJustScrapedSite(_ label: String, count: Int) throws -> (Site, Date) {
        let site = try makeSite(label, count: count)
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.up))
        for index in 0..<count {
            try FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: SyntheticSite.url(index, in: site.content).path)
        }
        return (site, now)
    }

    /// Changes one letter of the file and sets its mtime back: the same size and mtime, other bytes.
    static func editKeepingSizeAndMtime(_ file: URL) throws {
        let stamp = try #require(FileStamp.of(path: file.path))
        var bytes = [UInt8](try Data(contentsOf: file))
        if let index = bytes.lastIndex(of: UInt8(ascii: "a")) { bytes[index] = UInt8(ascii: "o") }
        try Data(bytes).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(stamp.modified) / 1e9)], ofItemAtPath: file.path)
        #expect(FileStamp.of(path: file.path) == stamp)
    }

    @Test func anUnchangedRebuildWritesNothingAndKeepsEveryMtime() throws {
        let site = try makeSite("incremental-same")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = try site.build()
        #expect(first.sourcesProcessed == 40 && first.filesWritten > 60)
        let before = SyntheticSite.mtimes(site.output)
        let second = try site.build()
        #expect(second.upToDate)
        #expect(second.filesWritten == 0 && second.pagesRendered == 0 && second.filesRemoved == 0)
        #expect(second.published == first.published && second.tags == first.tags)
        #expect(SyntheticSite.mtimes(site.output) == before)
        // A touched source (same bytes, new mtime) is recognised by its hash: nothing rendered.
        let touched = SyntheticSite.url(3, in: site.content)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: touched.path)
        let third = try site.build()
        #expect(!third.upToDate && third.sourcesProcessed == 0 && third.pagesRendered == 0 && third.filesWritten == 0)
    }

    /// A build keeps the ASCII forms of its non-ASCII terms in the state, and the next build
    /// takes them from there (the same forms, so the same slugs and pages).
    @Test func transliterationsAreKeptForTheNextBuild() throws {
        let site = try makeSite("incremental-transliterations", count: 3)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let article = SyntheticSite.article(7).replacingOccurrences(of: "tags: [", with: "tags: [北京, Gêjog Lêsung, ")
        try Data(article.utf8).write(to: site.content.appendingPathComponent("han.md"))
        _ = try site.build()
        let store = try BuildStateStore(url: BuildState(output: site.output, cache: nil).database)
        let kept = Dictionary(try store.transliterations(tool: BuildKeys.toolIdentity).map { ($0.text, $0.form) }, uniquingKeysWith: { a, _ in a })
        #expect(kept["北京"] == "bei jing")
        #expect(kept["Gêjog Lêsung"] == "gejog lesung")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tags/bei-jing/index.html").path))
        // A full rebuild reads them back and makes the same site.
        let before = SyntheticSite.snapshot(site.output)
        _ = try site.build(full: true)
        #expect(SyntheticSite.snapshot(site.output) == before)
    }

    /// Sources written just before the build (a scraper's run, then cron) are racy: the first
    /// no-change run compares their bytes inside the fast check instead of running the whole
    /// pipeline; an edit that keeps the size and the mtime is still found.
    @Test func racySourcesAreHashedInsideTheNoChangeCheck() throws {
        let (site, _) = try makeJustScrapedSite("incremental-racy", count: 12)
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try site.build()
        let second = try site.build()
        #expect(second.upToDate, "\(second.summary)")
        // Same size, same mtime, other bytes: the racy record makes the check read them.
        try Self.editKeepingSizeAndMtime(SyntheticSite.url(5, in: site.content))
        let third = try site.build()
        #expect(!third.upToDate && third.sourcesProcessed == 1, "\(third.summary)")
    }

    /// Sources with fine mtimes (a fraction of a second, as ext4 or tmpfs stamp them) are racy
    /// only when read within 0.1 s of their mtime: stamped a quarter of a second or more before
    /// the build, they are trusted by their stamps from the start (an edit that keeps size and
    /// mtime goes unseen, as for any source read long after its mtime); stamped just ahead of
    /// the build, they are racy and hashed by the next no-change check.
    @Test func fineMtimesAreRacyForATenthOfASecondOnly() throws {
        func stamp(_ site: Site, count: Int, at date: Date) throws {
            for index in 0..<count {
                try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: SyntheticSite.url(index, in: site.content).path)
            }
        }
        let keys = BuildKeys(configFile: RepositoryPaths.config, templateFolders: [RepositoryPaths.templates])
        let earlier = try makeSite("incremental-fine-earlier", count: 6)
        defer { try? FileManager.default.removeItem(at: earlier.root) }
        // A quarter past a whole second (exact in binary, so the stamp round-trips through
        // `Date`): between 1.25 and 0.25 s before now.
        let halfSecondAgo = Date().addingTimeInterval(-0.5).timeIntervalSince1970
        try stamp(earlier, count: 6, at: Date(timeIntervalSince1970: halfSecondAgo.rounded(.down) + 0.25))
        _ = try earlier.build()
        let state = try BuildStateStore(url: BuildState(output: earlier.output, cache: nil).database)
        #expect(try state.sourceFingerprints(extractionKey: keys.extraction).values.allSatisfy { !$0.racy })
        try Self.editKeepingSizeAndMtime(SyntheticSite.url(2, in: earlier.content))
        #expect(try earlier.build().upToDate, "trusted by its stamps, not read")

        let ahead = try makeSite("incremental-fine-ahead", count: 6)
        defer { try? FileManager.default.removeItem(at: ahead.root) }
        try stamp(ahead, count: 6, at: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down) + 1.25))
        _ = try ahead.build()
        let aheadState = try BuildStateStore(url: BuildState(output: ahead.output, cache: nil).database)
        #expect(try aheadState.sourceFingerprints(extractionKey: keys.extraction).values.allSatisfy(\.racy))
        try Self.editKeepingSizeAndMtime(SyntheticSite.url(2, in: ahead.content))
        let edited = try ahead.build()
        #expect(!edited.upToDate && edited.sourcesProcessed == 1, "\(edited.summary)")
    }

    /// The first no-change run after a scraper's run reads the racy sources once; it records
    /// when it did (not a row per source), and a source whose mtime was old enough by then is
    /// trusted by its stamps from the next run on, without being read: an edit that keeps its
    /// size and mtime now goes unseen, as it does for any source read long after its mtime
    /// (git's rule too).
    @Test func aVerifiedRacySourceIsTrustedByItsStampsAfterwards() throws {
        let (site, modified) = try makeJustScrapedSite("incremental-verified", count: 6)
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try site.build()
        let state = try BuildStateStore(url: BuildState(output: site.output, cache: nil).database)
        let keys = BuildKeys(configFile: RepositoryPaths.config, templateFolders: [RepositoryPaths.templates])
        #expect(try state.sourceFingerprints(extractionKey: keys.extraction).values.allSatisfy(\.racy), "read within two seconds of their mtime")
        // Past the racy window, the check reads them (nothing changed) and records that it did.
        let wait = SourceFingerprint.racyWindow / 1_000_000 + 100
        Thread.sleep(forTimeInterval: Double(wait) / 1000 - Date().timeIntervalSince(modified))
        let verified = try site.build()
        #expect(verified.upToDate, "\(verified.summary)")
        #expect(try state.sourceFingerprints(extractionKey: keys.extraction).values.allSatisfy { !$0.racy })

        try Self.editKeepingSizeAndMtime(SyntheticSite.url(2, in: site.content))
        let trusted = try site.build()
        #expect(trusted.upToDate, "stamps trusted, the file not read: \(trusted.summary)")
    }

    /// `--search` changes every page's header without changing the config file: it is part of
    /// the build keys, so turning it on (or off) renders every page again.
    @Test func turningSearchOnOrOffFromTheCommandLineRendersEveryPage() throws {
        let site = try makeSite("incremental-search", count: 12)
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try site.build()
        var options = site.options()
        options.search = true
        let searching = try BuildPipeline(options: options).run()
        #expect(!searching.upToDate && searching.search && searching.pagesReused == 0)
        let pages = SiteInspector(folder: site.output).htmlFiles
        #expect(pages.contains("search/index.html"))
        #expect(pages.allSatisfy { SiteInspector(folder: site.output).text($0).contains("class=\"site-search\"") })
        let plain = try site.build()
        #expect(!plain.upToDate && !plain.search && plain.pagesReused == 0 && plain.filesRemoved == 1)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("search/index.html").path))
    }

    /// A build state of another schema version (a former release's) is ignored: every source is
    /// extracted again, and the site ends where a clean build would; nothing of the old records
    /// is read into the new fields.
    @Test func aBuildStateOfTheFormerFormatIsIgnoredNotMisread() throws {
        let site = try makeSite("incremental-old-format")
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try site.build()
        let state = BuildState(output: site.output, cache: nil).database
        try BuildStateStoreTests.execute("PRAGMA user_version = \(BuildStateSchema.version - 1)", at: state)
        let rebuild = try site.build()
        #expect(!rebuild.upToDate && rebuild.sourcesProcessed == 40)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
        #expect(try site.build().upToDate)
    }

    /// A state folder of a release before the build-state store (`outputs.tsv`, `sources.bin`):
    /// the first build still removes the files its list names and no build writes any more, then
    /// removes the old files.
    @Test func theFormerOutputListIsPrunedByOnceThenRemoved() throws {
        let site = try makeSite("incremental-legacy")
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try site.build()
        let state = BuildState(output: site.output, cache: nil)
        let orphan = site.output.appendingPathComponent("2020/01/lama%/index.html")
        try FileManager.default.createDirectory(at: orphan.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("<p>lama</p>".utf8).write(to: orphan)
        let table = "galley-outputs 1\nrender-key\tr\ncomplete\tyes\noutput\t2020/01/lama%25/index.html\tk\t11\t2\noutput\tindex.html\tk\t1\t2\n"
        let legacy = [state.folder.appendingPathComponent("outputs.tsv"), state.folder.appendingPathComponent("sources.bin")]
        try Data(table.utf8).write(to: legacy[0])
        try Data("galley-sources 2".utf8).write(to: legacy[1])
        unlink(state.database.path)
        let rebuild = try site.build()
        #expect(rebuild.filesRemoved == 1)
        #expect(!FileManager.default.fileExists(atPath: orphan.path))
        #expect(legacy.allSatisfy { !FileManager.default.fileExists(atPath: $0.path) })
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
    }

    /// A build killed while writing: the records of the files it was about to touch are not
    /// trusted any more, so a page it left changed is rendered and written again — even one
    /// with other bytes but the same size and mtime, which its stamp alone does not tell apart.
    @Test func aBuildKilledWhileWritingLeavesNoRecordToTrust() throws {
        let site = try makeSite("incremental-killed-writing")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = try site.build()
        let page = try #require(first.sources.compactMap(\.path).first)
        let url = site.output.appendingPathComponent(page)
        let clean = try Data(contentsOf: url)
        var info = stat()
        #expect(lstat(url.path, &info) == 0)
        var changed = clean
        let letter = try #require(changed.indices.dropFirst(changed.count / 2).first { (0x61...0x7A).contains(changed[$0]) })
        changed[letter] -= 0x20
        func halfWrite() throws {
            try changed.write(to: url)
            var times = [info.st_atim, info.st_mtim]
            #expect(utimensat(AT_FDCWD, url.path, &times, AT_SYMLINK_NOFOLLOW) == 0)
        }
        // Without the protection the stamp would pass: the changed page is taken as written.
        try halfWrite()
        #expect(try site.build().upToDate)
        #expect(try Data(contentsOf: url) == changed)
        // What the build does before touching a file, then the kill.
        let store = try BuildStateStore(url: BuildState(output: site.output, cache: nil).database)
        try store.beginWriting([page], known: [], renderInputsKey: try store.lastBuild().renderInputsKey)
        try halfWrite()
        let next = try site.build()
        #expect(!next.upToDate && next.filesWritten == 1)
        #expect(try Data(contentsOf: url) == clean)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
    }

    @Test func oneChangedArticleRewritesOnlyItsNeighbourhood() throws {
        let site = try makeSite("incremental-one", count: 120)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = try site.build()
        try Data(SyntheticSite.article(57, salt: "diperbarui").utf8).write(to: SyntheticSite.url(57, in: site.content))
        let second = try site.build()
        #expect(second.sourcesProcessed == 1 && second.sourcesReused == 119)
        let total = second.filesWritten + second.filesUnchanged
        #expect(second.filesWritten >= 1 && second.filesWritten * 10 <= total, "\(second.filesWritten) of \(total) files rewritten")
        #expect(second.pagesRendered < first.pagesRendered / 4)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
    }

    /// Feeds have render keys: a changed title makes again the feeds that list its article (its
    /// tags', its region's; the home feed only if it is among the newest) and keeps the others
    /// unmade; every feed still ends as a clean build makes it; a feed edited by hand is made again.
    @Test func feedsAreKeptByTheirRenderKeys() throws {
        let site = try makeSite("incremental-feeds", count: 60)
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try site.build()
        let records = { try BuildStateStore(url: BuildState(output: site.output, cache: nil).database).outputRecords() }
        let first = try records()
        let feeds = first.keys.filter { $0.hasSuffix("feed.xml") }
        #expect(feeds.count > 8 && feeds.allSatisfy { first[$0]?.renderKey.isNone == false }, "\(feeds.count) feeds")
        let listing = Set(try feeds.filter { path in
            try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8).contains("Berita nomor 7 tentang")
        })
        try Data(SyntheticSite.article(7, title: "Judul yang diperbarui").utf8).write(to: SyntheticSite.url(7, in: site.content))
        _ = try site.build()
        let second = try records()
        let remade = Set(feeds.filter { second[$0]?.renderKey != first[$0]?.renderKey })
        #expect(listing.count >= 2 && remade == listing)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
        let untouched = try #require(feeds.first { !remade.contains($0) })
        let url = site.output.appendingPathComponent(untouched)
        let made = try Data(contentsOf: url)
        try Data("<feed>edited by hand</feed>".utf8).write(to: url)
        _ = try site.build()
        #expect(try Data(contentsOf: url) == made)
    }

    @Test func aRemovedSourceTakesItsPageAndIndexEntriesWithIt() throws {
        let site = try makeSite("incremental-remove")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = try site.build()
        let page = try #require(first.sources.first { $0.source == "a0011.md" }?.path)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(page).path))
        try FileManager.default.removeItem(at: SyntheticSite.url(11, in: site.content))
        let second = try site.build()
        #expect(second.published == first.published - 1 && second.filesRemoved >= 1)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(page).path))
        let home = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!home.contains("Berita nomor 11 "))
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
    }

    @Test func aTemplateChangeRerendersWhatUsesIt() throws {
        let site = try makeSite("incremental-template")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let overrides = site.root.appendingPathComponent("overrides")
        try FileManager.default.createDirectory(at: overrides, withIntermediateDirectories: true)
        let first = try site.build(overrides: overrides)
        let article = try String(contentsOf: RepositoryPaths.templates.appendingPathComponent("article.mustache"), encoding: .utf8)
        try Data((article + "\n<!-- edisi khusus -->\n").utf8).write(to: overrides.appendingPathComponent("article.mustache"))
        let second = try site.build(overrides: overrides)
        #expect(second.pagesRendered == first.pagesRendered, "a template change re-renders every page")
        #expect(second.filesWritten >= first.published)
        let page = try #require(second.sources.first?.path)
        #expect(try String(contentsOf: site.output.appendingPathComponent(page), encoding: .utf8).contains("edisi khusus"))
    }

    /// An article page that fails to render (here: its body cannot be read back from the build
    /// state) keeps its last good file, and its output record loses its render key, so that the
    /// next build makes it again; the other pages are made as usual.
    @Test func aPageThatFailsToRenderKeepsItsFileAndLosesItsRenderKey() throws {
        let site = try makeSite("incremental-render-fails", count: 12)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let overrides = site.root.appendingPathComponent("overrides")
        try FileManager.default.createDirectory(at: overrides, withIntermediateDirectories: true)
        let first = try site.build(overrides: overrides)
        let entry = try #require(first.sources.first { $0.source.hasSuffix("7.md") })
        let path = try #require(entry.path)
        let page = site.output.appendingPathComponent(path)
        let good = try Data(contentsOf: page)
        let state = site.root.appendingPathComponent(".galley/public/state.sqlite")
        try BuildStateStoreTests.execute("""
            DELETE FROM document_bodies WHERE path = '\(entry.source)';
            """, at: state)
        // A template change: every page is rendered again.
        let article = try String(contentsOf: RepositoryPaths.templates.appendingPathComponent("article.mustache"), encoding: .utf8)
        try Data((article + "\n<!-- edisi khusus -->\n").utf8).write(to: overrides.appendingPathComponent("article.mustache"))
        let second = try site.build(overrides: overrides)
        #expect(second.problems.map(\.source) == [entry.source] && second.problems.first?.stage == .render)
        #expect(second.stale == [entry.source])
        #expect(try Data(contentsOf: page) == good, "the last good file stays")
        let other = try #require(second.sources.first { $0.source != entry.source && $0.path != nil }?.path)
        #expect(try String(contentsOf: site.output.appendingPathComponent(other), encoding: .utf8).contains("edisi khusus"))
        let record = try DatabaseQueue(path: state.path).read { db in
            try Row.fetchOne(db, sql: "SELECT render_key, size FROM outputs WHERE path = ?", arguments: [path])
        }
        #expect(record?["render_key"] == 0, "the kept file's record has no render key: the next build makes it again")
        #expect(record?["size"] == good.count, "and the stamp of the file kept (not left as while being written)")
    }

    /// A build that changed few sources plans its site while it renders (from every article);
    /// an article left out then (its page failed to render, with no file to keep) is left out
    /// of the lists too, as in a build that plans afterwards.
    @Test func anArticleLeftOutOfABuildOfFewChangesIsLeftOutOfItsLists() throws {
        let site = try makeSite("incremental-left-out", count: 16)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = try site.build()
        // The newest: on the first home page.
        let entry = try #require(first.sources.first { $0.source.hasSuffix("15.md") })
        let path = try #require(entry.path)
        let state = site.root.appendingPathComponent(".galley/public/state.sqlite")
        try BuildStateStoreTests.execute("""
            DELETE FROM document_bodies WHERE path = '\(entry.source)';
            """, at: state)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent(path))
        let home = { try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8) }
        let link = path.replacingOccurrences(of: "index.html", with: "")
        #expect(try home().contains(link))
        // One new article of 17: few changed.
        try Data(SyntheticSite.article(99).utf8).write(to: SyntheticSite.url(99, in: site.content))
        let second = try site.build()
        #expect(second.sourcesProcessed == 1 && second.sourcesReused == 16)
        #expect(second.problems.map(\.source) == [entry.source] && second.published == 16)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path))
        #expect(try !home().contains(link), "the article without a page is not listed")
    }

    @Test func aPageThatNowFailsKeepsItsLastGoodVersionUntilRemoved() throws {
        let site = try makeSite("incremental-stale", count: 5)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let scraped = site.content.appendingPathComponent("scraped.html")
        try FileManager.default.copyItem(at: RepositoryPaths.content.appendingPathComponent("og/techdesk-chipmakers-water.html"), to: scraped)
        let first = try site.build()
        let entry = try #require(first.sources.first { $0.source == "scraped.html" })
        #expect(entry.status == "published")
        let page = site.output.appendingPathComponent(try #require(entry.path))
        let good = try Data(contentsOf: page)
        try Data("<html><body><p>Halaman ini rusak.</p></body></html>".utf8).write(to: scraped)
        let second = try site.build()
        #expect(second.stale.contains("scraped.html"))
        #expect(second.problems.contains { $0.source == "scraped.html" })
        #expect(second.sources.first { $0.source == "scraped.html" }?.status == "stale")
        #expect(second.summary.contains("last good version stays published"))
        #expect(try Data(contentsOf: page) == good)
        try FileManager.default.removeItem(at: scraped)
        let third = try site.build()
        #expect(!FileManager.default.fileExists(atPath: page.path))
        #expect(third.problems.isEmpty)
    }

    @Test func theSameStoryScrapedTwiceIsPublishedOnceNewestFetchWinning() throws {
        let site = try makeSite("incremental-duplicates", count: 3)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let original = RepositoryPaths.content.appendingPathComponent("og/techdesk-chipmakers-water.html")
        let html = try String(contentsOf: original, encoding: .utf8)
        for (name, fetched) in [("old", "2026-10-01T08:00:00Z"), ("new", "2026-10-02T08:00:00Z")] {
            try Data(html.utf8).write(to: site.content.appendingPathComponent("\(name).html"))
            try Data(#"{"url": "https://techdesk.example/chipmakers-water", "fetched_at": "\#(fetched)"}"#.utf8)
                .write(to: site.content.appendingPathComponent("\(name).json"))
        }
        // The same body under another URL and title: near-identical.
        let renamed = html.replacingOccurrences(of: "<title>", with: "<title>Salinan: ")
            .replacingOccurrences(of: "techdesk.example/", with: "cermin.example/")
        try Data(renamed.utf8).write(to: site.content.appendingPathComponent("mirror.html"))
        try Data(#"{"fetched_at": "2026-09-30T08:00:00Z"}"#.utf8).write(to: site.content.appendingPathComponent("mirror.json"))
        let report = try site.build()
        #expect(report.published == 4, "\(report.summary)")
        let dropped = Dictionary(report.duplicates.map { ($0.dropped, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(dropped["old.html"]?.kept == "new.html")
        #expect(dropped["old.html"]?.reason == "same canonical URL")
        #expect(dropped["mirror.html"]?.reason == "near-identical body")
        #expect(report.sources.first { $0.source == "old.html" }?.status == "duplicate")
        #expect(report.summary.contains("duplicate"))
        // A later build compares by the band keys kept with the unchanged documents: a copy
        // scraped now under a third URL is found near-identical to the story kept.
        let copy = html.replacingOccurrences(of: "<title>", with: "<title>Salinan lagi: ")
            .replacingOccurrences(of: "techdesk.example/", with: "salinan.example/")
        try Data(copy.utf8).write(to: site.content.appendingPathComponent("copy.html"))
        try Data(#"{"fetched_at": "2026-09-29T08:00:00Z"}"#.utf8).write(to: site.content.appendingPathComponent("copy.json"))
        let later = try site.build()
        #expect(later.sourcesReused >= 4 && later.sourcesProcessed == 1, "\(later.summary)")
        let droppedLater = Dictionary(later.duplicates.map { ($0.dropped, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(droppedLater["copy.html"]?.reason == "near-identical body" && droppedLater["copy.html"]?.kept == "new.html")
        #expect(droppedLater["mirror.html"]?.reason == "near-identical body" && later.published == 4)
    }

    @Test func progressReachesTheEndOfEveryLongPhase() throws {
        let site = try makeSite("incremental-progress", count: 250)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let seen = Mutex<[String: (done: Int, total: Int, calls: Int)]>([:])
        var options = site.options()
        options.progress = BuildProgress { phase, done, total in
            seen.withLock { state in
                let calls = (state[phase]?.calls ?? 0) + 1
                state[phase] = (max(done, state[phase]?.done ?? 0), total, calls)
            }
        }
        _ = try BuildPipeline(options: options).run()
        let phases = seen.withLock { $0 }
        for phase in ["extract", "render", "site"] {
            let state = try #require(phases[phase], "no progress for \(phase)")
            #expect(state.done == state.total && state.calls >= 2 && state.calls <= 200, "\(phase): \(state)")
        }
    }

    @Test func fullIgnoresTheCacheButStillWritesOnlyChangedBytes() throws {
        let site = try makeSite("incremental-full", count: 10)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = try site.build()
        let before = SyntheticSite.mtimes(site.output)
        let second = try site.build(full: true)
        #expect(second.sourcesProcessed == 10 && second.pagesRendered == first.pagesRendered && second.filesWritten == 0)
        #expect(SyntheticSite.mtimes(site.output) == before)
    }

    /// Random edits, additions, removals, retitles and touches, each followed by an incremental
    /// build: after every step the output equals a clean build of the same content.
    @Test func randomChangesAlwaysConvergeToACleanBuild() throws {
        let site = try makeSite("incremental-random", count: 30)
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try site.build()
        var random = SeededRandom(seed: 6)
        var present = Set(0..<30)
        for step in 0..<8 {
            for _ in 0..<(1 + random.below(3)) {
                let index = random.below(40)
                let url = SyntheticSite.url(index, in: site.content)
                switch random.below(4) {
                case 0 where present.contains(index):
                    try FileManager.default.removeItem(at: url)
                    present.remove(index)
                case 1:
                    try Data(SyntheticSite.article(index, title: "Judul baru \(step) untuk \(index)").utf8).write(to: url)
                    present.insert(index)
                case 2 where present.contains(index):
                    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: url.path)
                default:
                    try Data(SyntheticSite.article(index, salt: "versi \(step)").utf8).write(to: url)
                    present.insert(index)
                }
            }
            _ = try site.build()
            #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()), "step \(step)")
        }
    }
}
