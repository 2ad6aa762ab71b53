/// Every knob of stage 1 in one place: weights, thresholds and patterns, with their defaults.
///
/// The scorer and the cleaner read these; nothing else in the module hard-codes a word list
/// or a number. Change a value here and re-run the corpus measurements (README, "Measuring").
struct ExtractionHeuristics: Sendable {
    // MARK: Parsing (hostile pages; `MarkupGuard`, `ParserHalt`)

    /// A start tag keeps at most this many attributes; the rest are dropped before parsing.
    /// libxml2 2.9.14 compares every attribute of a tag with each earlier one, so n attributes
    /// cost O(n²) (80,000 took 15 s). The most seen on a real page is 70 (311 corpus pages).
    var maximumAttributesPerTag = 256
    /// A `<script>` or `<style>` whose text is longer than this (bytes) is emptied before
    /// parsing: libxml2 stops at a text node over `libxml2TextLimit`.
    var maximumScriptLength = 1 << 20
    /// libxml2's limits without XML_PARSE_HUGE (which galley does not pass): the longest text
    /// node (`XML_MAX_TEXT_LENGTH`, bytes) and the deepest nesting (`xmlParserMaxDepth`). libxml2
    /// stops reading a page at either; such a page is refused with a reason naming the limit
    /// rather than handed on cut.
    static let libxml2TextLimit = 10_000_000
    static let libxml2DepthLimit = 256

    // MARK: Scoring (readability-style)

    /// A text block shorter than this (characters) adds nothing to its ancestors' scores.
    var minimumScoredTextLength = 25
    /// Ancestors that receive a paragraph's score, and the divisor each receives it with.
    var ancestorDivisors: [Double] = [1, 2, 3]
    /// One point per this many characters of a paragraph, up to `lengthPointsCap`.
    var charactersPerPoint = 100.0
    var lengthPointsCap = 3.0
    /// Added to or taken from a candidate whose class/id matches the positive/negative patterns.
    var classWeight = 25.0
    /// The positive class weight is given in full to a candidate with this many characters of
    /// text, and in proportion below: a short headline or teaser block named "header-text"
    /// does not outscore the article body.
    var positiveClassFullWeightLength = 500
    /// A sibling of the top candidate joins the article when its score reaches this share of
    /// the top score (and at least `siblingMinimumScore`).
    var siblingScoreShare = 0.2
    var siblingMinimumScore = 10.0

    /// How many of the best candidates are looked at for a shared ancestor, how close to the
    /// top score they must be, and how many must share it (an article split into chunks).
    var alternativeCandidates = 5
    var alternativeCandidateShare = 0.75
    var minimumAlternativesForAncestor = 3

    /// An element marked `itemprop="articleBody"` is the article when it is the page's only one
    /// and holds at least this many characters, a paragraph (a few sites mark an empty or a
    /// one-line element). It is taken even inside an `<aside>` or `<nav>` (`PageAnalysis`).
    var minimumMarkedBodyLength = 140

    /// Other elements with the top candidate's tag and class join it as chunks of the same
    /// article when they hold at least this much text with at most this link density.
    var minimumChunkLength = 80
    var maximumChunkLinkDensity = 0.5
    /// Chunks must average at least this many characters (teaser cards do not).
    var minimumAverageChunkLength = 250

    /// The standfirst before the article body (`Standfirst`): an element whose class or id
    /// holds one of these words, before the chosen container (a preceding sibling of it or of
    /// its `standfirstSearchLevels` nearest ancestors, or inside one), of
    /// `minimumStandfirstLength`…`maximumStandfirstLength` characters, joins the body at the top.
    /// A shorter one is a subtitle or deck, display type like the headline: the benchmark's
    /// answers leave those out (40 characters: trafilatura-eval-train F1 +0.0003, body F1
    /// -0.0006 against 150).
    var standfirstWords: Set<String> = [
        "lead", "lede", "intro", "introduction", "teaser", "excerpt", "perex", "chapo", "chapeau", "standfirst",
        "summary", "subtitle", "subheadline", "deck", "abstract", "articleintro", "article-excerpt", "article-teaser",
    ]
    var standfirstSearchLevels = 3
    /// Class/id words of a block that holds the article's lead picture (`LeadPicture`, searched
    /// like the standfirst): one with an image and at most a caption opens the content.
    var pictureWords: Set<String> = ["image", "img", "photo", "picture", "media", "figure", "foto", "gambar", "hero", "visual", "lead-art"]
    /// A lead picture holds at most this much text (its caption and credit), little of it links.
    var maximumLeadPictureTextLength = 360
    var maximumLeadPictureLinkDensity = 0.5
    /// The caption of a figure whose picture could not be read stays running text when longer
    /// than this (a gallery's text).
    var maximumUnreadPictureCaptionLength = 240
    var minimumStandfirstLength = 150
    var maximumStandfirstLength = 800
    /// A standfirst is prose: at most this share of its text in links.
    var maximumStandfirstLinkDensity = 0.3
    /// A block before the body holding more text than this is other content, not the article's
    /// head: the standfirst is not looked for inside it.
    var maximumStandfirstSearchLength = 1600

