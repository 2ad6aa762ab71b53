import Foundation
import GalleyCore
import Synchronization

/// Finds the bytes of an image a page shows among the files the scraper saved beside it:
///
/// - a mirror tree (`wget -m`, `wget -p`, HTTrack): the file at `<host>/<path>` in the page's
///   folder or any folder above it, up to the content folder; for an image of the page's own
///   host also `<path>` there (`wget -nH`);
/// - a browser's "save complete" (`NAME_files/…`) and other relative references: the image's
///   URL relative to the page's URL, from the page's folder.
///
/// A path is tried percent-decoded and as written, each also with the URL's query (wget names
/// `a.jpg?w=300` so). Only regular files inside the content folder are read (no `..`, no
/// symbolic link out of it), at most `maximumBytes`.
///
/// A picture inlined as a `data:` URI is decoded (`inline`).
///
/// A page read from an archive (WARC, WACZ) has no folder: its images are the `response`
/// records of the same archive with their URLs (`archived`), as `wget -p --warc-file` and
/// Browsertrix write them.
struct ScrapedImageFinder: Sendable {
    /// The content folder, absolute, symbolic links resolved.
    let root: String
    /// Which paths exist, each asked once: most images are not in the scrape, and their
    /// candidate paths end at a missing host folder.
    private let folders = FolderExistence()
    /// The content folder, where files are stat-ed and read (nil when it cannot be opened).
    private let files: FolderStamps?
    /// Larger files are not images a page shows.
    static let maximumBytes = 64 << 20

    /// An image's bytes and the names they came under.
    struct Found: Sendable {
        var bytes: [UInt8]
        /// The last component of the URL's path (its extension is checked against the bytes).
        var name: String
        /// The file's path relative to the content folder.
        var path: String
    }

    init(contentFolder: URL) {
        let folder = contentFolder.standardizedFileURL
        root = Self.realPath(folder.path) ?? folder.resolvingSymlinksInPath().path
        files = FolderStamps(folder: root)
    }

    /// An image file of the scrape, found but not read.
    struct Located: Sendable {
        /// The file's path relative to the content folder, as found (named in problems).
        var path: String
        /// The same with symbolic links resolved: the file whose bytes these are, by which the
        /// images phase remembers its plan.
        var resolved: String
        /// The resolved file's size and mtime when it was found.
        var stamp: FileStamp
        /// The last component of the URL's path (its extension is checked against the bytes).
        var name: String
    }

    /// Where the scrape has the image at `imageURL`, shown by the page `source` (relative to
    /// the content folder) whose URL is `pageURL`, without reading it; nil when the scrape
    /// does not have it (`bytes(of:)` reads it).
    func locate(_ imageURL: String, page source: String, pageURL: String?) -> Located? {
        let present = { (folder: String, first: String) -> Bool in
            guard !first.isEmpty, first != ".", first != ".." else { return false }
            let path = root + "/" + Self.join(folder, first)
            return folders.exists(path)
        }
        if isSurelyAbsent(imageURL, page: source, pageURL: pageURL, present: present) { return nil }
        guard let url = URL(string: imageURL) else { return nil }
        for candidate in candidates(for: url, page: source, pageURL: pageURL.flatMap(URL.init(string:)), present: present) {
            if let (resolved, stamp) = regularFile(candidate) {
                return Located(path: candidate, resolved: resolved, stamp: stamp, name: url.lastPathComponent)
            }
        }
        return nil
    }

    /// The bytes of a located image while its file still has the stamp it was found with;
    /// nil when it changed or vanished since.
    func bytes(of located: Located) -> [UInt8]? {
        files?.bytes(located.resolved, ifStamped: located.stamp)
    }

    /// A picture the page inlined as a `data:` URI (SingleFile, "save as single file"): its
    /// bytes, named by its MIME type (`inline.jpeg`, checked against the bytes like a file name).
    func inline(_ uri: String, page source: String) -> Found? {
        guard let (type, bytes) = URLPolicy.inlineImageBytes(uri), !bytes.isEmpty, bytes.count <= Self.maximumBytes else { return nil }
        let subtype = type.split(separator: "/").last.map(String.init) ?? "image"
        return Found(bytes: bytes, name: "inline." + subtype, path: source + " (data: URI)")
    }

