import Foundation
import GalleyCore

/// The files the last build wrote (`outputs.tsv` in the build's state folder), with the render
/// key each was made from and its size and mtime after writing. A page whose key is unchanged
/// and whose file still has that size and mtime is neither rendered nor written again.
///
/// It is marked incomplete while a build writes, so a build killed half-way leaves no key the
/// next build could wrongly trust — only the list of paths, which is still needed to remove
/// stale files. A line format keeps loading it fast (about 30,000 lines for 10,000 articles).
public struct OutputManifest: Sendable, Equatable {
    /// Hash of galley's identity, the config and the templates.
    public var renderKey = ""
    /// Whether the build that wrote this finished writing; keys are trusted only then.
    public var complete = false
    /// The earliest time at which an output depending on the build's clock (the Google News
    /// sitemap's two-day window) changes; nil when none does.
    public var validUntil: Date?
    /// The sources (content-folder path → fingerprint) the outputs were made from.
    public var sources: [String: SourceFingerprint] = [:]
    /// Output path → what it was made from and how it looked on disk afterwards.
    public var outputs: [String: OutputRecord] = [:]
    /// Totals of the build that wrote it (published, tags, regions), for the report of a build
    /// that finds nothing changed.
    public var counts: [String: Int] = [:]
    /// The problems that build reported, repeated by a build that finds nothing changed.
    public var problems: [GalleyError] = []
    /// Sources among `problems` whose last good version stayed published.
    public var stale: [String] = []

    /// One output file.
    public struct OutputRecord: Sendable, Equatable {
        /// The render key; empty for files written as bytes (feeds, sitemaps, assets).
        public var key: String
        public var stamp: FileStamp?

        /// Creates a record.
        public init(key: String, stamp: FileStamp?) {
            self.key = key
            self.stamp = stamp
        }
    }

    /// Creates an empty manifest.
    public init() {}

    static let header = "galley-outputs 1"

    /// Reads a manifest; nil when there is none or its first line is not ours.
    public static func load(_ url: URL) -> OutputManifest? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let bytes = [UInt8](data)
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true).makeIterator()
        guard let first = lines.next(), first.elementsEqual(header.utf8) else { return nil }
        var manifest = OutputManifest()
        while let line = lines.next() {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map(unescape)
            guard let kind = fields.first else { continue }
            manifest.read(kind: kind, fields: Array(fields.dropFirst()))
        }
        return manifest
    }

    private mutating func read(kind: String, fields: [String]) {
        switch (kind, fields.count) {
        case ("render-key", 1): renderKey = fields[0]
        case ("complete", 1): complete = fields[0] == "yes"
        case ("valid-until", 1): validUntil = Double(fields[0]).map { Date(timeIntervalSince1970: $0) }
        case ("source", 7):
            guard let file = Self.stamp(fields[1], fields[2]) else { return }
            sources[fields[0]] = SourceFingerprint(file: file, sidecar: Self.stamp(fields[3], fields[4]), hash: fields[5], racy: fields[6] == "racy")
        case ("output", 4):
            outputs[fields[0]] = OutputRecord(key: fields[1], stamp: Self.stamp(fields[2], fields[3]))
        case ("count", 2): counts[fields[0]] = Int(fields[1])
        case ("problem", 1):
            if let problem = try? JSONDecoder().decode(GalleyError.self, from: Data(fields[0].utf8)) { problems.append(problem) }
        case ("stale", 1): stale.append(fields[0])
        default: break
        }
    }

    /// Writes the manifest atomically.
    public func save(_ url: URL) throws(GalleyError) {
        var text = Self.header + "\n"
        text += "render-key\t\(Self.escape(renderKey))\n"
        text += "complete\t\(complete ? "yes" : "no")\n"
        if let validUntil { text += "valid-until\t\(validUntil.timeIntervalSince1970)\n" }
        for (path, print) in sources.sorted(by: { $0.key < $1.key }) {
            text += "source\t\(Self.escape(path))\t\(print.file.size)\t\(print.file.modified)\t"
                + "\(print.sidecar.map { "\($0.size)\t\($0.modified)" } ?? "-\t-")\t\(print.hash)\t\(print.racy ? "racy" : "-")\n"
        }
        for (name, value) in counts.sorted(by: { $0.key < $1.key }) { text += "count\t\(Self.escape(name))\t\(value)\n" }
        for problem in problems {
            let json = (try? JSONEncoder().encode(problem)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            text += "problem\t\(Self.escape(json))\n"
        }
        for path in stale { text += "stale\t\(Self.escape(path))\n" }
        for (path, record) in outputs.sorted(by: { $0.key < $1.key }) {
            text += "output\t\(Self.escape(path))\t\(Self.escape(record.key))\t"
                + "\(record.stamp.map { "\($0.size)\t\($0.modified)" } ?? "-\t-")\n"
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw GalleyError(.write, source: url.path, reason: "cannot write the output manifest: \(error.localizedDescription)")
        }
    }

    private static func stamp(_ size: String, _ modified: String) -> FileStamp? {
        guard let size = Int(size), let modified = Int64(modified) else { return nil }
        return FileStamp(size: size, modified: modified)
    }

    /// `%`, tab, line feed and carriage return as `%25`, `%09`, `%0A`, `%0D`.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x25 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\t", with: "%09")
            .replacingOccurrences(of: "\n", with: "%0A").replacingOccurrences(of: "\r", with: "%0D")
    }

    static func unescape(_ field: ArraySlice<UInt8>) -> String {
        let text = String(decoding: field, as: UTF8.self)
        guard field.contains(0x25) else { return text }
        return text.replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%25", with: "%")
    }
}
