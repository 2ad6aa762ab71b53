import GalleyCore

/// What `galley init` writes into a new site folder: a `galley.yml` naming every key with its
/// default and what it does, one hand-written Markdown article, one scraped page with its
/// sidecar, and a README with the next commands.
public enum SiteScaffold {
    /// A file to write: its path relative to the site folder and its text.
    public struct File: Sendable, Equatable {
        public let path: String
        public let text: String
    }

    /// The files, in the order they are written.
    public static var files: [File] {
        [
            File(path: "galley.yml", text: config),
            File(path: "content/welcome.md", text: markdownArticle),
            File(path: "content/scraped/harbour-reopens.html", text: scrapedPage),
            File(path: "content/scraped/harbour-reopens.json", text: sidecar),
            File(path: "README.md", text: readme),
        ]
    }

    /// One line per key of `galley.yml` (a test holds the keys equal to `SiteConfig.keys`).
    public static let keyHelp: [(key: String, help: String)] = [
        ("title", "the site's name: page titles, the header, feeds"),
        ("description", "one line about the site: the home page, the footer, the home feed"),
        ("language", "the site's language (BCP 47): <html lang>, UI words and date names (id and en built in)"),
        ("timezone", "IANA time zone dates are shown and read in (Asia/Jakarta shows WIB)"),
        ("permalink", "article URLs; tokens :year :month :day :slug :section :region; must contain :slug"),
        ("regions", "region rules: by_source (page host or host + path → region) and aliases (spelling → region)"),
        ("tags", "tag rules: aliases (spelling → tag, case-insensitive)"),
        ("canonical", "the canonical URL of article pages: self (this site) or source (the original article)"),
        ("undated", "a scraped page without a date of its own: publish (dated by its fetch or file) or reject"),
        ("mirror_urls", "a page without a sidecar in a folder named like a host (wget -m, HTTrack): auto (its URL from its path) or off"),
        ("base_url", "the site's absolute http(s) URL: canonical URLs, feeds and the sitemap use it"),
        ("items_per_page", "articles per list page (home, tag, region)"),
        ("feed_items", "entries per Atom feed"),
        ("feed_content", "what a feed entry carries: summary, or full (the whole article as HTML)"),
        ("search", "a search page and a header search box (Pagefind); galley build --search also builds the index"),
        ("images", "image rules: images found in the scrape are copied into media/ at these widths (never enlarged), as WebP and their own format; max_pixels refuses larger ones; remote: keep (link the page's other images, lazily, without a referrer) or drop (leave them out)"),
    ]

    /// `galley.yml` with every key at its default, each under a comment saying what it does.
    static var config: String {
        let defaults = ConfigWriter.yaml(SiteConfig())
        var text = "# galley.yml: every key with its default. `galley config` prints the values a build uses.\n"
        for line in defaults.split(separator: "\n", omittingEmptySubsequences: false) {
            let key = line.prefix { $0 != ":" }
            if !line.hasPrefix(" "), let help = keyHelp.first(where: { $0.key == key })?.help {
                text += "\n# \(help)\n"
            }
            text += line + "\n"
        }
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text
    }

    static let markdownArticle = """
        ---
        title: Welcome to your galley site
        date: 2026-01-05T09:00:00+07:00
        author: The Editors
        tags: [Galley]
        summary: A hand-written article; Markdown files in content/ are published as they are.
        ---

        This article is a Markdown file with front matter, `content/welcome.md`. Edit it, or delete
        it, and run `galley build` again.

        Scraped pages go beside it: every `.html` file in `content/` is read like a browser would
        read it, its article found and its menus, share buttons and "read also" links dropped. A
        sidecar `NAME.json` next to a page tells galley where the page came from and when it was
        fetched.

        """

    static let scrapedPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Harbour Reopens After Storm Repairs | Coast Daily</title>
        <meta property="og:title" content="Harbour Reopens After Storm Repairs">
        <meta property="og:type" content="article">
        <meta property="og:site_name" content="Coast Daily">
        <meta property="article:published_time" content="2026-01-04T16:30:00+07:00">
        <meta name="author" content="Rina Sari">
        <meta name="description" content="Fishing boats returned to the north harbour on Sunday after three weeks of repairs.">
        </head>
        <body>
        <nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/sport/">Sport</a></nav>
        <article>
        <h1>Harbour Reopens After Storm Repairs</h1>
        <p class="byline">By Rina Sari</p>
        <p>Fishing boats returned to the north harbour on Sunday after three weeks of repairs to the
        breakwater, which December's storm had cracked in two places.</p>
        <p>The harbour master said the first boats left before dawn and came back with a full catch.
        Traders at the fish market, closed since the storm, opened their stalls again by noon.</p>
        <p><strong>Read also:</strong> <a href="/news/storm-damage">Storm damage along the coast</a></p>
        <p>Engineers will keep checking the new concrete every week until the end of the rainy season,
        and the port authority has asked skippers to keep clear of the eastern arm at high tide.</p>
        <div class="share">Share: <a href="https://facebook.example/share">Facebook</a></div>
        </article>
        <footer>© Coast Daily</footer>
        </body>
        </html>

        """

    static let sidecar = """
        {
          "url": "https://coastdaily.example/news/harbour-reopens-after-storm-repairs",
          "fetched_at": "2026-01-04T18:02:11+07:00",
          "headers": {"content-type": "text/html; charset=utf-8"}
        }

        """

    static let readme = """
        # A galley site

        - `galley.yml`: the site's settings, every key with its default (`galley config` prints
          the values a build uses).
        - `content/`: what the site is made from: Markdown articles (`welcome.md`) and scraped
          pages with their sidecars (`scraped/harbour-reopens.html` and `.json`).

        Next:

        ```sh
        galley build                  # writes the site to public/
        galley serve                  # previews it at http://127.0.0.1:8080/, rebuilding on every save
        galley theme export templates # only to change the theme: edit the files in templates/
        ```

        """
}
