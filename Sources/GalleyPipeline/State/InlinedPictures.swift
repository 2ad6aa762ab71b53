import GalleyCore
import GalleyImages
import GalleyRender

/// The inlined pictures (`data:` URIs) of an article's body taken out of it and named
/// (`InlinePicture`), so that the body and head the build keeps and reads back on every build
/// stay small; and put back where a whole body must be written out (a kept Markdown file).
enum InlinedPictures {
    /// `body` with each picture inlined as a `data:` URI replaced by its name, and the URIs by
    /// name. A body without any comes back as it is.
    static func split(_ body: String) -> (body: String, pictures: [String: String]) {
        let uris = MarkdownRenderer.imageURLs(in: body).filter(URLPolicy.isDataURI)
        guard !uris.isEmpty else { return (body, [:]) }
        var named = body
        var pictures: [String: String] = [:]
        // Told apart by name, not by a set of the URIs (hashing each URI again).
        for uri in uris {
            let name = InlinePicture.name(digest: ImagePlan.sha256(of: Array(uri.utf8)))
            guard pictures.updateValue(uri, forKey: name) == nil else { continue }
            named = ByteSearch.replacing(uri, with: name, in: named)
        }
        return (named, pictures)
    }

    /// `body` with each picture name of `pictures` replaced by its URI again.
    static func restore(_ body: String, pictures: [String: String]) -> String {
        pictures.reduce(body) { text, picture in ByteSearch.replacing(picture.key, with: picture.value, in: text) }
    }
}
