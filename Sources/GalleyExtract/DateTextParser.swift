import Foundation
import GalleyCore

/// Reads the dates pages print: ISO 8601 and RFC 2822 values, "Selasa, 13 Oktober 2020 - 10:15 WIB",
/// "16. Oktober 2019, 14:05 Uhr", "19 juillet 2014", "Oct 16th, 2019", "16 de octubre de 2019",
/// "16.10.2019", "13/10/2020", "2019年10月16日", "2 hari lalu", "3 hours ago".
///
/// `parse` reads a whole value (a `<meta>` content, a date element's text); `dates(in:)` finds
/// every date inside running text. Month names come from `ExtractionHeuristics.monthNames`.
/// Times without a zone are placed by `zoneless` (the site's zone at that date); WIB, WITA and
/// WIT are +07:00, +08:00, +09:00.
/// Relative dates count back from `now` (the page's fetch time).
struct DateTextParser {
    /// Where a date without a zone is placed.
    var zoneless: ZonelessTime
    var now: Timestamp?
    /// Read `03/04/2020` as March 4 (American English pages) rather than 3 April.
    var monthFirst = false
    /// Month names and abbreviations in the page languages (`ExtractionHeuristics.monthNames`).
    var monthNames: [String: Int]

    /// A date found in running text.
    struct Match {
        var timestamp: Timestamp
        /// Offset of the date's first character in the text (Unicode scalars).
        var start: Int
        /// The text gave a time of day.
        var hasTime: Bool
    }

    static let zones: [String: Int] = [
        "wib": 7 * 3600, "wita": 8 * 3600, "wit": 9 * 3600, "utc": 0, "gmt": 0, "z": 0,
        "bst": 3600, "cet": 3600, "cest": 7200, "mez": 3600, "mesz": 7200, "est": -5 * 3600, "edt": -4 * 3600,
        "cst": -6 * 3600, "cdt": -5 * 3600, "mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600,
        "pdt": -7 * 3600, "sgt": 8 * 3600, "myt": 8 * 3600, "jst": 9 * 3600, "kst": 9 * 3600, "aest": 10 * 3600,
    ]
    static let relativeUnits: [String: Int] = [
        "detik": 1, "second": 1, "seconds": 1, "menit": 60, "minute": 60, "minutes": 60, "jam": 3600,
        "hour": 3600, "hours": 3600, "hari": 86_400, "day": 86_400, "days": 86_400, "minggu": 604_800,
        "week": 604_800, "weeks": 604_800, "bulan": 2_592_000, "month": 2_592_000, "months": 2_592_000,
    ]
    /// Words read over between the parts of a date ("16 de octubre de 2019", "16th", "1er").
    static let fillerWords: Set<String> = ["de", "del", "st", "nd", "rd", "th", "er", "e", "eme", "ème", "º", "o", "r", "г", "года"]
    /// Words between a date and its time ("um 14:05", "at 2 pm", "à 10h").
    static let timeConnectors: Set<String> = ["um", "at", "à", "a", "alle", "ore", "om", "o", "kl", "klo", "godz", "pukul", "jam", "в", "t"]
    /// Words that say the time is after noon or before it (Korean pages put them first).
    static let meridiems: [String: Bool] = ["pm": true, "am": false, "p": true, "a": false, "오후": true, "오전": false]

    /// The date of a whole value: ISO 8601, relative, a date in words or digits, else any
    /// day, month and year the value names.
    func parse(_ raw: String) -> Timestamp? {
        parseNotingZone(raw)?.0
    }

    /// `parse`, and whether the value gave its zone (`2020-10-13T10:15:00Z` does, `2020-10-13 10:15` does not).
    func parseNotingZone(_ raw: String) -> (Timestamp, Bool)? {
        guard let parsed = parseMarkingZoneless(raw) else { return nil }
        return (placed(parsed), parsed.utcOffsetSeconds != Self.zonelessMarker)
    }

    /// The value parsed with `zonelessMarker` as the offset of a time that gives none.
    private func parseMarkingZoneless(_ raw: String) -> Timestamp? {
        let text = raw.trimmingWhitespace
        guard !text.isEmpty, text.count < 120 else { return nil }
        if let iso = Timestamp.parseISO8601(text, defaultOffsetSeconds: Self.zonelessMarker) { return iso }
        let tokens = DateToken.tokens(text)
        if let relative = relative(tokens) { return relative }
        if let first = datesMarkingZoneless(in: tokens, allowsTwoDigitYears: true).first { return first.timestamp }
        return loose(tokens)
    }

