import Foundation
import Testing

/// `galley extract --format json`: one valid JSON object per line, whatever the page's text.
@Suite struct ExtractCommandTests {
    /// Quotes, backslashes and U+2028/U+2029 in the title and body come back exactly
    /// from the JSON line; the line terminators are written escaped, so a line is one line.
    @Test func awkwardTextSurvivesTheJSONLine() throws {
        let binary = try #require(BrokenInputTests.galleyBinary(), "the galley executable is built beside the tests")
        let folder = RepositoryPaths.temporaryFolder("extract-json")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let title = #"Warga "Kali Bersih" di C:\Jakarta"#
        let sentence = "Relawan menulis \"tetap bersih\" di papan\tdan garis \\n miring\u{2028}baris baru\u{2029}paragraf baru selesai."
        let body = (0..<6).map { _ in "<p>\(sentence) Sungai di bantaran timur kota dibersihkan bersama warga setiap pekan.</p>" }.joined()
        let page = "<html lang=\"id\"><head><title>\(title)</title><meta property=\"article:published_time\" content=\"2026-09-21T09:00:00+07:00\">"
            + "</head><body><article><h1>\(title)</h1>\(body)</article></body></html>"
        let path = folder.appendingPathComponent("halaman.html")
        try Data(page.utf8).write(to: path)
        let config = folder.appendingPathComponent("galley.yml")
        try Data("base_url: https://news.example.org/\n".utf8).write(to: config)
        let (status, output) = try UndatedPageTests.run(binary, ["extract", "--config", config.path, path.path])
        #expect(status == 0)
        let lines = output.split(separator: "\n")
        try #require(lines.count == 1)
        #expect(!output.unicodeScalars.contains("\u{2028}") && !output.unicodeScalars.contains("\u{2029}"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["title"] as? String == title)
        // The tab is collapsed to a space, as a browser shows it; everything else is kept.
        let shown = sentence.replacingOccurrences(of: "\t", with: " ")
        #expect((object["text"] as? String)?.contains(shown) == true)
    }
}
