import CLibXML2
import Foundation
import GalleyCore

/// The dates a page shows in its body, found in one walk over it: in date elements (`<time>`,
/// class or itemprop naming a date, epoch attributes) and in any text node. Each is scored by
/// where it stands (`ExtractionHeuristics`, "Dates"): a date element, a "published" label or
/// class, nearness to the headline and a time of day count for it; a comment, teaser, sidebar or
/// link around it counts against it. "Updated"/"Aktualisiert" dates are kept apart as modified.
struct VisibleDates {
    /// One date shown on the page.
    struct Candidate {
        var timestamp: Timestamp
        var score: Double
        /// Marked as a change ("Aktualisiert am", `class="updated"`).
        var isModified: Bool
        /// Marked as the publication ("veröffentlicht", `itemprop="datePublished"`).
        var isPublished: Bool
        var hasTime: Bool
        /// Read from a machine-readable attribute that gave a zone (`datetime="…+02:00"`).
        var isZoned = false
        /// Characters of text before it, in document order.
        var position: Int
        /// Shown in a date element (not found in running text).
        var inDateElement: Bool
        /// Characters of text between it and the headline (nil without a headline).
        var headlineDistance: Int?
        /// Inside another item's container (comment, teaser, sidebar), or in a link.
        var isForeign: Bool
        var inLink: Bool
    }

    let heuristics: ExtractionHeuristics
    let parser: DateTextParser

    /// Subtrees never read for dates.
    static let skippedElements: Set<String> = ["script", "style", "template", "noscript", "svg", "math", "head", "select", "textarea",
                                               "meta", "link"]

    /// Every date shown in `body`, scored; `headline` is the article's main heading.
    func candidates(in body: HTMLNode, headline: HTMLNode?) -> [Candidate] {
        var walk = Walk(finder: self, headline: headline)
        walk.visit(body, name: body.name, inDateElement: false)
        var candidates = walk.found
        let headlineAncestors = Set(sequence(first: headline, next: { $0?.parent }).compactMap { $0 })
        let largestForeign = Int(Double(walk.position) * heuristics.foreignContainerMaximumShare)
        var foreignContainers: [HTMLNode: Bool] = [:]
        for index in candidates.indices {
            candidates[index].headlineDistance = walk.headlineRange.map { range in
                let position = candidates[index].position
                return position < range.lowerBound ? range.lowerBound - position : max(0, position - range.upperBound)
            }
            let context = ancestry(of: walk.nodes[index], ranges: walk.ranges, largestForeign: largestForeign,
                                   headlineAncestors: headlineAncestors, known: &foreignContainers)
            candidates[index].isForeign = context.foreign
            candidates[index].inLink = context.inLink
            candidates[index].score = score(candidates[index])
        }
        return candidates
    }

    private func score(_ candidate: Candidate) -> Double {
        var score = 0.0
        if candidate.inDateElement { score += heuristics.dateElementScore }
        if candidate.isPublished { score += heuristics.publishedLabelScore }
        if let distance = candidate.headlineDistance, distance <= heuristics.headlineDateReach {
            score += heuristics.headlineScore * (1 - Double(distance) / Double(heuristics.headlineDateReach * 2))
        }
        if candidate.hasTime { score += heuristics.timeOfDayScore }
        if candidate.isForeign { score -= heuristics.foreignContainerPenalty }
        if candidate.inLink { score -= heuristics.linkPenalty }
        return score
    }

    /// Whether a date's ancestors make it another item's (comments, teasers, sidebars, page
    /// furniture), and whether it sits in a link. A container is not foreign when it holds the
    /// headline or a large share of the page's text (layout wrappers named "…Sidebar"), or
    /// when its own class names a date (`id="comments-date"`).
    private func ancestry(of node: HTMLNode, ranges: [HTMLNode: Range<Int>], largestForeign: Int,
                          headlineAncestors: Set<HTMLNode>, known: inout [HTMLNode: Bool]) -> (foreign: Bool, inLink: Bool) {
        var foreign = false
        var inLink = false
        var current: HTMLNode? = node
        while let element = current, !headlineAncestors.contains(element) {
            let name = element.name
            if name == "body" || name == "html" { break }
            if name == "a" { inLink = true }
            if !foreign, (ranges[element]?.count ?? 0) <= largestForeign {
                if let memo = known[element] {
                    foreign = memo
                } else {
                    foreign = heuristics.foreignDateElements.contains(name) || isForeignContainer(element)
                    known[element] = foreign
                }
            }
            current = element.parent
        }
        return (foreign, inLink)
    }

