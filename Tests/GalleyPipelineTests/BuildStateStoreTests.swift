import Foundation
import GalleyCore
import GalleyImages
@testable import GalleyPipeline
import GalleyTestSupport
import GRDB
import Synchronization
import Testing

/// The build state's one SQLite file: every record kind round-trips, saves write only what
/// changed, a damaged or foreign file is discarded (never a crash, never a misread), a save that
/// fails or is killed half-way leaves the state as it was, and the file reads with plain SQL.
@Suite struct BuildStateStoreTests {
    static let build = LastBuild(extractionKey: "k1", renderInputsKey: "r%1\t", complete: true, validUntil: Date(timeIntervalSince1970: 1_790_000_000.5),
                                 published: 3, tags: 2, regions: 1, pages: 9, dates: [.page: 2, .fetched: 1, .file: 0])
    static let outputs: [String: OutputRecord] = [
        "tags/é/index.html": OutputRecord(renderKey: OutputKey(value: 0x6b), stamp: FileStamp(size: 10, modified: 11)),
        "line\nbreak.html": .untrusted,
        "feed.xml": OutputRecord(renderKey: .none, stamp: FileStamp(size: 1, modified: -5)),
        // A key with its top bit set is stored as a negative integer and must come back whole.
        "2026/12/berita/index.html": OutputRecord(renderKey: OutputKey(value: 0xfedc_ba98_7654_3210), stamp: FileStamp(size: 7, modified: 8)),
    ]
    static let problems: [GalleyError] = [
        .rejected(.extract, source: "q.html", reason: "not an article:\t\"x\"\n"), GalleyError(.render, source: nil, reason: "no template"),
    ]

    /// `count` source records of every shape: with and without document, problem, sidecar.
    static func sources(count: Int) throws -> [String: SourceRecord] {
        var records: [String: SourceRecord] = [:]
        for index in 0..<count {
            var document = try BuildManifestTests.fullDocument()
            document.body += String(repeating: "Paragraf \(index).\n\n", count: index % 7 * 40)
            let sidecar = index % 3 == 0 ? FileStamp(size: index, modified: Int64(index) * 7) : nil
            let print = SourceFingerprint(file: FileStamp(size: 100 + index, modified: 1_700_000_000_000_000_000 + Int64(index)),
                                          sidecar: sidecar, hash: String(index, radix: 16), racy: index % 5 == 0)
            let problem: GalleyError? = index % 4 == 1 ? .rejected(.extract, source: "s\(index).html", reason: "not an article") : nil
            records[String(format: "s%04d.html", index)] = SourceRecord(fingerprint: print, fetched: Date(timeIntervalSince1970: Double(index) + 0.5),
                                                                        document: index % 4 == 3 ? nil : document, scraped: false, problem: problem)
        }
        return records
    }

    /// Saves a state as a build does: sources, then outputs around the writing.
    static func saveSample(at url: URL, sources: [String: SourceRecord]) throws {
        let store = try BuildStateStore(url: url)
        try store.saveSources(sources, changed: Set(sources.keys), removed: [], extractionKey: "k1", jobs: 2)
        try store.beginWriting(Set(outputs.keys), known: [], renderInputsKey: "r%1\t")
        try store.finishWriting(OutputRecords(outputs.map { ($0.key, $0.value) }), removed: [], build: build, problems: problems, stale: ["q.html"])
    }

    static func stateURL(_ folder: URL) -> URL {
        folder.appendingPathComponent(".galley/public/state.sqlite")
    }

    /// More records than one chunk of rows (`rowsPerChunk`): decoded on other threads while the
    /// next rows are read, every record comes back, on one thread and on two; a head that does
    /// not decode in a later chunk still means no state is trusted.
    @Test func recordsReadInSeveralChunksComeBackWhole() throws {
        let folder = RepositoryPaths.temporaryFolder("state-chunks")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = Self.stateURL(folder)
        let sources = try Self.sources(count: BuildStateStore.rowsPerChunk * 2 + 300)
        try Self.saveSample(at: url, sources: sources)
        let store = try BuildStateStore(url: url)
        #expect(try store.sourceRecords(Array(sources.keys), extractionKey: "k1", jobs: 2) == sources.asRead)
        #expect(try store.sourceRecords(Array(sources.keys), extractionKey: "k1", jobs: 1) == sources.asRead)
        try Self.execute("UPDATE documents SET head = x'0102' WHERE path = 's2200.html'", at: url)
        let damaged = try BuildStateStore(url: url)
        #expect(try damaged.sourceRecords(Array(sources.keys), extractionKey: "k1", jobs: 2).isEmpty)
        #expect(try damaged.sourceFingerprints(extractionKey: "k1").isEmpty, "the damaged state was discarded")
    }

