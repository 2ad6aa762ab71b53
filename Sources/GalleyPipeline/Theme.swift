import Foundation
import GalleyCore

/// The templates folder read from disk: Mustache sources by name and static assets.
public struct Theme: Sendable {
    /// `partials/header` → template text.
    public var templates: [String: String]
    /// Files under `static/`, as output files (`static/galley.css`).
    public var assets: [RenderedPage]
    /// The folder it came from (for error messages).
    public var folder: String

    /// Reads every `*.mustache` (names relative to the folder, without extension) and every
    /// file under `static/`.
    public static func load(from folder: URL) throws(GalleyError) -> Theme {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw GalleyError(.render, source: folder.path, reason: "the templates folder does not exist")
        }
        let root = folder.standardizedFileURL
        var templates: [String: String] = [:]
        var assets: [RenderedPage] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = ContentDiscovery.relativePath(of: url, in: root)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw GalleyError(.render, source: url.path, reason: "cannot read the template file")
            }
            if relative.hasPrefix("static/") {
                assets.append(RenderedPage(path: relative, bytes: [UInt8](data)))
            } else if url.pathExtension == "mustache" {
                templates[String(relative.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
            }
        }
        return Theme(templates: templates, assets: assets.sorted { $0.path < $1.path }, folder: folder.path)
    }
}
