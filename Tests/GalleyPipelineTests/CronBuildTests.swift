import Foundation
import GalleyCore
@testable import GalleyPipeline
import GalleyTestSupport
import Testing

/// Issue 6 against real `galley` processes: one build at a time (exit 75), builds killed with
/// SIGKILL at random moments never leave a partial file and the next build converges, exit
/// codes for cron, the JSON report.
@Suite(.serialized) struct CronBuildTests {
    struct Folders {
        let root: URL
        var content: URL { root.appendingPathComponent("content") }
        var output: URL { root.appendingPathComponent("public") }

        func arguments(_ extra: [String] = [], output: URL? = nil) -> [String] {
            ["build", "--config", RepositoryPaths.config.path, "--content", content.path, "--templates", RepositoryPaths.templates.path,
             "--output", (output ?? self.output).path, "--jobs", "2"] + extra
        }
    }

    func makeFolders(_ label: String, count: Int) throws -> Folders {
        let folders = Folders(root: RepositoryPaths.temporaryFolder(label))
        try SyntheticSite.write(to: folders.content, count: count)
        return folders
    }

    func galley() throws -> URL {
        try #require(BrokenInputTests.galleyBinary(), "the galley executable is built beside the tests")
    }

    @Test func aSecondBuildOfTheSameOutputExitsWith75() async throws {
        let folders = try makeFolders("cron-lock", count: 5)
        defer { try? FileManager.default.removeItem(at: folders.root) }
        let holder = try BuildLock(path: BuildLock.path(forOutput: folders.output))
        let run = try await BrokenInputTests.run(galley(), folders.arguments(), timeout: 60)
        #expect(run.status == 75, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("another build holds") && lines[0].contains("pid \(getpid())"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folders.output.appendingPathComponent("index.html").path))
        withExtendedLifetime(holder) {}
    }

    @Test func twoBuildsStartedTogetherPublishOnceAndTheOtherWaitsItsTurn() async throws {
        let folders = try makeFolders("cron-race", count: 300)
        defer { try? FileManager.default.removeItem(at: folders.root) }
        let binary = try galley()
        async let first = BrokenInputTests.run(binary, folders.arguments(), timeout: 120)
        async let second = BrokenInputTests.run(binary, folders.arguments(), timeout: 120)
        let results = await [first, second]
        let statuses = results.map(\.status).sorted()
        #expect(statuses == [0, 75] || statuses == [0, 0], "\(results.map(\.stderr))")
        for run in results where run.status == 75 { #expect(run.stderr.contains("another build holds")) }
        let again = await BrokenInputTests.run(binary, folders.arguments(["--quiet"]), timeout: 120)
        #expect(again.status == 0 && again.stderr.isEmpty, "\(again.stderr)")
    }

    /// Builds killed at random moments (while extracting, rendering, writing): every file in
    /// the output is always whole, no temporary file is left in it, and the next complete
    /// build gives exactly what a clean build gives.
    @Test func buildsKilledAtRandomNeverLeaveAPartialFileAndTheNextConverges() async throws {
        let folders = try makeFolders("cron-kill", count: 400)
        defer { try? FileManager.default.removeItem(at: folders.root) }
        let binary = try galley()
        let full = await BrokenInputTests.run(binary, folders.arguments(["--full"]), timeout: 300)
        #expect(full.status == 0, "\(full.stderr)")
        var random = SeededRandom(seed: 75)
        // How long an incremental build of one round's changes takes, unkilled.
        try changeArticles(in: folders, round: -1, random: &random)
        let incremental = await BrokenInputTests.run(binary, folders.arguments(), timeout: 300)
        #expect(incremental.status == 0)
        var killedMidway = 0
        for round in 0..<12 {
            try changeArticles(in: folders, round: round, random: &random)
            let duration = round % 3 == 0 ? full.seconds : incremental.seconds
            let delay = Double(random.below(Int(max(duration, 0.05) * 1000))) / 1000
            if try await runAndKill(binary, folders.arguments(round % 3 == 0 ? ["--full"] : []), after: delay) { killedMidway += 1 }
            #expect(Self.partialFiles(in: folders.output).isEmpty, "round \(round): \(Self.partialFiles(in: folders.output))")
        }
        #expect(killedMidway >= 6, "most builds were killed before they finished")
        try await expectNextBuildMatchesACleanOne(folders, binary: binary)
    }

    /// Builds that render edited articles alone (bodies changed, nothing else), killed at random
    /// moments: no partial file, and the next build ends where a clean build does.
    @Test func buildsKilledWhileRenderingEditedArticlesConverge() async throws {
        try await killedEditBuildsConverge("cron-kill-edits", seed: 64) { round, random, content in
            for _ in 0..<30 {
                let index = random.below(400)
                try Data(SyntheticSite.article(index, salt: "koreksi \(round)").utf8).write(to: SyntheticSite.url(index, in: content))
            }
        } tookItsPath: { stderr in stderr.contains("render") && !stderr.contains("site ") }
    }

    /// Builds of card edits (titles changed: pages move to new URLs, list pages, feeds and
    /// sitemaps change), killed at random moments: no partial file, and the next build ends where
    /// a clean build does.
    @Test func buildsKilledWhileRenderingCardEditsConverge() async throws {
        try await killedEditBuildsConverge("cron-kill-cards", seed: 65) { round, random, content in
            for _ in 0..<3 {
                // Articles i and i + 336 share a date (`SyntheticSite`): renaming one can swap
                // them in the order, which takes every phase. These have no twin.
                let index = 64 + random.below(272)
                try Data(SyntheticSite.article(index, title: "Judul ke-\(round) berita \(index)").utf8).write(to: SyntheticSite.url(index, in: content))
            }
        } tookItsPath: { stderr in stderr.contains("plan ") && !stderr.contains("images ") }
    }

    /// New articles alone take the published heads (`added`); builds of them killed at random
    /// moments leave no partial file, and the next build ends as a clean build.
    @Test func buildsKilledWhileAddingArticlesConverge() async throws {
        try await killedEditBuildsConverge("cron-kill-added", seed: 66) { round, random, content in
            for number in 0..<2 {
                let index = random.below(400)
                let day = 1 + random.below(28)
                let text = SyntheticSite.article(index, title: "Berita tambahan \(round) \(number)").split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.hasPrefix("date:") ? "date: 2031-01-\(String(format: "%02d", day))T0\(number):00:00+07:00" : String($0) }
                    .joined(separator: "\n")
                try Data(text.utf8).write(to: content.appendingPathComponent("zz-\(round + 1)-\(number).md"))
            }
        } tookItsPath: { stderr in stderr.contains("added ") && !stderr.contains("extract ") }
    }

