import GalleyCore

/// The HTML of an image copied into the site: a `<picture>` offering the WebP files, then the
/// image's own format at every width (`srcset` + `sizes`), with `width` and `height` so the
/// layout keeps its place while the file loads.
struct LocalImageMarkup {
    /// How a page links a file under the output folder (relative to the page, or absolute in feeds).
    let link: (String) -> String

    /// The `sizes` of an image in the article column (at most 70ch), of the first card of a
    /// list (60% of the 72rem page on wide screens, else the whole width), and of the other
    /// cards (three columns, two, one), as the default theme's CSS lays them out.
    static let columnSizes = "(min-width: 48rem) 46rem, 100vw"
    static let firstCardSizes = "(min-width: 64em) 43rem, 100vw"
    static let cardSizes = "(min-width: 64em) 22rem, (min-width: 40em) 50vw, 100vw"

    /// `<picture>…<img …></picture>`; `altHTML` is the alternative text already escaped for an
    /// attribute (as cmark writes it).
    func html(_ image: LocalImage, altHTML: String, sizes: String, eager: Bool, imageClass: String? = nil) -> String {
        var html = "<picture>"
        if image.webp != image.fallback {
            html += #"<source type="image/webp" srcset=""# + MarkupEscaper.html(srcset(image.webp)) + #"" sizes=""# + sizes + #"">"#
        }
        html += "<img"
        if let imageClass { html += #" class=""# + MarkupEscaper.html(imageClass) + #"""# }
        html += #" src=""# + MarkupEscaper.html(link(image.path)) + #"" srcset=""# + MarkupEscaper.html(srcset(image.fallback))
        html += #"" sizes=""# + sizes + #"" width="\#(image.width)" height="\#(image.height)" alt=""# + altHTML + #"""#
        html += eager ? #" loading="eager" fetchpriority="high""# : #" loading="lazy""#
        html += #" decoding="async"></picture>"#
        return html
    }

    /// `url 480w, url 960w`.
    func srcset(_ files: [LocalImage.File]) -> String {
        files.map { link($0.path) + " \($0.width)w" }.joined(separator: ", ")
    }
}
