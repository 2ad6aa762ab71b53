import Foundation
import GalleyCore

/// A document's head (`DocumentHead`) and front matter as bytes, for the build state (the heads
/// of unchanged sources; bodies are stored as plain UTF-8 beside them) and the render keys
/// (everything a page is made from). Front matter is written field by field in the
/// order of the schema (`FrontMatter.fields`), each as a kind tag and its value, then `extra`;
/// `schemaSignature` names the layout, so bytes written under another schema are never read.
enum ArticleDocumentCoding {
    /// The schema's keys and kinds: part of the build state's format.
    static let schemaSignature: String = FrontMatter.fields.map { "\($0.key):\(kindTag($0.storage))" }.joined(separator: ",")

    /// Writes a document's head (`documents.head`): source, body digest, body images, front matter.
    static func write(_ head: DocumentHead, to writer: inout BinaryWriter) {
        write(source: head.source, bodyDigest: head.bodyDigest, bodyImages: head.bodyImages, frontMatter: head.frontMatter, to: &writer)
    }

    /// The same, from a head's fields; returns where the front matter starts in `writer`'s
    /// bytes (it is their tail: `DocumentHead.frontMatterDigest` hashes it).
    @discardableResult
    static func write(source: String, bodyDigest: UInt64, bodyImages: [String], frontMatter: FrontMatter, to writer: inout BinaryWriter) -> Int {
        writer.write(source)
        writer.write(bodyDigest)
        writer.write(bodyImages)
        let matterStart = writer.bytes.count
        write(frontMatter, to: &writer)
        return matterStart
    }

    /// The head stored as `bytes` (all of them, their digest its `codedDigest`); nil when they
    /// do not decode to one.
    static func head(decoding bytes: [UInt8]) -> DocumentHead? {
        var reader = BinaryReader(bytes)
        guard let head = try? readHead(&reader, codedDigest: DocumentHead.digest(of: bytes)), reader.isAtEnd else { return nil }
        return head
    }

    /// Reads what `write(_: DocumentHead, to:)` wrote; `codedDigest`: the digest of those bytes,
    /// when the caller has them whole.
    /// The front matter's digest (`DocumentHead.frontMatterDigest`) is that of the bytes it was read from.
    static func readHead(_ reader: inout BinaryReader, codedDigest: UInt64? = nil) throws(BinaryReader.Truncated) -> DocumentHead {
        let source = try reader.string()
        let digest = try reader.uint64()
        let images = try reader.strings()
        let matterStart = reader.position
        let matter = try readFrontMatter(&reader)
        return DocumentHead(source: source, frontMatter: matter, bodyDigest: digest, bodyImages: images, codedDigest: codedDigest,
                            frontMatterDigest: DocumentHead.digest(of: reader.bytesRead(from: matterStart)))
    }

    /// Every field of the schema (absent ones as `absent`), then `extra`.
    static func write(_ matter: FrontMatter, to writer: inout BinaryWriter) {
        for field in FrontMatter.fields { write(field.value(in: matter), to: &writer) }
        writer.write(matter.extra.count)
        for (key, value) in matter.extra.sorted(by: { $0.key < $1.key }) {
            writer.write(key)
            write(value, to: &writer)
        }
    }

    static func readFrontMatter(_ reader: inout BinaryReader) throws(BinaryReader.Truncated) -> FrontMatter {
        var matter = FrontMatter(title: "", date: Timestamp(date: Date(timeIntervalSince1970: 0), utcOffsetSeconds: 0))
        var values: [ArticleField.Value?] = []
        values.reserveCapacity(FrontMatter.fields.count)
        for _ in FrontMatter.fields { values.append(try readValue(&reader)) }
        guard matter.setEveryField(values) else { throw .init() }
        let count = try reader.int()
        guard count >= 0 else { throw .init() }
        for _ in 0..<count { matter.extra[try reader.string()] = try readExtra(&reader) }
        return matter
    }

    // MARK: Values

    private enum Tag: UInt64 { case absent, text, time, list, flag, map }

    private static func kindTag(_ storage: ArticleField.Storage) -> String {
        switch storage {
        case .requiredText: "text!"
        case .text: "text"
        case .languageTag: "language"
        case .requiredTime: "time!"
        case .time: "time"
        case .list: "list"
        case .flag: "flag"
        case .dateSource: "date-source"
        }
    }

    private static func write(_ value: ArticleField.Value?, to writer: inout BinaryWriter) {
        switch value {
        case nil: writer.write(Tag.absent.rawValue)
        case .text(let text)?:
            writer.write(Tag.text.rawValue)
            writer.write(text)
        case .time(let time)?:
            writer.write(Tag.time.rawValue)
            writer.write(time.date.timeIntervalSince1970)
            writer.write(time.utcOffsetSeconds)
        case .list(let items)?:
            writer.write(Tag.list.rawValue)
            writer.write(items)
        case .flag(let flag)?:
            writer.write(Tag.flag.rawValue)
            writer.write(flag)
        }
    }

    private static func readValue(_ reader: inout BinaryReader) throws(BinaryReader.Truncated) -> ArticleField.Value? {
        switch Tag(rawValue: try reader.uint64()) {
        case .absent: return nil
        case .text: return .text(try reader.string())
        case .time: return .time(Timestamp(date: Date(timeIntervalSince1970: try reader.double()), utcOffsetSeconds: try reader.int()))
        case .list: return .list(try reader.strings())
        case .flag: return .flag(try reader.bool())
        case .map, nil: throw .init()
        }
    }

    private static func write(_ value: FrontMatterValue, to writer: inout BinaryWriter) {
        switch value {
        case .text(let text):
            writer.write(Tag.text.rawValue)
            writer.write(text)
        case .flag(let flag):
            writer.write(Tag.flag.rawValue)
            writer.write(flag)
        case .list(let items):
            writer.write(Tag.list.rawValue)
            writer.write(items.count)
            for item in items { write(item, to: &writer) }
        case .map(let members):
            writer.write(Tag.map.rawValue)
            writer.write(members.count)
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                writer.write(key)
                write(member, to: &writer)
            }
        }
    }

    private static func readExtra(_ reader: inout BinaryReader) throws(BinaryReader.Truncated) -> FrontMatterValue {
        switch Tag(rawValue: try reader.uint64()) {
        case .text: return .text(try reader.string())
        case .flag: return .flag(try reader.bool())
        case .list:
            let count = try reader.int()
            guard count >= 0 else { throw .init() }
            var items: [FrontMatterValue] = []
            for _ in 0..<count { items.append(try readExtra(&reader)) }
            return .list(items)
        case .map:
            let count = try reader.int()
            guard count >= 0 else { throw .init() }
            var members: [String: FrontMatterValue] = [:]
            for _ in 0..<count { members[try reader.string()] = try readExtra(&reader) }
            return .map(members)
        case .absent, .time, nil: throw .init()
        }
    }
}
