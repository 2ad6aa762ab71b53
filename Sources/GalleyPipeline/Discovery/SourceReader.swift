import Foundation
import GalleyCore

/// Reads one source file from disk: bytes (gunzipped), sidecar (completed by
/// `PageProvenance`), or Markdown text.
package enum SourceReader {
    /// Pages larger than this are refused before parsing.
    static let maximumPageBytes = 64 * 1024 * 1024

    /// A page with its sidecar; what the sidecar leaves out (or all of it, when there is none)
    /// comes from the page's provenance comment, then (`mirrorURLs`) from its mirror-tree path.
    /// `fileBytes`: the file's bytes when the caller has read them already.
    package static func page(_ file: SourceFile, mirrorURLs: Bool, fileBytes: [UInt8]? = nil) throws(GalleyError) -> SourcePage {
        var bytes: [UInt8]
        if let fileBytes { bytes = fileBytes } else { bytes = try read(file.filePath, source: file.path, followingLink: file.followsLink) }
        if case .page(gzipped: true) = file.kind { bytes = try GzipDecoder.decompress(bytes, source: file.path) }
        guard bytes.count <= maximumPageBytes else {
            throw GalleyError(.read, source: file.path, reason: "page is larger than \(maximumPageBytes / 1_048_576) MB")
        }
        let written = try file.sidecarPath.map { path throws(GalleyError) in try sidecar(path, page: file.path) }
        let completed = PageProvenance.complete(written, bytes: bytes, path: file.path, mirrorURLs: mirrorURLs)
        return SourcePage(path: file.path, bytes: bytes, sidecar: completed)
    }

    static func markdown(_ file: SourceFile, fileBytes: [UInt8]? = nil) throws(GalleyError) -> String {
        let bytes: [UInt8]
        if let fileBytes { bytes = fileBytes } else { bytes = try read(file.filePath, source: file.path, followingLink: file.followsLink) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw GalleyError(.read, source: file.path, reason: "a Markdown file must be UTF-8")
        }
        return text
    }

    static func sidecar(_ path: String, page: String) throws(GalleyError) -> SourceSidecar {
        let bytes = try read(path, source: page)
        do {
            return try JSONDecoder().decode(SourceSidecar.self, from: Data(bytes))
        } catch {
            throw GalleyError(.read, source: page, reason: "sidecar \(fileName(path)) is not valid JSON of the documented shape")
        }
    }

    /// The bytes of a regular file. A symbolic link is not followed (`O_NOFOLLOW`) unless
    /// `followingLink`: discovery skips links, and a file or sidecar swapped for a link after
    /// discovery is refused, not read.
    static func read(_ path: String, source: String, followingLink: Bool = false) throws(GalleyError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (followingLink ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else {
            let reason = errno == ELOOP ? "\(fileName(path)) is a symbolic link: not followed" : "cannot read the file"
            throw GalleyError(.read, source: source, reason: reason)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw GalleyError(.read, source: source, reason: "\(fileName(path)) is not a regular file")
        }
        return try readAll(descriptor, expected: Int(status.st_size), source: source)
    }

    /// The last component of a path, for messages only.
    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Reads an open file to its end: straight into an array of the size `fstat` gave (and one
    /// byte more, to see the end in the same read), then in chunks if the file has grown since.
    /// Nothing is zero-filled first (a 1 MB chunk cleared for every page was 1.6% of extraction).
    private static func readAll(_ descriptor: Int32, expected: Int, source: String) throws(GalleyError) -> [UInt8] {
        var failed = false
        var reachedEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(expected, 0) + 1) { buffer, initialized in
            while initialized < buffer.count {
                let count = Glibc.read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if count == 0 { reachedEnd = true; return }
                if count < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                initialized += count
            }
        }
        while !reachedEnd, !failed {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { reachedEnd = true } else if count < 0 { failed = errno != EINTR } else { bytes.append(contentsOf: chunk[0..<count]) }
        }
        if failed { throw GalleyError(.read, source: source, reason: "cannot read the file") }
        return bytes
    }
}