    /// A timestamp read without a zone (at `zonelessMarker`) placed by `zoneless`; others as they are.
    private func placed(_ timestamp: Timestamp) -> Timestamp {
        timestamp.utcOffsetSeconds == Self.zonelessMarker ? zoneless.placing(timestamp, readAt: Self.zonelessMarker) : timestamp
    }

    /// An offset no zone has (one second): what a value without a zone is parsed at, to tell it apart.
    private static let zonelessMarker = 1

    /// Every date written in `text`, in order. Two-digit years ("16.10.19") only when allowed.
    func dates(in text: String, allowsTwoDigitYears: Bool = false) -> [Match] {
        dates(in: DateToken.tokens(text), allowsTwoDigitYears: allowsTwoDigitYears)
    }

    func dates(in tokens: [DateToken], allowsTwoDigitYears: Bool) -> [Match] {
        datesMarkingZoneless(in: tokens, allowsTwoDigitYears: allowsTwoDigitYears).map { match in
            var match = match
            match.timestamp = placed(match.timestamp)
            return match
        }
    }

    private func datesMarkingZoneless(in tokens: [DateToken], allowsTwoDigitYears: Bool) -> [Match] {
        var matches: [Match] = []
        var index = 0
        while index < tokens.count {
            guard let day = calendarDay(tokens, at: index, allowsTwoDigitYears: allowsTwoDigitYears) else {
                index += 1
                continue
            }
            let time = timeOfDay(tokens, at: day.end)
            if let timestamp = Timestamp.fromComponents(year: day.year, month: day.month, day: day.day, hour: time?.hour ?? 0,
                                                        minute: time?.minute ?? 0, second: time?.second ?? 0,
                                                        utcOffsetSeconds: time?.offset ?? Self.zonelessMarker) {
                matches.append(Match(timestamp: timestamp, start: tokens[index].start, hasTime: time != nil))
            }
            index = time?.end ?? day.end
        }
        return matches
    }

    // MARK: Calendar days

    typealias Day = (year: Int, month: Int, day: Int, end: Int)

    /// A date starting at token `index`, with the index after it.
    private func calendarDay(_ tokens: [DateToken], at index: Int, allowsTwoDigitYears: Bool) -> Day? {
        let token = tokens[index]
        if token.kind == .number {
            return numericDay(tokens, at: index, allowsTwoDigitYears: allowsTwoDigitYears)
                ?? dayBeforeMonthName(tokens, at: index)
                ?? eastAsianDay(tokens, at: index)
        }
        if token.kind == .word { return monthNameBeforeDay(tokens, at: index) }
        return nil
    }

    /// `2019-10-16`, `2019/10/16`, `2019.10.16.`, `16.10.2019`, `16/10/2019`, `10/16/2019`, `16.10.19`.
    private func numericDay(_ tokens: [DateToken], at index: Int, allowsTwoDigitYears: Bool) -> Day? {
        guard index + 4 < tokens.count else { return nil }
        let first = tokens[index], separator = tokens[index + 1], second = tokens[index + 2], last = tokens[index + 4]
        guard separator.kind == .mark, ["-", ".", "/"].contains(separator.text), tokens[index + 3].isMark(separator.text),
              second.kind == .number, last.kind == .number, second.digits <= 2 else { return nil }
        // "16. 10. 2019" is written with spaces; "-" and "/" dates are not.
        if separator.text != ".", second.spaced || last.spaced || separator.spaced { return nil }
        if first.digits == 4, last.digits <= 2 {
            return validated(year: first.value, month: second.value, day: last.value, end: index + 5)
        }
        guard first.digits <= 2, last.digits == 4 || (allowsTwoDigitYears && last.digits == 2 && separator.text != "-") else { return nil }
        if last.digits == 2, index + 5 < tokens.count, tokens[index + 5].isMark("."), !(index + 6 < tokens.count && tokens[index + 6].spaced) {
            return nil // a version or section number ("1.2.34.5")
        }
        let year = last.digits == 2 ? 2000 + last.value : last.value
        // Day first, unless the second number cannot be a month, or the page writes month first
        // (American English) and the date is slashed: dotted dates are day first everywhere.
        let dayFirst = validated(year: year, month: second.value, day: first.value, end: index + 5)
        let monthFirst = validated(year: year, month: first.value, day: second.value, end: index + 5)
        return (self.monthFirst && separator.text != ".") || second.value > 12 ? monthFirst ?? dayFirst : dayFirst ?? monthFirst
    }

