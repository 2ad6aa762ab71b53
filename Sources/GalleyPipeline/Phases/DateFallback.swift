import Foundation
import GalleyCore

/// The one home of the order in which a scraped page's publication time is chosen, so that no
/// article is dropped for a missing date:
///
/// 1. the page's own date (`published`, else `modified`), as extraction found it: `page`;
/// 2. the sidecar's `fetched_at`: `fetched`;
/// 3. the sidecar's `last-modified` response header (an HTTP date): `fetched` too;
/// 4. the source file's modification time, the last resort: `file`.
///
/// A date from 3 or 4 carries no offset of the publisher's: it is written at the site's time
/// zone (`fetched_at` keeps the offset it was written with), in whole seconds. Whether such a
/// page is published at all is the `undated` setting (`MarkdownNormalizer`).
enum DateFallback {
    /// Fills in `published` and `dateSource` when the page gave no date. `fileModified` gives
    /// the file's mtime (nanoseconds since 1970) and is only asked when it is needed.
    static func apply(to metadata: inout ArticleMetadata, sidecar: SourceSidecar?, timeZone: TimeZone,
                      fileModified: () -> Int64?) {
        guard metadata.published == nil, metadata.modified == nil,
              let (date, source) = fallback(sidecar: sidecar, timeZone: timeZone, fileModified: fileModified) else { return }
        metadata.published = date
        metadata.dateSource = source
    }

    /// The best date that is not the page's own, and where it came from; nil when there is none.
    static func fallback(sidecar: SourceSidecar?, timeZone: TimeZone, fileModified: () -> Int64?) -> (Timestamp, DateSource)? {
        if let fetched = sidecar?.fetchTimestamp { return (fetched, .fetched) }
        if let lastModified = sidecar?.lastModified { return (atSiteZone(lastModified.date, timeZone), .fetched) }
        if let nanoseconds = fileModified() {
            let seconds = nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : -((-nanoseconds + 999_999_999) / 1_000_000_000)
            return (atSiteZone(Date(timeIntervalSince1970: Double(seconds)), timeZone), .file)
        }
        return nil
    }

    /// An instant at the site time zone's offset of that instant.
    static func atSiteZone(_ date: Date, _ timeZone: TimeZone) -> Timestamp {
        Timestamp(date: date, utcOffsetSeconds: timeZone.secondsFromGMT(for: date))
    }
}
