import GalleyCore

/// What a build did, for the summary on stderr.
public struct BuildReport: Sendable {
    /// Seconds per phase, in the order the phases ran.
    public var phases: [(name: String, seconds: Double)] = []
    public var pagesRead = 0
    public var markdownRead = 0
    public var published = 0
    public var drafts: [String] = []
    /// Scraped pages whose extraction a `.md` file with the same slug replaced.
    public var overridden: [MarkdownOverride] = []
    /// Markdown files `--keep-markdown` wrote (changed or new) and left as they were.
    public var markdownWritten = 0
    public var markdownUnchanged = 0
    /// The `--keep-markdown` folder, when there was one.
    public var markdownFolder: String?
    /// Pages that are not articles, and pages that failed, each with stage and reason.
    public var problems: [GalleyError] = []
    public var tags = 0
    public var regions = 0
    public var filesWritten = 0
    public var filesUnchanged = 0
    public var filesRemoved = 0

    public var rejected: [GalleyError] { problems.filter { $0.kind == .rejected } }
    public var failed: [GalleyError] { problems.filter { $0.kind == .failed } }
    public var totalSeconds: Double { phases.reduce(0) { $0 + $1.seconds } }

    /// The short human summary printed after a build.
    public var summary: String {
        var lines: [String] = []
        lines.append("read \(pagesRead + markdownRead) sources (\(pagesRead) scraped pages, \(markdownRead) Markdown)")
        lines.append("published \(published) articles, \(tags) tags, \(regions) regions")
        if !drafts.isEmpty { lines.append("skipped \(drafts.count) drafts: \(drafts.joined(separator: ", "))") }
        if !overridden.isEmpty {
            let pairs = overridden.map { "\($0.page) by \($0.markdown)" }.joined(separator: ", ")
            lines.append("\(overridden.count) \(overridden.count == 1 ? "article" : "articles") overridden by Markdown: \(pairs)")
        }
        if let markdownFolder {
            lines.append("kept Markdown in \(markdownFolder): \(markdownWritten) written, \(markdownUnchanged) unchanged")
        }
        if !problems.isEmpty {
            lines.append("rejected \(rejected.count), failed \(failed.count):")
            for problem in problems { lines.append("  \(problem.kind.rawValue): \(problem)") }
        }
        lines.append("files: \(filesWritten) written, \(filesUnchanged) unchanged, \(filesRemoved) removed")
        let timings = phases.map { "\($0.name) \(Self.format($0.seconds))" }.joined(separator: ", ")
        lines.append("done in \(Self.format(totalSeconds)) s (\(timings))")
        return lines.joined(separator: "\n")
    }

    static func format(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        return "\(hundredths / 100).\(Timestamp.pad(hundredths % 100))"
    }
}
