#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GalleyCore

/// Maps a request path to a file inside the output folder, and nothing outside it.
///
/// The raw path is checked before and after percent-decoding: backslashes, control characters
/// (NUL included) and encoded `/` are refused, and so are `.` and `..` segments; hidden names
/// (`.galley-outputs`) are not served. The file that remains is resolved with `realpath` and
/// must lie below the real output folder, so a symbolic link out of the folder serves nothing.
struct OutputPathResolver: Sendable {
    /// What a request path leads to.
    enum Resolution: Equatable, Sendable {
        /// A regular file, by its real path.
        case file(String)
        /// A folder asked for without its trailing slash: where to send the client.
        case redirect(String)
        case notFound
        case badRequest
    }

    /// The output folder (need not exist yet).
    let root: String

    /// Resolves a raw request path (`/tags/banjir/`, still percent-encoded, without its query).
    func resolve(_ rawPath: Substring, query: Substring?) -> Resolution {
        guard let segments = Self.segments(of: rawPath) else { return .badRequest }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        guard let realRoot = Self.realPath(root) else { return .notFound }
        let candidate = ([realRoot] + segments).joined(separator: "/")
        guard let real = Self.realPath(candidate), Self.isInside(real, root: realRoot) else { return .notFound }
        switch Self.kind(of: real) {
        case .folder:
            guard rawPath.hasSuffix("/") else { return .redirect(Self.folderLocation(rawPath, query: query)) }
            guard let index = Self.realPath(real + "/index.html"), Self.isInside(index, root: realRoot),
                  Self.kind(of: index) == .file else { return .notFound }
            return .file(index)
        case .file:
            return rawPath.hasSuffix("/") ? .notFound : .file(real)
        case .other:
            return .notFound
        }
    }

    /// The decoded path segments, or nil when the path is malformed or tries to climb.
    static func segments(of rawPath: Substring) -> [String]? {
        guard rawPath.hasPrefix("/"), let bytes = percentDecoded(rawPath) else { return nil }
        guard let path = String(validating: bytes, as: UTF8.self) else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return nil }
        return segments
    }

    /// Percent-decodes a path; nil for a bad escape, a control character, a backslash, or an
    /// escaped `/` (which would hide a segment boundary from the checks).
    static func percentDecoded(_ rawPath: Substring) -> [UInt8]? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(rawPath.utf8.count)
        var iterator = rawPath.utf8.makeIterator()
        while let byte = iterator.next() {
            var value = byte
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(HexDigit.value(of:)), let low = iterator.next().flatMap(HexDigit.value(of:)) else { return nil }
                value = high << 4 | low
                if value == UInt8(ascii: "/") { return nil }
            }
            if value < 0x20 || value == 0x7F || value == UInt8(ascii: "\\") { return nil }
            decoded.append(value)
        }
        return decoded
    }

    /// Where a folder lives with its slash; leading slashes collapse to one, so the location can
    /// never read as another host (`//host/`).
    static func folderLocation(_ rawPath: Substring, query: Substring?) -> String {
        let location = "/" + rawPath.drop(while: { $0 == "/" }) + "/"
        return query.map { location + "?" + $0 } ?? location
    }

    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The canonical absolute path (links resolved), or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private enum Kind { case file, folder, other }

    private static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }
}