    /// The size and mtime of the archive at `archive` (relative to the content folder; a
    /// symbolic link has none), nil when it is missing.
    func stamp(ofArchive archive: String) -> FileStamp? {
        files?.stamp(archive)
    }

    /// The images of archived pages: for each archive (relative to the content folder) the
    /// wanted URLs it has a 200 response for → the image, named by its record.
    func archived(_ wanted: [String: Set<String>]) -> [String: [String: Found]] {
        var found: [String: [String: Found]] = [:]
        for (archive, urls) in wanted {
            let path = root + "/" + archive
            guard !archive.split(separator: "/").contains("..") else { continue }
            let images = ArchivedImages.images(in: URL(fileURLWithPath: path), name: archive, wanted: urls)
            found[archive] = Dictionary(uniqueKeysWithValues: images.compactMap { url, image -> (String, Found)? in
                guard !image.bytes.isEmpty, image.bytes.count <= Self.maximumBytes else { return nil }
                return (url, Found(bytes: image.bytes, name: URL(string: url)?.lastPathComponent ?? "", path: image.source))
            })
        }
        return found
    }

    /// The paths (relative to the content folder) where the image may be, in the order tried.
    /// `present(folder, first)` says whether the content folder has `folder/first` (the first
    /// component of the rest of a candidate path); candidates under a missing one are skipped
    /// before their names are made (most images are not in the scrape).
    func candidates(for url: URL, page source: String, pageURL: URL?,
                    present: (_ folder: String, _ first: String) -> Bool = { _, _ in true }) -> [String] {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = url.host?.lowercased(),
              ScrapeArchive.archivePath(ofRecord: source) == nil else { return [] }
        let path = url.path(percentEncoded: true), query = url.query(percentEncoded: true)
        let sameHost = pageURL?.host?.lowercased() == host
        let folders = Self.folders(above: source)
        let pageFolder = folders[0]
        var found: [String] = []
        var names: [String]?
        for folder in folders {
            if present(folder, host) {
                names = names ?? Self.names(path: path, query: query)
                for name in names ?? [] { found.append(Self.join(folder, host + "/" + name)) }
            }
            if sameHost, present(folder, Self.firstComponent(of: path)) {
                names = names ?? Self.names(path: path, query: query)
                for name in names ?? [] { found.append(Self.join(folder, name)) }
            }
        }
        if let pageURL, sameHost {
            let pageDirectory = pageURL.path(percentEncoded: true).split(separator: "/", omittingEmptySubsequences: false).dropLast()
                .joined(separator: "/") + "/"
            if path.hasPrefix(pageDirectory) {
                let relative = String(path.dropFirst(pageDirectory.count))
                if present(pageFolder, Self.firstComponent(of: relative)) {
                    for name in Self.names(path: relative, query: query) { found.append(Self.join(pageFolder, name)) }
                }
            }
        }
        var seen = Set<String>()
        return found.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Whether the scrape surely does not have the image at `imageURL`, told without parsing
    /// URLs (most images are not in the scrape, and parsing two URLs per image was most of the
    /// images phase of a build that changed one article): its host is a plain name (ASCII
    /// letters, digits, `-`, `.`; no user, port or escapes, so `URL.host` gives the same), no
    /// folder from the page's up to the content folder has a folder of that name, and the page
    /// is not from that host (the `wget -nH` and relative candidates) — then `candidates` gives
    /// none. False whenever that cannot be told so.
    private func isSurelyAbsent(_ imageURL: String, page source: String, pageURL: String?,
                                present: (_ folder: String, _ first: String) -> Bool) -> Bool {
        guard let host = Self.plainHost(of: imageURL), ScrapeArchive.archivePath(ofRecord: source) == nil else { return false }
        if let pageURL {
            guard let pageHost = Self.plainHost(of: pageURL), pageHost != host else { return false }
        }
        return !Self.folders(above: source).contains { present($0, host) }
    }

    /// The folders a page's images are looked for in: its own, then each one above it up to
    /// the content folder (`""`).
    private static func folders(above source: String) -> [String] {
        var folders = [folder(of: source)]
        while let last = folders.last, !last.isEmpty { folders.append(folder(of: last)) }
        return folders
    }

    /// The lower-cased host of an `http`/`https` URL when it is a plain name (see
    /// `isSurelyAbsent`); nil otherwise.
    static func plainHost(of url: String) -> String? {
        let bytes = url.utf8
        var rest = bytes[...]
        for prefix in ["https://", "http://"] {
            let head = rest.prefix(prefix.utf8.count)
            if head.count == prefix.utf8.count, zip(head, prefix.utf8).allSatisfy({ ($0 | 0x20) == $1 || $0 == $1 }) {
                rest = rest.dropFirst(prefix.utf8.count)
                break
            }
        }
        guard rest.count < bytes.count else { return nil }
        let end = rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? rest.endIndex
        let authority = rest[..<end]
        guard !authority.isEmpty, authority.allSatisfy({ byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }) else { return nil }
        return String(decoding: authority, as: UTF8.self).lowercased()
    }

    /// The first component of a URL path, percent-decoded (`/a%20b/c.jpg` → `a b`).
    private static func firstComponent(of path: String) -> String {
        let first = String(path.drop { $0 == "/" }.prefix { $0 != "/" && $0 != "?" })
        return first.removingPercentEncoding ?? first
    }

    /// A URL path as a relative file path: percent-decoded, then as written; each with the query too.
    private static func names(path: String, query: String?) -> [String] {
        let written = String(path.drop { $0 == "/" })
        let decoded = written.removingPercentEncoding ?? written
        var names = [decoded, written]
        if let query, !query.isEmpty { names += [decoded + "?" + (query.removingPercentEncoding ?? query), written + "?" + query] }
        var seen = Set<String>()
        return names.filter { !$0.isEmpty && !$0.hasSuffix("/") && seen.insert($0).inserted }
    }

    /// Searched as bytes (`/` is ASCII): `lastIndex(of:)` on the characters was most of
    /// `locate` for an image that is not in the scrape.
    private static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder + "/" + name
    }

