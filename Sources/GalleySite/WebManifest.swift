import Foundation
import GalleyCore

/// The web app manifest (`manifest.webmanifest`): the site's name, language and colours, and
/// the theme's icons, so a phone's "add to home screen" shows the site as itself. Paths are
/// relative to the manifest, which sits at the site root.
struct WebManifest: Encodable {
    struct Icon: Encodable {
        let src: String
        let sizes: String
        let type: String
        let purpose: String
    }

    let name: String
    let shortName: String
    let description: String?
    let lang: String
    let startURL = "./"
    let scope = "./"
    let display = "browser"
    let backgroundColor = "#fbfaf7"
    let themeColor = "#a4262c"
    let icons: [Icon]

    enum CodingKeys: String, CodingKey {
        case name, description, lang, scope, display, icons
        case shortName = "short_name"
        case startURL = "start_url"
        case backgroundColor = "background_color"
        case themeColor = "theme_color"
    }

    /// The icons every theme ships in `static/` (the default theme's come from scripts/theme-icons.py).
    static let iconFiles = [("icon-192.png", "192x192"), ("icon-512.png", "512x512")]

    init(config: SiteConfig) {
        name = config.title
        shortName = config.title
        description = config.description.isEmpty ? nil : config.description
        lang = config.language
        icons = Self.iconFiles.map { Icon(src: SitePaths.staticFolder + $0.0, sizes: $0.1, type: "image/png", purpose: "any maskable") }
    }

    /// The manifest file.
    static func file(config: SiteConfig) -> RenderedPage {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(WebManifest(config: config))) ?? Data("{}".utf8)
        return RenderedPage(path: SitePaths.manifest, bytes: [UInt8](data) + [0x0A])
    }
}
