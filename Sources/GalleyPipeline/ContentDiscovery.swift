import Foundation
import GalleyCore

/// One input file found in the content folder.
public struct SourceFile: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A scraped page, plain (`.html`, `.htm`) or gzipped (`.html.gz`, `.htm.gz`).
        case page(gzipped: Bool)
        /// A hand-written or corrected article with front matter.
        case markdown
    }

    /// Path relative to the content folder.
    public var path: String
    public var url: URL
    public var kind: Kind
    /// The sidecar `NAME.json` beside a page, if present (a regular file, never a link).
    public var sidecar: URL?
    /// Whether the file may be read through a symbolic link: only a file named on the command
    /// line. Content found in the content folder is never read through a link.
    public var followsLink = false
}

/// Finds the inputs in the content folder. Hidden files, `README.md` and symbolic links are
/// skipped (a link could lead out of the folder); the result is sorted by path.
public enum ContentDiscovery {
    public static func discover(in folder: URL) throws(GalleyError) -> [SourceFile] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw GalleyError(.discover, source: folder.path, reason: "the content folder does not exist")
        }
        let root = folder.standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey], options: [.skipsHiddenFiles]
        ) else { throw GalleyError(.discover, source: folder.path, reason: "the content folder cannot be read") }
        var files: [SourceFile] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true {
                enumerator.skipDescendants()
                continue
            }
            guard values?.isRegularFile == true else { continue }
            let relative = relativePath(of: url, in: root)
            let name = url.lastPathComponent.lowercased()
            let kind: SourceFile.Kind
            if name.hasSuffix(".html") || name.hasSuffix(".htm") {
                kind = .page(gzipped: false)
            } else if name.hasSuffix(".html.gz") || name.hasSuffix(".htm.gz") {
                kind = .page(gzipped: true)
            } else if name.hasSuffix(".md"), name != "readme.md" {
                kind = .markdown
            } else {
                continue
            }
            files.append(SourceFile(path: relative, url: url, kind: kind, sidecar: sidecar(for: url, kind: kind)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// One file named on the command line, classified by its name, with its sidecar.
    public static func file(at path: String) -> SourceFile {
        let url = URL(fileURLWithPath: path)
        let lower = path.lowercased()
        let kind: SourceFile.Kind = lower.hasSuffix(".md") ? .markdown : .page(gzipped: lower.hasSuffix(".gz"))
        return SourceFile(path: path, url: url, kind: kind, sidecar: sidecar(for: url, kind: kind), followsLink: true)
    }

    static func relativePath(of url: URL, in root: URL) -> String {
        let full = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : url.lastPathComponent
    }

    /// `page.html` → `page.json`; `page.html.gz` → `page.json`. Only a regular file counts: a
    /// sidecar that is a symbolic link is skipped like every other link (it could lead out of
    /// the content folder), and so is a folder or device of that name.
    static func sidecar(for url: URL, kind: SourceFile.Kind) -> URL? {
        guard case .page = kind else { return nil }
        var base = url
        if base.pathExtension.lowercased() == "gz" { base = base.deletingPathExtension() }
        let candidate = base.deletingPathExtension().appendingPathExtension("json")
        return isRegularFile(candidate) ? candidate : nil
    }

    /// Whether `url` names a regular file itself, not through a symbolic link (`lstat`).
    static func isRegularFile(_ url: URL) -> Bool {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return false }
        return status.st_mode & S_IFMT == S_IFREG
    }
}
