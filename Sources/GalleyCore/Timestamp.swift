public import Foundation

/// A moment in time together with the UTC offset it was written in.
///
/// `Date` forgets the offset; news metadata needs it ("2020-10-13T10:15:00+07:00").
public struct Timestamp: Sendable, Hashable, Codable, Comparable {
    /// The instant.
    public var date: Date
    /// Seconds east of UTC of the original wall-clock time.
    public var utcOffsetSeconds: Int

    /// Creates a timestamp.
    public init(date: Date, utcOffsetSeconds: Int) {
        self.date = date
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.date < rhs.date }

    /// Encoded as its RFC 3339 text, so stage outputs stay readable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339)
    }

    /// Decodes RFC 3339 text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = Timestamp.parseISO8601(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 date-time: \(text)")
        }
        self = parsed
    }

    /// Parses RFC 3339 / ISO 8601 date-times: `2020-10-13T10:15:00+07:00`, `…Z`, fractional
    /// seconds, a space instead of `T`, offsets `+0700`, and date-only `2020-10-13`
    /// (midnight at `defaultOffsetSeconds`). Returns nil for anything else.
    public static func parseISO8601(_ text: String, defaultOffsetSeconds: Int = 0) -> Timestamp? {
        // Foundation trims only when an end is not plain ASCII (all ASCII above space is kept).
        let plainEnds = text.utf8.first.map { $0 > 0x20 && $0 < 0x80 } == true && text.utf8.last.map { $0 > 0x20 && $0 < 0x80 } == true
        var scanner = ISO8601Scanner(Array((plainEnds ? text : text.trimmingWhitespace).utf8))
        return scanner.scan(defaultOffsetSeconds: defaultOffsetSeconds)
    }

    /// Builds a timestamp from wall-clock fields at a given offset; nil if the fields are invalid.
    public static func fromComponents(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
        utcOffsetSeconds: Int
    ) -> Timestamp? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...60).contains(second), year > 0 else { return nil }
        if (1_600...9_900).contains(year), abs(utcOffsetSeconds) <= 14 * 3_600 {
            // Integer arithmetic (the Gregorian calendar, as `Calendar` counts these years).
            let seconds = daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second - utcOffsetSeconds
            let timestamp = Timestamp(date: Date(timeIntervalSince1970: Double(seconds)), utcOffsetSeconds: utcOffsetSeconds)
            return timestamp.wallClock.day == day ? timestamp : nil // 31 April rolls over into May
        }
        var calendar = Calendar(identifier: .gregorian)
        guard let zone = TimeZone(secondsFromGMT: utcOffsetSeconds) else { return nil }
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }
        return Timestamp(date: date, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// The wall-clock fields at the timestamp's own offset.
    public var components: DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: utcOffsetSeconds) ?? .gmt
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
    }

    /// Year, month, day, time of day and weekday of a wall clock.
    package struct WallClock: Sendable, Hashable {
        package var year: Int
        package var month: Int
        package var day: Int
        package var hour: Int
        package var minute: Int
        package var second: Int
        /// 1 is Sunday (as `Calendar` counts).
        package var weekday: Int
    }

    /// The same fields as `components`, worked out with integer arithmetic in the Gregorian
    /// years 1583–9999 (`Calendar` switches to the Julian calendar before October 1582, and
    /// is used outside that range).
    package var wallClock: WallClock {
        let interval = date.timeIntervalSince1970
        if interval >= Self.arithmeticRange.lowerBound, interval < Self.arithmeticRange.upperBound {
            return Self.wallClock(secondsSince1970: Int(interval.rounded(.down)) + utcOffsetSeconds)
        }
        let c = components
        return WallClock(year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0, hour: c.hour ?? 0, minute: c.minute ?? 0,
                         second: c.second ?? 0, weekday: c.weekday ?? 1)
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (a day past the end
    /// of its month counts into the next month).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Instants whose wall clock at any offset lies in the years 1583–9999 (UTC seconds).
    private static let arithmeticRange: Range<Double> = -12_180_000_000 ..< 253_370_000_000

    /// The proleptic Gregorian date and time `seconds` after 1970-01-01T00:00:00 of a wall clock.
    private static func wallClock(secondsSince1970 seconds: Int) -> WallClock {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let time = seconds - days * 86_400
        // Days to civil date, with eras of 400 years starting on 0000-03-01.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = ((days % 7) + 11) % 7 + 1 // 1970-01-01 was a Thursday
        return WallClock(year: year, month: month, day: day, hour: time / 3_600, minute: time % 3_600 / 60, second: time % 60,
                         weekday: weekday)
    }

    /// The same instant at another offset.
    public func converted(toOffsetSeconds offset: Int) -> Timestamp {
        Timestamp(date: date, utcOffsetSeconds: offset)
    }

    /// RFC 3339 with the offset, whole seconds: `2020-10-13T10:15:00+07:00` (`Z` for UTC).
    public var rfc3339: String {
        let c = wallClock
        let offset = utcOffsetSeconds
        let minutes = abs(offset) / 60
        // Every field fits its width (always so in the years 1583–9999): write digits in place.
        if (0...9999).contains(c.year), minutes / 60 < 100 {
            var text = Array("0000-00-00T00:00:00".utf8)
            func put(_ value: Int, at end: Int) {
                var value = value
                var index = end
                while value > 0 {
                    text[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                    index -= 1
                }
            }
            for (value, end) in [(c.year, 3), (c.month, 6), (c.day, 9), (c.hour, 12), (c.minute, 15), (c.second, 18)] { put(value, at: end) }
            if offset == 0 {
                text.append(UInt8(ascii: "Z"))
            } else {
                text += Array((offset < 0 ? "-00:00" : "+00:00").utf8)
                put(minutes / 60, at: 21)
                put(minutes % 60, at: 24)
            }
            return String(decoding: text, as: UTF8.self)
        }
        let zone: String
        if offset == 0 {
            zone = "Z"
        } else {
            zone = (offset < 0 ? "-" : "+") + Self.pad(minutes / 60) + ":" + Self.pad(minutes % 60)
        }
        return "\(Self.pad(c.year, width: 4))-\(Self.pad(c.month))-\(Self.pad(c.day))"
            + "T\(Self.pad(c.hour)):\(Self.pad(c.minute)):\(Self.pad(c.second))" + zone
    }

    /// Zero-pads a number (`7` → `07`).
    package static func pad(_ value: Int, width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A tiny hand-written scanner: Foundation's ISO8601DateFormatter rejects several forms seen in
/// the wild (space separator, `+0700`, missing seconds) and forgets the offset.
private struct ISO8601Scanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func scan(defaultOffsetSeconds: Int) -> Timestamp? {
        guard let year = number(digits: 4), expect(UInt8(ascii: "-")),
              let month = number(digits: 2), expect(UInt8(ascii: "-")),
              let day = number(digits: 2) else { return nil }
        if index == bytes.count {
            return Timestamp.fromComponents(year: year, month: month, day: day, utcOffsetSeconds: defaultOffsetSeconds)
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t")
                || bytes[index] == UInt8(ascii: " ") else { return nil }
        index += 1
        guard let hour = number(digits: 2), expect(UInt8(ascii: ":")), let minute = number(digits: 2) else { return nil }
        var second = 0
        if peek(UInt8(ascii: ":")) {
            index += 1
            guard let s = number(digits: 2) else { return nil }
            second = s
            if peek(UInt8(ascii: ".")) || peek(UInt8(ascii: ",")) {
                index += 1
                while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            }
        }
        while peek(UInt8(ascii: " ")) { index += 1 }
        var offset = defaultOffsetSeconds
        if index < bytes.count {
            let sign = bytes[index]
            if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
                offset = 0
                index += 1
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                index += 1
                guard let hours = number(digits: 2) else { return nil }
                if peek(UInt8(ascii: ":")) { index += 1 }
                let minutes = number(digits: 2) ?? 0
                offset = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        guard index == bytes.count, abs(offset) <= 14 * 3600 else { return nil }
        return Timestamp.fromComponents(year: year, month: month, day: day, hour: hour, minute: minute,
                                        second: min(second, 59), utcOffsetSeconds: offset)
    }

    func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    mutating func expect(_ byte: UInt8) -> Bool {
        guard peek(byte) else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<digits {
            let byte = bytes[index + offset]
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }
}
