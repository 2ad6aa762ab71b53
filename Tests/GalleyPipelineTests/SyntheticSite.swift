import Foundation
import GalleyCore
@testable import GalleyPipeline

/// A small generated site of Markdown articles for the incremental and cron tests: stable
/// dates in 2020 (outside the news sitemap's window, so the build's clock does not matter),
/// tags from a pool of eight, five regions.
enum SyntheticSite {
    static let tags = ["Banjir", "Ekonomi", "Pendidikan", "Kesehatan", "Politik", "Olahraga", "Budaya", "Teknologi"]
    static let regions = ["Jakarta", "Surabaya", "Medan", "Makassar", "Bandung"]

    /// Writes `count` articles `a0000.md`… into `folder`, dated a minute ago (files modified
    /// within the last two seconds are racy: a build re-reads them rather than trust their mtime).
    static func write(to folder: URL, count: Int, salt: String = "") throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            let url = url(index, in: folder)
            try Data(article(index, salt: salt).utf8).write(to: url)
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: url.path)
        }
    }

    static func url(_ index: Int, in folder: URL) -> URL {
        folder.appendingPathComponent(String(format: "a%04d.md", index))
    }

    static func article(_ index: Int, salt: String = "", title: String? = nil) -> String {
        let day = 1 + index % 28, month = 1 + (index / 28) % 12, hour = index % 24
        let tagList = (0..<(1 + index % 3)).map { tags[(index + $0 * 3) % tags.count] }
        return """
        ---
        title: "\(title ?? "Berita nomor \(index) tentang \(tagList[0])")"
        date: 2020-\(String(format: "%02d-%02dT%02d", month, day, hour)):15:00+07:00
        tags: [\(tagList.joined(separator: ", "))]
        region: \(regions[index % regions.count])
        summary: "Ringkasan berita \(index)."
        lang: id
        ---

        Paragraf pertama berita \(index) \(salt). Warga kota \(regions[index % regions.count]) membicarakannya.

        Paragraf kedua dengan [tautan](https://example.org/\(index)) dan **huruf tebal**.

        """
    }

    /// Every file under `folder` (relative path → bytes), without hidden ones.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in RepositoryPaths.files(in: folder) where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return files
    }

    /// Modification times of every file under `folder`.
    static func mtimes(_ folder: URL) -> [String: Int64] {
        var times: [String: Int64] = [:]
        for path in RepositoryPaths.files(in: folder) {
            times[path] = FileStamp.of(path: folder.appendingPathComponent(path).path)?.modified ?? -1
        }
        return times
    }
}
