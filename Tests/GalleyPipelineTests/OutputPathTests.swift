import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing

/// Issue 8, goal 2: no write outside the output folder.
///
/// Titles, slugs, tags, regions and sections made of path syntax (`../../x`, absolute paths,
/// backslashes, `.`/`..`), device names (`con`, `nul`, `com4`), NUL bytes, 1,000-character names,
/// names that differ only by case or Unicode normalisation, colliding slugs and the site's own
/// folder names go through whole builds under several permalink patterns (one with `..`). After
/// each build: nothing outside the output folder changed, every output path is made of safe
/// segments, no two paths differ only by case, and every article has a page of its own.
@Suite(.serialized) struct OutputPathTests {
    static let fixedClock = Date(timeIntervalSince1970: 1_793_000_000) // 2026-10-26

    /// Names that must not become paths as they are. `ESCAPE` is replaced by a unique folder in /tmp
    /// whose existence after the build would prove an escape.
    static func hostileNames(escape: String) -> [(label: String, name: String)] {
        [
            ("dotdot", "../../x"), ("dotdot-deep", "../../../../../../..\(escape)/deep"), ("absolute", "\(escape)/absolute"),
            ("absolute-etc", "/etc/passwd"), ("windows-drive", "C:\\Windows\\System32\\drivers"), ("unc", "\\\\server\\share\\x"),
            ("con", "con"), ("con-upper", "CON"), ("nul", "nul"), ("aux", "aux"), ("prn", "prn"), ("com1", "com1"),
            ("com4", "com4"), ("com9", "COM9"), ("lpt9", "lpt9"), ("con-ext", "con.txt"), ("nul-ext", "NUL.html"),
            ("dot", "."), ("dotdot-only", ".."), ("dots", "..."), ("dots-slashes", "....//....//x"), ("nul-byte", "a\u{0}b"),
            ("long-ascii", String(repeating: "a", count: 1_000)), ("long-words", String(repeating: "kata ", count: 200)),
            ("long-accents", String(repeating: "é", count: 1_000)), ("long-cjk", String(repeating: "北京", count: 500)),
            ("case-1", "Banjir Jakarta"), ("case-2", "BANJIR JAKARTA"), ("case-3", "banjir jakarta"),
            ("nfc", "Caf\u{E9} Kota"), ("nfd", "Cafe\u{301} Kota"), ("slug-1", "Harga Cabai Naik!"), ("slug-2", "harga-cabai-naik"),
            ("slug-3", "Harga -- Cabai // Naik"), ("layout-tags", "tags"), ("layout-page", "page"), ("layout-index", "index"),
            ("layout-feed", "feed"), ("layout-static", "static"), ("layout-404", "404"), ("layout-regions", "regions"),
            ("layout-sitemap", "sitemap"), ("year", "2026"), ("month", "10"), ("index-html", "index.html"), ("feed-xml", "feed.xml"),
            ("manifest", ".galley-outputs"), ("htaccess", ".htaccess"), ("percent-dotdot", "%2e%2e%2f%2e%2e%2fx"),
            ("percent-slash", "..%2F..%2Fx"), ("tilde", "~"), ("tilde-root", "~root"), ("unicode-dots", "\u{2024}\u{2024}\u{FF0F}x"),
            ("rtl-override", "\u{202E}lmth.exe"), ("emoji", "🔥🔥"), ("ligature", "ﬁle"), ("dotted-i", "İstanbul"), ("eszett", "ß"),
            ("roman", "Ⅻ"), ("bom", "\u{FEFF}bom"), ("slash", "a/b"), ("backslash", "a\\b"), ("colon", "a:b"),
            ("windows-forbidden", "a*b?c\"<>|"), ("fullwidth-dotdot", "．．／．．／x"),
        ]
    }

    static let permalinks = [
        "/:year/:month/:slug/", "/:region/:section/:slug/", "/:year/:slug/", "/:slug/", "/:slug", "/:slug.html",
        "/../../:slug/", "/:section/../../../:slug/..", "/..\\..\\:slug/",
    ]

