import Foundation
import GalleyCore

/// The hashes of what every page depends on besides its own content: when one changes, the
/// caches made under the old one are not used.
struct BuildKeys {
    /// galley itself and the config: what stages 1–2 depend on.
    let extraction: String
    /// `extraction` plus the templates, strings and static files: what stages 3–4 depend on. Every
    /// page's render key (`RenderKey`) starts with it.
    let renderInputs: String

    /// `settings`: what the command line sets over the config (`search`).
    init(configFile: URL, templateFolders: [URL], settings: [String] = []) {
        var hasher = StableHasher()
        hasher.combine("galley-build-keys 1")
        hasher.combine(Self.toolIdentity)
        hasher.combine(FileManager.default.contents(atPath: configFile.path) ?? Data())
        for setting in settings { hasher.combine("setting \(setting)") }
        extraction = hasher.hex
        for folder in templateFolders { Self.combineFolder(folder, into: &hasher) }
        renderInputs = hasher.hex
    }

    /// The running executable's size and mtime: a rebuilt galley never trusts an older one's cache.
    static let toolIdentity: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        guard let stamp = FileStamp.of(path: path) else { return "unknown \(path)" }
        return "\(path) \(stamp.size) \(stamp.modified)"
    }()

    /// Every file of a folder (sorted relative paths and bytes) but its READMEs, which document
    /// the theme and change no page.
    static func combineFolder(_ folder: URL, into hasher: inout StableHasher) {
        let root = folder.standardizedFileURL
        hasher.combine("folder \(root.path)")
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        var files: [(String, URL)] = []
        while let url = enumerator.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            files.append((ContentDiscovery.relativePath(of: url, in: root), url))
        }
        for (relative, url) in files.sorted(by: { $0.0 < $1.0 }) where !url.lastPathComponent.hasPrefix("README") {
            hasher.combine(relative)
            hasher.combine(FileManager.default.contents(atPath: url.path) ?? Data())
        }
    }
}
