import Foundation
import GalleyCore

/// Atom 1.0 feeds (RFC 4287). Entry ids are `tag:` URIs from the host, the publication date and
/// the slug, so they stay the same when an article is updated.
///
/// With `feed_content: full` each entry also carries the article as HTML (`<content
/// type="html">`, escaped), as its page shows it.
///
/// Each feed is planned (`plannedFeed`) and written later, on any thread, from its own list of
/// entries: an article in several feeds (home, its tags, its region) is written into each.
struct AtomFeedWriter: Sendable {
    let config: SiteConfig
    let now: Date
    let paths: SitePaths
    /// The host in entry ids.
    private let host: String
    /// An article's body as HTML (`feed_content: full`), or nil for summaries only.
    let body: (@Sendable (ArticleSummary) -> String?)?

    init(config: SiteConfig, now: Date, body: (@Sendable (ArticleSummary) -> String?)? = nil) {
        self.config = config
        self.now = now
        self.body = body
        paths = config.paths
        host = URL(string: paths.baseURL)?.host ?? "localhost"
    }

    /// The feed of the newest `feedItems` of `items`, made when it is written. Its inputs are
    /// its path, title and entries' summaries (config values are in the render inputs), unless
    /// it shows whole bodies or has no entry (it is then dated by the clock).
    func plannedFeed(path: String, listPath: String, title: String, items: [ArticleSummary]) -> PlannedFile {
        let entries = Array(items.prefix(config.feedItems))
        let inputs = body == nil && !entries.isEmpty
            ? PlannedFile.Inputs(identity: "atom\u{1}\(path)\u{1}\(listPath)\u{1}\(title)", items: entries) : nil
        return PlannedFile(path: path, inputs: inputs) { feed(path: path, listPath: listPath, title: title, items: entries).bytes }
    }

    func feed(path: String, listPath: String, title: String, items: [ArticleSummary]) -> RenderedPage {
        let entries = items.prefix(config.feedItems)
        let updated = entries.map { $0.modified ?? $0.published }.max()
            ?? Timestamp(date: now, utcOffsetSeconds: 0)
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(MarkupEscaper.xml(config.language))">
          <title>\(MarkupEscaper.xml(title))</title>
          <id>\(MarkupEscaper.xml(paths.absoluteURL(listPath)))</id>
          <link rel="self" type="application/atom+xml" href="\(MarkupEscaper.xml(paths.absoluteURL(path)))"/>
          <link rel="alternate" type="text/html" href="\(MarkupEscaper.xml(paths.absoluteURL(listPath)))"/>
          <updated>\(updated.rfc3339)</updated>
          <author><name>\(MarkupEscaper.xml(config.title))</name></author>
          <generator>galley</generator>

        """
        for item in entries { xml += entry(item) }
        xml += "</feed>\n"
        return RenderedPage(path: path, text: xml)
    }

    private func entry(_ item: ArticleSummary) -> String {
        var xml = """
          <entry>
            <title>\(MarkupEscaper.xml(item.title))</title>
            <id>\(MarkupEscaper.xml(entryID(item)))</id>
            <link rel="alternate" type="text/html" href="\(MarkupEscaper.xml(paths.absoluteURL(item.path)))"/>
            <published>\(item.published.rfc3339)</published>
            <updated>\((item.modified ?? item.published).rfc3339)</updated>

        """
        if let byline = item.byline { xml += "    <author><name>\(MarkupEscaper.xml(byline))</name></author>\n" }
        if let summary = item.summary { xml += "    <summary type=\"text\">\(MarkupEscaper.xml(summary))</summary>\n" }
        if let html = body?(item) {
            // xml:base resolves the body's relative links against the article's own page.
            let base = MarkupEscaper.xml(paths.absoluteURL(item.path))
            xml += "    <content type=\"html\" xml:base=\"\(base)\">\(MarkupEscaper.xml(html))</content>\n"
        }
        for tag in item.tags { xml += "    <category term=\"\(MarkupEscaper.xml(tag.slug))\" label=\"\(MarkupEscaper.xml(tag.name))\"/>\n" }
        xml += "  </entry>\n"
        return xml
    }

    /// `tag:news.example.org,2020-10-13:banjir-jakarta` (RFC 4151).
    func entryID(_ item: ArticleSummary) -> String {
        let day = item.published.rfc3339.prefix(10)
        return "tag:\(host),\(day):\(item.slug)"
    }
}