    private func isForeignContainer(_ element: HTMLNode) -> Bool {
        let words = ClassWords(element)
        guard words.tokens.contains(where: { token in heuristics.foreignDateContainerPrefixes.contains { token.hasPrefix($0) } }) else {
            return false
        }
        return !words.matchesAny(heuristics.dateClassWords)
    }

    /// Whether an element shows a date by its markup: `<time>`, `<abbr class="published">`, an
    /// itemprop or class/id word naming a date, or an epoch attribute. Returns what the markup
    /// says of the date's kind.
    func dateElementKind(_ node: HTMLNode, name: String) -> (isDate: Bool, published: Bool, modified: Bool) {
        guard node.pointer.pointee.properties != nil || name == "time" else { return (false, false, false) }
        var words = Set<String>()
        // Most classes name no date: a quick test of the raw attributes before splitting them into words.
        if Self.mayNameDate(node, "class") || Self.mayNameDate(node, "id") { words = ClassWords(node).tokens }
        if node.hasAttribute("itemprop"), let itemprop = node.attribute("itemprop") {
            words.formUnion(FastText.asciiLowercased(itemprop).split(separator: " ").map(String.init))
        }
        let isDate = name == "time" || !words.isDisjoint(with: heuristics.dateClassWords)
            || !words.isDisjoint(with: heuristics.publishedClassWords) || !words.isDisjoint(with: heuristics.modifiedClassWords)
            || (Self.hasDataAttribute(node) && heuristics.timestampAttributes.contains { node.hasAttribute($0) })
        guard isDate else { return (false, false, false) }
        // The element's own words, else those of its parent or grandparent (`<div class="posted"><time>`).
        for (level, element) in sequence(first: node, next: \.parent).prefix(3).enumerated() {
            let classes = level == 0 ? words : ClassWords(element).tokens
            let published = !classes.isDisjoint(with: heuristics.publishedClassWords) || (level == 0 && node.hasAttribute("pubdate"))
            let modified = !classes.isDisjoint(with: heuristics.modifiedClassWords)
            if published != modified { return (true, published, modified) }
        }
        return (true, false, false)
    }

    /// Whether a class or id may hold a date word: it contains one of the stems every word of
    /// `dateClassWords`, `publishedClassWords` and `modifiedClassWords` has (a test on libxml2's
    /// bytes, before the value is copied and split into words).
    static func mayNameDate(_ node: HTMLNode, _ attribute: String) -> Bool {
        guard let property = attribute.withCString({ xmlHasProp(node.pointer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }),
              let text = property.pointee.children, let content = text.pointee.content else { return false }
        let bytes = UnsafeBufferPointer(start: content, count: strlen(content))
        guard bytes.count >= 3 else { return false }
        for start in 0...(bytes.count - 3) where dateStemStarts[Int(bytes[start] | 0x20)] {
            for stem in dateStemBytes where start + stem.count <= bytes.count {
                var offset = 0
                while offset < stem.count, bytes[start + offset] | 0x20 == stem[offset] { offset += 1 }
                if offset == stem.count { return true }
            }
        }
        return false
    }

    private static let dateStemBytes = dateStems.map { Array($0.utf8) }
    /// The first bytes of the stems, for skipping other positions at once.
    private static let dateStemStarts: [Bool] = (0..<256).map { byte in dateStemBytes.contains { Int($0[0]) == byte } }

    /// Stems of the date class words (`dateClassWords` and the others must each contain one).
    static let dateStems = ["dat", "tim", "pub", "post", "upd", "modif", "creat", "tangg", "wakt", "fech", "releas", "chang", "revis", "lastmod"]

    /// Whether an element has a `data-…` attribute (walks libxml2's attribute list, no copies).
    static func hasDataAttribute(_ node: HTMLNode) -> Bool {
        var attribute = node.pointer.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name, strncmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "data-", 5) == 0 { return true }
            attribute = current.pointee.next
        }
        return false
    }

    /// The label just before a date: whether it names a change or the publication. Labels
    /// match at the start of a word ("Stand:", not "Bestand").
    func labelKind(_ label: String) -> (published: Bool, modified: Bool) {
        let lowered = label.lowercased()
        let modified = Self.lastWordStart(of: heuristics.modifiedLabels, in: lowered)
        let published = Self.lastWordStart(of: heuristics.publishedLabels, in: lowered)
        guard let modified, let published else { return (published != nil, modified != nil) }
        // Both: the one nearer the date wins ("Veröffentlicht 1.2. · Aktualisiert").
        return (published > modified, modified > published)
    }

    /// Where (in UTF-8 bytes) the last of `words` starting a word in `text` is.
    static func lastWordStart(of words: [String], in text: String) -> Int? {
        let bytes = Array(text.utf8)
        var best: Int?
        for word in words {
            let pattern = Array(word.utf8)
            guard pattern.count <= bytes.count else { continue }
            var start = bytes.count - pattern.count
            while start >= 0 {
                if bytes[start] == pattern[0], bytes[start..<(start + pattern.count)].elementsEqual(pattern),
                   start == 0 || !Self.isLetterByte(bytes[start - 1]) {
                    if best.map({ start > $0 }) ?? true { best = start }
                    break
                }
                start -= 1
            }
        }
        return best
    }

    /// An ASCII letter, or a byte of a non-ASCII character (letters in the label languages).
    private static func isLetterByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 97 && byte | 0x20 <= 122) || byte >= 0x80
    }

    /// An epoch time in seconds or milliseconds.
    static func epoch(_ value: String, offset: Int) -> Timestamp? {
        let digits = value.trimmingCharacters(in: .whitespaces)
        guard (9...13).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Double(digits) else { return nil }
        let seconds = digits.count >= 12 ? number / 1000 : number
        return Timestamp(date: Date(timeIntervalSince1970: seconds), utcOffsetSeconds: 0).converted(toOffsetSeconds: offset)
    }
}

