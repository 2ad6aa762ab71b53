import GalleyCore

/// Finds the first differing node of two trees and describes it with its path.
enum TreeDifference {
    static func first(_ lhs: [ContentNode], _ rhs: [ContentNode], path: String = "") -> String? {
        for index in 0..<max(lhs.count, rhs.count) {
            let here = path + "/\(index)"
            guard index < lhs.count else { return "\(here): extra \(describe(rhs[index]))" }
            guard index < rhs.count else { return "\(here): missing \(describe(lhs[index]))" }
            let a = lhs[index]
            let b = rhs[index]
            if a == b { continue }
            if a.tag == b.tag, a.tag != nil, a.attributes == b.attributes {
                return first(a.children, b.children, path: here + "<\(a.tag!.rawValue)>")
            }
            return "\(here): expected \(describe(a)), got \(describe(b))"
        }
        return nil
    }

    static func describe(_ node: ContentNode) -> String {
        switch node {
        case .text(let text): return text.debugDescription
        case .element(let tag, let attributes, let children):
            let attributeText = attributes.keys.sorted().map { " \($0)=\(attributes[$0]!.debugDescription)" }.joined()
            return "<\(tag.rawValue)\(attributeText)>{" + children.map(describe).joined(separator: ", ") + "}"
        }
    }
}
