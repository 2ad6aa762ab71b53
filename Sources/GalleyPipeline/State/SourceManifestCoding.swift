import Foundation
import GalleyCore

/// The layout of `sources.bin`: a magic line with the format
/// version, the extraction key, then one record per source (documents by `ArticleDocumentCoding`).
enum SourceManifestCoding {
    static let magic = "galley-sources \(SourceManifest.formatVersion) \(ArticleDocumentCoding.schemaSignature)"

    static func write(_ manifest: SourceManifest, to writer: inout BinaryWriter) {
        writer.write(magic)
        writer.write(manifest.extractionKey)
        writer.write(manifest.sources.count)
        for (path, record) in manifest.sources.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            write(record.fingerprint, to: &writer)
            writer.write(record.fetched.timeIntervalSince1970)
            writer.write(record.document) { writer, document in ArticleDocumentCoding.write(document, to: &writer) }
            writer.write(record.problem) { writer, problem in write(problem, to: &writer) }
        }
    }

    static func read(_ reader: inout BinaryReader) throws(BinaryReader.Truncated) -> SourceManifest {
        guard try reader.string() == magic else { throw .init() }
        var manifest = SourceManifest(extractionKey: try reader.string())
        let count = try reader.int()
        for _ in 0..<max(0, count) {
            let path = try reader.string()
            let fingerprint = try readFingerprint(&reader)
            let fetched = Date(timeIntervalSince1970: try reader.double())
            let document = try reader.optional { reader throws(BinaryReader.Truncated) in try ArticleDocumentCoding.readDocument(&reader) }
            let problem = try reader.optional { reader throws(BinaryReader.Truncated) in try readProblem(&reader) }
            manifest.sources[path] = .init(fingerprint: fingerprint, fetched: fetched, document: document, problem: problem)
        }
        guard reader.isAtEnd else { throw .init() }
        return manifest
    }

    static func write(_ print: SourceFingerprint, to writer: inout BinaryWriter) {
        write(print.file, to: &writer)
        writer.write(print.sidecar) { writer, stamp in write(stamp, to: &writer) }
        writer.write(print.hash)
        writer.write(print.racy)
    }

    static func readFingerprint(_ reader: inout BinaryReader) throws(BinaryReader.Truncated) -> SourceFingerprint {
        let file = try readStamp(&reader)
        let sidecar = try reader.optional { reader throws(BinaryReader.Truncated) in try readStamp(&reader) }
        return SourceFingerprint(file: file, sidecar: sidecar, hash: try reader.string(), racy: try reader.bool())
    }

    static func write(_ stamp: FileStamp, to writer: inout BinaryWriter) {
        writer.write(stamp.size)
        writer.write(stamp.modified)
    }

    static func readStamp(_ reader: inout BinaryReader) throws(BinaryReader.Truncated) -> FileStamp {
        FileStamp(size: try reader.int(), modified: try reader.int64())
    }

    static func write(_ problem: GalleyError, to writer: inout BinaryWriter) {
        writer.write(problem.stage.rawValue)
        writer.write(problem.source) { writer, text in writer.write(text) }
        writer.write(problem.reason)
        writer.write(problem.kind.rawValue)
    }

    static func readProblem(_ reader: inout BinaryReader) throws(BinaryReader.Truncated) -> GalleyError {
        guard let stage = Stage(rawValue: try reader.string()) else { throw .init() }
        let source = try reader.optional { reader throws(BinaryReader.Truncated) in try reader.string() }
        let reason = try reader.string()
        guard let kind = GalleyError.Kind(rawValue: try reader.string()) else { throw .init() }
        return GalleyError(stage, source: source, reason: reason, kind: kind)
    }
}
