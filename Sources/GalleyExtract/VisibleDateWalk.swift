import Foundation
import GalleyCore

/// One walk over a page's body that collects every date it shows (`VisibleDates`): the value
/// of each date element, and each date in any other text node, with its place in the text and
/// the label before it. Text is read from libxml2's bytes; a String is made only for text
/// that may hold a date.
struct VisibleDateWalk {
    let heuristics: ExtractionHeuristics
    let parser: DateTextParser
    let markup: DateMarkup
    let headline: HTMLNode?
    /// The dates found, in page order.
    private(set) var found: [VisibleDates.Candidate] = []
    /// The element each date was found in.
    private(set) var nodes: [HTMLNode] = []
    /// Bytes of text read so far.
    private(set) var position = 0
    /// Where the headline's text is.
    private(set) var headlineRange: Range<Int>?
    /// The text range of every element that holds a date.
    private(set) var ranges: [HTMLNode: Range<Int>] = [:]
    /// The last two text nodes read (not blank), for labels.
    private var previousTexts: (HTMLNode?, HTMLNode?) = (nil, nil)

    /// Subtrees never read for dates.
    static let skippedElements: Set<String> = ["script", "style", "template", "noscript", "svg", "math", "head", "select", "textarea",
                                               "meta", "link"]

    init(heuristics: ExtractionHeuristics, parser: DateTextParser, headline: HTMLNode?) {
        self.heuristics = heuristics
        self.parser = parser
        markup = DateMarkup(heuristics: heuristics)
        self.headline = headline
    }

    /// Reads `node` (named `name`) and everything in it.
    mutating func visit(_ node: HTMLNode, inDateElement: Bool = false) {
        let start = position
        let foundBefore = found.count
        let inside = inDateElement || readDateElement(node, tag: Tag(of: node))
        for child in node.children {
            if child.isText {
                readTextNode(child, parent: node, inDateElement: inside)
            } else if child.isElement, Tag(of: child) != .skipped {
                visit(child, inDateElement: inside)
            }
        }
        if node == headline { headlineRange = start..<position }
        if found.count > foundBefore { ranges[node] = start..<position }
    }

    private mutating func readTextNode(_ text: HTMLNode, parent: HTMLNode, inDateElement: Bool) {
        guard let content = text.pointer.pointee.content else { return }
        let bytes = UnsafeBufferPointer(start: content, count: strlen(content))
        if !inDateElement, Self.mayHoldDate(bytes, short: bytes.count <= heuristics.shortDateTextLength) {
            readText(String(decoding: bytes, as: UTF8.self), node: parent)
        }
        position += bytes.count
        if bytes.contains(where: { $0 > 32 }) { previousTexts = (previousTexts.1, text) }
    }

    // MARK: Date elements

    /// Reads a date element's value; returns whether the element was one. An element wrapping
    /// `<time>` elements is not one: they are read one by one.
    private mutating func readDateElement(_ node: HTMLNode, tag: Tag) -> Bool {
        let kind = markup.kind(of: node, isTime: tag == .time)
        guard kind.isDate, tag == .time || node.first(["time"]) == nil,
              let text = Self.spacedText(of: node, limit: heuristics.maximumDateElementLength) else { return false }
        let values = dateElementValues(node, tag: tag, text: Whitespace.collapsed(text))
        guard !values.isEmpty else { return false }
        for value in values {
            let label = label(before: value.before)
            let modified = label.modified || (kind.modified && !label.published)
            let published = !modified && (label.published || kind.published)
            add(VisibleDates.Candidate(timestamp: value.timestamp, isModified: modified, isPublished: published, hasTime: value.hasTime,
                                       isZoned: value.zoned, position: position, inDateElement: value.shown, standsAlone: value.shown), node: node)
        }
        return true
    }

    /// A date element's value; `shown` is false for a `data-*` value whose element shows no date
    /// (a share widget's cache time): it counts as a date in running text, not as a date element.
    private typealias Value = (timestamp: Timestamp, hasTime: Bool, zoned: Bool, before: String, shown: Bool)

    /// The dates a date element gives: its machine-readable attribute (`datetime`, `content`,
    /// an abbr's `title`), unless its text shows another day (the attribute holds a change, or
    /// a UTC time of the next day); else the dates its text shows; else a `data-*` timestamp.
    private func dateElementValues(_ node: HTMLNode, tag: Tag, text: String) -> [Value] {
        let shown = parser.dates(in: DateToken.tokens(text), allowsTwoDigitYears: true).prefix(3)
        if let attribute = node.attribute("datetime") ?? node.attribute("content") ?? (tag == .abbr ? node.attribute("title") : nil),
           let (timestamp, zoned) = parser.parseNotingZone(attribute),
           shown.first.map({ PublicationDateFinder.sameDay(timestamp, $0.timestamp) }) ?? true {
            return [(timestamp, attribute.contains(":"), zoned, "", true)]
        }
        if shown.isEmpty, let stamp = timestampAttribute(node) { return [(stamp.0, true, stamp.1, "", false)] }
        return shown.map { match in (match.timestamp, match.hasTime, false, String(text.unicodeScalars.prefix(match.start)), true) }
    }

