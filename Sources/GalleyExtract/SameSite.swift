import Foundation

/// Whether a link leads to a page of the site a page came from: its host is the page's host
/// (a leading `www.` aside) or a subdomain of it (`internal.example.org` for
/// `www.example.org`). A link whose host cannot be read, or a page without a host, counts as
/// the same site.
enum SameSite {
    static func contains(_ target: String, pageHost host: String?) -> Bool {
        guard let host = host?.lowercased() else { return true }
        guard let targetHost = URL(string: target)?.host?.lowercased() else { return true }
        let site = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        return targetHost == site || targetHost.hasSuffix("." + site)
    }
}
