import Foundation
import GalleyCore
import Yams

/// Reads `galley.yml`. A missing file gives the defaults; a broken one is a `.config` error
/// that names the file and the problem.
public enum ConfigLoader {
    public static func load(_ url: URL, required: Bool) throws(GalleyError) -> SiteConfig {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if required { throw GalleyError(.config, source: url.path, reason: "the config file does not exist") }
            return SiteConfig()
        }
        let text = String(decoding: data, as: UTF8.self)
        let config: SiteConfig
        do {
            config = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? SiteConfig() : try YAMLDecoder().decode(SiteConfig.self, from: text)
        } catch {
            throw GalleyError(.config, source: url.path, reason: describe(error))
        }
        return try config.validated(source: url.path)
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