    /// `16. Oktober 2019`, `19 juillet 2014`, `16 de octubre de 2019`, `1er mars 2020`, `06. Mär. 2023`.
    private func dayBeforeMonthName(_ tokens: [DateToken], at index: Int) -> Day? {
        let day = tokens[index]
        guard day.digits <= 2 else { return nil }
        var cursor = skipping(tokens, from: index + 1, marks: ["."])
        guard cursor < tokens.count, tokens[cursor].kind == .word, let month = monthNames[tokens[cursor].text] else { return nil }
        cursor = skipping(tokens, from: cursor + 1, marks: [".", ","])
        guard let year = fourDigitYear(tokens, at: cursor) else { return nil }
        return validated(year: year, month: month, day: day.value, end: cursor + 1)
    }

    /// `Oct 16th, 2019`, `October 16, 2019`, `Oct. 16 2019`.
    private func monthNameBeforeDay(_ tokens: [DateToken], at index: Int) -> Day? {
        guard let month = monthNames[tokens[index].text] else { return nil }
        var cursor = skipping(tokens, from: index + 1, marks: ["."])
        guard cursor < tokens.count, tokens[cursor].kind == .number, tokens[cursor].digits <= 2 else { return nil }
        let day = tokens[cursor].value
        cursor = skipping(tokens, from: cursor + 1, marks: [".", ","])
        guard let year = fourDigitYear(tokens, at: cursor) else { return nil }
        return validated(year: year, month: month, day: day, end: cursor + 1)
    }

    /// `2019年10月16日` (Chinese, Japanese) and `2019년 10월 16일` (Korean).
    private func eastAsianDay(_ tokens: [DateToken], at index: Int) -> Day? {
        guard index + 5 < tokens.count, tokens[index].digits == 4, ["年", "년"].contains(tokens[index + 1].text),
              tokens[index + 2].kind == .number, ["月", "월"].contains(tokens[index + 3].text),
              tokens[index + 4].kind == .number, tokens[index + 5].text.hasPrefix("日") || tokens[index + 5].text.hasPrefix("일")
        else { return nil }
        return validated(year: tokens[index].value, month: tokens[index + 2].value, day: tokens[index + 4].value, end: index + 6)
    }

    private func fourDigitYear(_ tokens: [DateToken], at index: Int) -> Int? {
        guard index < tokens.count, tokens[index].kind == .number, tokens[index].digits == 4 else { return nil }
        return tokens[index].value
    }

    /// The index after any filler words ("de", "th") and the given marks.
    private func skipping(_ tokens: [DateToken], from index: Int, marks: Set<String>) -> Int {
        var cursor = index
        while cursor < tokens.count,
              (tokens[cursor].kind == .mark && marks.contains(tokens[cursor].text))
                || (tokens[cursor].kind == .word && Self.fillerWords.contains(tokens[cursor].text)) {
            cursor += 1
        }
        return cursor
    }

