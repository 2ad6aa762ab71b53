import Foundation
import GalleyCore

/// One input file found in the content folder.
public struct SourceFile: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A scraped page, plain (`.html`, `.htm`) or gzipped (`.html.gz`, `.htm.gz`).
        case page(gzipped: Bool)
        /// A hand-written or corrected article with front matter.
        case markdown
        /// A scraper's archive: a WARC (`.warc`, `.warc.gz`) or a WACZ (`.wacz`), read record
        /// by record (`ScrapeArchive`); its pages are named `FILE#offset`.
        case archive
    }

    /// Path relative to the content folder.
    public var path: String
    /// The file's absolute path. Paths are kept as strings, not `URL`s: a build holds one
    /// `SourceFile` per source through stages 1–2, and a `URL` took about 400 bytes of it. A
    /// file found in the content folder keeps only its folder, shared by every file found
    /// there, and makes this path when asked (a second copy of 50,000 paths was 6 MB of a
    /// build's peak).
    public var filePath: String {
        switch location {
        case .below(let root): root + "/" + path
        case .at(let filePath): filePath
        }
    }
    private var location: Location
    public var kind: Kind
    /// The absolute path of the sidecar `NAME.json` beside a page, if present (a regular file,
    /// never a link).
    public var sidecarPath: String?
    /// Whether the file may be read through a symbolic link: only a file named on the command
    /// line. Content found in the content folder is never read through a link.
    public var followsLink = false

    /// A file at `filePath`.
    public init(path: String, filePath: String, kind: Kind, sidecarPath: String?, followsLink: Bool = false) {
        self.path = path
        location = .at(filePath)
        self.kind = kind
        self.sidecarPath = sidecarPath
        self.followsLink = followsLink
    }

    /// A file at `path` below the folder `root` (a copy of one string shares its storage: the
    /// files found in a folder hold one).
    init(path: String, below root: String, kind: Kind, sidecarPath: String?) {
        self.path = path
        location = .below(root)
        self.kind = kind
        self.sidecarPath = sidecarPath
    }

    /// Where the file is: below a folder shared with other files, or at its own path.
    private enum Location: Sendable, Hashable {
        case below(String)
        case at(String)
    }

    /// A file at `url` (a file URL).
    public init(path: String, url: URL, kind: Kind, sidecar: URL?, followsLink: Bool = false) {
        self.init(path: path, filePath: url.path, kind: kind, sidecarPath: sidecar?.path, followsLink: followsLink)
    }

    /// Files are equal when their paths (relative and absolute), kinds, sidecars and link
    /// rule are, whether or not they share a folder.
    public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool {
        lhs.path == rhs.path && lhs.kind == rhs.kind && lhs.sidecarPath == rhs.sidecarPath && lhs.followsLink == rhs.followsLink
            && (lhs.location == rhs.location || lhs.filePath == rhs.filePath)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(filePath)
        hasher.combine(kind)
        hasher.combine(sidecarPath)
        hasher.combine(followsLink)
    }

    /// The file as a URL.
    public var url: URL { URL(fileURLWithPath: filePath, isDirectory: false) }
    /// The sidecar as a URL.
    public var sidecar: URL? { sidecarPath.map { URL(fileURLWithPath: $0, isDirectory: false) } }
}

/// Finds the inputs in the content folder. Hidden files, `README.md` and symbolic links are
/// skipped (a link could lead out of the folder); the result is sorted by path.
///
/// The walk reads each folder once with `readdir` (its entry types say which names are files,
/// folders and links, without a `stat` per file), so finding 10,000 pages and their sidecars
/// costs milliseconds; the incremental build's "nothing changed" check starts here.
public enum ContentDiscovery {
    public static func discover(in folder: URL) throws(GalleyError) -> [SourceFile] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw GalleyError(.discover, source: folder.path, reason: "the content folder does not exist")
        }
        let root = folder.standardizedFileURL
        let rootPath = root.path.count > 1 && root.path.hasSuffix("/") ? String(root.path.dropLast()) : root.path
        guard let top = entries(of: rootPath) else {
            throw GalleyError(.discover, source: folder.path, reason: "the content folder cannot be read")
        }
        var files: [SourceFile] = []
        var pending: [(relative: String, entries: [Entry])] = [("", top)]
        while let (relative, listing) = pending.popLast() {
            let regular = Set(listing.filter { $0.type == .file }.map(\.name))
            for entry in listing {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                switch entry.type {
                case .folder:
                    if let inner = entries(of: rootPath + "/" + path) { pending.append((path, inner)) }
                case .file:
                    guard let kind = kind(ofName: entry.name) else { continue }
                    let folderPath = relative.isEmpty ? rootPath : rootPath + "/" + relative
                    let sidecar = sidecarName(for: entry.name, kind: kind).flatMap { regular.contains($0) ? folderPath + "/" + $0 : nil }
                    files.append(SourceFile(path: path, below: rootPath, kind: kind, sidecarPath: sidecar))
                case .other:
                    continue
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// A folder entry: its name and whether it is a regular file, a real folder, or anything
    /// else (links, devices, sockets).
    struct Entry {
        enum EntryType { case file, folder, other }
        var name: String
        var type: EntryType
    }

    /// The visible entries of a folder (no hidden names); nil when it cannot be read.
    static func entries(of path: String) -> [Entry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var result: [Entry] = []
        while let pointer = readdir(directory) {
            let name = withUnsafeBytes(of: pointer.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            var type: Entry.EntryType
            switch Int32(pointer.pointee.d_type) {
            case Int32(DT_REG): type = .file
            case Int32(DT_DIR): type = .folder
            case Int32(DT_UNKNOWN): type = lstatType(path + "/" + name)
            default: type = .other
            }
            result.append(Entry(name: name, type: type))
        }
        return result
    }

    /// For file systems whose `readdir` gives no types.
    private static func lstatType(_ path: String) -> Entry.EntryType {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .other }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// What a file name says the file is; nil for files galley does not read.
    static func kind(ofName fileName: String) -> SourceFile.Kind? {
        let name = fileName.lowercased()
        if name.hasSuffix(".html") || name.hasSuffix(".htm") { return .page(gzipped: false) }
        if name.hasSuffix(".html.gz") || name.hasSuffix(".htm.gz") { return .page(gzipped: true) }
        if name.hasSuffix(".md"), name != "readme.md" { return .markdown }
        if ScrapeArchive.isArchive(name) { return .archive }
        return nil
    }

    /// `page.html` → `page.json`, `page.html.gz` → `page.json`; nil for Markdown.
    static func sidecarName(for fileName: String, kind: SourceFile.Kind) -> String? {
        guard case .page(let gzipped) = kind else { return nil }
        var base = fileName
        if gzipped, let dot = base.lastIndex(of: ".") { base = String(base[..<dot]) }
        guard let dot = base.lastIndex(of: ".") else { return nil }
        return base[..<dot] + ".json"
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
