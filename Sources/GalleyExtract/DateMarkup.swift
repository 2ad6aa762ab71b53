import CLibXML2
import Foundation
import GalleyCore

/// What markup and words around a date say about it: whether an element shows a date
/// (`<time>`, a class, id or itemprop naming one, an epoch attribute), and whether the element's
/// words or the label before the date ("Aktualisiert am", "veröffentlicht") mark it as the
/// publication or as a change. Word lists are in `ExtractionHeuristics` ("Dates").
struct DateMarkup {
    let heuristics: ExtractionHeuristics

    /// What an element's markup says of a date: whether it shows one, and whether it is
    /// marked as the publication or as a change.
    struct Kind {
        var isDate = false
        var published = false
        var modified = false
    }

    /// How `node` (a `<time>` element or not) is marked. The kind comes from the element's own
    /// words, else from its parent's or grandparent's (`<div class="posted"><time>`).
    func kind(of node: HTMLNode, isTime: Bool) -> Kind {
        guard node.pointer.pointee.properties != nil || isTime else { return Kind() }
        var words = Set<String>()
        // Most classes name no date: a test on the raw attribute before splitting it into words.
        if Self.mayNameDate(node, "class") || Self.mayNameDate(node, "id") { words = ClassWords(node).tokenSet }
        if node.hasAttribute("itemprop"), let itemprop = node.attribute("itemprop") {
            words.formUnion(FastText.asciiLowercased(itemprop).split(separator: " ").map(String.init))
        }
        guard isTime || namesDate(words) || (Self.hasDataAttribute(node) && heuristics.timestampAttributes.contains { node.hasAttribute($0) })
        else { return Kind() }
        for (level, element) in sequence(first: node, next: \.parent).prefix(3).enumerated() {
            let classes = level == 0 ? words : ClassWords(element).tokenSet
            let published = !classes.isDisjoint(with: heuristics.publishedClassWords) || (level == 0 && node.hasAttribute("pubdate"))
            let modified = !classes.isDisjoint(with: heuristics.modifiedClassWords)
            if published != modified { return Kind(isDate: true, published: published, modified: modified) }
        }
        return Kind(isDate: true)
    }

    private func namesDate(_ words: Set<String>) -> Bool {
        !words.isDisjoint(with: heuristics.dateClassWords) || !words.isDisjoint(with: heuristics.publishedClassWords)
            || !words.isDisjoint(with: heuristics.modifiedClassWords)
    }

    /// The label just before a date: whether it names the publication or a change. Labels match
    /// at the start of a word ("Stand:", not "Bestand"); when both kinds are there, the one
    /// nearer the date wins ("Veröffentlicht 1.2. · Aktualisiert").
    func label(_ text: String) -> (published: Bool, modified: Bool) {
        let lowered = text.lowercased()
        let modified = Self.lastWordStart(of: heuristics.modifiedLabels, in: lowered)
        let published = Self.lastWordStart(of: heuristics.publishedLabels, in: lowered)
        guard let modified, let published else { return (published != nil, modified != nil) }
        return (published > modified, modified > published)
    }

    // MARK: Byte-level tests (run on most elements: no copies)

    /// Stems of the date class words: every word of `dateClassWords`, `publishedClassWords` and
    /// `modifiedClassWords` contains one (a test pins this).
    static let dateStems = ["date", "datum", "time", "publi", "posted", "modif", "creat", "tangg", "wakt", "fech", "releas", "chang", "revis",
                            "lastmod"]
    private static let dateStemBytes = dateStems.map { Array($0.utf8) }
    /// The first bytes of the stems, to pass over other positions at once.
    private static let dateStemStarts: [Bool] = (0..<256).map { byte in dateStemBytes.contains { Int($0[0]) == byte } }

    /// Whether the attribute's value contains a date stem (case-insensitive), read in place.
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

    /// Whether an element has a `data-…` attribute (libxml2's attribute list, no copies).
    static func hasDataAttribute(_ node: HTMLNode) -> Bool {
        var attribute = node.pointer.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name, strncmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "data-", 5) == 0 {
                return true
            }
            attribute = current.pointee.next
        }
        return false
    }

    /// Where (in UTF-8 bytes) the last of `words` that starts a word of `text` is.
    static func lastWordStart(of words: [String], in text: String) -> Int? {
        let bytes = Array(text.utf8)
        var best: Int?
        for word in words {
            let pattern = Array(word.utf8)
            guard !pattern.isEmpty, pattern.count <= bytes.count else { continue }
            var start = bytes.count - pattern.count
            while start >= 0 {
                if bytes[start] == pattern[0], bytes[start..<(start + pattern.count)].elementsEqual(pattern),
                   start == 0 || !isLetterByte(bytes[start - 1]) {
                    if best.map({ start > $0 }) ?? true { best = start }
                    break
                }
                start -= 1
            }
        }
        return best
    }

    /// An ASCII letter, or a byte of a non-ASCII character (letters, in the label languages).
    private static func isLetterByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 97 && byte | 0x20 <= 122) || byte >= 0x80
    }

    /// An epoch time in seconds or milliseconds (9 to 13 digits), at `offset`.
    static func epoch(_ value: String, placedBy zoneless: ZonelessTime) -> Timestamp? {
        let digits = value.trimmingCharacters(in: .whitespaces)
        guard (9...13).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Double(digits) else { return nil }
        let instant = Date(timeIntervalSince1970: digits.count >= 12 ? number / 1000 : number)
        return Timestamp(date: instant, utcOffsetSeconds: 0).converted(toOffsetSeconds: zoneless.offset(at: instant))
    }
}
