/// Reads the place at the start of a news story: "JAKARTA, iNews.id -", "JAKARTA -",
/// "LONDON (Reuters) -", "Washington, DC —", "SURABAYA, KOMPAS.com -".
enum Dateline {
    static let dashes: Set<Character> = ["-", "–", "—"]

    /// The place named by the dateline at the start of `text`, title-cased ("Jakarta"), or nil.
    static func place(in text: String) -> String? {
        let head = text.trimmingWhitespace.prefix(90)
        guard let dashIndex = head.indices.first(where: { index in
            dashes.contains(head[index]) && index > head.startIndex && head[head.index(before: index)] == " "
        }) else { return nil }
        let dash = head[dashIndex]
        var prefix = head[..<dashIndex].trimmingCharacters(in: .whitespaces)
        if let open = prefix.firstIndex(of: "(") {
            guard prefix.hasSuffix(")") else { return nil }
            prefix = prefix[..<open].trimmingCharacters(in: .whitespaces)
        } else if let comma = prefix.firstIndex(of: ",") {
            let rest = prefix[prefix.index(after: comma)...]
            guard rest.count <= 30 else { return nil }
            prefix = String(prefix[..<comma])
        }
        let place = prefix.trimmingCharacters(in: .whitespaces)
        guard (2...32).contains(place.count),
              place.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "'" || $0 == "-" }) else { return nil }
        let words = place.split(separator: " ")
        guard words.count <= 4 else { return nil }
        let isUpper = place == place.uppercased() && place.contains(where: \.isLetter)
        let isTitled = words.allSatisfy { $0.first?.isUppercase == true }
        guard isUpper || (isTitled && dash != "-") else { return nil }
        return titleCased(place)
    }

    static func titleCased(_ text: String) -> String {
        text.lowercased().split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}

import Foundation
