// Reads the calendar day out of the date forms pages and feeds use (ISO 8601, RFC 822, "Dec 9, 2023", URL paths).
import Foundation

/// Parses dates as written; the day is taken as stated, whatever the zone.
enum NewsDateParser {
    /// Years outside this range are not news dates (a phone number, a price).
    static let plausibleYears = 1990...2100

    /// Month names in the languages of Resources/Data/date-names.json.
    private static var months: [String: Int] { DateNames.months }

    /// A date from a machine-readable value or a written date line; nil when none is there.
    static func parse(_ text: String) -> ArticleDate? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        return numeric(trimmed) ?? written(trimmed)
    }

    /// `2023-12-09`, `2023-12-09T10:00:00Z`, `2023/12/09`, `20231209`.
    static func numeric(_ text: String) -> ArticleDate? {
        let scalars = Array(text.unicodeScalars.prefix(10))
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for index in range {
                guard let digit = scalars[index].properties.numericType == .decimal ? Int(String(scalars[index])) : nil else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = digits(0..<4) else { return nil }
        if scalars.count >= 8, scalars[4] == "-" || scalars[4] == "/" || scalars[4] == "." {
            let separator = scalars[4]
            // Month and day may have one or two digits.
            var index = 5
            var month = 0
            while index < scalars.count, let d = digits(index..<index + 1) { month = month * 10 + d; index += 1 }
            guard index < scalars.count, scalars[index] == separator else { return nil }
            index += 1
            var day = 0
            var dayDigits = 0
            while index < scalars.count, dayDigits < 2, let d = digits(index..<index + 1) { day = day * 10 + d; index += 1; dayDigits += 1 }
            return make(year: year, month: month, day: day)
        }
        if let month = digits(4..<6), let day = digits(6..<8), scalars.count == 8 || text.count == 8 {
            return make(year: year, month: month, day: day)
        }
        return nil
    }

    /// `Sat, 09 Dec 2023 10:00:00 +0000`, `December 9, 2023`, `9. Dezember 2023`, `09 Dec 23`.
    static func written(_ text: String) -> ArticleDate? {
        let tokens = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).prefix(12)
        var month: Int?
        var monthIndex = -1
        for (index, token) in tokens.enumerated() {
            if let found = months[String(token)] {
                month = found
                monthIndex = index
                break
            }
        }
        guard let month else { return nil }
        let numbers = tokens.enumerated().compactMap { index, token -> (index: Int, value: Int, width: Int)? in
            guard let value = Int(token) else { return nil }
            return (index, value, token.count)
        }
        // Day first (`9 Dec 2023`, RFC 822's `Fri, 15 Mar 24`) or month first (`Dec 9, 2023`).
        let before = numbers.first { $0.index == monthIndex - 1 && $0.value >= 1 && $0.value <= 31 }
        let after = numbers.first { $0.index == monthIndex + 1 }
        let dayFirst = before != nil
        guard let day = dayFirst ? before : after.flatMap({ $0.value >= 1 && $0.value <= 31 ? $0 : nil }) else { return nil }
        let yearSlot = dayFirst ? monthIndex + 1 : monthIndex + 2
        let year = numbers.first(where: { $0.width == 4 && plausibleYears.contains($0.value) && $0.index != day.index })
            ?? numbers.first(where: { $0.width == 2 && $0.index == yearSlot })
        guard let year else { return nil }
        let yearValue = year.width == 2 ? 2000 + year.value : year.value
        return make(year: yearValue, month: month, day: day.value)
    }

    /// `/2023/12/09/` or `/2023-12-09-` in a URL path.
    static func fromURL(_ url: String) -> ArticleDate? {
        let parts = url.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "_" || $0 == "." })
        guard parts.count >= 3 else { return nil }
        for index in 0..<(parts.count - 2) {
            guard parts[index].count == 4, let year = Int(parts[index]), plausibleYears.contains(year),
                  parts[index + 1].count <= 2, let month = Int(parts[index + 1]),
                  parts[index + 2].count <= 2, let day = Int(parts[index + 2]) else { continue }
            if let date = make(year: year, month: month, day: day) { return date }
        }
        return nil
    }

    private static func make(year: Int, month: Int, day: Int) -> ArticleDate? {
        guard plausibleYears.contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        if month == 2, day == 29, !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) { return nil }
        return ArticleDate(year: year, month: month, day: day)
    }
}
