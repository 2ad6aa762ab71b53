extension String {
    /// The text without a trailing ellipsis (`[…]`, `[...]`, `…`, `...`) and the blanks before
    /// it: a description cut short, ready to be compared with the text it was cut from (the
    /// extractor's described standfirst, the renderer's repeated-standfirst check).
    package var droppingTrailingEllipsis: String {
        var text = Substring(self)
        for ellipsis in ["[…]", "[...]", "…", "..."] where text.hasSuffix(ellipsis) {
            text = text.dropLast(ellipsis.count)
            while let last = text.unicodeScalars.last, last == " " || last == "\t" { text = text.dropLast() }
        }
        return String(text)
    }
}
