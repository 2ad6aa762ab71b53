import Foundation
import GalleyCore

/// Reads the dates news pages print: ISO 8601, "Selasa, 13 Oktober 2020 - 10:15 WIB",
/// "13 Okt 2020 10:15", "October 13, 2020 10:15 AM", "13/10/2020", "2 hari lalu", "3 hours ago".
///
/// Times without a zone take `defaultOffsetSeconds`; WIB, WITA and WIT are +07:00, +08:00, +09:00.
/// Relative dates count back from `now` (the page's fetch time).
struct DateTextParser {
    var defaultOffsetSeconds: Int
    var now: Timestamp?

    static let months: [String: Int] = [
        "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "pebruari": 2,
        "maret": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "june": 6,
        "jun": 6, "juli": 7, "july": 7, "jul": 7, "agustus": 8, "august": 8, "agu": 8, "agt": 8, "aug": 8,
        "ags": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
        "november": 11, "nov": 11, "nopember": 11, "desember": 12, "december": 12, "des": 12, "dec": 12,
    ]
    static let zones: [String: Int] = [
        "wib": 7 * 3600, "wita": 8 * 3600, "wit": 9 * 3600, "utc": 0, "gmt": 0, "z": 0,
        "bst": 3600, "cet": 3600, "cest": 7200, "est": -5 * 3600, "edt": -4 * 3600, "pst": -8 * 3600,
        "pdt": -7 * 3600, "sgt": 8 * 3600, "myt": 8 * 3600, "jst": 9 * 3600, "aest": 10 * 3600,
    ]
    static let relativeUnits: [String: Int] = [
        "detik": 1, "second": 1, "seconds": 1, "menit": 60, "minute": 60, "minutes": 60, "jam": 3600,
        "hour": 3600, "hours": 3600, "hari": 86_400, "day": 86_400, "days": 86_400, "minggu": 604_800,
        "week": 604_800, "weeks": 604_800, "bulan": 2_592_000, "month": 2_592_000, "months": 2_592_000,
    ]

    func parse(_ raw: String) -> Timestamp? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count < 120 else { return nil }
        if let iso = Timestamp.parseISO8601(text, defaultOffsetSeconds: defaultOffsetSeconds) { return iso }
        let tokens = Self.tokens(text)
        if let relative = relative(tokens) { return relative }
        return absolute(tokens)
    }

    /// Words and numbers, lower-cased; `:` and `/` kept as their own tokens.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "+" {
                if character == "+", !current.isEmpty { tokens.append(current); current = "" }
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(current); current = "" }
                if character == ":" || character == "/" || character == "." || character == "-" { tokens.append(String(character)) }
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private func relative(_ tokens: [String]) -> Timestamp? {
        guard let now, tokens.contains(where: { $0 == "lalu" || $0 == "ago" || $0 == "yang" }) else { return nil }
        for (index, token) in tokens.enumerated() {
            guard let amount = Int(token), index + 1 < tokens.count, let unit = Self.relativeUnits[tokens[index + 1]] else { continue }
            return Timestamp(date: now.date.addingTimeInterval(-Double(amount * unit)), utcOffsetSeconds: now.utcOffsetSeconds)
        }
        return nil
    }

    private func absolute(_ tokens: [String]) -> Timestamp? {
        var year: Int?, month: Int?, day: Int?
        var hour = 0, minute = 0, second = 0
        var offset: Int?
        var pm: Bool?
        var numbers: [Int] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if let value = Int(token) {
                if index + 2 < tokens.count, tokens[index + 1] == ":", let minutes = Int(tokens[index + 2]), value < 24, minutes < 60 {
                    hour = value
                    minute = minutes
                    index += 3
                    if index + 1 < tokens.count, tokens[index] == ":", let seconds = Int(tokens[index + 1]), seconds < 60 {
                        second = seconds
                        index += 2
                    }
                    continue
                }
                if index + 4 < tokens.count, tokens[index + 1] == "/", tokens[index + 3] == "/",
                   let b = Int(tokens[index + 2]), let c = Int(tokens[index + 4]) {
                    // 13/10/2020 is day/month/year; 2020/10/13 is year/month/day.
                    if value > 31 { (year, month, day) = (value, b, c) } else { (day, month, year) = (value, b, c) }
                    index += 5
                    continue
                }
                numbers.append(value)
            } else if month == nil, let monthNumber = Self.months[token] {
                month = monthNumber
            } else if let zone = Self.zones[token] {
                offset = zone
            } else if token == "pm" || token == "am" {
                pm = token == "pm"
            } else if token.hasPrefix("+"), let value = Int(token.dropFirst()), value <= 1400 {
                offset = (value >= 100 ? (value / 100) * 3600 + (value % 100) * 60 : value * 3600)
            }
            index += 1
        }
        if day == nil || year == nil {
            for number in numbers {
                if number >= 1900, number < 2200, year == nil { year = number } else if number >= 1, number <= 31, day == nil { day = number }
            }
        }
        guard let year, let month, let day else { return nil }
        if let pm {
            if pm, hour < 12 { hour += 12 }
            if !pm, hour == 12 { hour = 0 }
        }
        return Timestamp.fromComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                                        utcOffsetSeconds: offset ?? defaultOffsetSeconds)
    }
}
