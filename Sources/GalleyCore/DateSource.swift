/// Where an article's publication time came from: front matter `date_source`.
///
/// A scraped page's date is chosen in this order (see `DateFallback` in the pipeline): the
/// page's own date, else the fetch, else the source file.
/// - `page`: the page itself (structured data, meta tags, `<time>`, a visible date; a page that
///   gives only when it was modified counts too), or the author of a hand-written `.md` file.
/// - `fetched`: the page showed no date and the scraper's record of the fetch gave one: the
///   sidecar's `fetched_at`, else the `last-modified` response header in its `headers` (both
///   come from the fetch, so both are `fetched`).
/// - `file`: neither the page nor the fetch gave a date: the source file's modification time,
///   the last resort. Such an article stays out of the Google News sitemap.
///
/// Front matter names the key only when it is not `page` (most articles carry their own date,
/// and a hand-written `.md` file's `date` is its author's); an absent key reads as `page`.
public enum DateSource: String, Sendable, Hashable, Codable, CaseIterable {
    case page, fetched, file
}
