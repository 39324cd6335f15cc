// Reads the machine dates feeds carry (RFC 822 and its variants, W3C-DTF and ISO 8601 forms) to a UTC day.
import Foundation

/// Feed dates are timestamps, so the day is the UTC day (as feedparser and feed readers order
/// items). Anything not fully understood is nil, never a guess: a wrong day is worse than none.
enum FeedDateParser {
    /// Years a feed date can have.
    static let plausibleYears = 1900...2200

    /// Named zones feeds write, as minutes east of UTC (the US short forms `ET`/`PT` included).
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "etc/gmt": 0, "etc/utc": 0, "wet": 0,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
        "at": -240, "ast": -240, "adt": -180, "et": -300, "ct": -360, "mt": -420, "pt": -480, "akst": -540, "hst": -600,
        "bst": 60, "cet": 60, "met": 60, "west": 60, "cest": 120, "mest": 120, "eet": 120, "eest": 180, "msk": 180,
        "ist": 330, "sgt": 480, "hkt": 480, "awst": 480, "jst": 540, "kst": 540, "aest": 600, "aedt": 660,
        "nzst": 720, "nzdt": 780,
    ]

    /// A parsed timestamp before it is turned into a UTC day.
    private struct Stamp {
        var year: Int, month: Int, day: Int
        var minutes = 0
        var offset = 0
    }

    /// The UTC calendar day of a feed date, or nil when it cannot be read with certainty.
    static func parse(_ raw: String) -> ArticleDate? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count < 80 else { return nil }
        guard let stamp = iso(text) ?? korean(text) ?? rfc822(text) else { return nil }
        return utcDay(stamp)
    }

    // MARK: W3C-DTF and ISO 8601

    /// `2003-12-31T10:14:55Z`, `2003-12`, `2003`, `2003-012-31` (an extra zero in the month),
    /// `2004-07-08 23:56:58.0`, `2004-július-13T9:15-05:00`, two-digit years (`03-12-31`,
    /// `031231`, `-0312`, `-03-12`), ordinal days (`2003-335`).
    ///
    /// Digits are ASCII `[0-9]`, not `\d`: `\d` also matches other scripts' digits (`٢٠٢٤`),
    /// which `Int(_:)` does not read, and the unwraps below trapped (found by Fuzz/run, feed).
    private static func iso(_ text: String) -> Stamp? {
        if let match = text.wholeMatch(of: #/([0-9]{4})-([0-9]{3})/#) {
            return ordinal(year: Int(match.output.1)!, day: Int(match.output.2)!)
        }
        if let match = text.wholeMatch(of: #/([0-9]{2})([0-9]{2})([0-9]{2})/#) {
            return valid(Stamp(year: century(Int(match.output.1)!), month: Int(match.output.2)!, day: Int(match.output.3)!))
        }
        if let match = text.wholeMatch(of: #/-([0-9]{2})-?([0-9]{2})/#) {
            return valid(Stamp(year: century(Int(match.output.1)!), month: Int(match.output.2)!, day: 1))
        }
        let pattern = #/([0-9]{4}|[0-9]{2})(?:-([0-9]{2,3}|[^0-9\sT:+-]+)(?:-([0-9]{1,2}))?)?(?:[T ]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]+)?)?\s*(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?/#
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        let (_, yearText, monthText, dayText, hourText, minuteText, secondText, zone) = match.output
        var year = Int(yearText)!
        if yearText.count == 2 {
            // Two-digit years only with the full day (`03-12-31`).
            guard dayText != nil else { return nil }
            year = century(year)
        }
        var stamp = Stamp(year: year, month: 1, day: 1)
        if let monthText {
            if let number = Int(monthText) {
                // Google's `2003-012-31`: three digits only with a leading zero.
                guard monthText.count == 2 || monthText.hasPrefix("0") else { return nil }
                stamp.month = number
            } else {
                // A month written out inside an ISO date.
                guard let named = DateNames.months[monthText.lowercased()] else { return nil }
                stamp.month = named
            }
            if let dayText { stamp.day = Int(dayText)! }
        }
        if let hourText, let minuteText {
            let hour = Int(hourText)!, minute = Int(minuteText)!, second = secondText.map { Int($0)! } ?? 0
            guard hour < 24, minute < 60, second <= 60 else { return nil }
            stamp.minutes = hour * 60 + minute
            if let zone {
                guard let offset = numericOffset(String(zone)) else { return nil }
                stamp.offset = offset
            }
        }
        return valid(stamp)
    }

    /// A year and the day of the year.
    private static func ordinal(year: Int, day ordinal: Int) -> Stamp? {
        guard plausibleYears.contains(year), ordinal >= 1, ordinal <= (isLeap(year) ? 366 : 365) else { return nil }
        var remaining = ordinal
        for month in 1...12 {
            let length = daysIn(month, year)
            if remaining <= length { return Stamp(year: year, month: month, day: remaining) }
            remaining -= length
        }
        return nil
    }

    // MARK: Korean forms

    /// `2004년 05월 28일  01:31:15` and `2004-05-25 오후 11:23:17`: Korean sites' dates, in Korea's time.
    private static func korean(_ text: String) -> Stamp? {
        guard text.contains("년") || text.contains("오전") || text.contains("오후") else { return nil }
        let afternoon = text.contains("오후")
        let numbers = text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 3 else { return nil }
        var stamp = Stamp(year: numbers[0], month: numbers[1], day: numbers[2])
        if numbers.count >= 5 {
            var hour = numbers[3]
            if afternoon, hour < 12 { hour += 12 }
            guard hour < 24, numbers[4] < 60 else { return nil }
            stamp.minutes = hour * 60 + numbers[4]
        }
        stamp.offset = 540
        return valid(stamp)
    }

    // MARK: RFC 822 and its variants

    /// `Thu, 01 Jan 2004 19:48:21 GMT`, `Thu,  5 Apr 2012`, `Fri,24 Nov 2023`, `01 Jan 04`,
    /// `Mon, 13 Feb, 2012`, `Sun Jan  4 16:29:06 2004` (asctime), `Sun Jul 15 01:16:00 +0000 2012`,
    /// `Fri, 2006/09/15 08:19:53 EDT`, `26 January 2004`, `Κυρ, 11 Ιούλ 2004`, `9. Dezember 2023`.
    private static func rfc822(_ text: String) -> Stamp? {
        var tokens = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        // A leading weekday: a known name, or any word before the first comma (`Di,`, `Ma,`).
        let beforeComma = text.prefix { $0 != "," }
        let wordBeforeComma = beforeComma.endIndex == text.endIndex ? nil
            : beforeComma.trimmingCharacters(in: CharacterSet(charactersIn: ". ")).lowercased()
        // (Spanish `mar,` is Tuesday when a month follows, March otherwise.)
        if let first = tokens.first?.trimmingCharacters(in: CharacterSet(charactersIn: ".")),
           DateNames.weekdays.contains(first) || (first == wordBeforeComma && first.allSatisfy(\.isLetter)),
           DateNames.months[first] == nil || tokens.dropFirst().contains(where: { DateNames.months[$0.trimmingCharacters(in: CharacterSet(charactersIn: "."))] != nil }) {
            tokens.removeFirst()
        }
        var month: Int?
        var numbers: [(value: Int, digits: Int)] = []
        var numericDate: (year: Int, month: Int, day: Int)?
        var minutes: Int?
        var offset: Int?
        for token in tokens {
            let bare = token.hasSuffix(".") ? String(token.dropLast()) : token
            if month == nil, numericDate == nil, let named = DateNames.months[bare] {
                month = named
            } else if !bare.isEmpty, bare.allSatisfy({ $0.isASCII && $0.isNumber }) {
                guard bare.count <= 4, bare.count != 3 else { return nil }
                numbers.append((Int(bare)!, bare.count))
            } else if minutes == nil, token.contains(":"), token.first?.isNumber == true {
                let parts = token.split(separator: ":", omittingEmptySubsequences: false)
                guard (2...3).contains(parts.count),
                      parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy({ $0.isASCII && $0.isNumber }) }) else { return nil }
                let values = parts.map { Int($0)! }
                guard values[0] < 24, values[1] < 60, values.count == 2 || values[2] <= 60 else { return nil }
                minutes = values[0] * 60 + values[1]
            } else if let time = minutes, bare == "am" || bare == "pm" {
                // `10:00 AM`: a 12-hour clock.
                guard time < 13 * 60 else { return nil }
                minutes = time % 720 + (bare == "pm" ? 720 : 0)
            } else if numericDate == nil, month == nil, numbers.isEmpty,
                      let date = token.wholeMatch(of: #/([0-9]{4})[\/-]([0-9]{1,2})[\/-]([0-9]{1,2})/#) {
                numericDate = (Int(date.output.1)!, Int(date.output.2)!, Int(date.output.3)!)
            } else if offset == nil, minutes != nil || numbers.count >= 2 || numericDate != nil, let zone = zoneOffset(token) {
                offset = zone
            } else {
                return nil
            }
        }
        var stamp: Stamp
        if let numericDate {
            guard numbers.isEmpty, month == nil else { return nil }
            stamp = Stamp(year: numericDate.year, month: numericDate.month, day: numericDate.day)
        } else {
            guard let month, numbers.count == 2 else { return nil }
            // The four-digit number is the year wherever it stands; with two two-digit numbers,
            // the day comes first (RFC 822's `01 Jan 04`, and `Jan 01 04` alike).
            let (day, year) = numbers[0].digits == 4 ? (numbers[1].value, numbers[0].value)
                : (numbers[0].value, numbers[1].digits == 4 ? numbers[1].value : century(numbers[1].value))
            stamp = Stamp(year: year, month: month, day: day)
        }
        stamp.minutes = minutes ?? 0
        stamp.offset = offset ?? 0
        return valid(stamp)
    }

    /// A zone name, `+0100`, `-01:01`, `GMT-01:01`, `Etc/GMT`.
    private static func zoneOffset(_ token: String) -> Int? {
        if let named = zones[token] { return named }
        var rest = Substring(token)
        if rest.hasPrefix("gmt") || rest.hasPrefix("utc") { rest = rest.dropFirst(3) }
        return numericOffset(String(rest))
    }

    /// `Z`, `+01`, `+0100`, `-01:01`: minutes east of UTC; nil for anything malformed or beyond ±14 h.
    private static func numericOffset(_ zone: String) -> Int? {
        if zone == "Z" || zone == "z" { return 0 }
        guard let sign = zone.first, sign == "+" || sign == "-" else { return nil }
        let digits = zone.dropFirst().filter { $0 != ":" }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count == 2 || digits.count == 4 else { return nil }
        let hours = Int(digits.prefix(2))!, minutes = digits.count == 4 ? Int(digits.suffix(2))! : 0
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
    }

    // MARK: Calendar arithmetic

    private static func century(_ twoDigits: Int) -> Int { twoDigits < 70 ? 2000 + twoDigits : 1900 + twoDigits }

    private static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    private static func valid(_ stamp: Stamp) -> Stamp? {
        guard plausibleYears.contains(stamp.year), (1...12).contains(stamp.month),
              stamp.day >= 1, stamp.day <= daysIn(stamp.month, stamp.year) else { return nil }
        return stamp
    }

    /// The stamp's day in UTC: a time west of Greenwich late in the day is the next day there.
    private static func utcDay(_ stamp: Stamp) -> ArticleDate? {
        let utcMinutes = stamp.minutes - stamp.offset
        let shift = utcMinutes < 0 ? -1 : (utcMinutes >= 1440 ? 1 : 0)
        var (year, month, day) = (stamp.year, stamp.month, stamp.day + shift)
        if day < 1 {
            month -= 1
            if month < 1 { month = 12; year -= 1 }
            day = daysIn(month, year)
        } else if day > daysIn(month, year) {
            day = 1
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        guard plausibleYears.contains(year) else { return nil }
        return ArticleDate(year: year, month: month, day: day)
    }
}