extension VisibleDates {
    /// The state of the walk over the body.
    struct Walk {
        let finder: VisibleDates
        let headline: HTMLNode?
        var found: [Candidate] = []
        /// The element or text node each candidate was found in.
        var nodes: [HTMLNode] = []
        var position = 0
        var headlineRange: Range<Int>?
        /// The text range of every element that holds a candidate.
        var ranges: [HTMLNode: Range<Int>] = [:]
        /// The last two text nodes read (not blank), for labels.
        var previousTexts: (HTMLNode?, HTMLNode?) = (nil, nil)

        init(finder: VisibleDates, headline: HTMLNode?) {
            self.finder = finder
            self.headline = headline
        }

        mutating func visit(_ node: HTMLNode, name: String, inDateElement: Bool) {
            let isHeadline = node == headline
            let start = position
            let foundBefore = found.count
            var inside = inDateElement
            if !inDateElement {
                inside = readDateElement(node, name: name)
            }
            for child in node.children {
                if child.isText {
                    // Text is read from libxml2's bytes; a String is made only for text that may hold a date.
                    guard let content = child.pointer.pointee.content else { continue }
                    let bytes = UnsafeBufferPointer(start: content, count: strlen(content))
                    if !inside, Self.mayHoldDate(bytes, short: bytes.count <= finder.heuristics.shortDateTextLength) {
                        readText(String(decoding: bytes, as: UTF8.self), node: node)
                    }
                    position += bytes.count
                    if bytes.contains(where: { $0 > 32 }) { previousTexts = (previousTexts.1, child) }
                } else if child.isElement {
                    let childName = Self.elementName(child)
                    if !VisibleDates.skippedElements.contains(childName) { visit(child, name: childName, inDateElement: inside) }
                }
            }
            if isHeadline { headlineRange = start..<position }
            if found.count > foundBefore { ranges[node] = start..<position }
        }

        /// The text just before a date (the label reach), from the texts read before and `before`.
        private func label(before: String) -> (published: Bool, modified: Bool) {
            let reach = finder.heuristics.dateLabelReach
            let earlier = [previousTexts.0, previousTexts.1].compactMap { $0?.textValue.suffix(reach) }.joined(separator: " ")
            let text = FastText.collapsed(earlier + " " + before)
            return finder.labelKind(String(text.suffix(reach)))
        }