    /// 400 articles built once; then rounds of `edit` (given the round, the random source and
    /// the content folder), each round's build killed at a random moment within the time an
    /// unkilled build of such edits takes (whose report `tookItsPath` checks): no partial file
    /// after any, and the next build ends where a clean build does.
    func killedEditBuildsConverge(_ label: String, seed: UInt64, edit: (Int, inout SeededRandom, URL) throws -> Void,
                                  tookItsPath: (String) -> Bool) async throws {
        let folders = try makeFolders(label, count: 400)
        defer { try? FileManager.default.removeItem(at: folders.root) }
        let binary = try galley()
        let full = await BrokenInputTests.run(binary, folders.arguments(), timeout: 300)
        #expect(full.status == 0, "\(full.stderr)")
        var random = SeededRandom(seed: seed)
        try edit(-1, &random, folders.content)
        let unkilled = await BrokenInputTests.run(binary, folders.arguments(), timeout: 300)
        #expect(unkilled.status == 0 && tookItsPath(unkilled.stderr), "\(unkilled.stderr)")
        var killedMidway = 0
        for round in 0..<10 {
            try edit(round, &random, folders.content)
            let delay = Double(random.below(Int(max(unkilled.seconds, 0.05) * 1000))) / 1000
            if try await runAndKill(binary, folders.arguments(), after: delay) { killedMidway += 1 }
            #expect(Self.partialFiles(in: folders.output).isEmpty, "round \(round): \(Self.partialFiles(in: folders.output))")
        }
        #expect(killedMidway >= 3, "builds were killed before they finished")
        try await expectNextBuildMatchesACleanOne(folders, binary: binary)
    }

