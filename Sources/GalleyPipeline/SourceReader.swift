import Foundation
import GalleyCore

/// Reads one source file from disk: bytes (gunzipped), sidecar, or Markdown text.
enum SourceReader {
    /// Pages larger than this are refused before parsing.
    static let maximumPageBytes = 64 * 1024 * 1024

    static func page(_ file: SourceFile) throws(GalleyError) -> SourcePage {
        var bytes = try read(file.url, source: file.path)
        if case .page(gzipped: true) = file.kind { bytes = try GzipDecoder.decompress(bytes, source: file.path) }
        guard bytes.count <= maximumPageBytes else {
            throw GalleyError(.read, source: file.path, reason: "page is larger than \(maximumPageBytes / 1_048_576) MB")
        }
        return SourcePage(path: file.path, bytes: bytes, sidecar: try file.sidecar.map { url throws(GalleyError) in try sidecar(url, page: file.path) })
    }

    static func markdown(_ file: SourceFile) throws(GalleyError) -> String {
        let bytes = try read(file.url, source: file.path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw GalleyError(.read, source: file.path, reason: "a Markdown file must be UTF-8")
        }
        return text
    }

    static func sidecar(_ url: URL, page: String) throws(GalleyError) -> SourceSidecar {
        let bytes = try read(url, source: page)
        do {
            return try JSONDecoder().decode(SourceSidecar.self, from: Data(bytes))
        } catch {
            throw GalleyError(.read, source: page, reason: "sidecar \(url.lastPathComponent) is not valid JSON of the documented shape")
        }
    }

    static func read(_ url: URL, source: String) throws(GalleyError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw GalleyError(.read, source: source, reason: "cannot read the file")
        }
        return [UInt8](data)
    }
}
