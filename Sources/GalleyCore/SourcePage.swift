import Foundation

/// One scraped page as read from `content/`: its bytes (already decompressed) and what the
/// scraper knew about it.
public struct SourcePage: Sendable {
    /// Path relative to the content folder, used in every report (`inews/banjir.html`).
    public var path: String
    /// The raw HTML bytes, in whatever encoding the page was served in.
    public var bytes: [UInt8]
    /// What the optional sidecar `NAME.json` said, if there was one.
    public var sidecar: SourceSidecar?

    /// Creates a source page.
    public init(path: String, bytes: [UInt8], sidecar: SourceSidecar? = nil) {
        self.path = path
        self.bytes = bytes
        self.sidecar = sidecar
    }
}

/// The sidecar `NAME.json` beside a scraped page: `{"url": …, "fetched_at": …, "headers": {…}}`.
public struct SourceSidecar: Sendable, Hashable, Codable {
    /// The URL the page was fetched from.
    public var url: String?
    /// When it was fetched (RFC 3339); relative dates ("2 hari lalu") count from here.
    public var fetchedAt: String?
    /// Response headers, names lower-cased (`content-type` gives the charset).
    public var headers: [String: String]?

    enum CodingKeys: String, CodingKey {
        case url
        case fetchedAt = "fetched_at"
        case headers
    }

    /// Creates a sidecar.
    public init(url: String? = nil, fetchedAt: String? = nil, headers: [String: String]? = nil) {
        self.url = url
        self.fetchedAt = fetchedAt
        self.headers = headers
    }

    /// Decodes headers with case-insensitive names.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        fetchedAt = try container.decodeIfPresent(String.self, forKey: .fetchedAt)
        let raw = try container.decodeIfPresent([String: String].self, forKey: .headers)
        headers = raw.map { Dictionary($0.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first }) }
    }

    /// The fetch time, parsed.
    public var fetchTimestamp: Timestamp? { fetchedAt.flatMap { Timestamp.parseISO8601($0) } }

    /// The `last-modified` response header, parsed (an HTTP date, at UTC); nil when there is
    /// none or it is not an HTTP date.
    public var lastModified: Timestamp? { headers?["last-modified"].flatMap(Timestamp.parseHTTPDate) }

    /// The `charset=` of the `content-type` header, lower-cased.
    public var declaredCharset: String? {
        guard let contentType = headers?["content-type"] else { return nil }
        for part in contentType.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
            }
        }
        return nil
    }
}