    /// A build after the killed ones completes, and its output is byte for byte what a clean
    /// build into a fresh folder gives; returns that output.
    @discardableResult
    func expectNextBuildMatchesACleanOne(_ folders: Folders, binary: URL) async throws -> [String: Data] {
        let final = await BrokenInputTests.run(binary, folders.arguments(), timeout: 300)
        #expect(final.status == 0, "\(final.stderr)")
        let clean = folders.root.appendingPathComponent("clean/public")
        let reference = await BrokenInputTests.run(binary, folders.arguments(["--full"], output: clean), timeout: 300)
        #expect(reference.status == 0)
        let built = SyntheticSite.snapshot(folders.output), expected = SyntheticSite.snapshot(clean)
        #expect(Set(built.keys) == Set(expected.keys), "extra: \(Set(built.keys).subtracting(expected.keys).sorted().prefix(5)), missing: \(Set(expected.keys).subtracting(built.keys).sorted().prefix(5))")
        #expect(built.keys.filter { built[$0] != expected[$0] }.sorted().prefix(5).isEmpty)
        return built
    }

    @Test func strictReportAndConfigErrorsGiveTheDocumentedExitCodes() async throws {
        let folders = try makeFolders("cron-codes", count: 4)
        defer { try? FileManager.default.removeItem(at: folders.root) }
        let binary = try galley()
        try Data("<html><body>bukan artikel</body></html>".utf8).write(to: folders.content.appendingPathComponent("kosong.html"))
        let report = folders.root.appendingPathComponent("report.json")
        let quiet = await BrokenInputTests.run(binary, folders.arguments(["--quiet", "--report", report.path]), timeout: 60)
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "--quiet prints nothing on success: \(quiet.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        let sources = try #require(json["sources"] as? [[String: Any]])
        #expect(sources.count == 5 && json["published"] as? Int == 4 && json["rejected"] as? Int == 1)
        let rejected = try #require(sources.first { $0["source"] as? String == "kosong.html" })
        #expect(rejected["status"] as? String == "rejected" && (rejected["reason"] as? String)?.isEmpty == false && rejected["stage"] != nil)
        #expect(sources.filter { $0["status"] as? String == "published" }.allSatisfy { ($0["path"] as? String)?.hasSuffix("index.html") == true })

        let strict = await BrokenInputTests.run(binary, folders.arguments(["--quiet", "--strict"]), timeout: 60)
        #expect(strict.status == 1, "\(strict.stderr)")

        let before = SyntheticSite.mtimes(folders.output)
        let badConfig = folders.root.appendingPathComponent("bad.yml")
        try Data("items_per_page: [nope\n".utf8).write(to: badConfig)
        var arguments = folders.arguments()
        arguments[2] = badConfig.path
        let broken = await BrokenInputTests.run(binary, arguments, timeout: 60)
        #expect(broken.status == 2 && broken.stderr.split(separator: "\n").count == 1, "\(broken.stderr)")
        #expect(SyntheticSite.mtimes(folders.output) == before, "a config error changes nothing in the output")

        // A misspelt key: exit 2, one line naming the file, the line and the key meant.
        try Data("title: Kabar\nitems_per_pages: 5\n".utf8).write(to: badConfig)
        let misspelt = await BrokenInputTests.run(binary, arguments, timeout: 60)
        #expect(misspelt.status == 2 && misspelt.stderr == "error: config: \(badConfig.path):2: unknown key `items_per_pages` (did you mean `items_per_page`?)\n",
                "\(misspelt.stderr)")
        #expect(SyntheticSite.mtimes(folders.output) == before)

