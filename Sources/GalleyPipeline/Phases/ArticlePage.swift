import GalleyCore

/// What the phases after the index keep of an article, made from its head once, so that the
/// heads (front matter and body images again, about 330 bytes an article) are not held while
/// images are copied and pages rendered: its source (the key its document is read back from
/// the build state under, head and body, when its page is rendered), its head's digest and its
/// summary's hash (which its render keys stand on), the images it shows and its page's URL
/// (which the images phase looks for), and its summary.
struct ArticlePage: Sendable {
    let source: String
    /// `DocumentHead.codedDigest` of the article's head.
    let headDigest: UInt64
    /// `RenderKey.hash(_:head:)` of its summary.
    let summaryHash: String
    /// The images it shows that the images phase looks for (`ImageStage.imageURLs(of:)`).
    let imageURLs: [String]
    /// Its front matter's `source_url`, as extracted (the images phase resolves mirror paths by it).
    let pageURL: String?
    let summary: ArticleSummary

    init(_ entry: ArticleIndex.Entry) {
        source = entry.head.source
        headDigest = entry.head.codedDigest
        summaryHash = RenderKey.hash(entry.summary, head: entry.head)
        imageURLs = ImageStage.imageURLs(of: entry.head)
        pageURL = entry.head.frontMatter.sourceURL
        summary = entry.summary
    }
}