    @Test func everyRecordKindRoundTrips() throws {
        let folder = RepositoryPaths.temporaryFolder("state-round-trip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = Self.stateURL(folder)
        // More than 256: read in one pass; a few: looked up one by one.
        let sources = try Self.sources(count: 300)
        try Self.saveSample(at: url, sources: sources)
        let store = try BuildStateStore(url: url)
        #expect(try store.lastBuild() == Self.build)
        #expect(try store.outputRecords() == Self.outputs)
        let last = try store.lastProblems()
        #expect(last.problems == Self.problems && last.stale == ["q.html"])
        #expect(try store.sourceFingerprints(extractionKey: "k1") == sources.mapValues(\.fingerprint))
        #expect(try store.sourceRecords(Array(sources.keys), extractionKey: "k1", jobs: 2) == sources.asRead)
        #expect(try store.sourceRecords(["s0007.html", "s0299.html", "none.html"], extractionKey: "k1", jobs: 1)
            == ["s0007.html": sources["s0007.html"]?.asRead, "s0299.html": sources["s0299.html"]?.asRead])
        #expect(store.bodies().bodies(of: Array(sources.keys) + ["none.html"]) == sources.compactMapValues(\.body),
                "every body comes back from its own column, and only the heads come with the records")
        // An empty state reads as no state.
        let empty = try BuildStateStore(url: folder.appendingPathComponent("other/state.sqlite"))
        #expect(try empty.lastBuild() == LastBuild())
        #expect(try empty.outputRecords().isEmpty && empty.sourceFingerprints(extractionKey: "k1").isEmpty)
    }

    /// A source is racy while read within 2 s of an mtime in whole seconds (file systems that
    /// count in 1 s or 2 s steps), within 0.1 s of one with a fraction of a second.
    @Test func theRacyWindowFollowsTheStampsGrain() {
        let second: Int64 = 1_000_000_000
        let whole = FileStamp(size: 1, modified: 1_800_000_000 * second)
        let fine = FileStamp(size: 1, modified: 1_800_000_000 * second + 123_456_789)
        #expect(SourceFingerprint.racyWindow(of: whole) == 2 * second && SourceFingerprint.racyWindow(of: fine) == second / 10)
        #expect(SourceFingerprint.isRacy(whole, readAt: whole.modified + 2 * second - 1))
        #expect(!SourceFingerprint.isRacy(whole, readAt: whole.modified + 2 * second))
        #expect(SourceFingerprint.isRacy(fine, readAt: fine.modified + second / 10 - 1))
        #expect(!SourceFingerprint.isRacy(fine, readAt: fine.modified + second / 10))
        #expect(SourceFingerprint.isRacy(fine, readAt: fine.modified - second), "stamped after it was read: a clock ahead")
    }

    /// The no-change check's verification (one time in `meta`, no update per row): a racy
    /// record comes back trusted when its mtime is at least the racy window older than that
    /// time, by both reads (fingerprints alone, and records with documents); a younger one,
    /// and any record made after the verification, stays racy.
    @Test func aVerificationTrustsTheRacyRecordsOldEnoughThen() throws {
        let folder = RepositoryPaths.temporaryFolder("state-verified")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = Self.stateURL(folder)
        let verifiedAt: Int64 = 1_800_000_000_000_000_000
        func record(modified: Int64, racy: Bool) -> SourceRecord {
            SourceRecord(fingerprint: SourceFingerprint(file: FileStamp(size: 10, modified: modified), sidecar: nil, hash: "ab", racy: racy),
                         fetched: Date(timeIntervalSince1970: 0), document: nil, scraped: false, problem: nil)
        }
        let window = SourceFingerprint.racyWindow
        let before: [String: SourceRecord] = [
            "old.html": record(modified: verifiedAt - window, racy: true),
            "young.html": record(modified: verifiedAt - window + 1_000_000_000, racy: true),
            "plain.html": record(modified: verifiedAt - 10 * window, racy: false),
        ]
        let store = try BuildStateStore(url: url)
        try store.saveSources(before, changed: Set(before.keys), removed: [], extractionKey: "k1", jobs: 1)
        try store.markSourcesVerified(at: verifiedAt)
        // Saved after the verification: read later, so racy with an mtime within the window of it.
        let later = ["later.html": record(modified: verifiedAt + window / 2, racy: true)]
        try store.saveSources(later, changed: ["later.html"], removed: [], extractionKey: "k1", jobs: 1)

        let reopened = try BuildStateStore(url: url)
        let racy = try reopened.sourceFingerprints(extractionKey: "k1").mapValues(\.racy)
        #expect(racy == ["old.html": false, "young.html": true, "plain.html": false, "later.html": true])
        let records = try reopened.sourceRecords(["old.html", "young.html", "later.html"], extractionKey: "k1", jobs: 1)
        #expect(records.mapValues(\.fingerprint.racy) == ["old.html": false, "young.html": true, "later.html": true])
        // Nothing else moved: the stamps and hashes are the stored ones.
        #expect(records["old.html"]?.fingerprint.file == before["old.html"]?.fingerprint.file)
    }

    /// Slugs' ASCII forms are kept for the galley that made them only; texts that differ only
    /// in their Unicode normalisation stay two rows.
    @Test func transliterationsRoundTripForTheSameGalleyOnly() throws {
        let folder = RepositoryPaths.temporaryFolder("state-transliterations")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try BuildStateStore(url: Self.stateURL(folder))
        let forms = [(text: "北京", form: "bei jing"), (text: "Caf\u{E9}", form: "cafe"), (text: "Cafe\u{301}", form: "cafe"),
                     (text: "القاهرة", form: "alqahrt")]
        try store.saveTransliterations(forms, tool: "galley A")
        let pairs = { (list: [(text: String, form: String)]) in Set(list.map { Array(($0.text + "\u{0}" + $0.form).utf8) }) }
        #expect(pairs(try store.transliterations(tool: "galley A")) == pairs(forms))
        #expect(try store.transliterations(tool: "galley B").isEmpty)
        try store.saveTransliterations([(text: "Zürich", form: "zurich")], tool: "galley B")
        #expect(try store.transliterations(tool: "galley A").isEmpty)
        #expect(pairs(try store.transliterations(tool: "galley B")) == pairs([(text: "Zürich", form: "zurich")]))
    }

    /// The scraped images' plans come back under the settings they were saved with only; a
    /// save writes what it is given, forgets what it is told to and every other settings' rows.
    @Test func scrapedImageRecordsRoundTripUnderTheirSettingsOnly() throws {
        let folder = RepositoryPaths.temporaryFolder("state-scraped-images")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try BuildStateStore(url: Self.stateURL(folder))
        func record(_ size: Int, racy: Bool = false) -> ScrapedImageRecord {
            ScrapedImageRecord(stamp: FileStamp(size: size, modified: 1_700_000_000_123_456_789), racy: racy, format: .png,
                               sha256: String(repeating: "ab", count: 32), width: 800, height: 533, widths: [480, 800], libvips: "vips-8.14")
        }
        let first = ["a/b.jpg": record(10), "c.png": record(20, racy: true)]
        try store.saveScrapedImages(first, forgotten: [], settings: "one")
        #expect(try store.scrapedImages(settings: "one") == first)
        #expect(try store.scrapedImages(settings: "two").isEmpty)
        try store.saveScrapedImages(["d.gif": record(30)], forgotten: ["a/b.jpg"], settings: "one")
        #expect(try store.scrapedImages(settings: "one") == ["c.png": record(20, racy: true), "d.gif": record(30)])
        try store.saveScrapedImages(["e.webp": record(40)], forgotten: [], settings: "two")
        #expect(try store.scrapedImages(settings: "one").isEmpty, "rows of other settings are dropped by a save")
        #expect(try store.scrapedImages(settings: "two") == ["e.webp": record(40)])
    }

    /// An image row holding what galley never writes (a format it does not make, widths that
    /// are not numbers, one archive under two stamps) makes the state read as damaged: it is
    /// discarded, never misread, and the next save writes again.
    @Test func aDamagedImageRowDiscardsTheStateNeverMisread() throws {
        let plan = ScrapedImageRecord(stamp: FileStamp(size: 10, modified: 20), racy: false, format: .png, sha256: "ab", width: 8, height: 6,
                                      widths: [8], libvips: "vips-8.14")
        let archive = ArchivedImagesRecord(stamp: FileStamp(size: 30, modified: 40), racy: false, searched: ["https://a.example/1.png", "https://a.example/2.png"],
                                           found: ["https://a.example/1.png": ScrapedImageRecord(plan: ImagePlan.remembered(format: .png, sha256: "cd", width: 8,
                                                   height: 6, widths: [8], rules: .init()), stamp: FileStamp(size: 30, modified: 40), racy: false)])
        let damages = ["UPDATE scraped_images SET format = 'bmp'", "UPDATE scraped_images SET widths = '480,x'",
                       "UPDATE archived_images SET mtime = 41 WHERE url = 'https://a.example/2.png'"]
        for damage in damages {
            let folder = RepositoryPaths.temporaryFolder("state-image-damage")
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = Self.stateURL(folder)
            let store = try BuildStateStore(url: url)
            try store.saveScrapedImages(["a.png": plan], forgotten: [], settings: "s")
            try store.saveArchivedImages(["crawl.warc.gz": archive], forgotten: [], settings: "s")
            try Self.execute(damage, at: url)
            let reopened = try BuildStateStore(url: url)
            let images = try reopened.scrapedImages(settings: "s"), archives = try reopened.archivedImages(settings: "s")
            #expect(images.isEmpty || archives.isEmpty, "\(damage): read as if whole")
            #expect(try reopened.scrapedImages(settings: "s").isEmpty && reopened.archivedImages(settings: "s").isEmpty, "\(damage): discarded")
            try reopened.saveScrapedImages(["a.png": plan], forgotten: [], settings: "s")
            #expect(try BuildStateStore(url: url).scrapedImages(settings: "s") == ["a.png": plan], "\(damage): saves again")
        }
    }

    /// What an archive held of its pages' image URLs (plans, refusals, absences) comes back
    /// whole under its settings; a save replaces an archive's rows and forgets what it is told to.
    @Test func archivedImageRecordsRoundTripPerArchive() throws {
        let folder = RepositoryPaths.temporaryFolder("state-archived-images")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try BuildStateStore(url: Self.stateURL(folder))
        let stamp = FileStamp(size: 4096, modified: 1_700_000_000_000_000_001)
        let plan = ScrapedImageRecord(stamp: stamp, racy: false, format: .jpeg, sha256: String(repeating: "cd", count: 32), width: 320, height: 213,
                                      widths: [320], libvips: "vips-8.14")
        let crawl = ArchivedImagesRecord(stamp: stamp, racy: false, searched: ["https://a.example/1.jpg", "https://a.example/2.jpg", "https://cdn.example/3.jpg"],
                                         found: ["https://a.example/1.jpg": plan], refused: ["https://a.example/2.jpg": "image crawl.warc.gz#10: SVG"])
        var other = crawl
        other.searched = ["https://b.example/4.jpg"]
        other.found = [:]
        other.refused = [:]
        other.racy = true
        try store.saveArchivedImages(["crawl.warc.gz": crawl, "other.wacz": other], forgotten: [], settings: "one")
        #expect(try store.archivedImages(settings: "one") == ["crawl.warc.gz": crawl, "other.wacz": other])
        #expect(try store.archivedImages(settings: "two").isEmpty)
        var searchedLess = crawl
        searchedLess.searched = ["https://a.example/1.jpg"]
        searchedLess.refused = [:]
        try store.saveArchivedImages(["crawl.warc.gz": searchedLess], forgotten: ["other.wacz"], settings: "one")
        #expect(try store.archivedImages(settings: nil) == ["crawl.warc.gz": searchedLess])
    }

    @Test func savesWriteWhatChangedAndTheBuildIsCompleteOnlyOnceItFinished() throws {
        let folder = RepositoryPaths.temporaryFolder("state-saves")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = Self.stateURL(folder)
        var sources = try Self.sources(count: 20)
        try Self.saveSample(at: url, sources: sources)
        let store = try BuildStateStore(url: url)

        // Saving nothing new does not touch the file.
        let before = FileStamp.of(path: url.path)
        try store.saveSources(sources, changed: [], removed: [], extractionKey: "k1", jobs: 2)
        #expect(FileStamp.of(path: url.path) == before)
        #expect(try store.lastBuild().complete)

        // One source changed, one removed: the rest stays; the outputs are no longer those of these sources.
        sources["s0001.html"]?.fetched = Date(timeIntervalSince1970: 99)
        sources["s0002.html"] = nil
        try store.saveSources(sources, changed: ["s0001.html"], removed: ["s0002.html"], extractionKey: "k1", jobs: 2)
        #expect(try store.sourceRecords((0..<20).map { String(format: "s%04d.html", $0) }, extractionKey: "k1", jobs: 2) == sources.asRead)
        #expect(try !store.lastBuild().complete)

        // Writing: the records of files about to be touched are not to be trusted; the others are.
        try store.beginWriting(["feed.xml", "new.html"], known: [], renderInputsKey: "r2")
        let pending = try store.outputRecords()
        #expect(pending["feed.xml"] == .untrusted && pending["new.html"] == .untrusted)
        #expect(pending["tags/é/index.html"] == Self.outputs["tags/é/index.html"])
        #expect(try store.lastBuild().renderInputsKey == "r2")

        var outputs = Self.outputs
        outputs["new.html"] = OutputRecord(renderKey: OutputKey(value: 0x6e), stamp: FileStamp(size: 5, modified: 6))
        outputs["feed.xml"] = OutputRecord(renderKey: .none, stamp: FileStamp(size: 2, modified: 7))
        outputs["line\nbreak.html"] = nil
        var build = Self.build
        build.renderInputsKey = "r2"
        build.validUntil = nil
        try store.finishWriting(OutputRecords(["new.html", "feed.xml"].map { ($0, outputs[$0]!) }), removed: ["line\nbreak.html"], build: build, problems: [],
                                stale: [])
        #expect(try store.outputRecords() == outputs)
        #expect(try store.lastBuild() == build)
        #expect(try store.lastProblems().problems.isEmpty)

        // Documents written under another front-matter schema are not read; the outputs still are.
        try Self.execute("UPDATE meta SET value = 'title:text!' WHERE name = 'document_schema'", at: url)
        #expect(try store.sourceFingerprints(extractionKey: "k1").isEmpty)
        #expect(try store.sourceRecords(["s0003.html"], extractionKey: "k1", jobs: 1).isEmpty)
        #expect(try store.outputRecords() == outputs)
        try store.saveSources(sources, changed: [], removed: [], extractionKey: "k1", jobs: 2)
        #expect(try store.sourceFingerprints(extractionKey: "k1") == sources.mapValues(\.fingerprint))

        // Documents of another extraction key: the table is written anew.
        let other = try #require(sources["s0003.html"])
        try store.saveSources(["x.html": other], changed: [], removed: [], extractionKey: "k2", jobs: 2)
        #expect(try store.sourceFingerprints(extractionKey: "k2") == ["x.html": other.fingerprint])
    }

    /// A state discarded during a build has lost its output records: the save after writing
    /// writes every file of the site, the kept ones under their records and the made ones under
    /// theirs (a made one wins over a kept record of the same path).
    @Test func theSaveAfterADiscardWritesEveryOutputOfTheSite() throws {
        let folder = RepositoryPaths.temporaryFolder("state-lost-outputs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = Self.stateURL(folder)
        try Self.saveSample(at: url, sources: try Self.sources(count: 4))
        let store = try BuildStateStore(url: url)
        try store.discard()
        #expect(try store.outputRecords().isEmpty)
        let made = OutputRecord(renderKey: OutputKey(value: 0x6d), stamp: FileStamp(size: 9, modified: 9))
        try store.beginWriting(["feed.xml", "baru.html"], known: Set(Self.outputs.keys), renderInputsKey: "r2")
        try store.finishWriting(OutputRecords([("feed.xml", made), ("baru.html", made)]), removed: [], kept: Self.outputs, build: Self.build, problems: [],
                                stale: [])
        var expected = Self.outputs
        expected["feed.xml"] = made
        expected["baru.html"] = made
        #expect(try store.outputRecords() == expected)
        #expect(try BuildStateStore(url: url).outputRecords() == expected)
    }

    /// Files the store did not write, or that something cut short or scribbled over, are
    /// discarded: what it reads afterwards is what was saved or nothing, and it saves again.
    @Test func aDamagedForeignOrOtherVersionFileIsDiscardedNeverMisread() throws {
        let folder = RepositoryPaths.temporaryFolder("state-damage")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = Self.stateURL(folder)
        let sources = try Self.sources(count: 40)
        try Self.saveSample(at: url, sources: sources)
        let saved = try Data(contentsOf: url)
        var random = SeededRandom(seed: 13)
        var cases: [(label: String, damage: () throws -> Void)] = [
            ("empty file", { try Data().write(to: url) }),
            ("the old sources.bin", { try Data("galley-sources 2 and more".utf8).write(to: url) }),
            ("random bytes", { try Data((0..<9000).map { _ in UInt8.random(in: 0...255, using: &random) }).write(to: url) }),
            ("scribbled header", { try (Data(repeating: 0x5A, count: 100) + saved.dropFirst(100)).write(to: url) }),
            ("another version", { try Self.execute("PRAGMA user_version = \(BuildStateSchema.version + 1)", at: url) }),
            ("another program's database", {
                unlink(url.path)
                try Self.execute("CREATE TABLE sources (path TEXT, size INTEGER); INSERT INTO sources VALUES ('s0001.html', 1)", at: url)
            }),
            ("a dropped table", { try Self.execute("DROP TABLE outputs", at: url) }),
            ("a document head that does not decode", { try Self.execute("UPDATE documents SET head = x'0102' WHERE path = 's0005.html'", at: url) }),
            ("a verification time that is not a time", {
                try Self.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('\(BuildStateStore.sourcesVerifiedAtName)', 'soon')", at: url)
            }),
        ]
        for cut in [10, 100, 4096, saved.count / 2, saved.count - 4096, saved.count - 1] {
            cases.append(("cut at \(cut) of \(saved.count) bytes", { try saved.prefix(cut).write(to: url) }))
        }
        for (label, damage) in cases {
            try saved.write(to: url)
            try damage()
            let store = try BuildStateStore(url: url)
            let records = try store.sourceRecords(Array(sources.keys), extractionKey: "k1", jobs: 2)
            #expect(records.allSatisfy { sources[$0.key]?.asRead == $0.value }, "\(label): a record read back differs")
            #expect(try store.sourceFingerprints(extractionKey: "k1").allSatisfy { sources[$0.key]?.fingerprint == $0.value }, "\(label)")
            #expect(try store.outputRecords().allSatisfy { Self.outputs[$0.key] == $0.value }, "\(label)")
            #expect(try !store.lastBuild().complete || records.count == sources.count, "\(label): complete without its sources")
            try store.saveSources(sources, changed: Set(sources.keys), removed: [], extractionKey: "k1", jobs: 2)
            #expect(try BuildStateStore(url: url).sourceRecords(Array(sources.keys), extractionKey: "k1", jobs: 2) == sources.asRead, "\(label): saves again")
        }
    }

    /// A save that fails half-way (a trigger refuses one row after others were written in the
    /// same transaction) leaves every table as it was.
    @Test func aFailedSaveLeavesThePreviousState() throws {
        let folder = RepositoryPaths.temporaryFolder("state-rollback")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = Self.stateURL(folder)
        let sources = try Self.sources(count: 40)
        try Self.saveSample(at: url, sources: sources)
        try Self.execute("""
            CREATE TRIGGER refuse_source BEFORE INSERT ON sources WHEN NEW.path = 's0030.html' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;
            CREATE TRIGGER refuse_output BEFORE INSERT ON outputs WHEN NEW.path = 'z.html' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;
            """, at: url)
        let store = try BuildStateStore(url: url)
        let changed = sources.mapValues { record in
            var record = record
            record.fetched = Date(timeIntervalSince1970: 7)
            return record
        }
        #expect(throws: GalleyError.self) {
            try store.saveSources(changed, changed: Set(changed.keys), removed: ["s0001.html"], extractionKey: "k1", jobs: 2)
        }
        var outputs = Self.outputs
        outputs["a.html"] = OutputRecord(renderKey: OutputKey(value: 0x61), stamp: FileStamp(size: 1, modified: 1))
        outputs["z.html"] = OutputRecord(renderKey: OutputKey(value: 0x7a), stamp: FileStamp(size: 1, modified: 1))
        #expect(throws: GalleyError.self) {
            try store.finishWriting(OutputRecords(["a.html", "z.html"].map { ($0, outputs[$0]!) }), removed: ["feed.xml"], build: LastBuild(), problems: [],
                                    stale: [])
        }
        let reopened = try BuildStateStore(url: url)
        #expect(try reopened.sourceRecords(Array(sources.keys), extractionKey: "k1", jobs: 2) == sources.asRead)
        #expect(try reopened.outputRecords() == Self.outputs)
        #expect(try reopened.lastBuild() == Self.build)
        #expect(try reopened.lastProblems().problems == Self.problems)
    }

    /// What a `kill -9` in the middle of a save leaves on disk — the file with some of the new
    /// pages already in it, and the rollback journal — reads as the state before the save.
    @Test func aSaveKilledHalfWayReadsAsThePreviousState() throws {
        let folder = RepositoryPaths.temporaryFolder("state-killed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = Self.stateURL(folder)
        let sources = try Self.sources(count: 60)
        try Self.saveSample(at: url, sources: sources)
        let killed = folder.appendingPathComponent("killed/state.sqlite")
        try FileManager.default.createDirectory(at: killed.deletingLastPathComponent(), withIntermediateDirectories: true)
        let database = try DatabaseQueue(path: url.path)
        try database.inTransaction { db in
            // A tiny page cache makes SQLite write changed pages into the file before the commit.
            try db.execute(sql: "PRAGMA cache_size = 2")
            try db.execute(sql: "UPDATE sources SET fetched = 0; UPDATE document_bodies SET body = zeroblob(9000); DELETE FROM outputs; UPDATE meta SET value = 0")
            try FileManager.default.copyItem(at: url, to: killed)
            try FileManager.default.copyItem(atPath: url.path + "-journal", toPath: killed.path + "-journal")
            return .rollback
        }
        try database.close()
        #expect(try Data(contentsOf: killed) != Data(contentsOf: url), "the copy holds pages of the unfinished save")
        let store = try BuildStateStore(url: killed)
        #expect(try store.sourceRecords(Array(sources.keys), extractionKey: "k1", jobs: 2) == sources.asRead)
        #expect(try store.outputRecords() == Self.outputs)
        #expect(try store.lastBuild() == Self.build)
        #expect(!FileManager.default.fileExists(atPath: killed.path + "-journal"))
    }

    /// The state is an ordinary SQLite file: plain SQL reads it (what `sqlite3` shows a user),
    /// and at rest it is one file, without a journal or WAL beside it.
    @Test func theFileReadsWithPlainSQL() throws {
        let folder = RepositoryPaths.temporaryFolder("state-sql")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = Self.stateURL(folder)
        let sources = try Self.sources(count: 12)
        try Self.saveSample(at: url, sources: sources)
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: url.path, configuration: configuration)
        func fetch<Value>(_ query: (Database) throws -> Value) throws -> Value { try database.read(query) }
        #expect(try fetch { try String.fetchAll($0, sql: "SELECT path FROM sources ORDER BY path") } == sources.keys.sorted())
        #expect(try fetch { try Int.fetchOne($0, sql: "SELECT count(*) FROM documents") } == 9)
        #expect(try fetch { try Row.fetchAll($0, sql: "SELECT path, render_key, size, mtime FROM outputs WHERE path = 'tags/é/index.html'") }
            == [["path": "tags/é/index.html", "render_key": 0x6b, "size": 10, "mtime": 11]])
        #expect(try fetch { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE name = 'render_inputs_key'") } == "r%1\t")
        #expect(try fetch { try Int.fetchOne($0, sql: "SELECT value FROM meta WHERE name = 'complete'") } == 1)
        #expect(try fetch { try String.fetchAll($0, sql: "SELECT reason FROM problems ORDER BY position") } == Self.problems.map(\.reason))
        #expect(try fetch { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
        try database.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path) == ["state.sqlite"])
    }

    /// Runs SQL on the file as another program would.
    static func execute(_ sql: String, at url: URL) throws {
        let database = try DatabaseQueue(path: url.path)
        try database.write { try $0.execute(sql: sql) }
        try database.close()
    }
}