    // MARK: Readerable check (what is not an article)

    /// Lengths in this section are characters with runs of whitespace as one, except that a CJK
    /// ideograph or kana counts this many (one carries about as much as a three-letter word
    /// with its space: 150 characters of Chinese read like 450 of English)…
    var cjkCharacterWeight = 3
    /// … and a Hangul syllable this many (Korean also writes spaces between words).
    var hangulSyllableWeight = 2

    /// Fewer characters of article text than this: not an article. A short news item or blog
    /// post of two or three sentences passes; a page whose chosen block is a label, a caption
    /// or an error message does not.
    var minimumArticleCharacters = 200
    /// The same for a page that declares itself an article (JSON-LD, `og:type`, `article:*`):
    /// one paragraph.
    var minimumDeclaredArticleCharacters = 140
    /// Text at least this long passes without the continuous-text score (short-paragraph styles:
    /// a post of four 110-character paragraphs). Listings of that length are told by their
    /// teaser cards and links.
    var readerableLengthExemption = 400
    /// Blocks shorter than this count nothing towards "continuous text".
    var readerableBlockLength = 140
    /// Sum over long blocks of sqrt(length − readerableBlockLength) must reach this (for pages
    /// that do not declare an article and are shorter than `readerableLengthExemption`): one
    /// paragraph of about 200 characters, or a few a little over 140. Readability's 20 (one
    /// paragraph of 540) rejected short posts and news items.
    var minimumReaderableScore = 8.0
    /// Article text more than this share inside links: a listing page, not an article.
    var maximumArticleLinkDensity = 0.45
    /// Teaser cards (`TeaserCards`) on a page that does not declare an article: a headline is a
    /// link of at least `minimumHeadlineWords` words to a page of the site that opens a block
    /// as its whole first line; a card is a headline and a summary of at most
    /// `maximumTeaserSummaryLength` characters before the next headline. At least
    /// `minimumTeaserCards` cards to different pages holding `minimumTeaserCardShare` of the
    /// text: a home, section, tag or archive page.
    var minimumHeadlineWords = 3
    var maximumTeaserSummaryLength = 600
    var minimumTeaserCards = 5
    var minimumTeaserCardShare = 0.6
    /// JSON-LD types that declare a page is not a single article.
    var listingPageTypes: Set<String> = ["CollectionPage", "SearchResultsPage", "ItemList", "ProfilePage"]
    /// JSON-LD types that declare an article.
    var articleTypes: Set<String> = [
        "Article", "NewsArticle", "ReportageNews", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "TechArticle",
        "ScholarlyArticle", "Report", "SocialMediaPosting",
    ]

    // MARK: Cleaning

    /// Elements dropped with everything inside them.
    var droppedElements: Set<String> = [
        "script", "style", "template", "iframe", "object", "embed", "applet", "input", "button",
        "select", "textarea", "option", "nav", "aside", "footer", "svg", "math", "canvas", "dialog",
        "link", "meta", "head", "title", "audio", "video", "source", "track", "map", "area", "label",
        "menu", "frameset", "frame", "noframes", "param", "picture-source",
    ]
    /// A `<form>` holding less than this share of the page's text is a widget (search,
    /// newsletter) and is dropped; a bigger one wraps the page (ASP.NET) and is kept.
    var maximumWidgetFormShare = 0.3
    /// Elements never scored as article candidates.
    var unscoredElements: Set<String> = ["header", "nav", "aside", "footer", "form", "figure", "table", "ul", "ol"]

