import Foundation
import GalleyCore
import GalleyTestSupport
@testable import GalleySite
import Testing

/// `OutputSession`: pages written one at a time from several threads, as a build writes each
/// page as soon as it is rendered.
@Suite struct OutputSessionTests {
    /// 600 pages in 60 shared folders, written from two threads in any order, all land with
    /// their bytes; a second session over the same pages finds every one unchanged (mtimes kept).
    @Test func pagesWrittenFromTwoThreadsAllLandOnce() throws {
        let folder = TemporaryFolder.make("session")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = (0..<600).map { RenderedPage(path: "2026/\($0 % 60)/page-\($0)/index.html", text: "<p>\($0)</p>") }
        let first = try OutputSession(writer: OutputWriter(outputFolder: folder))
        let written = parallelMap(pages, jobs: 2) { page in (try? first.write(page))?.written }
        #expect(written.allSatisfy { $0 == true })
        for page in pages {
            #expect((try? Data(contentsOf: folder.appendingPathComponent(page.path))) == Data(page.bytes))
        }
        let before = FileStamp.of(path: folder.path + "/" + pages[7].path)
        let second = try OutputSession(writer: OutputWriter(outputFolder: folder))
        let again = parallelMap(pages, jobs: 2) { page in (try? second.write(page))?.written }
        #expect(again.allSatisfy { $0 == false })
        #expect(FileStamp.of(path: folder.path + "/" + pages[7].path) == before)
    }

    /// Files in folders the session makes are written without looking for an old file first:
    /// each lands whole with the stamp the file system gives it, two to a folder.
    @Test func filesInNewFoldersLandWithTheirStamps() throws {
        let folder = TemporaryFolder.make("session")
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try OutputSession(writer: OutputWriter(outputFolder: folder))
        for path in ["new/a/index.html", "new/a/feed.xml", "new/b/index.html"] {
            let outcome = try session.write(RenderedPage(path: path, text: "<p>\(path)</p>"))
            #expect(outcome.written)
            #expect(outcome.stamp == FileStamp.of(path: folder.path + "/" + path))
            #expect((try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)) == "<p>\(path)</p>")
        }
    }

    /// A page's own folder is not remembered (one folder per article): another file there is
    /// checked again, so a folder replaced by a link leading out since the page was written is
    /// refused, and a real one takes the file.
    @Test func aPageFolderIsCheckedAgainForAnotherFile() throws {
        let folder = TemporaryFolder.make("session")
        let outside = TemporaryFolder.make("session")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        let session = try OutputSession(writer: OutputWriter(outputFolder: folder))
        _ = try session.write(RenderedPage(path: "2026/01/a/index.html", text: "A"))
        _ = try session.write(RenderedPage(path: "2026/01/b/index.html", text: "B"))
        try FileManager.default.removeItem(atPath: folder.path + "/2026/01/a")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/2026/01/a", withDestinationPath: outside.path)
        #expect(throws: GalleyError.self) { try session.write(RenderedPage(path: "2026/01/a/feed.xml", text: "x")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        let outcome = try session.write(RenderedPage(path: "2026/01/b/feed.xml", text: "<feed/>"))
        #expect(outcome.written && outcome.stamp == FileStamp.of(path: folder.path + "/2026/01/b/feed.xml"))
    }

    /// Told its target is new when a file appeared there meanwhile (another program), the
    /// writer still replaces it whole instead of failing or leaving the old bytes.
    @Test func aFileThatAppearedAtANewTargetIsReplaced() throws {
        let folder = TemporaryFolder.make("session")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("someone else's".utf8).write(to: folder.appendingPathComponent("page.html"))
        let outcome = try OutputWriter.writeIfChanged(RenderedPage(path: "page.html", text: "ours"), in: folder.path, staging: nil, targetIsNew: true)
        #expect(outcome.written)
        #expect((try? String(contentsOf: folder.appendingPathComponent("page.html"), encoding: .utf8)) == "ours")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["page.html"], "no temporary file left behind")
    }

    /// One session never writes a path twice, refuses paths that could leave the folder, and
    /// never removes a file it wrote even when told it is stale.
    @Test func refusesDuplicatesAndEscapesAndKeepsWhatItWrote() throws {
        let folder = TemporaryFolder.make("session")
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try OutputSession(writer: OutputWriter(outputFolder: folder))
        _ = try session.write(RenderedPage(path: "a/index.html", text: "A"))
        #expect(throws: GalleyError.self) { try session.write(RenderedPage(path: "a/index.html", text: "B")) }
        #expect(throws: GalleyError.self) { try session.write(RenderedPage(path: "../outside.html", text: "x")) }
        try Data("old".utf8).write(to: folder.appendingPathComponent("old.html"))
        #expect(session.remove(["a/index.html", "old.html"]) == ["old.html"])
        #expect((try? String(contentsOf: folder.appendingPathComponent("a/index.html"), encoding: .utf8)) == "A")
    }

    /// A folder that is a link leading out of the output is refused before anything is written
    /// through it.
    @Test func refusesAFolderLinkLeadingOut() throws {
        let folder = TemporaryFolder.make("session")
        let outside = TemporaryFolder.make("session")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/tags", withDestinationPath: outside.path)
        let session = try OutputSession(writer: OutputWriter(outputFolder: folder))
        #expect(throws: GalleyError.self) { try session.write(RenderedPage(path: "tags/x/index.html", text: "x")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }
}
