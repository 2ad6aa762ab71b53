/// How a build keeps a picture that a page inlined as a `data:` URI (SingleFile, "save as single
/// file"): the article's stored body names it `inline-picture:` followed by the SHA-256 of the
/// URI (hex), and the URI itself is kept once beside the body, read back only when the
/// picture's files are made or the article's Markdown is kept. A document's head then lists a
/// short name instead of a URI of hundreds of KB. A name is not a URL a page can show: a
/// picture that was not copied into the site is dropped, as an inlined one is.
public enum InlinePicture {
    public static let scheme = "inline-picture:"

    /// Whether `url` names an inlined picture.
    public static func isName(_ url: String) -> Bool {
        url.hasPrefix(scheme)
    }

    /// The name of the picture whose URI has SHA-256 `digest` (hex).
    public static func name(digest: String) -> String {
        scheme + digest
    }
}
