import Foundation
import GalleyCore
import GalleyRender
import Yams

/// The templates folder read from disk: Mustache sources by name and static assets.
public struct Theme: Sendable {
    /// `partials/header` → template text.
    public var templates: [String: String]
    /// Files under `static/`, as output files (`static/galley.css`).
    public var assets: [RenderedPage]
    /// The folder it came from (for error messages).
    public var folder: String
    /// UI words by language, from `strings/<language>.yml`.
    public var strings: [String: StringTable] = [:]

    /// The default theme with a site's own folder laid over it: a file of `overrides` replaces
    /// the theme's file of the same relative path (template, strings file or static asset);
    /// everything else stays the theme's.
    public static func load(from folder: URL, overrides: URL?) throws(GalleyError) -> Theme {
        var theme = try load(from: folder)
        guard let overrides else { return theme }
        let site = try load(from: overrides)
        theme.templates.merge(site.templates) { _, own in own }
        theme.strings.merge(site.strings) { _, own in own }
        var assets = Dictionary(theme.assets.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for asset in site.assets { assets[asset.path] = asset }
        theme.assets = assets.values.sorted { $0.path < $1.path }
        theme.folder = overrides.path
        return theme
    }

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
        var strings: [String: StringTable] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = ContentDiscovery.relativePath(of: url, in: root)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw GalleyError(.render, source: url.path, reason: "cannot read the template file")
            }
            if relative.hasPrefix("static/") {
                assets.append(RenderedPage(path: relative, bytes: [UInt8](data)))
            } else if relative.hasPrefix("strings/"), url.pathExtension == "yml" || url.pathExtension == "yaml" {
                strings[url.deletingPathExtension().lastPathComponent.lowercased()] = try stringTable(data, source: url.path)
            } else if url.pathExtension == "mustache" {
                templates[String(relative.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
            }
        }
        return Theme(templates: templates, assets: assets.sorted { $0.path < $1.path }, folder: folder.path, strings: strings)
    }

    /// A strings file: `key: text` pairs plus `months` (12) and `weekdays` (7, Sunday first).
    static func stringTable(_ data: Data, source: String) throws(GalleyError) -> StringTable {
        let node: Node?
        do {
            node = try Yams.compose(yaml: String(decoding: data, as: UTF8.self))
        } catch {
            throw GalleyError(.render, source: source, reason: "strings file is not valid YAML")
        }
        guard let mapping = node?.mapping else { throw GalleyError(.render, source: source, reason: "strings file must map keys to texts") }
        var words: [String: String] = [:]
        var months: [String] = []
        var weekdays: [String] = []
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            switch name {
            case "months": months = value.sequence?.compactMap(\.string) ?? []
            case "weekdays": weekdays = value.sequence?.compactMap(\.string) ?? []
            default: if let text = value.string { words[name] = text }
            }
        }
        guard months.count == 12, weekdays.count == 7 else {
            throw GalleyError(.render, source: source, reason: "strings file needs 12 months and 7 weekdays")
        }
        return StringTable(words: words, months: months, weekdays: weekdays)
    }
}
