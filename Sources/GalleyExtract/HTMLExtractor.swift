import Foundation
import GalleyCore

/// Stage 1: libxml2 parse → article content (readability-style scoring and cleaning) → metadata.
public struct HTMLExtractor: Sendable {
    /// What the extractor needs from the site configuration.
    public struct Settings: Sendable {
        /// `regions.by_source` of `galley.yml`: URL host or host + path prefix → region.
        public var regionsBySource: [String: String]
        /// `timezone` of `galley.yml`: a date printed without a zone is read in it, with the
        /// offset the zone has at that date (`ZonelessTime`).
        public var timeZone: TimeZone
        var heuristics: ExtractionHeuristics = .standard {
            didSet { lists = HeuristicLists(heuristics) }
        }
        /// `heuristics`' lists ready to ask, made once (kept in step with `heuristics`).
        private(set) var lists = HeuristicLists(.standard)

        /// Creates settings.
        public init(regionsBySource: [String: String] = [:], timeZone: TimeZone = .gmt) {
            self.regionsBySource = regionsBySource
            self.timeZone = timeZone
        }
    }

    public let settings: Settings

    /// Creates an extractor.
    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Extracts the article of one page. Throws a `.rejected` error for pages that are not articles.
    public func extract(_ page: SourcePage) throws(GalleyError) -> ExtractedArticle {
        let document = try parse(page)
        guard let root = document.root else { throw GalleyError(.extract, source: page.path, reason: "the page has no HTML element") }
        let body = Self.contentRoot(root, heuristics: settings.heuristics)
        let reader = MetadataReader(root: root, page: page, settings: settings)
        var metadata = reader.read()
        let baseURL = reader.baseURL(canonical: metadata.canonicalURL)
        let marked = reader.index.withItemprop.filter(PageAnalysis.isMarkedArticleBody)
        let analysis = PageAnalysis(root: body, heuristics: settings.heuristics, lists: settings.lists, markedBodies: marked)
        guard let found = ContentFinder(analysis: analysis).articleNodes(in: body) else {
            throw GalleyError.rejected(.extract, source: page.path, reason: "not an article: the page has no text")
        }
        var converter = ContentConverter(analysis: analysis, baseURL: baseURL)
        var content = converter.convert(container: found.container, members: found.members)
        content = Self.addingStandfirst(to: content, before: found.members.first ?? found.container,
                                        standfirst: Standfirst(analysis: analysis, description: metadata.description), converter: &converter)
        content = Self.addingLeadPicture(to: content, before: found.members.first ?? found.container, analysis: analysis, converter: &converter)
        content = Self.droppingLeadingTitle(content, title: metadata.title, heuristics: settings.heuristics)
        content = Self.droppingLeadingMetadataLines(content, byline: metadata.byline, heuristics: settings.heuristics)
        content = Self.droppingLeadingDateLines(content, dates: reader.dates, heuristics: settings.heuristics)
        // A picture the page inlined (`data:`) stays in the body; the lead image is a URL.
        if metadata.image == nil { metadata.image = Self.firstImage(content).flatMap { URLPolicy.isDataURI($0) ? nil : $0 } }
        content = Self.droppingLeadingImage(content, leadImage: metadata.image)
        content = Self.droppingTrailingLinkBlocks(content, heuristics: settings.heuristics)
        content = ClosingCallToAction.droppingSignups(from: content, heuristics: settings.heuristics)
        content = Self.droppingTrailingLinkBlocks(ClosingCallToAction.dropped(from: content, heuristics: settings.heuristics),
                                                  heuristics: settings.heuristics)
        content = FurtherReading.dropped(from: content, heuristics: settings.heuristics)
        let host = baseURL.flatMap { URL(string: $0)?.host }
        content = ClosingPointer.dropped(from: content, host: host, heuristics: settings.heuristics)
        content = EmptySections.dropped(from: content, heuristics: settings.heuristics)
        let declaresListing = reader.jsonLD.contains(types: settings.heuristics.listingPageTypes) && reader.article == nil
        let check = ReaderableCheck(heuristics: settings.heuristics)
        if let reason = check.rejection(content: content, declaresListing: declaresListing, declaresArticle: reader.declaresArticle,
                                         unlinkedLinkText: converter.findings.unlinkedLinkText,
                                         host: host) {
            throw GalleyError.rejected(.extract, source: page.path, reason: reason)
        }
        metadata.editor = converter.findings.editor
        if metadata.byline == nil { metadata.byline = converter.findings.byline ?? converter.findings.editor }
        if metadata.region == nil { metadata.region = Self.datelinePlace(content) }
        if metadata.title == nil { throw GalleyError.rejected(.extract, source: page.path, reason: "not an article: no title") }
        return ExtractedArticle(source: page.path, content: content, metadata: metadata, baseURL: baseURL)
    }