    @Test(arguments: permalinks) func hostileNamesLandInsideTheOutputUnderSafeDistinctNames(permalink: String) throws {
        let work = RepositoryPaths.temporaryFolder("paths")
        let escape = "/tmp/galley-escape-\(UUID().uuidString)"
        defer {
            try? FileManager.default.removeItem(at: work)
            try? FileManager.default.removeItem(atPath: escape)
        }
        let content = work.appendingPathComponent("content")
        let output = work.appendingPathComponent("deep/a/b/public")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        // Sentinels around the output folder: a build must leave them as they are.
        for sentinel in ["x", "deep/x", "deep/a/x", "deep/a/b/x", "deep/a/b/index.html", "deep/a/b/tags/index.html", "content-sibling/x"] {
            let url = work.appendingPathComponent(sentinel)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("sentinel \(sentinel)\n".utf8).write(to: url)
        }
        let config = work.appendingPathComponent("galley.yml")
        var yaml = try String(contentsOf: RepositoryPaths.config, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "permalink: /:year/:month/:slug/", with: "permalink: " + HostileCorpus.yamlString(permalink))
        #expect(yaml.contains("permalink: " + HostileCorpus.yamlString(permalink)))
        try Data(yaml.utf8).write(to: config)

        let (markers, sources) = try Self.writeContent(Self.hostileNames(escape: escape), into: content)
        let outside = Self.snapshot(work, excluding: Self.buildFolders(output))
        let options = BuildPipeline.Options(configFile: config, configRequired: true, contentFolder: content, outputFolder: output,
                                            templatesFolder: RepositoryPaths.templates, jobs: 4, now: Self.fixedClock)
        let report: BuildReport
        do {
            report = try BuildPipeline(options: options).run()
        } catch {
            #expect(Self.snapshot(work, excluding: Self.buildFolders(output)) == outside, "a failed build changed files outside the output")
            #expect(!FileManager.default.fileExists(atPath: escape))
            if error.stage == .config {
                // A config refusal (the `..` or `\` patterns) is a fine answer, if it names the key
                // and nothing was written.
                #expect(error.reason.hasPrefix("permalink "), "the config error names the key: \(error)")
                #expect(RepositoryPaths.files(in: output).isEmpty, "a refused config wrote into the output folder")
                print("permalink \(permalink): refused by the config check: \(error.reason)")
                return
            }
            // Content must never stop a build. (Found here and fixed: an article titled "2026" or
            // "10" under `/:slug/` or `/:year/:slug/` took the path of a date archive and the whole
            // build stopped with "two outputs want the same path" after writing part of the site;
            // a backslash in `permalink` passed SiteConfig.validated, so every article path held
            // `\`, which OutputWriter refused — the build stopped at the write phase (exit 3)
            // instead of a config error naming the key (exit 2, nothing touched).)
            let partial = RepositoryPaths.files(in: output).count
            Issue.record("permalink \(permalink): the build stopped after writing \(partial) files: \(error)")
            return
        }

        // A backslash is refused by the config check, naming the key (found here and fixed).
        #expect(!permalink.contains("\\"), "permalink \(permalink): a backslash was not refused by the config check")
        // Nothing outside the output folder changed; nothing was created at the absolute names.
        #expect(Self.snapshot(work, excluding: Self.buildFolders(output)) == outside, "files outside the output folder changed")
        #expect(!FileManager.default.fileExists(atPath: escape), "\(escape) was created")

        // Every output path is made of safe segments, and no two differ only by case.
        let files = RepositoryPaths.files(in: output)
        for file in files {
            // (Found here and fixed: com4–com9 and lpt4–lpt9 were not reserved.)
            if let problem = Self.pathProblem(file) {
                Issue.record("permalink \(permalink): unsafe output path \(HostileScanner.quoted(file)): \(problem)")
            }
        }
        let folded = Dictionary(grouping: files, by: { $0.lowercased() }).filter { $0.value.count > 1 }
        #expect(folded.isEmpty, "paths differing only by case: \(folded.values)")
        // Nothing is a symbolic link; every file is a regular file inside the folder.
        let root = output.resolvingSymlinksInPath().path + "/"
        for file in files {
            let resolved = output.appendingPathComponent(file).resolvingSymlinksInPath().path
            #expect(resolved.hasPrefix(root), "\(file) resolves outside the output folder: \(resolved)")
        }

        // Every article that was published has a page of its own (distinct names, nothing
        // overwritten), found by the marker in its body.
        var pageOfMarker: [String: [String]] = [:]
        for file in files where !HostileCorpus.isListPage(file) && !file.hasSuffix(".xml") && !file.hasPrefix("static/") {
            let text = (try? String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)) ?? ""
            for marker in Self.markers(in: text) { pageOfMarker[marker, default: []].append(file) }
        }
        let articlePages = Set(pageOfMarker.values.flatMap { $0 })
        #expect(articlePages.count == report.published, "\(report.published) published, \(articlePages.count) article pages")
        for (marker, pages) in pageOfMarker where pages.count > 1 {
            Issue.record("permalink \(permalink): \(markers[marker] ?? marker) appears on several article pages: \(pages)")
        }
        // Every Markdown article is published (they all have a title and a date); a scraped page
        // may be rejected by the extractor (an odd title, a NUL byte), never fail.
        var truncatedOverrides: [String] = []
        for marker in markers.keys.sorted() where pageOfMarker[marker] == nil {
            let problem = report.problems.first { $0.source == sources[marker] }
            if marker.hasSuffix("p"), problem?.kind == .rejected { continue }
            let overridden = report.overridden.first { $0.page == sources[marker] }
            if let overridden, (markers[marker] ?? "").hasPrefix("page long-") {
                truncatedOverrides.append("\(markers[marker] ?? marker) [\(sources[marker] ?? "")] by \(overridden.markdown)")
                continue
            }
            let why: String = problem.map { ": \($0)" } ?? overridden.map { ": overridden by \($0.markdown)" } ?? ""
            Issue.record("permalink \(permalink): \(markers[marker] ?? marker) [\(sources[marker] ?? "")] has no page\(why)")
        }
        // Slugs are cut at 80 characters: a Markdown article must not replace an unrelated page
        // whose title merely starts the same (fixed: ArticleIndex.isCorrection).
        if !truncatedOverrides.isEmpty {
            Issue.record("permalink \(permalink): \(truncatedOverrides.count) pages overridden by unrelated Markdown articles: \(truncatedOverrides)")
        }
        print("permalink \(permalink): \(report.published) published, \(report.problems.count) not, \(files.count) files, "
            + "\(Set(files.map { $0.split(separator: "/").first ?? "" }).count) top-level entries; no write outside")
    }

    /// Symbolic links in content/ are not followed out of it, at whole-build level.
    @Test func symlinksInContentAreNotFollowed() throws {
        let work = RepositoryPaths.temporaryFolder("symlinks")
        defer { try? FileManager.default.removeItem(at: work) }
        let manager = FileManager.default
        let content = work.appendingPathComponent("content")
        let outside = work.appendingPathComponent("outside")
        let output = work.appendingPathComponent("public")
        try manager.createDirectory(at: content.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try manager.createDirectory(at: outside.appendingPathComponent("nested"), withIntermediateDirectories: true)
        try Data(Self.markdown(title: "Artikel di dalam", slug: nil, term: "Dalam", marker: "opmark900t", index: 900).utf8)
            .write(to: content.appendingPathComponent("inside.md"))
        try Data(Self.markdown(title: "Rahasia di luar", slug: nil, term: "Luar", marker: "opmark901t", index: 901).utf8)
            .write(to: outside.appendingPathComponent("secret.md"))
        try Data(Self.page(title: "Halaman rahasia di luar", marker: "opmark902p", index: 902).utf8)
            .write(to: outside.appendingPathComponent("nested/secret.html"))
        try Data("{\"url\": \"https://kabar.example/rahasia\"}".utf8).write(to: outside.appendingPathComponent("nested/secret.json"))
        // Links: a folder, a file, a file under another name, a page with a sidecar that is a
        // link, a link to /etc/passwd named like an article, a loop and a dangling link.
        try manager.createSymbolicLink(at: content.appendingPathComponent("linked-folder"), withDestinationURL: outside)
        try manager.createSymbolicLink(at: content.appendingPathComponent("sub/linked.md"), withDestinationURL: outside.appendingPathComponent("secret.md"))
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("relative.md").path, withDestinationPath: "../outside/secret.md")
        try manager.createSymbolicLink(at: content.appendingPathComponent("passwd.md"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        try manager.createSymbolicLink(at: content.appendingPathComponent("page.html"), withDestinationURL: outside.appendingPathComponent("nested/secret.html"))
        try Data(Self.page(title: "Halaman di dalam dengan sidecar tautan", marker: "opmark903p", index: 903).utf8)
            .write(to: content.appendingPathComponent("inside.html"))
        try manager.createSymbolicLink(at: content.appendingPathComponent("inside.json"), withDestinationURL: outside.appendingPathComponent("nested/secret.json"))
        try manager.createSymbolicLink(at: content.appendingPathComponent("sub/loop"), withDestinationURL: content)
        try manager.createSymbolicLink(at: content.appendingPathComponent("dangling.md"), withDestinationURL: work.appendingPathComponent("nowhere.md"))
        let before = Self.snapshot(work, excluding: Self.buildFolders(output))

        let options = BuildPipeline.Options(configFile: RepositoryPaths.config, configRequired: true, contentFolder: content,
                                            outputFolder: output, templatesFolder: RepositoryPaths.templates, jobs: 2, now: Self.fixedClock)
        let report = try BuildPipeline(options: options).run()
        var all = ""
        for file in RepositoryPaths.files(in: output) {
            all += (try? String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)) ?? ""
        }
        #expect(all.contains("opmark900t"), "the article inside content/ is published")
        #expect(all.contains("opmark903p"), "the page inside content/ is published")
        for marker in ["opmark901t", "opmark902p"] { #expect(!all.contains(marker), "\(marker) from outside content/ was published") }
        #expect(!all.contains("root:"), "/etc/passwd was read")
        // A sidecar that is a link is skipped like any link (found here and fixed: discovery
        // checked it with FileManager.fileExists, which follows links, and SourceReader read it,
        // so `page.json -> /elsewhere/x.json` gave the page its url, fetch time and charset).
        #expect(!all.contains("kabar.example/rahasia"), "the linked sidecar content/inside.json -> outside/nested/secret.json was read")
        let sources = report.problems.compactMap(\.source) + report.overridden.map(\.page)
        #expect(!sources.contains { $0.contains("linked") || $0.contains("passwd") || $0.contains("loop") }, "\(sources)")
        #expect(report.pagesRead + report.markdownRead == 2, "only the two real files are read: \(report.pagesRead + report.markdownRead)")
        #expect(Self.snapshot(work, excluding: Self.buildFolders(output)) == before, "content/ or outside/ changed")
    }

    /// A sidecar that is a link is never used, even to a file inside content/, and a page or
    /// sidecar swapped for a link after discovery is refused when read, not followed.
    @Test func linksAreNotFollowedWhenReading() throws {
        let work = RepositoryPaths.temporaryFolder("symlink-reads")
        defer { try? FileManager.default.removeItem(at: work) }
        let manager = FileManager.default
        let content = work.appendingPathComponent("content")
        let outside = work.appendingPathComponent("outside")
        for folder in [content, outside] { try manager.createDirectory(at: folder, withIntermediateDirectories: true) }
        let page = Self.page(title: "Halaman dengan sidecar tautan dalam", marker: "opmark920p", index: 920)
        try Data(page.utf8).write(to: content.appendingPathComponent("a.html"))
        try Data("{\"url\": \"https://kabar.example/dalam\"}".utf8).write(to: content.appendingPathComponent("real.json"))
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("a.json").path, withDestinationPath: "real.json")
        try Data(page.utf8).write(to: content.appendingPathComponent("b.html"))
        try Data("{\"url\": \"https://kabar.example/b\"}".utf8).write(to: content.appendingPathComponent("b.json"))
        try Data(Self.page(title: "Halaman rahasia di luar", marker: "opmark921p", index: 921).utf8).write(to: outside.appendingPathComponent("secret.html"))
        try Data("{\"url\": \"https://kabar.example/rahasia\"}".utf8).write(to: outside.appendingPathComponent("secret.json"))

        let files = try ContentDiscovery.discover(in: content)
        #expect(files.map(\.path) == ["a.html", "b.html"])
        #expect(files.first { $0.path == "a.html" }?.sidecar == nil, "a sidecar that is a link is not used")
        #expect(files.first { $0.path == "b.html" }?.sidecar != nil)

        // After discovery, the page and the sidecar are swapped for links to outside/.
        let processor = PageProcessor(config: SiteConfig())
        let b = try #require(files.first { $0.path == "b.html" })
        try manager.removeItem(at: content.appendingPathComponent("b.json"))
        try manager.createSymbolicLink(at: content.appendingPathComponent("b.json"), withDestinationURL: outside.appendingPathComponent("secret.json"))
        let linkedSidecar = processor.process(b)
        #expect(throws: GalleyError.self) { try linkedSidecar.document.get() }
        #expect(linkedSidecar.fetched == nil && linkedSidecar.extracted == nil)
        try manager.removeItem(at: content.appendingPathComponent("b.html"))
        try manager.createSymbolicLink(at: content.appendingPathComponent("b.html"), withDestinationURL: outside.appendingPathComponent("secret.html"))
        let linkedPage = processor.process(b)
        #expect(linkedPage.extracted == nil)
        if case .failure(let error) = linkedPage.document {
            #expect(error.stage == .read && error.reason.contains("symbolic link"), "\(error)")
        } else {
            Issue.record("a page swapped for a link after discovery was read through the link")
        }
    }

    /// A link inside the output folder that leads out of it is not written through; a tampered
    /// list of the last build's outputs cannot make the pruning step delete files outside.
    @Test func linksAndManifestsInTheOutputFolderCannotLeadOutside() throws {
        let work = RepositoryPaths.temporaryFolder("output-links")
        defer { try? FileManager.default.removeItem(at: work) }
        let manager = FileManager.default
        let content = work.appendingPathComponent("content")
        let outside = work.appendingPathComponent("outside")
        let output = work.appendingPathComponent("public")
        for folder in [content, outside, output] { try manager.createDirectory(at: folder, withIntermediateDirectories: true) }
        try Data(Self.markdown(title: "Artikel biasa", slug: nil, term: "Biasa", marker: "opmark910t", index: 910).utf8)
            .write(to: content.appendingPathComponent("a.md"))
        for victim in ["victim.txt", "index.html", "2026/10/artikel-biasa/index.html"] {
            let url = outside.appendingPathComponent(victim)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("victim\n".utf8).write(to: url)
        }
        let before = Self.snapshot(outside, excluding: [])
        let options = BuildPipeline.Options(configFile: RepositoryPaths.config, configRequired: true, contentFolder: content,
                                            outputFolder: output, templatesFolder: RepositoryPaths.templates, jobs: 2, now: Self.fixedClock)

        // 1. A manifest naming files outside (by `..`, by absolute path, through a link).
        try manager.createSymbolicLink(at: output.appendingPathComponent("escape"), withDestinationURL: outside)
        let manifest = ["../outside/victim.txt", outside.appendingPathComponent("victim.txt").path, "escape/victim.txt",
                        "escape/index.html", "./../outside/victim.txt", "escape/../../outside/victim.txt"].joined(separator: "\n") + "\n"
        // Both lists a build prunes by: the build state's outputs table and the legacy
        // `.galley-outputs` of older versions in the output folder.
        try Data(manifest.utf8).write(to: output.appendingPathComponent(".galley-outputs"))
        let tampered = Set(manifest.split(separator: "\n").map(String.init))
        try BuildStateStore(url: BuildState(output: output, cache: nil).database).beginWriting(tampered, known: [], renderInputsKey: "")
        do {
            _ = try BuildPipeline(options: options).run()
        } catch {
            Issue.record("a tampered manifest stopped the build: \(error)")
        }
        let afterPrune = Self.snapshot(outside, excluding: [])
        // (Found here and fixed: pruning removed manifest paths that passed isSafeRelativePath
        // without resolving links, so "escape/victim.txt" deleted a file outside.)
        #expect(afterPrune == before, "pruning a tampered manifest deleted files outside the output folder: \(Set(before.keys).subtracting(afterPrune.keys).sorted())")
        try? manager.removeItem(at: output.appendingPathComponent("escape"))

        // 2. A folder of the site layout that is a link to outside: the build must not write through it.
        for victim in ["victim.txt", "index.html", "2026/10/artikel-biasa/index.html"] where !manager.fileExists(atPath: outside.appendingPathComponent(victim).path) {
            try Data("victim\n".utf8).write(to: outside.appendingPathComponent(victim))
        }
        let beforeLink = Self.snapshot(outside, excluding: [])
        try? manager.removeItem(at: output.appendingPathComponent("2026"))
        try manager.createSymbolicLink(at: output.appendingPathComponent("2026"), withDestinationURL: outside.appendingPathComponent("2026"))
        do {
            _ = try BuildPipeline(options: options).run()
            Issue.record("a build wrote through a link in the output folder without complaint")
        } catch {
            #expect(error.stage == .write, "\(error)")
        }
        #expect(Self.snapshot(outside, excluding: []) == beforeLink, "a file outside the output folder changed")
    }

    // MARK: Helpers

    /// Three sources per name into an emptied content folder: a Markdown article titled with the
    /// name (and the name as tag, region and section), one with the name as its explicit slug,
    /// and a scraped page with the name in its title, keywords, place and section.
    static func writeContent(_ names: [(label: String, name: String)], into content: URL) throws -> (markers: [String: String], sources: [String: String]) {
        try? FileManager.default.removeItem(at: content)
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        var markers: [String: String] = [:]
        var sources: [String: String] = [:]
        for (index, entry) in names.enumerated() {
            let titled = String(format: "opmark%03dt", index)
            let slugged = String(format: "opmark%03ds", index)
            let paged = String(format: "opmark%03dp", index)
            markers[titled] = "title \(entry.label)"
            markers[slugged] = "slug \(entry.label)"
            markers[paged] = "page \(entry.label)"
            sources[titled] = String(format: "t%03d.md", index)
            sources[slugged] = String(format: "s%03d.md", index)
            sources[paged] = String(format: "p%03d.html", index)
            try Data(markdown(title: entry.name, slug: nil, term: entry.name, marker: titled, index: index).utf8)
                .write(to: content.appendingPathComponent(sources[titled]!))
            try Data(markdown(title: "Artikel uji jalur \(index)", slug: entry.name, term: "Uji Jalur", marker: slugged, index: index).utf8)
                .write(to: content.appendingPathComponent(sources[slugged]!))
            // The page's title has a suffix: a Markdown file overrides the page whose slug it shares.
            try Data(page(title: entry.name + " laporan", term: entry.name, marker: paged, index: index).utf8)
                .write(to: content.appendingPathComponent(sources[paged]!))
        }
        return (markers, sources)
    }

    static func markdown(title: String, slug: String?, term: String, marker: String, index: Int) -> String {
        var lines = [
            "---",
            "title: " + HostileCorpus.yamlString(title),
            "date: " + HostileCorpus.date(index % 600),
            "tags: [" + HostileCorpus.yamlString(term) + ", Uji]",
            "region: " + HostileCorpus.yamlString(term),
            "section: " + HostileCorpus.yamlString(term),
        ]
        if let slug { lines.append("slug: " + HostileCorpus.yamlString(slug)) }
        lines += ["---", "", HostileCorpus.paragraphs[0], "", HostileCorpus.paragraphs[1] + " Kode \(marker).", ""]
        return lines.joined(separator: "\n")
    }

    /// The output folder and the build's own state beside it (`.galley/`: lock, `state.sqlite`),
    /// which a build may change; nothing else around them.
    static func buildFolders(_ output: URL) -> [String] {
        [output.path, output.deletingLastPathComponent().appendingPathComponent(".galley").path]
    }

    /// A scraped page. Its last paragraph is its own (numbered words), so that no two pages are
    /// the same story to the duplicate filter: every page must be built under its own name.
    static func page(title: String, term: String? = nil, marker: String, index: Int) -> String {
        let value = HostileCorpus.escaped(title)
        let term = HostileCorpus.escaped(term ?? title)
        let own = (0..<40).map { "catatan\(index)k\($0)" }.joined(separator: " ")
        return """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>\(value)</title>
        <meta property="og:title" content="\(value)"><meta property="og:type" content="article">
        <meta property="article:published_time" content="\(HostileCorpus.date(index % 600))">
        <meta name="keywords" content="\(term), Uji"><meta name="geo.placename" content="\(term)">
        <meta property="article:section" content="\(term)"></head>
        <body><article><h1>\(value)</h1>
        <p>\(HostileCorpus.paragraphs[0])</p><p>\(HostileCorpus.paragraphs[1])</p>
        <p>\(HostileCorpus.paragraphs[2]) Kode \(marker).</p><p>\(own).</p></article></body></html>
        """
    }

    static func markers(in text: String) -> Set<String> {
        var found = Set<String>()
        var rest = text[...]
        while let range = rest.range(of: "opmark") {
            let tail = rest[range.upperBound...].prefix(4)
            if tail.count == 4, tail.prefix(3).allSatisfy(\.isNumber), "tsp".contains(tail.last!) { found.insert("opmark" + tail) }
            rest = rest[range.upperBound...]
        }
        return found
    }

    static let windowsDevices: Set<String> = Set(["con", "prn", "aux", "nul", "conin$", "conout$"] + (0...9).map { "com\($0)" } + (0...9).map { "lpt\($0)" })

    /// Why a relative output path is unsafe, or nil.
    static func pathProblem(_ path: String) -> String? {
        guard !path.hasPrefix("/"), path.utf8.count < 1_024 else { return "absolute or too long" }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty || segment == "." || segment == ".." { return "segment \"\(segment)\"" }
            if segment.utf8.count > 255 { return "segment of \(segment.utf8.count) bytes" }
            if segment.range(of: #"^[A-Za-z0-9_.-]+$"#, options: .regularExpression) == nil { return "segment \(HostileScanner.quoted(String(segment)))" }
            if segment.hasPrefix("."), path != ".galley-outputs" { return "hidden segment \"\(segment)\"" }
            let stem = segment.split(separator: ".").first.map { $0.lowercased() } ?? ""
            if windowsDevices.contains(stem) { return "Windows device name \"\(segment)\"" }
            if segment.hasSuffix(".") || segment.hasSuffix(" ") { return "segment ending in a dot" }
        }
        return nil
    }

    /// Every file below `folder` (except under `excluding`) with its bytes; links as their target.
    static func snapshot(_ folder: URL, excluding: [String]) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
        while let relative = enumerator.nextObject() as? String {
            let full = base + "/" + relative
            if excluding.contains(where: { full == $0 || full.hasPrefix($0 + "/") }) {
                enumerator.skipDescendants()
                continue
            }
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                result[relative] = Data(("link → " + target).utf8)
                enumerator.skipDescendants()
            } else if let data = FileManager.default.contents(atPath: full) {
                result[relative] = data
            }
        }
        return result
    }
}