extension SourceRecord {
    /// The record as the state gives it back: its head, without the body (read on its own).
    var asRead: SourceRecord {
        var record = self
        record.body = nil
        return record
    }
}

extension Dictionary where Value == SourceRecord {
    /// Every record as the state gives it back.
    var asRead: [Key: SourceRecord] { mapValues(\.asRead) }
}

/// Bodies live in the state, apart from the heads a build keeps in memory.
@Suite struct DocumentBodyStorageTests {
    /// A head without its image URLs (held through rendering) keeps the digests the render keys
    /// take, which still stand for the URLs.
    @Test func aHeadReleasingItsImagesKeepsItsDigests() throws {
        var document = try BuildManifestTests.fullDocument()
        document.body = "Teks ![foto](https://img.example/a.jpg).\n"
        let head = DocumentHead(document), released = head.releasingBodyImages()
        #expect(released.codedDigest == head.codedDigest && released.frontMatterDigest == head.frontMatterDigest)
        #expect(released.source == head.source && released.frontMatter == head.frontMatter && released.bodyDigest == head.bodyDigest)
        document.body = "Teks ![foto](https://img.example/b.jpg).\n"
        #expect(DocumentHead(document).releasingBodyImages().codedDigest != released.codedDigest)
    }

    /// A head keeps its body's image URLs as one text; every list comes back as it was, empty
    /// URLs and repeats included, and the slices the image stage keeps read the same URLs.
    @Test func imageURLsComeBackFromTheirTextAsListed() {
        for urls in [[], [""], ["", ""], ["https://img.example/a.jpg"], ["a", "", "b", "a"], ["https://img.example/é ü.jpg", "x"]] {
            let text = DocumentHead.imageText(urls)
            #expect(DocumentHead.imageList(text) == urls, "\(urls)")
            #expect(DocumentHead.imageSlices(text).map(String.init) == urls, "\(urls)")
        }
        #expect(DocumentHead.imageText([]).isEmpty, "no images: nothing held")
        let head = DocumentHead(source: "a.md", frontMatter: FrontMatter(title: "A", date: Timestamp(date: Date(timeIntervalSince1970: 0), utcOffsetSeconds: 0)),
                                bodyDigest: 1, bodyImages: ["https://img.example/a.jpg", "https://img.example/b.jpg"])
        #expect(head.bodyImageTexts == ["https://img.example/a.jpg", "https://img.example/b.jpg"])
        #expect(head.bodyImages == ["https://img.example/a.jpg", "https://img.example/b.jpg"])
    }

