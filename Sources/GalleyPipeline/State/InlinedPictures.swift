import GalleyCore
import GalleyImages
import GalleyRender

/// The inlined pictures (`data:` URIs) of an article's body taken out of it and named
/// (`InlinePicture`), so that the body and head the build keeps and reads back on every build
/// stay small; and put back where a whole body must be written out (a kept Markdown file).
enum InlinedPictures {
    /// `body` with each picture inlined as a `data:` URI replaced by its name, the URIs by name,
    /// and the URLs of the images the body now shows, in order (`MarkdownRenderer.imageURLs`,
    /// scanned once: a name stands where its URI was). A body without any comes back as it is.
    static func split(_ body: String) -> (body: String, pictures: [String: String], images: [String]) {
        let urls = MarkdownRenderer.imageURLs(in: body)
        guard urls.contains(where: URLPolicy.isDataURI) else { return (body, [:], urls) }
        var named = body
        var pictures: [String: String] = [:]
        var images: [String] = []
        // Told apart by name, not by a set of the URIs (hashing each URI again).
        for url in urls {
            guard URLPolicy.isDataURI(url) else {
                images.append(url)
                continue
            }
            let name = InlinePicture.name(digest: ImagePlan.sha256(of: Array(url.utf8)))
            images.append(name)
            guard pictures.updateValue(url, forKey: name) == nil else { continue }
            named = ByteSearch.replacing(url, with: name, in: named)
        }
        return (named, pictures, images)
    }

    /// `body` with each picture name of `pictures` replaced by its URI again.
    static func restore(_ body: String, pictures: [String: String]) -> String {
        pictures.reduce(body) { text, picture in ByteSearch.replacing(picture.key, with: picture.value, in: text) }
    }
}