    /// The value of a `data-timestamp`-like attribute: an epoch time, or a date-time.
    private func timestampAttribute(_ node: HTMLNode) -> (Timestamp, Bool)? {
        for name in heuristics.timestampAttributes {
            guard let value = node.attribute(name) else { continue }
            if let epoch = DateMarkup.epoch(value, placedBy: parser.zoneless) { return (epoch, true) }
            if let parsed = parser.parseNotingZone(value) { return parsed }
        }
        return nil
    }

    // MARK: Running text

    /// Finds the dates in one text node. A text that is only a short date may write its year
    /// with two digits ("02.12.19").
    private mutating func readText(_ text: String, node: HTMLNode) {
        let matches = parser.dates(in: text, allowsTwoDigitYears: text.utf8.count <= heuristics.shortDateTextLength)
        guard !matches.isEmpty else { return }
        let scalars = Array(text.unicodeScalars)
        let length = FastText.collapsedLength(text)
        let standsAlone = length <= heuristics.standaloneDateTextLength
        for match in matches {
            let before = String(String.UnicodeScalarView(scalars[max(0, match.start - heuristics.dateLabelReach)..<match.start]))
            let label = label(before: before)
            add(VisibleDates.Candidate(timestamp: match.timestamp, isModified: label.modified, isPublished: label.published && !label.modified,
                                       hasTime: match.hasTime, position: position + match.start, inDateElement: false,
                                       standsAlone: standsAlone, inProse: length > heuristics.proseLength), node: node)
        }
    }

    /// What the text just before a date says of it: up to `dateLabelReach` characters of the
    /// last texts read and `before`, after the last digit (a label never reaches back over
    /// another date: "Stand: 18.10.2019 · 16.10.2019").
    private func label(before: String) -> (published: Bool, modified: Bool) {
        let reach = heuristics.dateLabelReach
        let earlier = [previousTexts.0, previousTexts.1].compactMap { $0?.textValue.suffix(reach) }.joined(separator: " ")
        let text = Whitespace.collapsed(earlier + " " + before).suffix(reach)
        let label = text.lastIndex(where: { $0.isASCII && $0.isNumber }).map { text[text.index(after: $0)...] } ?? text
        return markup.label(String(label))
    }

    private mutating func add(_ candidate: VisibleDates.Candidate, node: HTMLNode) {
        found.append(candidate)
        nodes.append(node)
    }

    // MARK: Helpers

    /// The text of an element with a space between its text nodes (`<span>Feb</span><span>18</span>`
    /// reads "Feb 18"), nil when longer than `limit` bytes.
    static func spacedText(of node: HTMLNode, limit: Int) -> String? {
        var text = ""
        func gather(_ element: HTMLNode) -> Bool {
            for child in element.children {
                if child.isText {
                    text += child.textValue
                    text += " "
                } else if child.isElement, Tag(of: child) != .skipped {
                    if !gather(child) { return false }
                }
                if text.utf8.count > limit { return false }
            }
            return true
        }
        return gather(node) ? text : nil
    }

    /// A cheap test before tokenising: four digits in a row (a year), any digit in a short
    /// text, or a CJK character (年).
    static func mayHoldDate(_ bytes: UnsafeBufferPointer<UInt8>, short: Bool) -> Bool {
        var run = 0
        for byte in bytes {
            if byte >= 48, byte <= 57 {
                run += 1
                if run == 4 || short { return true }
            } else {
                run = 0
                if byte == 0xE5 { return true } // 年 is E5 B9 B4
            }
        }
        return false
    }

    /// What the walk needs to know of an element's name, read from libxml2's bytes (the HTML
    /// parser stores names in lower case) without making a String for every element.
    enum Tag: Equatable {
        case time, abbr, skipped, other

        init(of node: HTMLNode) {
            guard let raw = node.pointer.pointee.name else { self = .other; return }
            let name = UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self)
            if strcmp(name, "time") == 0 {
                self = .time
            } else if strcmp(name, "abbr") == 0 {
                self = .abbr
            } else {
                self = VisibleDateWalk.skippedNames.contains { strcmp(name, $0) == 0 } ? .skipped : .other
            }
        }
    }

    private static let skippedNames = skippedElements.map { Array($0.utf8CString) }
}