    @Test func aHeadKnowsItsBodyWithoutHoldingIt() throws {
        var document = try BuildManifestTests.fullDocument()
        document.body = "Teks ![foto](https://img.example/a.jpg) dan ![lagi](data:image/png;base64,AAAA).\n"
        let head = DocumentHead(document)
        #expect(head.source == document.source && head.frontMatter == document.frontMatter)
        #expect(head.bodyImages == ["https://img.example/a.jpg", "data:image/png;base64,AAAA"])
        #expect(head.bodyDigest == DocumentHead.digest(of: document.body))
        #expect(head.bodyDigest != DocumentHead.digest(of: document.body + " "))
        #expect(head.document(body: document.body) == document)
        var writer = BinaryWriter()
        ArticleDocumentCoding.write(head, to: &writer)
        var reader = BinaryReader(writer.bytes)
        #expect(try ArticleDocumentCoding.readHead(&reader) == head)
        #expect(reader.isAtEnd)
    }

    /// A record read from the state (no body in memory) is saved by updating its head only, and
    /// its stored body stays; after the state was discarded during the build such a record has
    /// nothing to stand on and is left out (its source is processed again next time), while
    /// records that bring their bodies are saved whole.
    @Test func aRecordWithoutItsBodyKeepsTheStoredOneAndIsLeftOutAfterALoss() throws {
        let folder = RepositoryPaths.temporaryFolder("state-bodies")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = BuildStateStoreTests.stateURL(folder)
        let sources = try BuildStateStoreTests.sources(count: 8)
        let withDocument = sources.filter { $0.value.head != nil }.keys.sorted()
        let store = try BuildStateStore(url: url)
        try store.saveSources(sources, changed: Set(sources.keys), removed: [], extractionKey: "k1", jobs: 2)

        var read = try store.sourceRecords(Array(sources.keys), extractionKey: "k1", jobs: 2)
        let first = try #require(withDocument.first)
        read[first]?.fetched = Date(timeIntervalSince1970: 77)
        try store.saveSources(read, changed: [first], removed: [], extractionKey: "k1", jobs: 2)
        #expect(try store.sourceRecords([first], extractionKey: "k1", jobs: 1)[first]?.fetched == Date(timeIntervalSince1970: 77))
        #expect(store.bodies().body(of: first) == sources[first]?.body, "the stored body stays")

        try store.discard()
        var mixed = read
        let second = withDocument[1]
        mixed[second] = sources[second]
        try store.saveSources(mixed, changed: Set(mixed.keys), removed: [], extractionKey: "k1", jobs: 2)
        let saved = try store.sourceFingerprints(extractionKey: "k1")
        #expect(saved[first] == nil, "a head whose body went with the discarded state is not saved")
        #expect(saved[second] != nil && store.bodies().body(of: second) == sources[second]?.body)
        #expect(Set(saved.keys) == Set(mixed.keys.filter { $0 == second || mixed[$0]?.head == nil }))
    }

