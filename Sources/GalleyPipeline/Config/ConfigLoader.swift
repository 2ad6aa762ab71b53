import Foundation
import GalleyCore
import Yams

/// Reads `galley.yml`. A missing file gives the defaults; a broken one is a `.config` error
/// that names the file, the line when it is known, and the problem. Unknown keys are errors
/// (`ConfigKeyCheck`).
public enum ConfigLoader {
    public static func load(_ url: URL, required: Bool) throws(GalleyError) -> SiteConfig {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if required { throw GalleyError(.config, source: url.path, reason: "the config file does not exist") }
            return SiteConfig()
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return try SiteConfig().validated(source: url.path) }
        let root: Node
        do {
            // Parsed once, as YAMLDecoder parses: merge keys resolved, every scalar left as text
            // for the decoder to read as its property's type.
            guard let composed = try Yams.compose(yaml: text, Self.resolver) else { return try SiteConfig().validated(source: url.path) }
            root = composed
        } catch {
            throw GalleyError(.config, source: url.path, reason: describe(error))
        }
        if let problem = ConfigKeyCheck.firstProblem(in: root) {
            throw GalleyError(.config, source: place(url, problem.line), reason: problem.reason)
        }
        let config: SiteConfig
        do {
            config = try YAMLDecoder().decode(SiteConfig.self, from: root)
        } catch {
            let path = (error as? DecodingError).map(Self.codingPath) ?? []
            throw GalleyError(.config, source: place(url, ConfigKeyCheck.line(of: path.map(\.stringValue), in: root)), reason: describe(error))
        }
        do {
            return try config.validated(source: url.path)
        } catch {
            // The reason starts with the key it is about ("base_url must be …"): name its line.
            let key = SiteConfig.keys.first { error.reason.hasPrefix($0 + " ") || error.reason.hasPrefix($0 + ":") }
            throw GalleyError(.config, source: place(url, key.flatMap { ConfigKeyCheck.line(of: [$0], in: root) }), reason: error.reason)
        }
    }

    /// The resolver `YAMLDecoder` parses with: merge keys only.
    private static let resolver = Resolver.basic.appending(.merge)

    /// `path:line`, or the path alone when the line is not known.
    private static func place(_ url: URL, _ line: Int?) -> String {
        line.map { "\(url.path):\($0)" } ?? url.path
    }

    private static func codingPath(_ error: DecodingError) -> [any CodingKey] {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): context.codingPath
        case .keyNotFound(_, let context): context.codingPath
        @unknown default: []
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                let key = context.codingPath.map(\.stringValue).joined(separator: ".")
                return (key.isEmpty ? "" : "\(key): ") + context.debugDescription
            case .keyNotFound(let key, _):
                return "missing key \(key.stringValue)"
            @unknown default:
                return String(describing: decoding)
            }
        }
        return "not valid YAML: " + (String(describing: error).split(separator: "\n").first.map(String.init) ?? "")
    }
}
