import Foundation

/// Where the real picture of an `<img>` is: lazy loaders keep it in `data-src`,
/// `data-original`, `data-lazy-src` or a `srcset`, and put a placeholder in `src`.
enum LazyImage {
    static let lazyAttributes = ["data-src", "data-original", "data-lazy-src", "data-lazy", "data-url", "data-hi-res-src"]
    static let lazySrcsetAttributes = ["data-srcset", "data-lazy-srcset", "srcset"]

    static func source(of node: HTMLNode) -> String? {
        for name in lazyAttributes {
            if let value = node.attribute(name)?.trimmingWhitespace, isUsable(value) { return value }
        }
        if let src = node.attribute("src")?.trimmingWhitespace, isUsable(src), !isPlaceholder(src) {
            return src
        }
        for name in lazySrcsetAttributes {
            if let set = node.attribute(name), let best = largestCandidate(inSrcset: set) { return best }
        }
        if let src = node.attribute("src")?.trimmingWhitespace, isUsable(src) { return src }
        return nil
    }

    /// The widest candidate of a `srcset` ("a.jpg 480w, b.jpg 1024w" → "b.jpg").
    static func largestCandidate(inSrcset set: String) -> String? {
        var best: (url: String, width: Double)?
        for candidate in set.split(separator: ",") {
            let parts = candidate.split(whereSeparator: \.isWhitespace)
            guard let url = parts.first.map(String.init), isUsable(url) else { continue }
            let descriptor = parts.count > 1 ? parts[1] : "1x"
            let width = Double(descriptor.dropLast()) ?? 1
            if best == nil || width > best!.width { best = (url, width) }
        }
        return best?.url
    }

    static func isUsable(_ value: String) -> Bool {
        !value.isEmpty && !value.lowercased().hasPrefix("data:") && !value.hasPrefix("{")
    }

    static func isPlaceholder(_ value: String) -> Bool {
        let lower = value.lowercased()
        return ["blank.gif", "placeholder", "lazy.", "loading.gif", "spacer.gif", "pixel.gif", "1x1"].contains { FastText.contains(lower, $0) }
    }

    static func isTrackingPixel(_ node: HTMLNode) -> Bool {
        let width = node.attribute("width").flatMap { Int($0) }
        let height = node.attribute("height").flatMap { Int($0) }
        return (width ?? 2) <= 1 && (height ?? 2) <= 1
    }

    /// The `src` of the first `<img>` in raw markup (noscript content kept as text).
    static func firstImageSource(inMarkup markup: String) -> String? {
        guard let imgRange = markup.range(of: "<img", options: .caseInsensitive),
              let srcRange = markup.range(of: "src=", options: .caseInsensitive, range: imgRange.upperBound..<markup.endIndex)
        else { return nil }
        var rest = markup[srcRange.upperBound...]
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        guard let end = rest.firstIndex(of: quote) else { return nil }
        return String(rest[..<end])
    }
}

/// Hosts of video and social embeds that become plain links, with their label.
enum EmbedHosts {
    static let labels: [(suffix: String, label: String)] = [
        ("youtube.com", "Video (YouTube)"), ("youtube-nocookie.com", "Video (YouTube)"), ("youtu.be", "Video (YouTube)"),
        ("vimeo.com", "Video (Vimeo)"), ("dailymotion.com", "Video (Dailymotion)"), ("twitter.com", "Post (X/Twitter)"),
        ("x.com", "Post (X/Twitter)"), ("instagram.com", "Post (Instagram)"), ("facebook.com", "Post (Facebook)"),
        ("tiktok.com", "Video (TikTok)"), ("soundcloud.com", "Audio (SoundCloud)"), ("spotify.com", "Audio (Spotify)"),
    ]

    static func label(forHost host: String) -> String? {
        labels.first { host == $0.suffix || host.hasSuffix("." + $0.suffix) }?.label
    }
}

/// "Editor : Anton Suhartono", "Reporter: Budi" — a label, a colon (or not) and a name.
enum CreditLine {
    static func value(of line: String, labels: [String]) -> String? {
        let lower = FastText.lowercased(line)
        for label in labels where lower.hasPrefix(label) {
            var rest = line.dropFirst(label.count)
            guard let first = rest.first, first == ":" || first == " " || first == "\u{00A0}" else { continue }
            rest = rest.drop { $0 == ":" || $0.isWhitespace }
            let value = rest.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ".:")))
            guard !value.isEmpty, value.count <= 80, value.split(separator: " ").count <= 8 else { continue }
            return value
        }
        return nil
    }
}