    /// Class/id words that mark boilerplate when they appear as a whole word (split on `-_ `).
    var boilerplateWords: Set<String> = [
        "ad", "ads", "advert", "advertisement", "adsbygoogle", "banner", "breadcrumb", "breadcrumbs",
        "comment", "comments", "disqus", "share", "sharing", "social", "socials", "sosmed", "related",
        "terkait", "newsletter", "subscribe", "subscription", "cookie", "cookies", "consent", "gdpr",
        "popup", "modal", "promo", "sponsor", "sponsored", "sidebar", "widget", "outbrain", "taboola",
        "recommended", "rekomendasi", "trending", "populer", "popular", "terpopuler", "bacajuga", "baca",
        "readmore", "read-more", "more-stories", "nav", "navbar", "menu", "footer", "masthead", "pagination",
        "pager", "tags", "tag", "topik", "author-bio", "bio", "paywall", "signup", "print", "toolbar",
        "byline", "meta", "dateline", "skip",
        "caption-credit", "infinite", "next-article", "prev-article", "jump", "kanal", "terkini",
        "date", "datetime", "timestamp", "tanggal", "posted-on", "entry-meta", "post-meta", "article-meta",
        "gallery", "slideshow", "carousel", "lightbox", "control-panel", "controls", "thumbnails",
        "cta", "disclaimer", "affiliate", "toc", "postmetadata", "postmeta",
    ]
    /// Class/id words of teasers: a card for another story when at least
    /// `minimumTeaserLinkDensity` of its text is links (its headline), dropped; without links
    /// the article's own lead (`standfirstWords`), kept.
    var teaserWords: Set<String> = ["teaser", "teasers", "nextstory", "next-story", "relatedpost", "relatedposts"]
    var minimumTeaserLinkDensity = 0.2
    /// Whole class names of text that is never shown (screen-reader and hidden-state utility
    /// classes): dropped even inside a content class. Whole names only: `hidden-xs` or
    /// `d-none d-md-block` are shown on some screens.
    var invisibleClassNames: Set<String> = [
        "hidden", "hide", "is-hidden", "u-hidden", "invisible", "sr-only", "sr-only-focusable", "visually-hidden",
        "visuallyhidden", "screen-reader-text", "screen-reader-only", "assistive-text", "offscreen",
    ]
    /// A link with words of its sentence right beside it is part of the sentence: its class
    /// ("tag-link", "auto-tag_donald-trump", "share") never drops it (`invisibleClassNames` do).
    /// The boilerplate words and fragments that name ads. A block named only by these that holds
    /// at least `adSlotMaximumProse` characters of text outside links is content with ad slots
    /// in it (`TestReport__Section--Ads`, `article-with-ads`), not an ad.
    var adWords: Set<String> = ["ad", "ads", "advert", "advertisement", "adsbygoogle", "banner"]
    var adSlotMaximumProse = 300
    /// Parts of class/id tokens that mark boilerplate wherever they appear in a token
    /// (`relatedpoststitle`, `sidebarWidget`, `newsletterSignup`).
    var boilerplateFragments: [String] = [
        "related", "sidebar", "newsletter", "subscri", "advert", "sponsor", "cookie", "popup", "breadcrumb",
        "disqus", "outbrain", "taboola", "recommend", "terkait", "bacajuga", "socialshare", "sharebar",
        "sharing", "comment-", "comments", "commentlist", "promo",
        "disclaimer", "affiliate", "table-of-contents",
        // the same in other languages: comments, related stories, reading tips
        "kommentar", "komentar", "comentario", "commentaire", "commenti", "komentarze", "relacionad", "similaire",
        "correlat", "verwandt", "aehnliche", "lesetipp", "weiterlesen",
    ]
    /// Parts of class/id tokens of the author box under an article ("mvp-author-box-wrap",
    /// "post-author__bio", "saboxplugin-desc"): boilerplate even where the class also names
    /// content ("post-author" holds "post").
    var authorBoxFragments: [String] = [
        "author-box", "authorbox", "author-bio", "author-info", "author-desc", "about-author", "about-the-author",
        "post-author", "author-card", "saboxplugin",
    ]
    /// Class/id words of caption and photo-credit blocks: kept in the Markdown as captions, but
    /// not running text (`PlainText` leaves them out).
    var captionWords: Set<String> = [
        "caption", "captions", "credit", "credits", "wp-caption-text", "photo-credit", "image-credit", "keterangan",
        "copyright", "legend", "bildunterschrift", "bildquelle",
    ]
    /// Short blocks (at most `maximumCreditLineLength`) starting with one of these
    /// (case-insensitive) are picture credits or source lines: captions, not running text.
    var creditPrefixes: [String] = [
        "©", "(c) ", "foto:", "fotos:", "foto ©", "photo:", "photos:", "photo by", "photos by", "photograph by", "photograph:",
        "picture:", "image:", "credit:", "credits:", "crédit", "crédits", "bild:", "bilder:", "titelbild", "beitragsbild",
        "quelle:", "source:", "fuente:", "imagen:", "fotografía:",
    ]
    /// An element with boilerplate words in its class is still kept when it holds at least this
    /// share of the page's visible text (with few links): it wraps the article.
    var boilerplateProtectedShare = 0.3
    /// Class/id words that mark the article body; they protect an element from the word list above.
    var contentWords: Set<String> = [
        "article", "body", "content", "entry", "hentry", "main", "post", "story", "text", "detail",
        "read", "isi", "berita", "artikel", "news-content", "articlebody", "article-body", "post-content",
        "entry-content", "story-body", "detail-text", "txt",
    ]