    @Test func aBodyThatCannotBeReadBackIsARenderProblemOfItsSource() throws {
        let head = DocumentHead(try BuildManifestTests.fullDocument())
        #expect(throws: GalleyError.self) { try BuildPipeline.document(head, from: [:]) }
        do {
            _ = try BuildPipeline.document(head, from: [:])
        } catch {
            #expect(error.stage == .render && error.source == head.source)
        }
        #expect(try BuildPipeline.document(head, from: [head.source: "Isi."]).body == "Isi.")
    }
}

/// Stages 1–2 save their records batch by batch and keep only heads.
@Suite struct SourceStageBatchTests {
    static func writeArticles(_ count: Int, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            let text = """
                ---
                title: "Berita nomor \(index)"
                date: 2024-03-0\(index % 9 + 1)T08:00:00+07:00
                tags: ["Tag \(index % 3)"]
                ---
                Paragraf pertama berita \(index). ![foto](https://img.example/\(index).jpg)

                """
            try text.write(to: folder.appendingPathComponent("b\(index).md"), atomically: true, encoding: .utf8)
        }
    }

    /// What every test of the stage starts from: a content folder of articles (`writeArticles`)
    /// with its discovered files, an empty build state, and the folder opened for the stage.
    struct Site {
        let folder: URL
        let files: [SourceFile]
        let store: BuildStateStore
        let stamps: FolderStamps
        var content: URL { folder.appendingPathComponent("content") }
        var stateURL: URL { BuildStateStoreTests.stateURL(folder) }

        /// `aged`: the articles' mtimes an hour back, so that their records are not racy; else
        /// the next whole second, so that they are racy however long the test takes (whole-second
        /// stamps keep the 2 s racy window).
        init(_ label: String, articles: Int, aged: Bool = false) throws {
            folder = RepositoryPaths.temporaryFolder(label)
            let content = folder.appendingPathComponent("content")
            try SourceStageBatchTests.writeArticles(articles, in: content)
            files = try ContentDiscovery.discover(in: content)
            let modified = aged ? Date(timeIntervalSinceNow: -3600) : Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.up))
            for file in files {
                try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file.filePath)
            }
            store = try BuildStateStore(url: BuildStateStoreTests.stateURL(folder))
            stamps = try #require(FolderStamps(folder: content.path))
        }

        /// Replaces an article by a shorter one (another size and mtime).
        func rewrite(_ name: String) throws {
            try "---\ntitle: \"Diganti\"\ndate: 2024-03-01T08:00:00+07:00\n---\nIsi baru.\n".write(to: content.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// A batch's save that fails (the state refuses the rows) stops the stage with a `.write`
    /// error, but only once the batch processed meanwhile is done: nothing is left running.
    @Test func aFailedSaveStopsTheStageWithNothingLeftRunning() throws {
        let site = try Site("stage-failed-save", articles: 450)
        defer { site.remove() }
        try BuildStateStoreTests.execute("CREATE TRIGGER refuse BEFORE INSERT ON sources BEGIN SELECT RAISE(ABORT, 'refused'); END", at: site.stateURL)
        let done = Mutex(0)
        let progress = BuildProgress { phase, count, _ in if phase == "extract" { done.withLock { $0 = max($0, count) } } }
        var stage = SourceStage(processor: PageProcessor(config: SiteConfig()), jobs: 2, progress: progress, reuse: true)
        stage.batchSize = 200
        #expect(throws: GalleyError.self) { try stage.run(site.files, in: site.stamps, store: site.store, extractionKey: "k1") }
        // The first batch's save fails at once, while the second batch (200 pages, far longer) is
        // processed; the stage waits for that batch before it throws.
        let atThrow = done.withLock { $0 }
        #expect(atThrow == 400)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(done.withLock { $0 } == atThrow)
    }

    @Test func everyBatchIsSavedWithItsBodiesAndTheNextRunReusesThem() throws {
        let site = try Site("stage-batches", articles: 11)
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.folder.appendingPathComponent("old"), withIntermediateDirectories: true)
        let (files, store, stamps) = (site.files, site.store, site.stamps)
        // A stored source that is gone now: its rows are removed at the end.
        let gone = try #require(try BuildStateStoreTests.sources(count: 1).first)
        try store.saveSources(["gone.md": gone.value], changed: ["gone.md"], removed: [], extractionKey: "k1", jobs: 1)

        var stage = SourceStage(processor: PageProcessor(config: SiteConfig()), jobs: 2, progress: nil, reuse: true)
        stage.batchSize = 4
        let first = try stage.run(files, in: stamps, store: store, extractionKey: "k1")
        #expect(first.sources.count == 11 && first.sources.allSatisfy { $0.head != nil && !$0.reused })
        let saved = try store.sourceFingerprints(extractionKey: "k1")
        #expect(Set(saved.keys) == Set(files.map(\.path)), "every batch saved, the vanished source removed")
        let bodies = store.bodies().bodies(of: files.map(\.path))
        #expect(bodies.count == 11)
        for source in first.sources {
            let head = try #require(source.head)
            let body = try #require(bodies[source.path])
            #expect(head.bodyDigest == DocumentHead.digest(of: body))
            #expect(head.bodyImages.count == 1 && body.contains("Paragraf pertama"))
        }

        let second = try stage.run(files, in: stamps, store: store, extractionKey: "k1")
        #expect(second.sources.allSatisfy { $0.reused })
        #expect(second.sources.map(\.head) == first.sources.map(\.head))
    }

    /// The records of sources that are gone are removed: a file listed by discovery that
    /// vanished before the stage read it (every stored path listed: found without a set of all
    /// of them), and a stored source no longer listed (the set of stored paths not seen again).
    @Test func recordsOfSourcesThatAreGoneAreRemoved() throws {
        let site = try Site("stage-gone", articles: 5, aged: true)
        defer { site.remove() }
        let stage = SourceStage(processor: PageProcessor(config: SiteConfig()), jobs: 2, progress: nil, reuse: true)
        _ = try stage.run(site.files, in: site.stamps, store: site.store, extractionKey: "k1")
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("b3.md"))
        let vanished = try stage.run(site.files, in: site.stamps, store: site.store, extractionKey: "k1")
        #expect(vanished.sources.count == 5 && vanished.sources.filter { $0.head == nil }.map(\.path) == ["b3.md"])
        #expect(Set(try site.store.sourceFingerprints(extractionKey: "k1").keys) == ["b0.md", "b1.md", "b2.md", "b4.md"])
        let unlisted = site.files.filter { $0.path != "b3.md" && $0.path != "b1.md" }
        _ = try stage.run(unlisted, in: site.stamps, store: site.store, extractionKey: "k1")
        #expect(Set(try site.store.sourceFingerprints(extractionKey: "k1").keys) == ["b0.md", "b2.md", "b4.md"])
    }

    /// The stamps the no-change check took (`seen`) stand for a `stat`: a file edited after
    /// them is taken by its stamp as seen, and only files not seen are stat-ed. (The build
    /// hands them over a moment after taking them; an edit in between is caught by the next
    /// build, whose check finds the stamp recorded here out of date.)
    @Test func theStampsTheCheckTookStandForAStat() throws {
        let site = try Site("stage-seen", articles: 3, aged: true)  // not racy: trusted by their stamps
        defer { site.remove() }
        let stage = SourceStage(processor: PageProcessor(config: SiteConfig()), jobs: 2, progress: nil, reuse: true)
        _ = try stage.run(site.files, in: site.stamps, store: site.store, extractionKey: "k1")
        let recorded = try site.store.sourceFingerprints(extractionKey: "k1")
        for name in ["b0.md", "b1.md"] { try site.rewrite(name) }
        let seen = ["b0.md": SourceStamps(file: try #require(recorded["b0.md"]).file, sidecar: nil)]
        let result = try stage.run(site.files, in: site.stamps, store: site.store, extractionKey: "k1", seen: seen)
        let reused = Dictionary(uniqueKeysWithValues: result.sources.map { ($0.path, $0.reused) })
        #expect(reused == ["b0.md": true, "b1.md": false, "b2.md": true], "b0 by the stamp seen, b1 and b2 by a stat")
    }

    /// Sources the build already made (edits it tried to render alone) are taken as made, not
    /// processed again; the others are processed or reused as usual.
    @Test func sourcesMadeAlreadyAreNotProcessedAgain() throws {
        let site = try Site("stage-made", articles: 3, aged: true)
        defer { site.remove() }
        let stage = SourceStage(processor: PageProcessor(config: SiteConfig()), jobs: 2, progress: nil, reuse: true)
        _ = try stage.run(site.files, in: site.stamps, store: site.store, extractionKey: "k1")
        for name in ["b0.md", "b1.md"] { try site.rewrite(name) }
        let b0 = try #require(site.files.first { $0.path == "b0.md" })
        var made = stage.processChanged(b0, in: site.stamps, seen: nil, stored: nil)
        made.source.fetched = Date(timeIntervalSince1970: 77)  // marks the outcome handed over
        let result = try stage.run(site.files, in: site.stamps, store: site.store, extractionKey: "k1", made: ["b0.md": made])
        let fetched = Dictionary(uniqueKeysWithValues: result.sources.map { ($0.path, $0.fetched) })
        #expect(fetched["b0.md"] == Date(timeIntervalSince1970: 77), "taken as made")
        #expect(result.sources.first { $0.path == "b1.md" }?.reused == false, "processed")
        #expect(result.sources.first { $0.path == "b2.md" }?.reused == true, "reused")
    }

    /// A racy source whose bytes the no-change check compared and found the same is taken as
    /// verified (its record brought up to date is saved), not read and hashed a second time.
    @Test func aRacySourceTheCheckVerifiedIsNotReadAgain() throws {
        let site = try Site("stage-verified", articles: 2)  // just written: their records are racy
        defer { site.remove() }
        let stage = SourceStage(processor: PageProcessor(config: SiteConfig()), jobs: 2, progress: nil, reuse: true)
        _ = try stage.run(site.files, in: site.stamps, store: site.store, extractionKey: "k1")
        var verified = try #require(try site.store.sourceFingerprints(extractionKey: "k1")["b0.md"])
        #expect(verified.racy)
        verified.racy = false
        try site.rewrite("b0.md")
        let seen = ["b0.md": SourceStamps(file: verified.file, sidecar: nil, verified: verified)]
        let result = try stage.run(site.files, in: site.stamps, store: site.store, extractionKey: "k1", seen: seen)
        #expect(result.sources.first { $0.path == "b0.md" }?.reused == true, "taken as verified, not read again")
        #expect(try site.store.sourceFingerprints(extractionKey: "k1")["b0.md"] == verified, "the record brought up to date is saved")
    }
}

/// The duplicate filter reads page bodies from the state a batch at a time.
@Suite struct DuplicateFilterBatchTests {
    static func candidate(_ index: Int) -> DuplicateFilter.Candidate {
        let matter = FrontMatter(title: "Berita \(index)", date: Timestamp(date: Date(timeIntervalSince1970: 1_700_000_000), utcOffsetSeconds: 0))
        let head = DocumentHead(ArticleDocument(source: String(format: "p%04d.html", index), frontMatter: matter, body: ""))
        return DuplicateFilter.Candidate(document: head, fetched: Date(timeIntervalSince1970: Double(10_000 - index)))
    }

    static func body(_ index: Int) -> String {
        (0..<80).map { "kata\(index)x\($0)" }.joined(separator: " ")
    }

    /// Two different stories that show the same large inlined picture are not near-identical:
    /// a `data:` URI's base64 is not words.
    @Test func anInlinedPictureSharedByTwoStoriesDoesNotMakeThemDuplicates() {
        // 60 KB of base64 that does not repeat (a photo's): without the rule, most of the
        // compared 64 KB, and the two stories near-identical.
        var state: UInt64 = 42
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let payload = String((0..<60_000).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return alphabet[Int(state >> 58)]
        })
        let picture = "![Foto](data:image/jpeg;base64," + payload + ")"
        let first = picture + "\n\n" + Self.body(1), second = picture + "\n\n" + Self.body(2)
        #expect(DuplicateFilter.shingleSet(first).count <= DuplicateFilter.shingleSet(Self.body(1)).count + DuplicateFilter.shingleWords,
                "no shingle of the picture's base64")
        #expect(DuplicateFilter.withoutDataURIs("a ![x](data:image/png;base64,AAAA) b data: c") == "a ![x]() b data: c")
        let bodies = ["p0001.html": first, "p0002.html": second]
        let result = DuplicateFilter.filter([Self.candidate(1), Self.candidate(2)], bands: { sources in
            Dictionary(uniqueKeysWithValues: sources.compactMap { source in DuplicateFilter.bandKeys(ofBody: bodies[source] ?? "").map { (source, $0) } })
        }, bodies: { sources in bodies.filter { sources.contains($0.key) } })
        #expect(result.duplicates.isEmpty && result.kept.count == 2)
    }

    /// The compared text is the first bytes of the body with its pictures' URIs left out, the
    /// same whether the limit falls before, inside or after a URI, and a body without any is
    /// given back as it is.
    @Test func theComparedTextIsThePrefixOfTheBodyWithoutItsPictures() {
        func reference(_ text: String, limit: Int) -> String {
            let bytes = Array(text.utf8), markers = [Array("data:image/".utf8), Array("inline-picture:".utf8)]
            var kept: [UInt8] = [], index = 0
            while index < bytes.count {
                if let marker = markers.first(where: { bytes[index...].starts(with: $0) }) {
                    index += marker.count
                    while index < bytes.count, bytes[index] != UInt8(ascii: ")"), bytes[index] > 0x20, bytes[index] != UInt8(ascii: "\"") { index += 1 }
                } else {
                    kept.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: kept.prefix(limit), as: UTF8.self)
        }
        let bodies = ["", "kata biasa tanpa gambar", "a ![x](data:image/png;base64,AAAA) b", "![](data:image/jpeg;base64,QUJD)![](data:image/gif;base64,R0)",
                      "teks é ![f](data:image/webp;base64,\(String(repeating: "Zm9v", count: 50))) lagi \"data:image/x\" akhir data:image/",
                      "a ![x](inline-picture:0f3a) b ![y](data:image/png;base64,AAAA)![z](inline-picture:9c) akhir inline-picture:"]
        for body in bodies {
            for limit in [0, 1, 3, 5, 12, 20, 40, 200, .max] {
                #expect(DuplicateFilter.withoutDataURIs(body, limit: limit) == reference(body, limit: limit), "\(body.prefix(30)) \(limit)")
            }
        }
    }

    /// A near-identical body found across batches (the copy is compared 8,192 candidates
    /// after the original): every candidate's band keys asked for once, in batches no larger
    /// than the batch size, and only the two bodies that share a band read.
    @Test func nearIdenticalBodiesAreFoundAcrossBatchesReadingOnlyThoseThatShareABand() {
        let count = DuplicateFilter.bandsReadAtOnce * 2 + 76
        let candidates = (0..<count).map(Self.candidate)
        let bodyOf = { (source: String) in
            let index = Int(source.dropFirst().prefix(4))!
            return Self.body(index == 8200 ? 8 : index)
        }
        var batches: [[String]] = []
        var bodiesRead: [String] = []
        let result = DuplicateFilter.filter(candidates, bands: { sources in
            batches.append(sources)
            return Dictionary(uniqueKeysWithValues: sources.compactMap { source in DuplicateFilter.bandKeys(ofBody: bodyOf(source)).map { (source, $0) } })
        }, bodies: { sources in
            bodiesRead += sources
            return Dictionary(uniqueKeysWithValues: sources.map { ($0, bodyOf($0)) })
        })
        #expect(result.duplicates.map(\.dropped) == ["p8200.html"])
        #expect(result.duplicates.first?.kept == "p0008.html")
        #expect(result.kept.count == count - 1)
        #expect(batches.count == 3 && batches.allSatisfy { $0.count <= DuplicateFilter.bandsReadAtOnce })
        #expect(batches.flatMap { $0 }.count == count && Set(batches.flatMap { $0 }).count == count)
        #expect(Set(bodiesRead) == ["p8200.html", "p0008.html"] && bodiesRead.count == 2, "\(bodiesRead.prefix(5))")
    }
}