    private func validated(year: Int, month: Int, day: Int, end: Int) -> Day? {
        guard (1900...2199).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day, end)
    }

    // MARK: Times of day

    typealias Time = (hour: Int, minute: Int, second: Int, offset: Int?, end: Int)

    /// A time right after a date ("14:05", ", 10:15 WIB", "um 14:05 Uhr", "at 2:30 pm EST",
    /// "T14:05:00+02:00", "오후 3:52").
    private func timeOfDay(_ tokens: [DateToken], at index: Int) -> Time? {
        var cursor = index
        var meridiem: Bool?
        var skipped = 0
        while cursor < tokens.count, skipped < 3 {
            let token = tokens[cursor]
            if token.kind == .mark, [",", "-", "|", "/", "–", "—", "•", "·", "@", "(", "."].contains(token.text) {
            } else if token.kind == .word, Self.timeConnectors.contains(token.text) {
            } else if token.kind == .word, let value = Self.meridiems[token.text], token.text.unicodeScalars.first!.value > 127 {
                meridiem = value
            } else {
                break
            }
            cursor += 1
            skipped += 1
        }
        guard cursor + 2 < tokens.count, tokens[cursor].kind == .number, tokens[cursor].digits <= 2, tokens[cursor + 1].isMark(":"),
              tokens[cursor + 2].kind == .number, tokens[cursor + 2].digits == 2 else { return nil }
        var hour = tokens[cursor].value
        let minute = tokens[cursor + 2].value
        var second = 0
        var hasSeconds = false
        cursor += 3
        if cursor + 1 < tokens.count, tokens[cursor].isMark(":"), tokens[cursor + 1].digits == 2 {
            second = min(tokens[cursor + 1].value, 59)
            hasSeconds = true
            cursor += 2
            if cursor + 1 < tokens.count, tokens[cursor].isMark("."), !tokens[cursor + 1].spaced, tokens[cursor + 1].kind == .number {
                cursor += 2 // fractions of a second
            }
        }
        var offset: Int?
        while cursor < tokens.count {
            let token = tokens[cursor]
            if token.kind == .word, let value = Self.meridiems[token.text] {
                meridiem = value
                if cursor + 2 < tokens.count, tokens[cursor + 1].isMark("."), tokens[cursor + 2].text == "m" { cursor += 2 }
            } else if token.kind == .word, ["uhr", "h", "hs", "hrs", "wib", "z"].contains(token.text) || Self.zones[token.text] != nil {
                if let zone = Self.zones[token.text] { offset = zone }
            } else if token.kind == .mark, token.text == "+" || (token.text == "-" && !token.spaced && hasSeconds),
                      let (value, end) = numericOffset(tokens, at: cursor) {
                offset = value
                cursor = end
                continue
            } else {
                break
            }
            cursor += 1
        }
        if let meridiem {
            if meridiem, hour < 12 { hour += 12 }
            if !meridiem, hour == 12 { hour = 0 }
        }
        guard hour < 24, minute < 60 else { return nil }
        return (hour, minute, second, offset, cursor)
    }

    /// `+02:00`, `+0200`, `-05`, `+7` at a sign token: the offset in seconds and the index after it.
    private func numericOffset(_ tokens: [DateToken], at index: Int) -> (Int, Int)? {
        guard index + 1 < tokens.count, tokens[index + 1].kind == .number, !tokens[index + 1].spaced else { return nil }
        let sign = tokens[index].text == "-" ? -1 : 1
        let number = tokens[index + 1]
        var seconds: Int
        var end = index + 2
        switch number.digits {
        case 4: seconds = (number.value / 100) * 3600 + (number.value % 100) * 60
        case 1, 2:
            seconds = number.value * 3600
            if end + 1 < tokens.count, tokens[end].isMark(":"), tokens[end + 1].digits == 2 {
                seconds += tokens[end + 1].value * 60
                end += 2
            }
        default: return nil
        }
        guard seconds <= 14 * 3600 else { return nil }
        return (sign * seconds, end)
    }

    // MARK: Relative and loose values

    private func relative(_ tokens: [DateToken]) -> Timestamp? {
        guard let now, tokens.contains(where: { $0.text == "lalu" || $0.text == "ago" || $0.text == "yang" }) else { return nil }
        for (index, token) in tokens.enumerated() where token.kind == .number {
            guard index + 1 < tokens.count, let unit = Self.relativeUnits[tokens[index + 1].text] else { continue }
            return Timestamp(date: now.date.addingTimeInterval(-Double(token.value * unit)), utcOffsetSeconds: now.utcOffsetSeconds)
        }
        return nil
    }

    /// Any day, month (in words) and year in a value, in whatever order ("Mon Jan 20 09:49:32 UTC 2020").
    private func loose(_ tokens: [DateToken]) -> Timestamp? {
        var year: Int?, month: Int?, day: Int?
        var hour = 0, minute = 0, second = 0
        var offset: Int?
        var pm: Bool?
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .number {
                if index + 2 < tokens.count, tokens[index + 1].isMark(":"), tokens[index + 2].kind == .number, token.value < 24,
                   tokens[index + 2].value < 60 {
                    hour = token.value
                    minute = tokens[index + 2].value
                    index += 3
                    if index + 1 < tokens.count, tokens[index].isMark(":"), tokens[index + 1].kind == .number, tokens[index + 1].value < 60 {
                        second = tokens[index + 1].value
                        index += 2
                    }
                    continue
                }
                if token.digits == 4, (1900...2199).contains(token.value), year == nil {
                    year = token.value
                } else if token.digits <= 2, (1...31).contains(token.value), day == nil {
                    day = token.value
                }
            } else if token.kind == .word {
                if month == nil, let monthNumber = monthNames[token.text] {
                    month = monthNumber
                } else if let zone = Self.zones[token.text] {
                    offset = zone
                } else if token.text == "pm" || token.text == "am" {
                    pm = token.text == "pm"
                }
            } else if token.isMark("+"), let (value, end) = numericOffset(tokens, at: index) {
                offset = value
                index = end
                continue
            }
            index += 1
        }
        guard let year, let month, let day else { return nil }
        if let pm {
            if pm, hour < 12 { hour += 12 }
            if !pm, hour == 12 { hour = 0 }
        }
        return Timestamp.fromComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                                        utcOffsetSeconds: offset ?? Self.zonelessMarker)
    }
}