    /// Short blocks starting with one of these (case-insensitive) are "read also" inserts or
    /// ad labels, dropped from the body. In the languages of the pages galley reads, with the
    /// colon where a bare word would also start a sentence ("Lea: …", "Mira: …").
    var insertPrefixes: [String] = [
        // Indonesian
        "baca juga", "baca:", "lihat juga", "simak juga", "simak:", "artikel terkait", "berita terkait", "iklan",
        "scroll untuk", "bagikan", "ikuti kami", "download aplikasi", "klik di sini",
        // English
        "read also", "read more", "also read", "read next", "related:", "related articles", "related stories",
        "see also", "advertisement", "scroll to continue", "loading...", "share this", "follow us", "sign up for",
        "subscribe to", "subscribe now", "click here to", "you may also like", "you might also like", "don't miss:",
        // German
        "lesen sie auch", "lesen sie mehr", "lesen sie hier", "mehr zum thema", "auch interessant", "siehe auch",
        "das könnte sie auch interessieren", "weiterlesen", "anzeige", "- anzeige", "werbung", "folgen sie uns",
        // French
        "lire aussi", "à lire aussi", "a lire aussi", "lire la suite", "pour lire la suite", "voir aussi", "à voir aussi",
        "sur le même sujet", "publicité",
        // Spanish and Portuguese
        "lea también", "lee también", "lea más", "lee más", "lea:", "vea también", "ver también", "vea:", "mira:",
        "mira también", "te puede interesar", "le puede interesar", "noticias relacionadas", "noticia relacionada",
        "publicidad", "síguenos", "leia também", "leia mais", "veja também", "saiba mais",
        // Italian, Dutch, Polish
        "leggi anche", "potrebbe interessarti", "lees ook", "lees meer", "zie ook", "czytaj też", "czytaj także",
        "czytaj również", "zobacz też", "zobacz także", "przeczytaj też", "przeczytaj także", "reklama",
    ]
    /// Blocks at the end of the article with at least this share of link text are dropped.
    var trailingBlockLinkDensity = 0.5
    /// A label ending in a colon at the end of the body ("Zum Weiterlesen:"), and a heading left
    /// without its section ("Related articles" above a removed list), is at most this long
    /// (`EmptySections`).
    var maximumTrailingLabelLength = 80
    /// An insert is at most this long (characters); longer blocks are kept even with a prefix.
    var maximumInsertLength = 320

    /// Labels of the editor line at the end of Indonesian articles ("Editor : Anton").
    var editorLabels: [String] = ["editor", "penyunting", "editing by"]
    /// Labels of visible bylines ("Oleh Anton", "By Anton", "Reporter: Anton").
    var bylineLabels: [String] = ["oleh", "by", "reporter", "penulis", "laporan", "pewarta", "author", "writer", "words by"]
    /// Class/id fragments of elements that hold the byline.
    var bylineClassFragments = ["byline", "author", "writtenby", "penulis", "reporter", "writer"]
    /// The longest line that can be an editor or byline line.
    var maximumCreditLineLength = 120

    // MARK: Metadata

    /// `<meta>` keys for the title, in order of trust (after JSON-LD `headline`).
    var titleKeys = ["dc:title", "dcterm:title", "dcterms:title", "og:title", "weibo:article:title", "weibo:webpage:title",
                     "title", "twitter:title", "parsely-title"]
    /// `<meta>` keys for the byline, in order of trust (after JSON-LD `author`).
    var bylineKeys = ["dc:creator", "dcterm:creator", "dcterms:creator", "author", "parsely-author", "article:author", "sailthru.author"]

    // MARK: Tags

    /// Tags dropped after cleaning (case-insensitive): generic words that name no topic.
    var genericTags: Set<String> = [
        "news", "berita", "headline", "headlines", "terkini", "berita terkini", "breaking news", "home",
        "index", "video", "foto", "photo", "artikel", "article", "nasional", "national", "world",
        "trending", "viral", "top news", "update", "latest", "null", "undefined", "none",
    ]
    /// Class/id words of a tag list shown with the article (used when no meta or JSON-LD tag).
    var tagListWords: Set<String> = ["tags", "tag-list", "taglist", "post-tags", "article-tags", "entry-tags", "tags-links", "topik", "tag-topik"]
    /// Class/id fragments of containers whose tag lists are site-wide (clouds, widgets).
    var tagCloudFragments = ["cloud", "widget", "sidebar", "footer", "trending", "popular", "populer"]
    /// Longest tag kept, in characters.
    var maximumTagLength = 40
    /// Most tags kept per article.
    var maximumTags = 12

    /// The defaults.
    static let standard = ExtractionHeuristics()
}