    /// A regular file inside the content folder, of at most `maximumBytes`: its path with links
    /// resolved (relative to the content folder) and its stamp; nil for anything else.
    private func regularFile(_ relative: String) -> (resolved: String, stamp: FileStamp)? {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0.utf8.contains(0) }) else { return nil }
        // The folder's links are resolved once per folder (nil when it is missing); the
        // file's only when it is one.
        let folder = ([Substring(root)] + parts.dropLast()).joined(separator: "/")
        guard let resolvedFolder = folders.realPath(folder) else { return nil }
        var path = resolvedFolder + "/" + parts[parts.count - 1]
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            guard let target = Self.realPath(path), lstat(target, &info) == 0 else { return nil }
            path = target
        }
        guard (info.st_mode & S_IFMT) == S_IFREG, path.hasPrefix(root + "/") else { return nil }
        let stamp = FileStamp(info)
        guard stamp.size > 0, stamp.size <= Self.maximumBytes else { return nil }
        return (String(path.dropFirst(root.count + 1)), stamp)
    }

    /// `path` with every symbolic link resolved (`realpath(3)`), nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Whether paths exist (a folder, or a file), and folders' paths with links resolved,
/// remembered for the length of a build (threads share it).
final class FolderExistence: Sendable {
    private let known = Mutex<[String: Bool]>([:])
    private let resolved = Mutex<[String: String?]>([:])

    func exists(_ path: String) -> Bool {
        if let answer = known.withLock({ $0[path] }) { return answer }
        let answer = FileManager.default.fileExists(atPath: path)
        known.withLock { $0[path] = answer }
        return answer
    }

    /// The folder at `path` with every symbolic link resolved; nil when it does not exist.
    func realPath(_ path: String) -> String? {
        if let answer = resolved.withLock({ $0[path] }) { return answer }
        let answer = ScrapedImageFinder.realPath(path)
        resolved.withLock { $0[path] = answer }
        return answer
    }
}
