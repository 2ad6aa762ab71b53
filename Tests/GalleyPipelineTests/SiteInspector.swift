import Foundation

/// Reads a built site from disk for the whole-site tests: pages, their links, resolution.
struct SiteInspector {
    let folder: URL
    let files: [String]

    init(folder: URL) {
        self.folder = folder
        files = RepositoryPaths.files(in: folder)
    }

    func text(_ path: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    var htmlFiles: [String] { files.filter { $0.hasSuffix(".html") } }

    /// Values of `href` and `src` attributes in a page (with `until`, only before that text).
    func links(in path: String, until marker: String? = nil) -> [String] {
        var html = text(path)
        if let marker, let end = html.range(of: marker) { html = String(html[..<end.lowerBound]) }
        var links: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                links.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = rest[end...]
            }
        }
        return links
    }

    /// Internal links (not http, mailto or fragments) that do not lead to a file of the site.
    func brokenLinks(in path: String) -> [String] {
        links(in: path).filter { link in
            guard !link.hasPrefix("http://"), !link.hasPrefix("https://"), !link.hasPrefix("mailto:"), !link.hasPrefix("#") else { return false }
            return resolve(link, from: path) == nil
        }
    }

    /// The site file a relative (or root-relative) link leads to, or nil.
    func resolve(_ link: String, from page: String) -> String? {
        let clean = String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        var parts: [Substring] = clean.hasPrefix("/") ? [] : page.split(separator: "/").dropLast()
        for segment in clean.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(segment)
            }
        }
        var target = parts.joined(separator: "/")
        if clean.hasSuffix("/") || target.isEmpty { target += target.isEmpty ? "index.html" : "/index.html" }
        if files.contains(target) { return target }
        if files.contains(target + "/index.html") { return target + "/index.html" }
        return nil
    }
}
