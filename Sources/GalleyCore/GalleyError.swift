/// The stage of a build an error comes from; printed at the start of every error line.
public enum Stage: String, Sendable, Hashable, Codable {
    case config, discover, read, extract, normalize, images, render, site, write
    /// Another build of the same output holds the lock.
    case lock
}

/// Every error galley reports: which stage, which source file, and why.
///
/// `kind` separates a page that is simply not an article (`rejected`) from one that broke
/// (`failed`); both are skipped and reported, and the rest of the site is still published.
public struct GalleyError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Rejected: the input is fine but is not something to publish. Failed: the input or the
    /// configuration is broken.
    public enum Kind: String, Sendable, Hashable, Codable {
        case rejected, failed
    }

    public var stage: Stage
    /// Source path relative to the content folder, or a config/template path; nil when none applies.
    public var source: String?
    public var reason: String
    public var kind: Kind

    /// Creates an error.
    public init(_ stage: Stage, source: String?, reason: String, kind: Kind = .failed) {
        self.stage = stage
        self.source = source
        self.reason = reason
        self.kind = kind
    }

    /// Shorthand for a page that is not an article.
    public static func rejected(_ stage: Stage, source: String, reason: String) -> GalleyError {
        GalleyError(stage, source: source, reason: reason, kind: .rejected)
    }

    /// One readable line: `extract: inews/index.html: not an article (…)`.
    public var description: String {
        if let source { return "\(stage.rawValue): \(source): \(reason)" }
        return "\(stage.rawValue): \(reason)"
    }
}
