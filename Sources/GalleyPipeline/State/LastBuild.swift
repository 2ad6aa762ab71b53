import Foundation
import GalleyCore
import GRDB

/// What the last build recorded about itself (the `meta` table): the keys its sources and
/// outputs were made under, whether it finished, when its output goes stale with the clock
/// alone, and its totals, which a build that finds nothing changed reports again.
struct LastBuild: Sendable, Equatable {
    /// `BuildKeys.extraction` (galley, config) of the documents in the `sources` table; nil
    /// when none were saved.
    var extractionKey: String?
    /// `BuildKeys.renderInputs` (galley, config, templates) of the outputs.
    var renderInputsKey = ""
    /// The last build finished writing, and nothing was saved since: the `outputs` table
    /// describes the files on disk, made from exactly the sources in the `sources` table.
    var complete = false
    /// The earliest time at which an output depending on the build's clock (the Google News
    /// sitemap's two-day window) changes; nil when none does.
    var validUntil: Date?
    var published = 0
    var tags = 0
    var regions = 0
    /// Pages rendered or kept (articles and planned pages).
    var pages = 0
    /// Published articles by where their date came from.
    var dates: [DateSource: Int] = [:]
}

/// `LastBuild` as rows of the `meta` table.
extension LastBuild {
    static let extractionKeyName = "extraction_key"
    static let completeName = "complete"

    /// Every row but `extraction_key`, which the sources' save writes.
    var metaRows: [(name: String, value: (any DatabaseValueConvertible)?)] {
        var rows: [(name: String, value: (any DatabaseValueConvertible)?)] = [
            ("render_inputs_key", renderInputsKey), (Self.completeName, complete), ("valid_until", validUntil?.timeIntervalSince1970),
            ("published", published), ("tags", tags), ("regions", regions), ("pages", pages),
        ]
        for source in DateSource.allCases { rows.append((Self.datesName(source), dates[source] ?? 0)) }
        return rows
    }

    /// Takes one row of `meta`; unknown names are left alone.
    mutating func read(_ name: String, value: DatabaseValue) throws {
        switch name {
        case Self.extractionKeyName: extractionKey = try Self.decode(value)
        case "render_inputs_key": renderInputsKey = try Self.decode(value) ?? ""
        case Self.completeName: complete = try Self.decode(value) ?? false
        case "valid_until": validUntil = try Self.decode(value).map { (seconds: Double) in Date(timeIntervalSince1970: seconds) }
        case "published": published = try Self.decode(value) ?? 0
        case "tags": tags = try Self.decode(value) ?? 0
        case "regions": regions = try Self.decode(value) ?? 0
        case "pages": pages = try Self.decode(value) ?? 0
        default:
            guard let source = DateSource.allCases.first(where: { Self.datesName($0) == name }) else { return }
            dates[source] = try Self.decode(value) ?? 0
        }
    }

    /// The row name of the count of published articles dated from `source`.
    static func datesName(_ source: DateSource) -> String {
        "dates_" + source.rawValue
    }

    private static func decode<Value: DatabaseValueConvertible>(_ value: DatabaseValue) throws -> Value? {
        if value.isNull { return nil }
        guard let decoded = Value.fromDatabaseValue(value) else { throw BuildStateStore.Damaged() }
        return decoded
    }
}
