import GalleyCore

/// What the phases after the index keep of an article, taken from its head once, so that the
/// heads (front matter again, about 330 bytes an article) are not held while images are copied
/// and pages rendered: its source (the key its document is read back from the build state
/// under, head and body, when its page is rendered), its head's digest and its summary's digest
/// (which its render keys stand on), the images it shows and its page's URL (which the images
/// phase looks for), and its summary.
struct ArticlePage: Sendable {
    let source: String
    /// `DocumentHead.codedDigest` of the article's head.
    let headDigest: UInt64
    /// `RenderKey.summaryDigest(_:head:)` of its summary.
    let summaryDigest: UInt64
    /// Its front matter's lead image and its body's images, as the head has them (shared with
    /// it: making a page allocates nothing per article, so the heads' memory, once let go, is
    /// there for what the render phase allocates).
    let leadImage: String?
    let bodyImages: [String]
    /// Its front matter's `source_url`, as extracted (the images phase resolves mirror paths by it).
    let pageURL: String?
    let summary: ArticleSummary

    init(_ entry: ArticleIndex.Entry) {
        source = entry.head.source
        headDigest = entry.head.codedDigest
        summaryDigest = RenderKey.summaryDigest(entry.summary, head: entry.head)
        leadImage = entry.head.frontMatter.image
        bodyImages = entry.head.bodyImages
        pageURL = entry.head.frontMatter.sourceURL
        summary = entry.summary
    }

    /// The images it shows that the images phase looks for (`ImageStage.imageURLs(lead:body:)`).
    var imageURLs: [String] { ImageStage.imageURLs(lead: leadImage, body: bodyImages) }
}