        /// Reads a date element's value; returns whether the element was one.
        private mutating func readDateElement(_ node: HTMLNode, name: String) -> Bool {
            let kind = finder.dateElementKind(node, name: name)
            guard kind.isDate else { return false }
            // A wrapper of `<time>` elements: they are read one by one.
            guard name == "time" || node.first(["time"]) == nil, let text = Self.spacedText(of: node, limit: 300) else { return false }
            let collapsed = FastText.collapsed(text)
            var values: [(Timestamp, Bool, String)] = []
            var zoned = false
            let shown = finder.parser.dates(in: DateToken.tokens(collapsed), allowsTwoDigitYears: true).prefix(3)
            // A machine-readable value gives the instant, unless the text shows another day
            // (the attribute holds a change, or a UTC time of the next day).
            if let attribute = node.attribute("datetime") ?? node.attribute("content") ?? (name == "abbr" ? node.attribute("title") : nil),
               let (timestamp, hasZone) = finder.parser.parseNotingZone(attribute),
               shown.isEmpty || PublicationDateFinder.sameDay(timestamp, shown[shown.startIndex].timestamp) {
                values.append((timestamp, attribute.contains(":"), ""))
                zoned = hasZone
            } else if shown.isEmpty, let epoch = epochAttribute(node) {
                values.append((epoch, true, ""))
            } else {
                for match in shown {
                    let before = String(collapsed.unicodeScalars.prefix(match.start))
                    values.append((match.timestamp, match.hasTime, before))
                }
            }
            guard !values.isEmpty else { return false }
            for (timestamp, hasTime, before) in values {
                let label = label(before: before)
                let modified = label.modified || (kind.modified && !label.published)
                let published = !modified && (label.published || kind.published)
                add(Candidate(timestamp: timestamp, score: 0, isModified: modified, isPublished: published, hasTime: hasTime, isZoned: zoned,
                              position: position, inDateElement: true, headlineDistance: nil, isForeign: false, inLink: false), node: node)
            }
            return true
        }

        /// An epoch time in one of the timestamp attributes.
        private func epochAttribute(_ node: HTMLNode) -> Timestamp? {
            for name in finder.heuristics.timestampAttributes {
                if let value = node.attribute(name), let epoch = VisibleDates.epoch(value, offset: finder.parser.defaultOffsetSeconds) { return epoch }
            }
            return nil
        }

        /// Finds the dates in one text node.
        private mutating func readText(_ text: String, node: HTMLNode) {
            // A text that is only a short date may write its year with two digits ("02.12.19").
            let matches = finder.parser.dates(in: text, allowsTwoDigitYears: text.utf8.count <= finder.heuristics.shortDateTextLength)
            guard !matches.isEmpty else { return }
            let scalars = Array(text.unicodeScalars)
            for match in matches {
                let before = String(String.UnicodeScalarView(scalars[max(0, match.start - finder.heuristics.dateLabelReach)..<match.start]))
                let label = label(before: before)
                add(Candidate(timestamp: match.timestamp, score: 0, isModified: label.modified, isPublished: label.published && !label.modified,
                              hasTime: match.hasTime, position: position + match.start, inDateElement: false, headlineDistance: nil,
                              isForeign: false, inLink: false), node: node)
            }
        }

        private mutating func add(_ candidate: Candidate, node: HTMLNode) {
            found.append(candidate)
            nodes.append(node)
        }

        /// The text of an element with a space between its text nodes (`<span>Feb</span><span>18</span>`
        /// reads "Feb 18"), nil when longer than `limit` bytes.
        static func spacedText(of node: HTMLNode, limit: Int) -> String? {
            var text = ""
            func gather(_ element: HTMLNode) -> Bool {
                for child in element.children {
                    if child.isText {
                        text += child.textValue
                        text += " "
                    } else if child.isElement, !VisibleDates.skippedElements.contains(child.name) {
                        if !gather(child) { return false }
                    }
                    if text.utf8.count > limit { return false }
                }
                return true
            }
            return gather(node) ? text : nil
        }

        /// A cheap test before tokenising: four digits in a row (a year), any digit in a short
        /// text, or 年.
        static func mayHoldDate(_ bytes: UnsafeBufferPointer<UInt8>, short: Bool) -> Bool {
            var run = 0
            for byte in bytes {
                if byte >= 48, byte <= 57 {
                    run += 1
                    if run == 4 || short { return true }
                } else {
                    run = 0
                    if byte == 0xE5 { return true } // 年 (E5 B9 B4), or another CJK character
                }
            }
            return false
        }

        /// An element's name as libxml2's HTML parser stores it (already lower case).
        static func elementName(_ node: HTMLNode) -> String {
            node.pointer.pointee.name.map { String(cString: $0) } ?? ""
        }
    }
}
