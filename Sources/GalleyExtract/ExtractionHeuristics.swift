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
    /// Elements whose own text counts as a paragraph (their ancestors get its score).
    var paragraphElements: Set<String> = ["p", "pre", "td", "blockquote"]
    /// A candidate's starting score by element: containers that hold articles start ahead,
    /// lists and forms behind, headings further behind (Readability's table); others 0.
    var elementBaseScores: [String: Double] = [
        "div": 5, "article": 5, "main": 5, "section": 5, "pre": 3, "td": 3, "blockquote": 3,
        "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
        "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
    ]
    /// Added to an `<article>` element's score: the page's own word for the story.
    var articleElementBonus = 10.0
    /// Added to or taken from a candidate whose class/id matches the positive/negative patterns.
    var classWeight = 25.0
    /// Class/id words that earn a candidate `classWeight`. Not `contentWords` (which protect a
    /// block from the boilerplate list): these also reward the page-wide wrappers ("page",
    /// "blog", "h-entry"), which the scorer weighs by their text, but which must not keep a
    /// boilerplate block inside them.
    var positiveClassWords: Set<String> = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog",
        "story", "detail", "read", "isi", "articlebody", "article-body", "post-content", "entry-content",
        "story-body", "detail-text", "txt", "itemfulltext",
    ]
    /// The positive class weight is given in full to a candidate with this many characters of
    /// text, and in proportion below: a short headline or teaser block named "header-text"
    /// does not outscore the article body.
    var positiveClassFullWeightLength = 500
    /// A sibling of the top candidate joins the article when its score reaches this share of
    /// the top score (and at least `siblingMinimumScore`).
    var siblingScoreShare = 0.2
    var siblingMinimumScore = 10.0
    /// A sibling with the top candidate's exact class gets this share of the top score added
    /// (chunks of one article share a class).
    var sameClassSiblingBonusShare = 0.2
    /// The top candidate climbs to a parent that scores more than it; the climb stops at a
    /// parent scoring under the last score divided by this (the page's wrapper, not the article's).
    var parentScoreDropDivisor = 3.0
    /// A `<p>` beside the top candidate joins the article when longer than
    /// `siblingParagraphLength` with link density under `siblingParagraphLinkDensity`, or when
    /// shorter, without links, holding a sentence break (". ").
    var siblingParagraphLength = 80
    var siblingParagraphLinkDensity = 0.25

    /// How many of the best candidates are looked at for a shared ancestor, how close to the
    /// top score they must be, and how many must share it (an article split into chunks).
    var alternativeCandidates = 5
    var alternativeCandidateShare = 0.75
    var minimumAlternativesForAncestor = 3

    /// An element marked `itemprop="articleBody"` is the article when it is the page's only one
    /// and holds at least this many characters, a paragraph (a few sites mark an empty or a
    /// one-line element). It is taken even inside an `<aside>` or `<nav>` (`PageAnalysis`).
    var minimumMarkedBodyLength = 140

    /// Whole class names or ids a CMS gives the story's body (`ContentFinder.namedBody`): the
    /// top candidate found inside one, up to `bodyContainerSearchLevels` levels down, is widened
    /// to it when its link density is under `maximumBodyContainerLinkDensity`.
    var bodyContainerNames: Set<String> = [
        "entry-content", "post-content", "article-content", "article-body", "articlebody", "article__body", "article-text",
        "story-body", "story-content", "post-body", "entry-body", "single-content", "td-post-content", "the-content",
    ]
    var bodyContainerSearchLevels = 8
    var maximumBodyContainerLinkDensity = 0.25

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
        // the same in other languages: Vorspann, Anreißer, entradilla, catenaccio, ingress, lid, zajawka, inleiding
        "vorspann", "anreisser", "anriss", "entradilla", "entradeta", "catenaccio", "ingress", "ingresso", "lid", "zajawka",
        "inleiding",
    ]
    /// Six levels: a page-wide hero or intro band (`article-hero`, `c-page-intro`) sits beside a
    /// wrapper four or five levels above the body's paragraphs (3 missed those leads; 6 adds them
    /// on 3 pages of trafilatura-eval-train and htmldate-train, no benchmark page changes).
    var standfirstSearchLevels = 6
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
    /// A lead without a lead-naming class is still the standfirst when its text is the page's
    /// description (equal, or one a prefix of the other) and at least this long, found before
    /// the body up to `describedStandfirstSearchLevels` ancestors away.
    var minimumDescribedStandfirstLength = 50
    var describedStandfirstSearchLevels = 6
    /// A lead that opens with the description may run longer than a named one (an abstract of
    /// several sentences whose first ones the description repeats).
    var maximumDescribedStandfirstLength = 1600
    /// Class/id words of a deck (a summary line under the headline, set in display type): such
    /// an element is not taken as a described standfirst.
    var deckWords: Set<String> = ["dek", "deck", "subhead", "subheading", "subheadline", "subtitle", "strapline", "tagline", "kicker"]

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
    /// Containers the conversion drops when they are mostly links (`ContentConverter`): a
    /// related-stories list or tag cloud inside the article.
    var conditionallyCleanedElements: Set<String> = ["div", "section", "ul", "ol", "dl", "table", "header"]
    /// Such a container over this link density and under `maximumLinkBlockLength` characters is
    /// a block of links.
    var linkBlockDensity = 0.5
    var maximumLinkBlockLength = 1000
    /// A container holding at least this share of its text in tables with header cells is
    /// data (a results or comparison table whose rows link to what they rate), never a block of
    /// links (`ContentConverter.holdsDataTable`).
    var minimumDataTableShare = 0.5
    /// A list over this link density, under `maximumLinkListLength` characters, whose every item
    /// is over `linkListItemDensity` links, is a list of links (a prose list with a link or two
    /// per item stays).
    var linkListDensity = 0.35
    var maximumLinkListLength = 600
    var linkListItemDensity = 0.6
    /// A `<header>` inside the article holding less text than this is the page's head (title,
    /// byline, date: already metadata); a longer one holds the lead and stays.
    var maximumDroppedHeaderLength = 400
    /// Blocks before a heading that repeats the title are a kicker and go with it when each is
    /// shorter than this (`HTMLExtractor.droppingLeadingTitle`).
    var maximumKickerLength = 120
    /// Of the first `leadingBylineBlocks` blocks, a paragraph under `maximumLeadingBylineLength`
    /// characters naming the byline's first author is the byline line and goes.
    var leadingBylineBlocks = 3
    var maximumLeadingBylineLength = 150
    /// Of the first `leadingDateBlocks` blocks, a paragraph of at most `maximumDateLineLength`
    /// characters that says nothing but a date ("23.10.2018", "15. Januar 2022", "April 21,
    /// 2022", "Mittwoch, 12.02.2020 14:05 Uhr") is the page's date line and goes: the date is
    /// metadata. Its words may only be month names (`monthNames`), weekdays (`weekdayNames`)
    /// and the small words of a date and time (`dateLineWords`).
    var leadingDateBlocks = 4
    var maximumDateLineLength = 60
    /// Weekday names and abbreviations (lower case) in the languages of `monthNames`.
    var weekdayNames: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
        "thur", "thurs", "fri", "sat", "sun",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "mo", "di", "mi", "do",
        "fr", "sa", "so",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
        "lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi", "venerdì", "venerdi",
        "sabato", "domenica",
        "segunda", "terça", "terca", "quarta", "quinta", "sexta", "feira",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
        "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
    ]
    /// The small words a date line may hold besides month and weekday names: ordinal endings,
    /// "de", time words and zones ("um 14:05 Uhr", "at 2 pm", "10:15 WIB").
    var dateLineWords: Set<String> = [
        "st", "nd", "rd", "th", "er", "de", "del", "di", "um", "at", "à", "a", "alle", "ore", "om", "o", "kl", "godz", "pukul",
        "uhr", "h", "hs", "hrs", "am", "pm", "wib", "wita", "wit", "utc", "gmt", "cet", "cest", "mez", "mesz", "est", "edt",
        "bst", "pst", "pdt",
    ]
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
    /// Whole class names of blocks shown only on the printed page (Bootstrap 3, Foundation):
    /// never on screen (`PageAnalysis.isPrintOnly`). Bootstrap 4+ writes it `d-none d-print-block`;
    /// a class starting with one of `screenBreakpointDisplayPrefixes` shows it on a screen after all.
    var printOnlyClassNames: Set<String> = [
        "visible-print", "visible-print-block", "visible-print-inline", "visible-print-inline-block", "show-for-print",
    ]
    var screenBreakpointDisplayPrefixes: [String] = ["d-sm-", "d-md-", "d-lg-", "d-xl-", "d-xxl-"]
    /// Class/id words of an embedded post (`social-media-embed`, `wp-block-embed-twitter`): a
    /// post the story quotes, kept whatever else its class says ("social").
    var embeddedPostWords: Set<String> = ["embed", "embedded", "oembed"]
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
    /// The boilerplate words and fragments that name ads, and "print" (a print button, or the
    /// part of the page that gets printed). A block named only by these that holds at least
    /// `adSlotMaximumProse` characters of text outside links is content with ad slots in it
    /// (`TestReport__Section--Ads`, `article-with-ads`) or the printable article
    /// (`kb-tip-print-step`, `recipe-area print`), not an ad or a button.
    var adWords: Set<String> = ["ad", "ads", "advert", "advertisement", "adsbygoogle", "banner", "print"]
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
        // the same in other languages: légende, leyenda, didascalia, epígrafe, podpis, bildtext
        "legende", "leyenda", "didascalia", "dida", "epigrafe", "podpis", "bildtext", "bildnachweis", "fotonachweis",
    ]
    /// A short block that ends with a credit label and at most this many words after it is a
    /// caption with its credit (`… | © Augusta National/Getty Images`).
    var maximumTrailingCreditWords = 6
    /// Short blocks (at most `maximumCreditLineLength`) starting with one of these
    /// (case-insensitive) are picture credits or source lines: captions, not running text.
    var creditPrefixes: [String] = [
        "©", "(c) ", "foto:", "fotos:", "foto ©", "photo:", "photos:", "photo by", "photos by", "photograph by", "photograph:",
        "picture:", "image:", "credit:", "credits:", "crédit", "crédits", "bild:", "bilder:", "titelbild", "beitragsbild",
        "quelle:", "source:", "fuente:", "imagen:", "fotografía:",
        "abbildung:", "abb.:", "grafik:", "gráfico:", "grafico:", "fot.", "zdjęcie:", "źródło:",
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
    /// A closing call to action (`ClosingCallToAction`) is at most this many characters.
    var maximumCallToActionLength = 300
    /// Channels a closing call to action names (matched at the start of a word, lower-case,
    /// punctuation read as spaces).
    var callToActionChannels: [String] = [
        "twitter", "instagram", "facebook", "whatsapp", "telegram", "youtube", "tiktok", "linkedin", "mastodon", "threads",
        "google news", "newsletter", "app ", "apps ", "aplikasi", "podcast", "rss", "canal", "kanal", "channel", "saluran",
    ]
    /// Invitations a closing call to action makes (the start of a word is enough: "subscrib"
    /// is "subscribe" and "subscribing").
    var callToActionVerbs: [String] = [
        // English
        "follow", "subscrib", "sign up", "signing up", "join", "download", "get the", "like us", "write to us",
        // German
        "folg", "abonnier", "melde dich", "meld dich", "anmelden", "lade", "herunterladen", "schreib",
        // French, Spanish, Portuguese, Italian
        "suivez", "abonnez", "rejoignez", "téléchargez", "síguenos", "sigue", "seguir", "segui", "suscríb", "suscrib",
        "únete", "únase", "descarga", "mira", "escríbenos", "escribirnos", "inscreva", "iscriviti",
        // Indonesian, Polish, Dutch
        "ikuti", "gabung", "bergabung", "unduh", "berlangganan", "langganan", "simak", "zapraszamy", "obserwuj", "volg",
    ]
    /// A paragraph anywhere in the body of at most `maximumCallToActionLength` characters that
    /// names a newsletter (one of these) with an invitation (`callToActionVerbs`) is the sign-up
    /// box set into the story ("Never miss the latest news by signing up to our newsletter
    /// today!") and goes (`ClosingCallToAction.droppingSignups`): unlike a social network, a
    /// newsletter is not what a story is about.
    var newsletterWords: [String] = ["newsletter", "nieuwsbrief", "infolettre", "lettre d information", "boletín", "boletin"]
    /// Appeals for the reader's support that close an article ("would you consider supporting
    /// our work?"): dropped whatever they name.
    var supportAppeals: [String] = [
        "supporting our work", "support our work", "support our journalism", "support independent journalism",
        "unterstütze uns", "unterstützen sie uns", "unterstütze unsere arbeit", "apóyanos", "apoya el periodismo",
        "soutenez", "dukung kami", "wesprzyj nas", "consider supporting",
    ]
    /// An appeal for support cuts the body from it to the end when at most this many characters
    /// follow it (the appeal box's thank-you, signature or membership offer).
    var maximumTextAfterAppeal = 600
    /// Words for an issue of the publication (`IssuePromotion`), matched as whole words or word
    /// starts (lower-case, punctuation read as spaces): "ausgabe" alone, since "Ausgaben" are
    /// expenses; "numer" for the Polish "numerze", "wydani" for "wydanie", "e-wydania".
    /// A promotion box quotes the issue's own teaser before its offer: it may run to this many
    /// characters, longer than a call to action.
    var maximumIssuePromotionLength = 500
    var issueWords: [String] = [
        "ausgabe ", "heft ", "hefts ", "heftausgabe", "e paper", "epaper", "issue ", "print edition", "magazine issue",
        "numéro ", "numero ", "número ", "edizione ", "numer", "wydani", "nummer ",
    ]
    /// Ways to get an issue (`IssuePromotion`): order, subscribe, at the kiosk, on sale.
    var issueOfferWords: [String] = [
        // German, English
        "bestellen", "erhältlich", "im abo", "abonnieren", "am kiosk", "im handel", "kaufen", "subscribe", "subscription",
        "on newsstands", "newsstand", "on sale", "order now", "order your", "order a copy", "buy a copy", "buy the",
        // French, Spanish, Italian, Portuguese
        "en kiosque", "abonnez", "abonnement", "commander", "en vente", "en quiosco", "suscríb", "suscripción", "a la venta",
        "in edicola", "abbonati", "abbonamento", "assine", "nas bancas",
        // Polish, Dutch
        "w sprzedaży", "prenumerat", "subskrypc", "in de winkel", "abonneer", "bestel",
    ]
    /// A line of page furniture under the story (`ClosingFurniture`) is at most this long.
    var maximumFurnitureLineLength = 160
    /// How lines of page furniture under a story open (lower-case): the permanent link, the
    /// update stamp, view and comment counters, a rating widget, the print-edition URL, a
    /// suggested citation, a licence line.
    var closingFurnitureLabels: [String] = [
        "permalink", "permalien", "aktualisiert am", "zuletzt aktualisiert", "last updated", "updated on", "mis à jour le",
        "actualizado el", "aufrufe:", "views:", "kommentare insgesamt", "noch keine bewertungen", "no ratings yet",
        "sie finden diesen artikel im internet", "source url:", "suggested citation", "zitiervorschlag", "zitierweise",
        "cite this article", "cite as:", "dieser text wurde veröffentlicht unter der lizenz", "dieser artikel steht unter der lizenz",
        "this work is licensed under", "this article is licensed under", "licensed under a creative commons",
    ]
    /// Whole lines under a story that are links of the page's navigation (lower-case, punctuation
    /// read as spaces): back, to the top, print, share.
    var closingNavigationWords: Set<String> = [
        "zurück", "zurück zur übersicht", "nach oben", "seitenanfang", "drucken", "teilen", "back", "go back", "back to top",
        "top", "print", "share", "retour", "imprimer", "partager", "volver", "imprimir", "compartir", "indietro", "stampa",
        "terug", "wstecz", "powrót", "drukuj", "udostępnij", "kembali", "cetak", "bagikan",
    ]
    /// Blocks at the end of the article with at least this share of link text are dropped.
    var trailingBlockLinkDensity = 0.5
    /// A label ending in a colon at the end of the body ("Zum Weiterlesen:"), and a heading left
    /// without its section ("Related articles" above a removed list), is at most this long
    /// (`EmptySections`).
    var maximumTrailingLabelLength = 80
    /// Labels of the section that follows a story to send the reader elsewhere (`FurtherReading`):
    /// more articles, further reading or information, related content, the press contact.
    /// Matched as whole words at the start of a short line, lower-case, punctuation read as spaces.
    var furtherReadingLabels: [String] = [
        // German
        "weitere artikel", "weitere beiträge", "weitere informationen", "weitere infos", "weiterführende links",
        "weiterführende informationen", "weiterführende artikel", "zum weiterlesen", "mehr zum thema", "mehr zu diesem thema",
        "mehr zum weiterlesen", "das könnte dich auch interessieren", "das könnte sie auch interessieren",
        "das thema könnte dich auch interessieren", "das thema könnte sie auch interessieren", "dies könnte sie auch interessieren",
        "auch interessant", "ähnliche artikel", "ähnliche beiträge", "verwandte artikel", "verwandte beiträge", "passende artikel",
        "kommentierte artikel", "meistgelesene artikel", "links zum thema", "zusatzinformationen", "pressekontakt",
        "ansprechpartner presse", "ansprechpartner für die presse", "kontakt für die presse",
        // English
        "related articles", "related posts", "related stories", "related content", "related links", "related reading",
        "further reading", "further information", "more information", "more on this topic", "more on this story",
        "more from this author", "you may also like", "you might also like", "recommended for you", "read more about",
        "media contact", "media contacts", "press contact", "press contacts",
        // French, Spanish, Portuguese, Italian
        "à lire aussi", "a lire aussi", "sur le même sujet", "articles similaires", "articles liés", "pour aller plus loin",
        "contact presse", "artículos relacionados", "noticias relacionadas", "más información", "te puede interesar",
        "contacto de prensa", "notícias relacionadas", "artigos relacionados", "leia também", "veja também",
        "articoli correlati", "potrebbe interessarti", "leggi anche",
        // Dutch, Polish
        "gerelateerde artikelen", "meer informatie", "lees ook", "powiązane artykuły", "zobacz też", "zobacz także",
        "czytaj także", "czytaj też", "przeczytaj także", "przeczytaj też",
    ]
    /// A further-reading label is also a short line (at most `maximumMoreStoriesWords` words)
    /// that opens with a word for "more" and ends with a word for stories: "Weitere Korsett
    /// Artikel", "More fashion stories", "Mehr Nachrichten".
    var moreWords: Set<String> = ["weitere", "mehr", "more", "other", "andere", "autres", "plus", "más", "otras", "otros", "altri", "altre"]
    var storiesWords: Set<String> = [
        "artikel", "beiträge", "nachrichten", "meldungen", "news", "stories", "articles", "posts", "articoli", "notizie",
        "articulos", "artículos", "noticias", "actualités",
    ]
    var maximumMoreStoriesWords = 5
    /// A further-reading label counts when at most this many characters follow it (its teasers
    /// or links), and no more than precede it: a section near the end, not a chapter.
    var maximumFurtherReadingLength = 1500
    /// An insert is at most this long (characters); longer blocks are kept even with a prefix.
    var maximumInsertLength = 320

    /// Labels of the editor line at the end of Indonesian articles ("Editor : Anton").
    var editorLabels: [String] = ["editor", "penyunting", "editing by"]
    /// Labels of a reporter's credit line inside the body ("Pewarta: Budi"): the line is
    /// dropped and its name is the byline when the page gave none.
    var creditLineBylineLabels: [String] = ["reporter", "penulis", "pewarta", "kontributor", "laporan"]
    /// Labels of visible bylines ("Oleh Anton", "By Anton", "Reporter: Anton").
    var bylineLabels: [String] = ["oleh", "by", "reporter", "penulis", "laporan", "pewarta", "author", "writer", "words by"]
    /// More labels taken off the front of a byline (`BylineCleaner` takes these and
    /// `bylineLabels`); too common as words to be used to find bylines.
    var bylinePrefixes: [String] = [
        "von", "vom", "par", "por", "di", "door", "av", "af", "przez", "от", "written by", "posted by",
        "published by", "geschrieben von", "veröffentlicht von", "eingestellt von", "ein beitrag von", "autor", "autorin",
        "autore", "auteur", "text", "texte", "story by", "von der",
    ]
    /// Values that stand where no author was entered.
    var placeholderBylines: Set<String> = [
        "admin", "administrator", "unknown", "publisher", "super user", "user", "guest", "anonymous", "anonym", "webmaster",
        "root", "editor", "staff", "redaktion", "name", "name (erforderlich)", "name (required)", "name *", "your name",
        "ihr name", "null", "undefined", "none", "n/a", "author", "autor", "wordpress", "default",
    ]
    /// Last words of a comment's author line ("Harm Otten sagt:"): a commenter, not the author.
    var commentVerbs: Set<String> = ["sagt", "says", "said", "schreibt", "writes", "wrote", "zegt", "mówi"]
    /// Credits after the author's name in the same line, cut off with what follows.
    var otherCreditLabels = ["edited by", "photos by", "photography by", "illustrations by", "illustration by", "translated by",
                             "additional reporting by", "foto:", "fotos:", "bearbeitet von", "redigiert von"]
    /// Words after a comment verb that lead to the comment's date ("said, on", "sagt am").
    var commentVerbTrailers: Set<String> = ["on", "am", "um", "at", "le"]
    /// Class/id fragments of comment sections: bylines inside them are commenters'.
    var commentFragments = ["comment", "reply", "respond", "discussion", "kommentar", "komentar"]
    /// Words of organisation names, which are no person's byline.
    var organisationWords: Set<String> = ["gmbh", "ag", "inc", "inc.", "ltd", "ltd.", "llc", "verlag", "kg", "e.v.", "s.a.", "sarl", "corporation"]
    /// Class/id fragments of elements that hold the byline.
    var bylineClassFragments = ["byline", "author", "writtenby", "penulis", "reporter", "writer"]
    /// An element holding more text than this (bytes, before whitespace is collapsed) is never
    /// read as a byline; its text is not even copied.
    var maximumBylineSourceBytes = 1_000
    /// A byline element's text is at most this many characters (longer is an author box).
    var maximumBylineTextLength = 100
    /// A short inline credit anywhere in the page ("<b>Oleh Budi</b>") is at most this long.
    var maximumInlineCreditLength = 60
    /// The longest line that can be an editor or byline line.
    var maximumCreditLineLength = 120
    /// A first paragraph holding the title and at most this many other words (a section, a
    /// date, an author) is a header line and goes; with more it is the lead and stays.
    var maximumTitleLineExtraWords = 8

    // MARK: Metadata

    /// `<meta>` keys for the title, in order of trust (after JSON-LD `headline`).
    var titleKeys = ["dc:title", "dcterm:title", "dcterms:title", "og:title", "weibo:article:title", "weibo:webpage:title",
                     "title", "twitter:title", "parsely-title"]
    /// Separators between a headline and the site or section in titles ("Headline | Site",
    /// "Site » Section » Headline"); they count with spaces around them, full-width ones also without.
    var titleSeparators = ["|", "｜", "-", "–", "—", "_", "::", "«", "»", "·", "•", "›", "\\", "/", ">", "~"]
    /// The page's `<h1>` replaces the metadata title when this share of its words are in the
    /// title and they make more than half of the title (`TitleChooser`).
    var headlineAgreement = 0.9
    /// A title longer than this (UTF-8 bytes) is taken as it is: no real headline is, and cutting
    /// and comparing it would cost time on hostile pages.
    var maximumTitleBytes = 2_000
    /// The most words a site's name has (`og:site_name`, `application-name`, the publisher).
    var maximumSiteNameWords = 6
    /// `<meta>` keys for the byline, in order of trust (after JSON-LD `author`).
    var bylineKeys = ["dc:creator", "dcterm:creator", "dcterms:creator", "author", "parsely-author", "article:author", "sailthru.author"]

    // MARK: Dates (`PublicationDateFinder`, `VisibleDates`, `DateTextParser`)

    /// Month names and abbreviations (lower case) → month number, for dates printed in words:
    /// English, Indonesian, German, French, Spanish, Italian, Portuguese, Dutch, Swedish/Danish,
    /// Polish and Russian (nominative and genitive forms). A trailing dot is read apart.
    var monthNames: [String: Int] = [
        "january": 1, "jan": 1, "januari": 1, "januar": 1, "jänner": 1, "jaenner": 1, "janvier": 1, "janv": 1, "enero": 1,
        "ene": 1, "gennaio": 1, "gen": 1, "janeiro": 1, "januarie": 1, "stycznia": 1, "styczeń": 1, "styczen": 1, "января": 1,
        "январь": 1, "янв": 1,
        "february": 2, "feb": 2, "februari": 2, "pebruari": 2, "februar": 2, "feber": 2, "février": 2, "fevrier": 2, "févr": 2,
        "fevr": 2, "fév": 2, "febrero": 2, "febbraio": 2, "fevereiro": 2, "fev": 2, "lutego": 2, "luty": 2, "февраля": 2,
        "февраль": 2, "фев": 2,
        "march": 3, "mar": 3, "maret": 3, "märz": 3, "maerz": 3, "mrz": 3, "mär": 3, "mars": 3, "marzo": 3, "março": 3,
        "marco": 3, "maart": 3, "mrt": 3, "marca": 3, "marzec": 3, "marts": 3, "марта": 3, "март": 3,
        "april": 4, "apr": 4, "avril": 4, "avr": 4, "abril": 4, "aprile": 4, "abr": 4, "kwietnia": 4, "kwiecień": 4,
        "kwiecien": 4, "апреля": 4, "апрель": 4, "апр": 4,
        "may": 5, "mei": 5, "mai": 5, "maggio": 5, "mag": 5, "mayo": 5, "maio": 5, "maj": 5, "maja": 5, "мая": 5, "май": 5,
        "june": 6, "jun": 6, "juni": 6, "juin": 6, "junio": 6, "giugno": 6, "giu": 6, "junho": 6, "czerwca": 6, "czerwiec": 6,
        "июня": 6, "июнь": 6,
        "july": 7, "jul": 7, "juli": 7, "juillet": 7, "juil": 7, "julio": 7, "luglio": 7, "lug": 7, "julho": 7, "lipca": 7,
        "lipiec": 7, "июля": 7, "июль": 7,
        "august": 8, "aug": 8, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "août": 8, "aout": 8, "agosto": 8, "ago": 8,
        "augustus": 8, "augusti": 8, "sierpnia": 8, "sierpień": 8, "sierpien": 8, "августа": 8, "август": 8, "авг": 8,
        "september": 9, "sept": 9, "sep": 9, "septembre": 9, "septiembre": 9, "setiembre": 9, "settembre": 9, "set": 9,
        "setembro": 9, "września": 9, "wrzesień": 9, "wrzesien": 9, "сентября": 9, "сентябрь": 9, "сен": 9,
        "october": 10, "oct": 10, "oktober": 10, "okt": 10, "octobre": 10, "octubre": 10, "ottobre": 10, "ott": 10,
        "outubro": 10, "out": 10, "października": 10, "październik": 10, "pazdziernika": 10, "октября": 10, "октябрь": 10,
        "окт": 10,
        "november": 11, "nov": 11, "nopember": 11, "novembre": 11, "noviembre": 11, "novembro": 11, "listopada": 11,
        "listopad": 11, "ноября": 11, "ноябрь": 11, "ноя": 11,
        "december": 12, "dec": 12, "desember": 12, "des": 12, "dezember": 12, "dez": 12, "décembre": 12, "decembre": 12,
        "déc": 12, "diciembre": 12, "dic": 12, "dicembre": 12, "dezembro": 12, "grudnia": 12, "grudzień": 12, "grudzien": 12,
        "декабря": 12, "декабрь": 12, "дек": 12,
    ]
    /// `<meta>` keys (lower case) that give the publication date, in order of trust.
    var publishedMetaKeys = [
        "article:published_time", "og:article:published_time", "og:published_time", "article.published",
        "datepublished", "dc.date.issued", "dc:date:issued", "dcterms.issued", "dcterms:issued", "dc.date.published",
        "citation_publication_date", "citation_date", "citation_online_date", "prism.publicationdate",
        "publication_date", "publication-date", "publicationdate", "published_time", "published-date", "published_date",
        "publish-date", "publish_date", "publishdate", "pubdate", "parsely-pub-date", "sailthru.date",
        "content_publishedtime", "article_date_original", "original-publish-date", "originalpublicationdate",
        "date_published", "cxenseparse:recs:publishtime", "dc.date", "dc:date", "dcterms.date", "dcterms:date",
        "date", "dc.date.created", "dcterms.created", "dcterms:created", "datecreated", "created", "creation_date",
    ]
    /// Generic keys among those (and JSON-LD `dateCreated`): often the day a page was generated or
    /// a draft created. A strong visible date on another day wins over them.
    var weakPublishedKeys: Set<String> = ["date", "dc.date", "dc:date", "dcterms.date", "dcterms:date", "dc.date.created",
                                          "dcterms.created", "dcterms:created", "datecreated", "created", "creation_date"]
    /// `<meta>` keys (lower case) that give the last modification, in order of trust.
    var modifiedMetaKeys = [
        "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
        "dcterms:modified", "dc.date.modified", "last-modified", "lastmod", "revision_date", "modified", "updated",
    ]
    /// JSON-LD types whose `datePublished` speaks for the page when no article object has one.
    var pageTypes: Set<String> = ["WebPage", "ItemPage", "AboutPage", "MedicalWebPage", "QAPage", "FAQPage", "Blog", "Recipe",
                                  "Event", "VideoObject", "PodcastEpisode", "Review", "CreativeWork", "Book", "Periodical"]
    /// Attributes of date elements that hold an epoch time in seconds or milliseconds.
    var timestampAttributes = ["data-timestamp", "data-published", "data-time", "data-date", "data-publish-date",
                               "data-pubdate", "data-created", "data-unix", "data-epoch", "data-utime"]
    /// Class/id/itemprop words (whole words, split on `-_ `) of elements that show a date. Not
    /// "publish": WordPress marks every post `status-publish`.
    var dateClassWords: Set<String> = [
        "date", "dates", "time", "datetime", "timestamp", "pubdate", "published", "publishdate", "publishing",
        "posted", "posted-on", "postdate", "post-date", "entry-date", "article-date", "created", "tanggal", "waktu",
        "datum", "fecha", "date-time", "meta-date", "publication", "released", "updated", "modified",
        "datepublished", "datecreated", "datemodified",
    ]
    /// Class/id words that say a date element shows the last change, not the publication.
    var modifiedClassWords: Set<String> = ["updated", "modified", "changed", "update", "lastmod", "last-modified", "datemodified", "revision"]
    /// Class/id/itemprop words that say a date element shows the publication.
    var publishedClassWords: Set<String> = ["published", "pubdate", "publishdate", "datepublished", "created", "datecreated",
                                            "posted", "posted-on", "entry-date", "post-date", "postdate"]
    /// Words just before a date (lower case) that mark it as the last change ("Aktualisiert am").
    var modifiedLabels = [
        "aktualisiert", "aktualisierung", "geändert", "änderung", "bearbeitet", "überarbeitet", "update", "updated", "modified",
        "stand", "edited", "revised",
        "mis à jour", "mise à jour", "modifié", "actualizado", "actualización", "aggiornato", "atualizado",
        "bijgewerkt", "gewijzigd", "zaktualizowano", "aktualizacja", "обновлено", "diperbarui", "uppdaterad",
    ]
    /// Words just before a date (lower case) that mark it as the publication ("veröffentlicht am").
    var publishedLabels = [
        "veröffentlicht", "publiziert", "erschienen", "erstellt", "published", "posted", "publié", "publicado",
        "pubblicato", "gepubliceerd", "opublikowano", "опубликовано", "publicerad", "diterbitkan", "dipublikasikan",
        "datum", "geschrieben", "written",
    ]
    /// A date element's text longer than this (bytes) is a container, not a date element.
    var maximumDateElementLength = 300
    /// A text node at most this long (bytes, spaces included) may be a date with a two-digit
    /// year ("02.12.19"); in longer text only four-digit years are read.
    var shortDateTextLength = 24
    /// A text node at most this long (characters) with a date in it shows that date alone
    /// ("16. Oktober 2019, 14:05 Uhr"): its element is named for the date, not a container.
    var standaloneDateTextLength = 40
    /// A date inside a text node longer than this (characters) is part of a sentence of the
    /// story, not a date line: it gets nothing for standing near the headline.
    var proseLength = 150
    /// How many characters before a date are read for a label.
    var dateLabelReach = 32
    /// Starts of class/id words (split on `-_ `) of containers whose dates belong to other
    /// items: comments, teasers, lists of other articles (`comments`, `relatedPosts`,
    /// `teaser_box`; not `node-promoted`).
    var foreignItemPrefixes = [
        "comment", "kommentar", "leserbrief", "reply", "replies", "respond", "related", "teaser", "recommend", "popular",
        "trending", "more-", "morearticles", "instagram", "twitter-tweet", "tiktok", "fb-post",
    ]
    /// Elements whose dates belong to what they quote or embed (a quoted letter, an embedded post).
    var foreignItemElements: Set<String> = ["blockquote"]
    /// Starts of class/id words of the page's furniture: sidebars, widgets, footers, calendars,
    /// tickers. Inside the headline's `<article>` they are the article's own (`entry-footer`).
    var furniturePrefixes = [
        "sidebar", "widget", "footer", "newsletter", "calendar", "kalender", "weather", "wetter", "ticker", "newsticker",
        "cookie", "breadcrumb", "advert", "sponsor", "tagcloud",
    ]
    /// A container holding more than this share of the body's text is a layout wrapper, never
    /// another item's container, whatever its class ("layoutTwoColumnsRightSidebar").
    var foreignContainerMaximumShare = 0.4
    /// Elements whose dates belong to the page's furniture (inside the headline's `<article>`,
    /// the article's own).
    var foreignDateElements: Set<String> = ["nav", "aside", "footer", "select", "option", "form", "button", "noscript"]
    /// A visible date at most this many characters of text from the main heading counts as the
    /// article's own (header, byline line).
    var headlineDateReach = 400
    /// Scores of a visible date (`VisibleDates`): shown in a date element, labelled as the
    /// publication, beside the headline, with a time of day; and the penalty of a date in another
    /// item's container (comment, teaser, sidebar) or in a link.
    var dateElementScore = 3.0
    var publishedLabelScore = 3.0
    var headlineScore = 4.0
    var timeOfDayScore = 1.0
    var foreignContainerPenalty = 6.0
    var linkPenalty = 2.0
    /// A visible date scoring at least this is the page's shown date: it can correct the stated
    /// one (the page shows its last change, or the day of a UTC time at its own offset).
    var strongVisibleDateScore = 3.0
    /// The first year a page can have been published (the web of news started about 1995).
    var earliestPublicationYear = 1995
    /// A date this many seconds after the fetch time is still taken (clocks and zones differ).
    var futureDateSlackSeconds = 86_400

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