    /// The page's metadata alone, whether or not it holds an article (for metadata scoring).
    public func metadata(of page: SourcePage) throws(GalleyError) -> ArticleMetadata {
        let document = try parse(page)
        guard let root = document.root else { return ArticleMetadata() }
        return MetadataReader(root: root, page: page, settings: settings).read()
    }

    /// Treats the whole HTML as article content: no scoring, no metadata, same cleaning.
    public func extractFragment(_ page: SourcePage) throws(GalleyError) -> ExtractedArticle {
        let document = try parse(page)
        guard let root = document.root else { return ExtractedArticle(source: page.path, content: [], metadata: ArticleMetadata()) }
        let body = Self.contentRoot(root, heuristics: settings.heuristics)
        let analysis = PageAnalysis(root: body, heuristics: settings.heuristics, lists: settings.lists)
        let baseURL = page.sidecar?.url
        var converter = ContentConverter(analysis: analysis, baseURL: baseURL)
        let content = BlockGrouping.blocks(from: converter.convertChildren(of: body))
        return ExtractedArticle(source: page.path, content: content, metadata: ArticleMetadata(), baseURL: baseURL)
    }

    private func parse(_ page: SourcePage) throws(GalleyError) -> HTMLDocument {
        guard page.bytes.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else {
            throw GalleyError(.extract, source: page.path, reason: "the file is empty")
        }
        let decision = EncodingSniffer.decide(for: page.bytes, declaredCharset: page.sidecar?.declaredCharset)
        if let document = try parse(decision, page: page), document.root != nil { return document }
        // libxml2 does not know the declared encoding: read the bytes as windows-1252.
        guard let document = try parse(EncodingSniffer.fallback(for: page.bytes), page: page) else {
            throw GalleyError(.extract, source: page.path, reason: "libxml2 could not parse the page")
        }
        return document
    }

    /// The document of the guarded bytes (`MarkupGuard`), nil when libxml2 cannot read them;
    /// a page libxml2 would cut is refused.
    private func parse(_ decision: EncodingSniffer.Decision, page: SourcePage) throws(GalleyError) -> HTMLDocument? {
        let bytes = MarkupGuard(heuristics: settings.heuristics).guarded(decision.bytes)
        do {
            return try HTMLDocument(bytes: bytes, encoding: decision.encoding)
        } catch .cut(let reason) {
            throw GalleyError(.extract, source: page.path, reason: reason)
        } catch {
            return nil
        }
    }

    /// Where the article is looked for: the `<body>`, or the whole `<html>` when libxml2 put
    /// text beside the body. It does after a stray `</body>` or `</html>` (one in an unquoted
    /// attribute value, a second page saved into the first): the rest of the page goes into a
    /// second `<html>` or `<body>` after the first, which a browser would have shown in the body.
    static func contentRoot(_ root: HTMLNode, heuristics: ExtractionHeuristics) -> HTMLNode {
        guard let body = root.first(["body"]) else { return root }
        let besideBody = root.elementChildren.contains { child in
            child != body && (child.name == "html" || child.name == "body"
                || (!heuristics.droppedElements.contains(child.name) && FastText.collapsedLength(child.textContent) > 0))
        }
        return besideBody ? root : body
    }

