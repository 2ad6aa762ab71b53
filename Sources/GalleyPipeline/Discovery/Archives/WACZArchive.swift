import Foundation
import GalleyCore
import ZIPFoundation

/// The WARC files inside a WACZ (a zip holding `archive/*.warc` or `archive/*.warc.gz`, with
/// `pages/pages.jsonl` and other index files that galley does not need), read with
/// ZIPFoundation.
///
/// Each WARC is copied out to a private temporary file under a name galley makes up (never the
/// entry's own path, so a zip-slip name such as `../../x` cannot write anywhere), read from
/// there as any WARC, and removed. An entry whose path is absolute or climbs with `..` is
/// reported and skipped, and so is one that unpacks to more than `maximumEntryBytes`.
enum WACZArchive {
    /// Largest WARC copied out of a WACZ.
    static let maximumEntryBytes: Int64 = 16 * 1024 * 1024 * 1024

    /// Calls `body` with a readable copy of each WARC in the WACZ at `url` and its source name
    /// (`NAME#archive/data.warc.gz`); returns the problems of the WACZ itself.
    static func eachWARC(in url: URL, name: String, _ body: (_ warc: URL, _ name: String) -> Void) -> [GalleyError] {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            return [GalleyError(.read, source: name, reason: "not a readable zip file (WACZ)")]
        }
        var problems: [GalleyError] = []
        let entries = archive.filter { $0.type == .file && isWARCEntry($0.path) }.sorted { $0.path < $1.path }
        for entry in entries {
            let source = "\(name)#\(entry.path)"
            guard isSafe(entry.path) else {
                problems.append(GalleyError(.read, source: source, reason: "unsafe path in the zip (absolute or with ..): skipped"))
                continue
            }
            guard let folder = makeTemporaryFolder() else {
                problems.append(GalleyError(.read, source: source, reason: "cannot make a temporary folder to unpack it"))
                continue
            }
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let copy = URL(fileURLWithPath: folder + "/entry" + (entry.path.lowercased().hasSuffix(".gz") ? ".warc.gz" : ".warc"))
            if let problem = copyOut(entry, of: archive, to: copy, source: source) {
                problems.append(problem)
                continue
            }
            body(copy, source)
        }
        return problems
    }

    /// `archive/….warc` or `archive/….warc.gz` (WACZ 1.1 keeps WARCs there).
    static func isWARCEntry(_ path: String) -> Bool {
        let lower = path.lowercased()
        let inArchiveFolder = lower.hasPrefix("archive/") || lower.contains("/archive/") || lower.hasPrefix("/archive/")
        return inArchiveFolder && WARCPages.isArchive(lower)
    }

    /// A relative path that stays inside the zip's own folder.
    static func isSafe(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.contains("\\") && !path.split(separator: "/").contains("..")
    }

    private static func makeTemporaryFolder() -> String? {
        var template = Array((FileManager.default.temporaryDirectory.path + "/galley-wacz-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return nil }
            return String(cString: made)
        }
    }

    /// Streams an entry into a new file; a problem when it cannot, or when it grows too large.
    private static func copyOut(_ entry: Entry, of archive: Archive, to url: URL, source: String) -> GalleyError? {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return GalleyError(.read, source: source, reason: "cannot unpack it to a temporary file") }
        defer { close(descriptor) }
        var written: Int64 = 0
        struct TooLarge: Error {}
        struct WriteFailed: Error {}
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                written += Int64(chunk.count)
                guard written <= maximumEntryBytes else { throw TooLarge() }
                try chunk.withUnsafeBytes { raw in
                    var offset = 0
                    while offset < raw.count {
                        let count = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                        if count < 0 { if errno == EINTR { continue }; throw WriteFailed() }
                        offset += count
                    }
                }
            }
        } catch is TooLarge {
            return GalleyError(.read, source: source, reason: "unpacks to more than \(maximumEntryBytes >> 30) GB: skipped")
        } catch is WriteFailed {
            return GalleyError(.read, source: source, reason: "cannot unpack it to a temporary file (disk full?)")
        } catch {
            return GalleyError(.read, source: source, reason: "the zip entry is damaged (\(error))")
        }
        return nil
    }
}
