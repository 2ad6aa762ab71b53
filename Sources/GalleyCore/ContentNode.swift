/// The article body as a sanitised value tree: only allowlisted elements and attributes.
///
/// Extraction builds it from the libxml2 DOM; normalisation writes it as CommonMark.
/// It holds no C pointers, so it crosses stage and task boundaries freely.
public indirect enum ContentNode: Sendable, Hashable, Codable {
    /// Character data, already decoded (no entities).
    case text(String)
    /// An allowlisted element with its allowlisted attributes.
    case element(ContentTag, attributes: [String: String], children: [ContentNode])

    /// Convenience for an element without attributes.
    public static func node(_ tag: ContentTag, _ children: [ContentNode] = []) -> ContentNode {
        .element(tag, attributes: [:], children: children)
    }

    /// The concatenated text of this node and its descendants.
    public var textContent: String {
        switch self {
        case .text(let text): return text
        case .element(_, _, let children): return children.map(\.textContent).joined()
        }
    }

    /// The tag, or nil for text.
    public var tag: ContentTag? {
        if case .element(let tag, _, _) = self { return tag }
        return nil
    }

    /// The child nodes (empty for text).
    public var children: [ContentNode] {
        if case .element(_, _, let children) = self { return children }
        return []
    }

    /// The attributes (empty for text).
    public var attributes: [String: String] {
        if case .element(_, let attributes, _) = self { return attributes }
        return [:]
    }
}

/// The elements an article body may contain. Anything else is unwrapped or dropped.
public enum ContentTag: String, Sendable, Hashable, Codable, CaseIterable {
    case p, h1, h2, h3, h4, h5, h6
    case ul, ol, li
    case blockquote, pre, code
    case em, strong, del, sub, sup
    case a, img, br, hr
    case figure, figcaption
    case table, caption, thead, tbody, tfoot, tr, th, td

    /// Whether the element starts a block in CommonMark terms.
    public var isBlock: Bool {
        switch self {
        case .p, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .blockquote, .pre, .hr,
             .figure, .figcaption, .table, .caption, .thead, .tbody, .tfoot, .tr, .th, .td:
            return true
        case .code, .em, .strong, .del, .sub, .sup, .a, .img, .br:
            return false
        }
    }

    /// Heading level 1–6, or nil.
    public var headingLevel: Int? {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: nil
        }
    }

    /// The attributes kept on this element (URLs are checked separately).
    public var allowedAttributes: Set<String> {
        switch self {
        case .a: ["href", "title"]
        case .img: ["src", "alt", "title"]
        case .ol: ["start"]
        case .td, .th: ["colspan", "rowspan"]
        case .code, .pre: ["language"]
        default: []
        }
    }
}