    /// The standfirst before the body (`Standfirst`), at the top, unless the body repeats it.
    static func addingStandfirst(to content: [ContentNode], before first: HTMLNode, standfirst: Standfirst,
                                 converter: inout ContentConverter) -> [ContentNode] {
        guard let element = standfirst.element(before: first) else { return content }
        let lead = converter.convert(container: element, members: [element])
        let leadText = Whitespace.collapsed(PlainText.of(lead))
        guard !leadText.isEmpty, !Whitespace.collapsed(PlainText.of(content)).contains(leadText) else { return content }
        return lead + content
    }

    /// The lead picture before the body (`LeadPicture`), at the top, unless the content already
    /// opens with a picture.
    static func addingLeadPicture(to content: [ContentNode], before first: HTMLNode, analysis: PageAnalysis,
                                  converter: inout ContentConverter) -> [ContentNode] {
        guard content.first?.tag != .figure, let element = LeadPicture(analysis: analysis).element(before: first) else { return content }
        let picture = converter.convertElement(element)
        guard firstImage(picture) != nil else { return content }
        return [LeadPicture.asFigure(picture)] + content
    }

    /// The title is metadata; a heading repeating it at the top of the body goes, and so does a
    /// short opening block that carries the title among section, date and byline (old layouts
    /// without headings).
    static func droppingLeadingTitle(_ content: [ContentNode], title: String?, heuristics: ExtractionHeuristics) -> [ContentNode] {
        guard let title, !title.isEmpty, let first = content.first else { return content }
        // A heading repeating the title among the first blocks: it and the kicker above it go.
        if let index = content.prefix(3).firstIndex(where: { block in
            block.tag?.headingLevel != nil
                && Whitespace.collapsed(block.textContent).caseInsensitiveCompare(title) == .orderedSame
        }) {
            let before = content[..<index]
            // Short blocks above it are its kicker and go with it; a longer one (a deck, a lead) stays.
            guard before.allSatisfy({ FastText.collapsedLength($0.textContent) < heuristics.maximumKickerLength }) else {
                return Array(before) + content[(index + 1)...]
            }
            return Array(content[(index + 1)...])
        }
        // A first paragraph that is the title with a few words around it (section, date,
        // author) is the page's header line; one that says more is the lead, which may well
        // end with the headline's words ("…richten sich neu aus: Dago Leukefeld wird Botschafter").
        guard first.tag == .p else { return content }
        let words = first.textContent.split(whereSeparator: \.isWhitespace)
        // The title's occurrence covers at most as many whole words as the title has: a text
        // with more words than that and the few allowed around it is not the header line,
        // wherever the title is (searching long leads case-insensitively was costly).
        guard words.count - title.split(whereSeparator: \.isWhitespace).count <= heuristics.maximumTitleLineExtraWords else { return content }
        let text = words.joined(separator: " ")
        guard let range = text.range(of: title, options: .caseInsensitive) else { return content }
        let around = (text[..<range.lowerBound] + " " + text[range.upperBound...]).split(whereSeparator: \.isWhitespace)
        return around.count <= heuristics.maximumTitleLineExtraWords ? Array(content.dropFirst()) : content
    }

    /// The lead image is shown above the body; the same picture opening the body goes (matched
    /// by file name without size suffixes such as `-1024x683`).
    static func droppingLeadingImage(_ content: [ContentNode], leadImage: String?) -> [ContentNode] {
        guard let leadImage, let first = content.first,
              first.tag == .figure || (first.tag == .p && first.textContent.allSatisfy(\.isWhitespace)),
              let source = firstImage([first]) else { return content }
        return imageStem(source) == imageStem(leadImage) ? Array(content.dropFirst()) : content
    }

