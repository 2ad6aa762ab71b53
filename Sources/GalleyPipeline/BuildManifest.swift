import Foundation
import GalleyCore

/// What the last build knew, kept beside the output (`.galley/<output>.manifest.json`) so the
/// next build can skip work: per source its fingerprint and outcome (the Markdown document, or
/// the problem), per output file the key of the inputs it was rendered from.
public struct BuildManifest: Codable, Sendable, Equatable {
    /// Bumped when the manifest's meaning changes; another version is ignored.
    public static let formatVersion = 1

    public var formatVersion = BuildManifest.formatVersion
    /// Hash of galley's version, the config and the templates: when it changes, nothing is reused.
    public var inputsKey: String
    public var sources: [String: SourceRecord] = [:]
    /// Output path → render key of what it was made from.
    public var outputs: [String: String] = [:]

    /// One source file as it was last seen.
    public struct SourceRecord: Codable, Sendable, Equatable {
        public var fingerprint: SourceFingerprint
        /// The document it gave, when it gave one.
        public var document: ArticleDocument?
        /// The problem it had, when it had one.
        public var problem: GalleyError?

        /// Creates a record.
        public init(fingerprint: SourceFingerprint, document: ArticleDocument?, problem: GalleyError?) {
            self.fingerprint = fingerprint
            self.document = document
            self.problem = problem
        }
    }

    /// Creates an empty manifest.
    public init(inputsKey: String) {
        self.inputsKey = inputsKey
    }

    /// The manifest for an output folder: `.galley/<name>.manifest.json` beside it.
    public static func path(forOutput output: URL) -> URL {
        let folder = output.standardizedFileURL
        return folder.deletingLastPathComponent().appendingPathComponent(".galley/\(folder.lastPathComponent).manifest.json")
    }

    /// Reads a manifest; nil when there is none, it is damaged, or its format is another one.
    public static func load(_ url: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: url.path),
              let manifest = try? JSONDecoder().decode(BuildManifest.self, from: data),
              manifest.formatVersion == formatVersion else { return nil }
        return manifest
    }

    /// Writes the manifest atomically.
    public func save(_ url: URL) throws(GalleyError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(self).write(to: url, options: .atomic)
        } catch {
            throw GalleyError(.write, source: url.path, reason: "cannot write the build manifest: \(error.localizedDescription)")
        }
    }
}

/// Size, modification time and content hash of a source file. Size and mtime decide quickly that
/// nothing changed; the hash decides when only the mtime moved (a `touch`, a fresh checkout).
public struct SourceFingerprint: Codable, Sendable, Hashable {
    public var size: Int
    /// Nanoseconds since 1970.
    public var modified: Int64
    /// FNV-1a 64 of the bytes, hex; empty when not computed.
    public var hash: String

    public init(size: Int, modified: Int64, hash: String) {
        self.size = size
        self.modified = modified
        self.hash = hash
    }

    /// Size and mtime of a file, without reading it.
    public static func stat(_ url: URL) -> SourceFingerprint? {
        var info = Foundation.stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        let nanos = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return SourceFingerprint(size: Int(info.st_size), modified: nanos, hash: "")
    }

    /// FNV-1a 64 of `bytes`, hex.
    public static func hash(_ bytes: some Sequence<UInt8>) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return String(value, radix: 16)
    }
}
