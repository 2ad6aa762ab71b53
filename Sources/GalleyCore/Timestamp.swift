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
        var scanner = ISO8601Scanner(Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8))
        return scanner.scan(defaultOffsetSeconds: defaultOffsetSeconds)
    }

    /// Builds a timestamp from wall-clock fields at a given offset; nil if the fields are invalid.
    public static func fromComponents(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
        utcOffsetSeconds: Int
    ) -> Timestamp? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...60).contains(second), year > 0 else { return nil }
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

    /// The same instant at another offset.
    public func converted(toOffsetSeconds offset: Int) -> Timestamp {
        Timestamp(date: date, utcOffsetSeconds: offset)
    }

    /// RFC 3339 with the offset, whole seconds: `2020-10-13T10:15:00+07:00` (`Z` for UTC).
    public var rfc3339: String {
        let c = components
        let offset = utcOffsetSeconds
        let zone: String
        if offset == 0 {
            zone = "Z"
        } else {
            let sign = offset < 0 ? "-" : "+"
            let minutes = abs(offset) / 60
            zone = sign + Self.pad(minutes / 60) + ":" + Self.pad(minutes % 60)
        }
        return "\(Self.pad(c.year ?? 0, width: 4))-\(Self.pad(c.month ?? 0))-\(Self.pad(c.day ?? 0))"
            + "T\(Self.pad(c.hour ?? 0)):\(Self.pad(c.minute ?? 0)):\(Self.pad(c.second ?? 0))" + zone
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
