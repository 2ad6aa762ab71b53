import GalleyCore

/// The picture that opens many articles, set between the headline and the body, outside the
/// container the scorer chooses: a `<figure>`, or a block named for a picture that holds an
/// image and at most a caption. It opens the content (its caption is not running text), and
/// gives the article its image when the metadata names none.
struct LeadPicture {
    let analysis: PageAnalysis
    var heuristics: ExtractionHeuristics { analysis.heuristics }

    /// The nearest picture before `first` (a preceding sibling of it or of its
    /// `standfirstSearchLevels` nearest ancestors), searched until other content is met.
    func element(before first: HTMLNode) -> HTMLNode? {
        for candidate in first.elementsBefore(levels: heuristics.standfirstSearchLevels) {
            if isPicture(candidate) { return candidate }
            if analysis.stat(candidate).textLength > heuristics.maximumStandfirstLength { return nil }
        }
        return nil
    }

    private func isPicture(_ node: HTMLNode) -> Bool {
        guard !analysis.isExcluded(node), analysis.stat(node).textLength <= heuristics.maximumLeadPictureTextLength,
              analysis.linkDensity(node) < heuristics.maximumLeadPictureLinkDensity else { return false }
        if node.name == "figure" { return true }
        return ClassWords(node).matchesAny(analysis.lists.pictureWords) && node.first(["img", "picture"]) != nil
    }

    /// A picture block as one figure: its images, and its text as the caption.
    static func asFigure(_ blocks: [ContentNode]) -> ContentNode {
        if blocks.count == 1, blocks[0].tag == .figure { return blocks[0] }
        var images: [ContentNode] = []
        var caption: [ContentNode] = []
        func collect(_ nodes: [ContentNode]) {
            for node in nodes {
                if node.tag == .img {
                    images.append(node)
                } else if node.tag?.isBlock == true || node.tag == .figcaption {
                    collect(node.children)
                    if node.tag?.isBlock == true, !caption.isEmpty { caption.append(.text(" ")) }
                } else if !(node.tag == nil && node.textContent.allSatisfy(\.isWhitespace)) || !caption.isEmpty {
                    caption.append(node)
                }
            }
        }
        collect(blocks)
        while let last = caption.last, last.tag == nil, last.textContent.allSatisfy(\.isWhitespace) { caption.removeLast() }
        let captionNode: [ContentNode] = caption.isEmpty ? [] : [.element(.figcaption, attributes: [:], children: caption)]
        return .element(.figure, attributes: [:], children: images + captionNode)
    }
}
