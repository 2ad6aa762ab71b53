import Foundation
import GalleyCore

/// An `ArticleDocument` as bytes, for the build state (documents of unchanged sources) and the
/// render key (everything an article page is made from).
enum ArticleDocumentCoding {
    static func write(_ document: ArticleDocument, to writer: inout BinaryWriter) {
        writer.write(document.source)
        writer.write(document.body)
        let matter = document.frontMatter
        writer.write(matter.title)
        write(matter.date, to: &writer)
        writer.write(matter.modified) { writer, time in write(time, to: &writer) }
        for field in [matter.author, matter.editor, matter.region, matter.summary, matter.image, matter.imageCaption,
                      matter.section, matter.sourceURL, matter.lang, matter.slug] {
            writer.write(field) { writer, text in writer.write(text) }
        }
        writer.write(matter.tags)
        writer.write(matter.draft)
        writer.write(matter.dateSource.rawValue)
    }

    static func readDocument(_ reader: inout BinaryReader) throws(BinaryReader.Truncated) -> ArticleDocument {
        let source = try reader.string()
        let body = try reader.string()
        let title = try reader.string()
        let date = try readTimestamp(&reader)
        let modified = try reader.optional { reader throws(BinaryReader.Truncated) in try readTimestamp(&reader) }
        var texts: [String?] = []
        for _ in 0..<10 { texts.append(try reader.optional { reader throws(BinaryReader.Truncated) in try reader.string() }) }
        var matter = FrontMatter(title: title, date: date, modified: modified, author: texts[0], editor: texts[1], tags: try reader.strings(),
                                 region: texts[2], summary: texts[3], image: texts[4], imageCaption: texts[5], section: texts[6],
                                 sourceURL: texts[7], lang: texts[8], slug: texts[9], draft: try reader.bool())
        guard let dateSource = DateSource(rawValue: try reader.string()) else { throw .init() }
        matter.dateSource = dateSource
        return ArticleDocument(source: source, frontMatter: matter, body: body)
    }

    static func write(_ time: Timestamp, to writer: inout BinaryWriter) {
        writer.write(time.date.timeIntervalSince1970)
        writer.write(time.utcOffsetSeconds)
    }

    static func readTimestamp(_ reader: inout BinaryReader) throws(BinaryReader.Truncated) -> Timestamp {
        Timestamp(date: Date(timeIntervalSince1970: try reader.double()), utcOffsetSeconds: try reader.int())
    }

}