    static func imageStem(_ url: String) -> String {
        var name = URL(string: url)?.deletingPathExtension().lastPathComponent ?? url
        if let dash = name.lastIndex(of: "-"), name[name.index(after: dash)...].contains("x"),
           name[name.index(after: dash)...].allSatisfy({ $0.isNumber || $0 == "x" }) {
            name = String(name[..<dash])
        }
        return name.lowercased()
    }

    /// The byline line repeated at the top of the body ("By Hendra Simanjuntak in Medan ·
    /// 9 October 2026") is metadata: among the first blocks, a short one naming the first author
    /// goes. (A standfirst stays: readers and the benchmark count it as the story.)
    static func droppingLeadingMetadataLines(_ content: [ContentNode], byline: String?, heuristics: ExtractionHeuristics) -> [ContentNode] {
        let firstAuthor = byline?.components(separatedBy: ", ").first.map(Whitespace.collapsed)
        var content = content
        var index = 0
        while index < min(heuristics.leadingBylineBlocks, content.count) {
            let block = content[index]
            let text = Whitespace.collapsed(block.textContent)
            let namesAuthor = firstAuthor.map { !$0.isEmpty && text.count < heuristics.maximumLeadingBylineLength && text.contains($0) } ?? false
            if block.tag == .p, namesAuthor {
                content.remove(at: index)
            } else {
                index += 1
            }
        }
        return content
    }

    /// The date printed alone above the story ("23.10.2018", "April 21, 2022") is metadata:
    /// among the first `leadingDateBlocks` blocks, a short paragraph that is nothing but a date
    /// (`isDateLine`) goes.
    static func droppingLeadingDateLines(_ content: [ContentNode], dates: DateTextParser, heuristics: ExtractionHeuristics) -> [ContentNode] {
        var content = content
        var index = 0
        while index < min(heuristics.leadingDateBlocks, content.count) {
            if content[index].tag == .p, isDateLine(content[index].textContent, dates: dates, heuristics: heuristics) {
                content.remove(at: index)
            } else {
                index += 1
            }
        }
        return content
    }

    /// A short text holding a date with a four-digit year and no word but month and weekday
    /// names and the small words of a date and time.
    static func isDateLine(_ text: String, dates: DateTextParser, heuristics: ExtractionHeuristics) -> Bool {
        let text = Whitespace.collapsed(text)
        guard !text.isEmpty, text.count <= heuristics.maximumDateLineLength else { return false }
        let tokens = DateToken.tokens(text)
        let wordsAreDate = tokens.allSatisfy { token in
            token.kind != .word || heuristics.monthNames[token.text] != nil || heuristics.weekdayNames.contains(token.text)
                || heuristics.dateLineWords.contains(token.text)
        }
        return wordsAreDate && !dates.dates(in: tokens, allowsTwoDigitYears: false).isEmpty
    }

    /// Blocks at the end that are mostly links ("Tags: …  Berita Terkait: » …", "Share on …")
    /// are the page's furniture, not the story.
    static func droppingTrailingLinkBlocks(_ content: [ContentNode], heuristics: ExtractionHeuristics) -> [ContentNode] {
        var content = content
        while let last = content.last, last.tag == .p || last.tag == .ul || last.tag == .ol {
            let length = PageAnalysis.visibleLength(last.textContent)
            let linked = ReaderableCheck.linkTextLength([last])
            let isLinkedBanner = length == 0 && last.children.allSatisfy { $0.tag == .a || $0.tag == .br }
            guard isLinkedBanner || (length > 0 && Double(linked) / Double(length) >= heuristics.trailingBlockLinkDensity) else { break }
            content.removeLast()
        }
        return content
    }

    /// The dateline opens one of the first paragraphs.
    static func datelinePlace(_ content: [ContentNode]) -> String? {
        content.lazy.filter { $0.tag == .p }.prefix(3).compactMap { Dateline.place(in: $0.textContent) }.first
    }

    static func firstImage(_ content: [ContentNode]) -> String? {
        for node in content {
            if node.tag == .img { return node.attributes["src"] }
            if let found = firstImage(node.children) { return found }
        }
        return nil
    }
}
