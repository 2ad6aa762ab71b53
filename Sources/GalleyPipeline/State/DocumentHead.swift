import Foundation
import GalleyCore
import GalleyRender

/// What a build keeps in memory of an article's document: its source and front matter, and
/// the two things the build asks of its body without rendering it (a digest, the images it
/// shows). The body itself stays in the build state (`document_bodies.body`) from the moment its
/// source is processed, and is read back (`DocumentBodies`) only when the article's page, its
/// full-text feed entry or its kept Markdown file is made: memory grows with the index, not
/// with the corpus.
///
/// Like `ArticleSummary`, its fields live in one shared box, replaced whole when a field is
/// set: a head is held by its processed source, the publishable documents and the index, and
/// each of those copies is then one reference (the front matter alone is about 300 bytes).
struct DocumentHead: Sendable, Equatable {
    private struct Fields: Sendable, Equatable {
        var source: String
        var frontMatter: FrontMatter
        var bodyDigest: UInt64
        /// The body's image URLs, each followed by a NUL (`imageText`); nil once released
        /// (`releasingBodyImages`).
        var bodyImages: String?
    }

    private final class Box: Sendable {
        let fields: Fields
        /// The hash of the head as the build state stores it (`ArticleDocumentCoding`).
        let codedDigest: UInt64
        /// The hash of its front matter alone, as stored.
        let frontMatterDigest: UInt64

        /// `images`: the body's image URLs as a list when the caller has them (the head is coded
        /// from them, not from its text split again).
        init(_ fields: Fields, images: [String]? = nil, codedDigest: UInt64? = nil, frontMatterDigest: UInt64? = nil) {
            self.fields = fields
            if let codedDigest, let frontMatterDigest {
                self.codedDigest = codedDigest
                self.frontMatterDigest = frontMatterDigest
                return
            }
            // Coded once for both: the front matter is the tail of the head's bytes.
            var writer = BinaryWriter()
            let matterStart = ArticleDocumentCoding.write(source: fields.source, bodyDigest: fields.bodyDigest,
                                                          bodyImages: images ?? fields.bodyImages.map(DocumentHead.imageList) ?? [],
                                                          frontMatter: fields.frontMatter, to: &writer)
            self.codedDigest = codedDigest ?? DocumentHead.digest(of: writer.bytes)
            self.frontMatterDigest = frontMatterDigest ?? DocumentHead.digest(of: writer.bytes[matterStart...])
        }
    }

    private var box: Box

    private var fields: Fields {
        get { box.fields }
        set { box = Box(newValue) }
    }

    /// The source's path (`ArticleDocument.source`).
    var source: String {
        get { box.fields.source }
        set { fields.source = newValue }
    }
    var frontMatter: FrontMatter {
        get { box.fields.frontMatter }
        set { fields.frontMatter = newValue }
    }
    /// The hash of the body's UTF-8 (`StableHasher`): stands for the body in the article's
    /// render key.
    var bodyDigest: UInt64 { box.fields.bodyDigest }
    /// The URLs of the images the body shows, in order (`MarkdownRenderer.imageURLs`). Not
    /// to be asked of a head whose images were released.
    var bodyImages: [String] { Self.imageList(bodyImageText) }

    /// The same URLs as slices of `bodyImageText` (no copy of each: the image stage keeps where
    /// the URLs it looks for are in the text).
    var bodyImageTexts: [Substring] { Self.imageSlices(bodyImageText) }

    /// The one text the head holds its body's image URLs in (`imageText`).
    var bodyImageText: String {
        guard let images = box.fields.bodyImages else { preconditionFailure("the body images of \(source) were released") }
        return images
    }

    /// A list of image URLs as one text, each URL followed by a NUL: a head holds its body's
    /// URLs to the image stage, and a list of strings took a list and a string per URL (8 MB at
    /// 50,000 articles, the build's peak); one text takes one string, and none for a body
    /// without images. A URL never holds a NUL: every one is read from cmark's C strings (or
    /// stored from them).
    static func imageText(_ urls: [String]) -> String {
        guard !urls.isEmpty else { return "" }
        var text = ""
        text.reserveCapacity(urls.reduce(0) { $0 + $1.utf8.count + 1 })
        for url in urls {
            text += url
            text += "\0"
        }
        return text
    }

    /// The list `imageText` made the text of.
    static func imageList(_ text: String) -> [String] {
        imageSlices(text).map(String.init)
    }

    /// The same, as slices of the text (found by their NUL bytes: a split by characters
    /// took a tenth of a no-change-but-one build's image phase).
    static func imageSlices(_ text: String) -> [Substring] {
        guard !text.isEmpty else { return [] }
        var urls: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex, index = start
        while index < bytes.endIndex {
            if bytes[index] == 0 {
                urls.append(text[start..<index])
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        return urls
    }

    /// The same head without its body's image URLs, which only the image stage and the
    /// comparison of a head with the stored one ask for: the index's heads are held through
    /// the render phase, and their image URLs were 8 MB at 50,000 articles (a URL and a list
    /// per article). Its digests stay those of the whole head.
    func releasingBodyImages() -> DocumentHead {
        var fields = box.fields
        fields.bodyImages = nil
        var head = self
        head.box = Box(fields, codedDigest: codedDigest, frontMatterDigest: frontMatterDigest)
        return head
    }
    /// The hash of everything above as the build state stores it: what the render keys take
    /// for the document. A head read from the state hashes its stored bytes; a new one is coded
    /// once for it (the keys of every article were coding every head on every build).
    var codedDigest: UInt64 { box.codedDigest }
    /// The hash of the front matter alone as stored: what the render keys take for the article's
    /// card (everything a list item, a feed entry or a related link shows of it comes from its
    /// front matter), so that an edit of its body alone changes its own page only.
    var frontMatterDigest: UInt64 { box.frontMatterDigest }

    /// The head of `document`.
    init(_ document: ArticleDocument) {
        self.init(source: document.source, frontMatter: document.frontMatter, bodyDigest: Self.digest(of: document.body),
                  bodyImages: MarkdownRenderer.imageURLs(in: document.body))
    }

    /// A head as stored (`ArticleDocumentCoding.readHead`); `codedDigest`, when given, is the
    /// digest of the bytes it was read from.
    init(source: String, frontMatter: FrontMatter, bodyDigest: UInt64, bodyImages: [String], codedDigest: UInt64? = nil,
         frontMatterDigest: UInt64? = nil) {
        box = Box(Fields(source: source, frontMatter: frontMatter, bodyDigest: bodyDigest, bodyImages: Self.imageText(bodyImages)),
                  images: bodyImages, codedDigest: codedDigest, frontMatterDigest: frontMatterDigest)
    }

    static func == (lhs: DocumentHead, rhs: DocumentHead) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    /// The whole document again, with the body read back from the state.
    func document(body: String) -> ArticleDocument {
        ArticleDocument(source: source, frontMatter: frontMatter, body: body)
    }

    /// The digest a body is stored under.
    static func digest(of body: String) -> UInt64 {
        var hasher = StableHasher()
        var body = body
        body.withUTF8 { hasher.combine(buffer: UnsafeRawBufferPointer($0)) }
        return hasher.value
    }

    /// The digest of coded bytes (`codedDigest`, `frontMatterDigest`).
    static func digest(of bytes: some Collection<UInt8>) -> UInt64 {
        var hasher = StableHasher()
        if bytes.withContiguousStorageIfAvailable({ hasher.combine(buffer: UnsafeRawBufferPointer($0)) }) != nil { return hasher.value }
        Array(bytes).withUnsafeBytes { hasher.combine(buffer: $0) }
        return hasher.value
    }
}
