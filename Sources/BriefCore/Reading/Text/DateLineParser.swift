// Recognizes the dates news pages print: `Dec 9, 2023`, `Published: Saturday, 9 December 2023 10:30 GMT`, `2023-12-09`.
import Foundation

/// Finds calendar dates in the forms news sites print them.
///
/// `parseLine` is strict: the whole line must be a date (with optional prefix words such as
/// `Published:` or a site's own label of a few words before a colon, a weekday, a time and a
/// zone), as a date line under a title is.
/// `firstDate(in:)` finds a date anywhere in a longer line, such as a byline.
package enum DateLineParser {
    /// Lines longer than this are prose, never a date line.
    static let maximumLineLength = 120

    private enum Token: Equatable {
        case month(Int)
        case weekday
        case number(Int, digits: Int)
        case time
        case meridiem
        case zone
        case filler
        case other
    }

    /// Month and weekday names in the languages of Resources/Data/date-names.json.
    private static var months: [String: Int] { DateNames.months }
    private static var weekdays: Set<String> { DateNames.weekdays }

    private static let zones: Set<String> = [
        "utc", "gmt", "z", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt",
        "bst", "cet", "cest", "eet", "eest", "wet", "west", "ist", "jst", "kst", "hkt", "sgt", "aest", "aedt",
        "awst", "nzst", "nzdt", "msk",
        // "7:00 pm US/Eastern"
        "us", "eastern", "central", "mountain", "pacific",
    ]

    /// Words that may surround a date on a date line.
    private static let fillers: Set<String> = [
        "published", "updated", "posted", "modified", "last", "first", "date", "dated", "on", "at",
        "am", "pm", "a", "m", "p", "of", "the", "st", "nd", "rd", "th", "h", "uhr", "le", "el", "de",
        "originally", "created", "issued", "released", "edited", "and", "t",
        // "Article published …", "Story updated …", a print edition's "…; Page A04"
        "article", "story", "page",
    ]

    /// The date a date line states, or nil when the line is anything else.
    package static func parseLine(_ line: String) -> ArticleDate? {
        guard line.utf8.count <= maximumLineLength * 4 else { return nil }
        let trimmed = String(TextMeasure.trim(line))
        guard !trimmed.isEmpty, trimmed.count <= maximumLineLength else { return nil }
        // Any word that cannot belong to a date line ends the reading: most lines are prose.
        // A site's own label before a colon ("Article Launched:", "Story Published:") may open it.
        guard let tokens = tokenize(trimmed, stopAtOther: true) ?? labelled(trimmed).flatMap({ tokenize(String($0), stopAtOther: true) })
        else { return nil }
        return findDate(in: tokens, dayFirst: writesDotted(trimmed))?.date
    }

    /// Most words of a label before a date line's colon…
    static let maximumLabelWords = 3
    /// …and most characters.
    static let maximumLabelLength = 40

    /// What follows a label of at most `maximumLabelWords` words of letters and its colon, or nil.
    private static func labelled(_ line: String) -> Substring? {
        label(of: line).map { line[line.index(after: $0.endIndex)...] }
    }

    /// The label a line opens with before its colon (at most `maximumLabelWords` words of
    /// letters: "Article Launched", "Termin"), or nil.
    package static func label(of line: String) -> Substring? {
        // A label's colon comes early: a long line is not read to its end to find one.
        guard let colon = line.prefix(maximumLabelLength + 1).firstIndex(of: ":") else { return nil }
        let label = line[..<colon]
        guard label.split(separator: " ").count <= maximumLabelWords,
              label.contains(where: \.isLetter), label.allSatisfy({ $0.isLetter || $0 == " " }) else { return nil }
        return label
    }

    /// The first date written anywhere in `text` (a byline, a footer), or nil.
    package static func firstDate(in text: String) -> ArticleDate? {
        guard text.utf8.count <= maximumLineLength * 16 else { return nil }
        return findDate(in: tokenize(text, stopAtOther: false) ?? [], dayFirst: writesDotted(text))?.date
    }

    /// True when the text writes a date with dots ("03.04.2020"): every language that does so puts
    /// the day first, so such a date is never read month first.
    private static func writesDotted(_ text: String) -> Bool {
        var run = 0
        var dots = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                run += 1
                if dots == 2 && run == 4 { return true }
            } else if byte == 0x2E, run >= 1, run <= 2, dots < 2 {
                dots += 1
                run = 0
            } else {
                run = 0
                dots = 0
            }
        }
        return false
    }

    /// The line's tokens; with `stopAtOther`, nil as soon as one is `.other`.
    private static func tokenize(_ text: String, stopAtOther: Bool) -> [Token]? {
        var tokens: [Token] = []
        var current = ""
        var sawOther = false
        func flush() {
            guard !current.isEmpty else { return }
            let token = classify(current)
            if token == .other { sawOther = true }
            tokens.append(token)
            current = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == ":" {
                // A digit run followed by letters ("9th", "10am") splits into two tokens.
                if let last = current.last, last.isNumber != character.isNumber, character != ":", last != ":" {
                    flush()
                }
                current.append(character)
            } else {
                flush()
            }
            if sawOther && stopAtOther { return nil }
        }
        flush()
        return sawOther && stopAtOther ? nil : tokens
    }

    private static func classify(_ word: String) -> Token {
        if let month = months[word] { return .month(month) }
        if weekdays.contains(word) { return .weekday }
        if word.contains(":") {
            let parts = word.split(separator: ":", omittingEmptySubsequences: false)
            return parts.count >= 2 && parts.count <= 3 && parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isNumber) })
                ? .time : (word.hasSuffix(":") && !word.dropLast().contains(":") ? classify(String(word.dropLast())) : .other)
        }
        if word.allSatisfy(\.isASCII), word.allSatisfy(\.isNumber), let value = Int(word) {
            return .number(value, digits: word.count)
        }
        if zones.contains(word) { return .zone }
        if word == "am" || word == "pm" { return .meridiem }
        if fillers.contains(word) { return .filler }
        return .other
    }

    private static func findDate(in tokens: [Token], dayFirst: Bool) -> (date: ArticleDate, end: Int)? {
        for index in tokens.indices {
            switch tokens[index] {
            case .month(let month):
                // Month day, year — "Dec 9, 2023", "December 9th 2023".
                if index + 2 < tokens.count, case .number(let day, let dayDigits) = tokens[index + 1], dayDigits <= 2,
                   case .number(let year, 4) = nextNumber(tokens, after: index + 1),
                   let date = make(year, month, day) {
                    return (date, index + 2)
                }
            case .number(let first, let digits):
                // Day month year — "9 Dec 2023", "1st January 2008".
                let monthAt = index + 1 < tokens.count && tokens[index + 1] == .filler ? index + 2 : index + 1
                if digits <= 2, monthAt + 1 < tokens.count, case .month(let month) = tokens[monthAt],
                   case .number(let year, 4) = tokens[monthAt + 1], let date = make(year, month, first) {
                    return (date, monthAt + 1)
                }
                // All numbers — "2023-12-09", "09.12.2023", "12/09/2023".
                if index + 2 < tokens.count, case .number(let second, let d2) = tokens[index + 1],
                   case .number(let third, let d3) = tokens[index + 2], d2 <= 2 {
                    if digits == 4, d3 <= 2, let date = make(first, second, third) { return (date, index + 2) }
                    if digits <= 2, d3 == 4 {
                        // Month first, as US sites write it, unless the first number cannot be a month
                        // or the date is written with dots.
                        let date = first > 12 || dayFirst ? make(third, second, first) : make(third, first, second)
                        if let date { return (date, index + 2) }
                    }
                }
            default:
                continue
            }
        }
        return nil
    }

    /// The token after `index`, skipping an ordinal suffix ("9th").
    private static func nextNumber(_ tokens: [Token], after index: Int) -> Token? {
        var next = index + 1
        if next < tokens.count, tokens[next] == .filler { next += 1 }
        return next < tokens.count ? tokens[next] : nil
    }

    private static func make(_ year: Int, _ month: Int, _ day: Int) -> ArticleDate? {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let lengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return ArticleDate(year: year, month: month, day: day)
    }
}
