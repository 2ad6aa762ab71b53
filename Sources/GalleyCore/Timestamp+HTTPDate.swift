/// HTTP dates (RFC 9110 §5.6.7), as in a `Last-Modified` response header.
extension Timestamp {
    /// Parses an HTTP date in any of its three forms, at UTC: the preferred IMF-fixdate
    /// (`Sun, 06 Nov 1994 08:49:37 GMT`) and the obsolete RFC 850 (`Sunday, 06-Nov-94
    /// 08:49:37 GMT`, years 70–99 in the 1900s, 00–69 in the 2000s) and asctime (`Sun Nov  6
    /// 08:49:37 1994`) forms, which recipients must accept. Month names and the zone are
    /// matched case-insensitively (`UTC` is taken for `GMT`); the weekday is not checked.
    /// Returns nil for anything else.
    public static func parseHTTPDate(_ text: String) -> Timestamp? {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        switch fields.count {
        case 6: // IMF-fixdate
            guard fields[0].hasSuffix(","), isGMT(fields[5]), let day = Int(fields[1]), let year = Int(fields[3]),
                  fields[3].count == 4 else { return nil }
            return httpTimestamp(year: year, month: fields[2], day: day, clock: fields[4])
        case 4: // RFC 850
            let date = fields[1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard fields[0].hasSuffix(","), isGMT(fields[3]), date.count == 3, date[2].count == 2,
                  let day = Int(date[0]), let shortYear = Int(date[2]) else { return nil }
            return httpTimestamp(year: shortYear + (shortYear < 70 ? 2000 : 1900), month: date[1], day: day, clock: fields[2])
        case 5: // asctime
            guard let day = Int(fields[2]), let year = Int(fields[4]), fields[4].count == 4 else { return nil }
            return httpTimestamp(year: year, month: fields[1], day: day, clock: fields[3])
        default:
            return nil
        }
    }

    private static let httpMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func isGMT(_ zone: String) -> Bool {
        zone.uppercased() == "GMT" || zone.uppercased() == "UTC"
    }

    /// A UTC timestamp from an HTTP date's fields; the clock is `HH:MM:SS`.
    private static func httpTimestamp(year: Int, month: String, day: Int, clock: String) -> Timestamp? {
        let time = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard let monthIndex = httpMonths.firstIndex(of: month.lowercased()), time.count == 3, time.allSatisfy({ $0.count == 2 }),
              let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]) else { return nil }
        return fromComponents(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: min(second, 59),
                              utcOffsetSeconds: 0)
    }
}