        // `galley config` prints every key with its value; the text is a config that reads back the same.
        let configText = try await Self.output(binary, ["config", "--config", folders.arguments()[2]])
        let printed = folders.root.appendingPathComponent("printed.yml")
        try Data(configText.utf8).write(to: printed)
        #expect(try ConfigLoader.load(printed, required: true) == (try ConfigLoader.load(URL(fileURLWithPath: folders.arguments()[2]), required: true)))
        #expect(configText.contains("\nitems_per_page: ") && configText.contains("\nundated: publish\n"), "\(configText)")
    }

    /// A command's standard output (it must exit 0).
    static func output(_ binary: URL, _ arguments: [String]) async throws -> String {
        let run = try await ChildProcess.capture(binary, arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return run.stdout
    }

    /// `--search` runs pagefind (on the PATH, or PyPI's pagefind-bin) over the site: every
    /// article indexed, tag and region as filters, the publication date as a sort. Skipped
    /// when pagefind is not installed.
    @Test func searchIndexesEveryArticleWithTagAndRegionFilters() async throws {
        let probe = await BrokenInputTests.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-m", "pagefind_bin", "--version"], timeout: 60)
        let onPath = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/pagefind") }
        guard probe.status == 0 || onPath else {
            print("skipped: pagefind is not installed (pip install pagefind-bin)")
            return
        }
        let folders = try makeFolders("cron-search", count: 12)
        defer { try? FileManager.default.removeItem(at: folders.root) }
        let run = try await BrokenInputTests.run(galley(), folders.arguments(["--search"]), timeout: 120)
        #expect(run.status == 0, "\(run.stderr)")
        let entry = try Data(contentsOf: folders.output.appendingPathComponent("pagefind/pagefind-entry.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: entry) as? [String: Any])
        let languages = try #require(json["languages"] as? [String: [String: Any]])
        #expect(languages.values.map { $0["page_count"] as? Int ?? 0 }.reduce(0, +) == 12)
        let filters = try FileManager.default.contentsOfDirectory(atPath: folders.output.appendingPathComponent("pagefind/filter").path)
        #expect(!filters.isEmpty)
        let article = try #require(RepositoryPaths.files(in: folders.output).first { $0.hasPrefix("2020/") && $0.split(separator: "/").count == 4 })
        let html = try String(contentsOf: folders.output.appendingPathComponent(article), encoding: .utf8)
        for marker in ["data-pagefind-body", #"data-pagefind-filter="tag""#, #"data-pagefind-filter="region""#, "data-pagefind-sort"] {
            #expect(html.contains(marker), "\(marker) in \(article)")
        }
    }

    // MARK: Helpers

    /// Changes a tenth of the articles (new bodies, some new titles) so a build has work to be
    /// interrupted in; the first one also gets a new tag, so that every round goes through every
    /// phase (edits of bodies and titles alone may be made from the build state, which is faster
    /// and would make the rounds' lengths differ from the one measured unkilled).
    func changeArticles(in folders: Folders, round: Int, random: inout SeededRandom) throws {
        for number in 0..<40 {
            let index = random.below(400)
            var text = SyntheticSite.article(index, salt: "putaran \(round)", title: random.below(10) == 0 ? "Judul \(round)-\(index)" : nil)
            if number == 0 { text = text.replacingOccurrences(of: "tags: [", with: "tags: [Putaran \(round), ") }
            try Data(text.utf8).write(to: SyntheticSite.url(index, in: folders.content))
        }
    }

    /// Starts a build and sends SIGKILL after `delay` seconds; true when it was still running.
    /// The same for a content folder that is one WARC a crawler keeps appending to: builds killed
    /// while streaming it leave no partial file, and the next one ends where a clean build does.
    @Test func buildsKilledWhileReadingAGrowingWARCConverge() async throws {
        let folders = Folders(root: RepositoryPaths.temporaryFolder("cron-kill-warc"))
        defer { try? FileManager.default.removeItem(at: folders.root) }
        try FileManager.default.createDirectory(at: folders.content, withIntermediateDirectories: true)
        let warc = folders.content.appendingPathComponent("crawl.warc.gz")
        func records(_ range: Range<Int>) -> Data {
            Data(range.flatMap { index in
                WARCWriter.gzip(WARCWriter.response(uri: "https://news.example.org/2026/10/berita-\(index).html", date: "2026-10-20T07:00:00Z",
                                                    body: ArchiveBuildTests.article("Berita nomor \(index) dari arsip", day: 1 + index % 28)))
            })
        }
        try records(0..<150).write(to: warc)
        let binary = try galley()
        let full = await BrokenInputTests.run(binary, folders.arguments(["--full"]), timeout: 300)
        #expect(full.status == 0, "\(full.stderr)")
        var random = SeededRandom(seed: 1015)
        var killedMidway = 0
        // Delays are drawn below how long a build of the same kind took. An incremental build
        // is faster than the measured full one, and a busy machine can slow the measured build
        // more than the later ones: a build that finishes before its kill lowers the bound for
        // its kind to that delay, so that most builds are still killed midway.
        var bounds = [true: max(full.seconds, 0.05), false: max(full.seconds, 0.05)]
        for round in 0..<6 {
            let handle = try FileHandle(forWritingTo: warc)
            try handle.seekToEnd()
            try handle.write(contentsOf: records((150 + round * 10)..<(160 + round * 10)))
            try handle.close()
            let isFull = round % 2 == 0
            let delay = Double(random.below(Int((bounds[isFull] ?? 0.05) * 1000))) / 1000
            if try await runAndKill(binary, folders.arguments(isFull ? ["--full"] : []), after: delay) {
                killedMidway += 1
            } else {
                bounds[isFull] = max(delay, 0.05)
            }
            #expect(Self.partialFiles(in: folders.output).isEmpty, "round \(round): \(Self.partialFiles(in: folders.output))")
        }
        #expect(killedMidway >= 3, "most builds were killed before they finished")
        let built = try await expectNextBuildMatchesACleanOne(folders, binary: binary)
        #expect(built.keys.contains { $0.contains("berita-nomor-209-dari-arsip") }, "the last appended record is published")
    }

    /// The same while images are being made and written: the example's iNews pages with the
    /// images their scrape has, each round at another `images.quality` (so every image file is
    /// made and written again), killed at random moments; the last two rounds keep the quality
    /// of the one before, so that they start from the image records (`scraped_images`) a killed
    /// build saved before its files were all written.
    @Test func buildsKilledWhileMakingImagesLeaveNoPartialImage() async throws {
        let folders = Folders(root: RepositoryPaths.temporaryFolder("cron-kill-images"))
        defer { try? FileManager.default.removeItem(at: folders.root) }
        try FileManager.default.createDirectory(at: folders.content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: RepositoryPaths.content.appendingPathComponent("inews"), to: folders.content.appendingPathComponent("inews"))
        let binary = try galley()
        let full = await BrokenInputTests.run(binary, folders.arguments(["--full"]), timeout: 300)
        #expect(full.status == 0, "\(full.stderr)")
        let media = RepositoryPaths.files(in: folders.output).filter { $0.hasPrefix("media/") }
        #expect(media.count > 40, "\(media.count) image files")
        var random = SeededRandom(seed: 16)
        var killedMidway = 0
        let config = folders.root.appendingPathComponent("galley.yml")
        let base = try String(contentsOf: RepositoryPaths.config, encoding: .utf8)
        // Delays are drawn below the first build's duration; a round reuses that build's
        // extraction and is faster, so a round that finishes before its kill lowers the bound
        // to its delay (as the archive test does).
        var bound = max(full.seconds, 0.05)
        for round in 0..<8 {
            try (base + "\nimages:\n  quality: \(70 + min(round, 5))\n").write(to: config, atomically: true, encoding: .utf8)
            var arguments = folders.arguments()
            arguments[2] = config.path
            let delay = Double(random.below(Int(bound * 1000))) / 1000
            if try await runAndKill(binary, arguments, after: delay) {
                killedMidway += 1
            } else {
                bound = max(delay, 0.05)
            }
            #expect(Self.partialFiles(in: folders.output).isEmpty, "round \(round): \(Self.partialFiles(in: folders.output))")
        }
        #expect(killedMidway >= 3, "most builds were killed before they finished")
        let built = try await expectNextBuildMatchesACleanOne(folders, binary: binary)
        #expect(built.keys.filter { $0.hasPrefix("media/") }.count == media.count)
    }

    func runAndKill(_ binary: URL, _ arguments: [String], after delay: Double) async throws -> Bool {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let child = try ChildProcess(starting: process)
        try await Task.sleep(for: .seconds(delay))
        let running = child.isRunning
        if running { child.kill() }
        await child.end()
        return running && child.endedBySignal
    }

    /// Whether an image file is whole by its format's own ending: JPEG's end-of-image marker,
    /// PNG's `IEND` chunk, WebP's RIFF size (other files: true).
    static func isWholeImage(_ path: String, _ bytes: [UInt8]) -> Bool {
        if path.hasSuffix(".jpg") { return bytes.suffix(2) == [0xFF, 0xD9] }
        if path.hasSuffix(".png") { return bytes.count > 12 && Array(bytes[(bytes.count - 8)..<(bytes.count - 4)]) == Array("IEND".utf8) }
        if path.hasSuffix(".webp") {
            guard bytes.count > 12 else { return false }
            let size = (4..<8).reduce(0) { $0 | Int(bytes[$1]) << (8 * ($1 - 4)) }
            return size + 8 == bytes.count
        }
        return true
    }

    /// Files that are not whole: HTML not ending in `</html>`, XML not ending in `>`, images
    /// cut short, empty files, and temporary files.
    static func partialFiles(in folder: URL) -> [String] {
        RepositoryPaths.files(in: folder).filter { path in
            if path.contains(".tmp") { return true }
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path), !data.isEmpty else { return true }
            let tail = String(decoding: data.suffix(16), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if path.hasSuffix(".html") { return !tail.hasSuffix("</html>") }
            if path.hasSuffix(".xml") { return !tail.hasSuffix(">") }
            return !isWholeImage(path, Array(data))
        }
    }
}
