import Foundation
import GalleyCore
import GalleyRender
import GalleyTheme
import Yams

/// The theme a build renders with: Mustache sources by name, static assets and UI words.
/// It starts as the theme built into galley (`EmbeddedTheme`); a site's templates folder and
/// then `--overrides` are laid over it, file by file.
public struct Theme: Sendable {
    /// `partials/header` → template text.
    public var templates: [String: String]
    /// Files under `static/`, as output files (`static/galley.css`).
    public var assets: [RenderedPage]
    /// The folder the last layer came from (for error messages).
    public var folder: String
    /// UI words by language, from `strings/<language>.yml`.
    public var strings: [String: StringTable] = [:]

    /// The built-in theme with `folder` (a site's templates, when it has any) and then
    /// `overrides` laid over it: a file of a layer replaces the file of the same relative path
    /// (template, strings file or static asset); everything else stays as it was.
    public static func load(folder: URL?, overrides: URL?) throws(GalleyError) -> Theme {
        var theme = try embedded()
        for layer in [folder, overrides].compactMap(\.self) { theme.lay(try load(from: layer)) }
        return theme
    }

    /// The site's theme folder for a `--templates` option: the folder named, or without the
    /// option `templates/` when there is one (else nil: the built-in theme alone).
    public static func siteFolder(option: String?) -> URL? {
        if let option { return URL(fileURLWithPath: option) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: "templates", isDirectory: &isFolder), isFolder.boolValue else { return nil }
        return URL(fileURLWithPath: "templates")
    }

    /// The theme built into galley.
    public static func embedded() throws(GalleyError) -> Theme {
        try theme(from: EmbeddedTheme.files.map { ($0.path, $0.bytes) }, folder: EmbeddedTheme.folderName)
    }

    /// Reads every `*.mustache` (names relative to the folder, without extension), every
    /// `strings/*.yml` and every file under `static/` of one folder.
    public static func load(from folder: URL) throws(GalleyError) -> Theme {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw GalleyError(.render, source: folder.path, reason: "the templates folder does not exist")
        }
        let root = folder.standardizedFileURL
        var files: [(String, [UInt8])] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw GalleyError(.render, source: url.path, reason: "cannot read the template file")
            }
            files.append((ContentDiscovery.relativePath(of: url, in: root), [UInt8](data)))
        }
        return try theme(from: files, folder: folder.path)
    }

    /// Files the site root gets besides `static/`: the favicon, where browsers and feed readers
    /// ask for it without a `<link>` (`/favicon.ico`).
    public var rootFiles: [RenderedPage] {
        assets.filter { $0.path == SitePaths.staticFolder + SitePaths.favicon }.map { RenderedPage(path: SitePaths.favicon, bytes: $0.bytes) }
    }

    /// Lays `layer` over this theme, file by file.
    mutating func lay(_ layer: Theme) {
        templates.merge(layer.templates) { _, own in own }
        strings.merge(layer.strings) { _, own in own }
        var byPath = Dictionary(assets.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for asset in layer.assets { byPath[asset.path] = asset }
        assets = byPath.values.sorted { $0.path < $1.path }
        folder = layer.folder
    }

    /// A theme from its files (paths relative to the theme folder); other files are ignored.
    private static func theme(from files: [(path: String, bytes: [UInt8])], folder: String) throws(GalleyError) -> Theme {
        var templates: [String: String] = [:]
        var assets: [RenderedPage] = []
        var strings: [String: StringTable] = [:]
        for (path, bytes) in files {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if path.hasPrefix("static/") {
                assets.append(RenderedPage(path: path, bytes: bytes))
            } else if path.hasPrefix("strings/"), name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                let language = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)]).lowercased()
                strings[language] = try stringTable(Data(bytes), source: folder + "/" + path)
            } else if path.hasSuffix(".mustache") {
                templates[String(path.dropLast(".mustache".count))] = String(decoding: bytes, as: UTF8.self)
            }
        }
        return Theme(templates: templates, assets: assets.sorted { $0.path < $1.path }, folder: folder, strings: strings)
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
