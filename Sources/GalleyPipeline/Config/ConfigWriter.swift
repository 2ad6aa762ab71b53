import GalleyCore
import Yams

/// The effective configuration as `galley.yml` text: every key, defaults included, in the
/// order the README lists them (`galley config`). Reading the text back gives the same
/// configuration.
public enum ConfigWriter {
    public static func yaml(_ config: SiteConfig) -> String {
        let root = Node([
            (Node("title"), text(config.title)),
            (Node("description"), text(config.description)),
            (Node("base_url"), text(config.baseURL)),
            (Node("language"), text(config.language)),
            (Node("timezone"), text(config.timezone)),
            (Node("permalink"), text(config.permalink)),
            (Node("items_per_page"), Node(String(config.itemsPerPage), Tag(.int))),
            (Node("feed_items"), Node(String(config.feedItems), Tag(.int))),
            (Node("feed_content"), Node(config.feedContent.rawValue)),
            (Node("canonical"), Node(config.canonical.rawValue)),
            (Node("undated"), Node(config.undated.rawValue)),
            (Node("mirror_urls"), Node(config.mirrorURLs.rawValue)),
            (Node("search"), Node(config.search ? "true" : "false", Tag(.bool))),
            (Node("regions"), Node([(Node("by_source"), map(config.regions.bySource)), (Node("aliases"), map(config.regions.aliases))])),
            (Node("tags"), Node([(Node("aliases"), map(config.tags.aliases))])),
            (Node("images"), Node([
                (Node("remote"), Node(config.images.remote.rawValue)),
                (Node("widths"), Node(config.images.widths.map { Node(String($0), Tag(.int)) }, Tag(.seq), .flow)),
                (Node("max_pixels"), Node(String(config.images.maxPixels), Tag(.int))),
                (Node("quality"), Node(String(config.images.quality), Tag(.int))),
            ])),
        ])
        return (try? Yams.serialize(node: root, allowUnicode: true, sortKeys: false)) ?? ""
    }

    /// Text as a string scalar, quoted when YAML would read it as something else.
    private static func text(_ value: String) -> Node {
        Node(value, Tag(.str), .doubleQuoted)
    }

    private static func map(_ values: [String: String]) -> Node {
        let pairs = values.sorted { $0.key < $1.key }.map { (text($0.key), text($0.value)) }
        return pairs.isEmpty ? Node([(Node, Node)](), Tag(.map), .flow) : Node(pairs)
    }
}
