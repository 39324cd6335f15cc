// How a line opens, when that opening makes it one entry of a structured run (a listing, an interview).

/// The structured opening of a line: lines that open alike and sit together are entries of one
/// list the story itself draws up, never a run of other articles' headlines.
///
/// Read from the first bytes only (the cleaner asks for every line of every article).
package enum LeadingShape: Equatable, Sendable {
    /// A clock time, in minutes after midnight: "19:00 Opening concert, €25", "09.30 Doors open",
    /// "10:00–16:00 Market".
    case clockTime(minutes: Int)
    /// An interview's speaker label of one or two capitals: "Q: Why now?", "A: Because…", "JS: Yes.",
    /// or "Q. Why now?"
    case speakerLabel
    /// A named weekday, then a clock time or a day number: "Saturday 10:00 – Harbour walk, free",
    /// "Sun, 14.00 Boat parade", or a colon: "Tuesday: the ministry's answer". Ordered by the day
    /// of the week (Monday first), then the time.
    case weekday(order: Int)
    /// A day of a named month: "12 December – Lantern parade", "Dec 14: Carol service", "3. März
    /// Konzert". Ordered by month, then day.
    case calendarDay(order: Int)

    /// Whether a line of this shape standing `offset` lines after one of shape `other` continues it.
    /// A programme runs forward in time; a feed of timestamped headlines ("13:54 …", "13:43 …") runs
    /// backwards, newest first, and is another kind of list.
    package func continues(_ other: LeadingShape, after offset: Int) -> Bool {
        switch (self, other) {
        case (.speakerLabel, .speakerLabel):
            return true
        case (.clockTime(let order), .clockTime(let theirs)), (.weekday(let order), .weekday(let theirs)):
            return offset > 0 ? order >= theirs : order <= theirs
        case (.calendarDay(let order), .calendarDay(let theirs)):
            // A news list stamps every headline of the day with the same date ("January 15, 2008
            // Police make arrest …"); a listing's entries move on from day to day.
            return offset > 0 ? order > theirs : order < theirs
        default:
            return false
        }
    }

    /// The shape `text` opens with, or nil for an ordinary line.
    package init?(_ text: String) {
        // The first six bytes after any indent, in a fixed-size value: no allocation per line.
        var head = Head()
        for byte in text.utf8 {
            if head.count == 0 && (byte == 0x20 || byte == 0x09) { continue }
            head.bytes[head.count] = byte
            head.count += 1
            if head.count == 6 { break }
        }
        if let shape = Self.clockTime(head) ?? Self.speakerLabel(head) ?? Self.namedDay(text) {
            self = shape
        } else {
            return nil
        }
    }

    /// A weekday or month name before a number, or a day number before a month name. Only a line
    /// whose first word is followed by a number, or whose first number by a word, looks its words
    /// up: ordinary lines pass with a few byte comparisons.
    private static func namedDay(_ text: String) -> LeadingShape? {
        func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x2C || byte == 0x09 }
        // The byte after the first word and its separators: a digit after a word, anything but a
        // digit after a number, or the line is an ordinary one.
        let line = text.utf8.drop { $0 == 0x20 || $0 == 0x09 }
        guard let first = line.first, let wordEnd = line.prefix(maximumNameLength).firstIndex(where: isSeparator) else { return nil }
        // "Tuesday: the trade ministry's answer": a weekday and a colon open a day of a schedule.
        let word = line[..<wordEnd]
        if word.last == UInt8(ascii: ":"), let weekday = name(word.dropLast(), in: DateNames.weekdayNumbers) {
            return .weekday(order: weekday * 1440)
        }
        guard let next = line[wordEnd...].first(where: { !isSeparator($0) }), isDigit(next) != isDigit(first) else { return nil }
        let words = text.utf8.prefix(48).split(whereSeparator: isSeparator)
        guard words.count >= 2, let first = words.first?.first, let second = words.dropFirst().first?.first else { return nil }
        if isDigit(first) {
            // "12 December", "3. März": one or two digits, a point at most.
            let digits = words[0].prefix { isDigit($0) }
            guard digits.count <= 2, words[0].count - digits.count <= 1, let day = number(digits), day >= 1, day <= 31,
                  let month = name(words[1], in: DateNames.months) else { return nil }
            return .calendarDay(order: month * 32 + day)
        }
        guard isDigit(second), let name = String(words[0]) else { return nil }
        let key = name.lowercased().trimmingTrailingPoint
        if let month = DateNames.months[key], let day = number(words[1].prefix { isDigit($0) }), day >= 1, day <= 31 {
            return .calendarDay(order: month * 32 + day)
        }
        guard let weekday = DateNames.weekdayNumbers[key] else { return nil }
        var head = Head()
        for byte in words[1].prefix(6) {
            head.bytes[head.count] = byte
            head.count += 1
        }
        if case .clockTime(let minutes)? = clockTime(head) { return .weekday(order: weekday * 1440 + minutes) }
        return .weekday(order: weekday * 1440)
    }

    /// More bytes than the longest month or weekday name in date-names.json (22, a Greek month).
    private static let maximumNameLength = 32

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func number(_ digits: Substring.UTF8View.SubSequence) -> Int? {
        guard !digits.isEmpty, digits.count <= 2 else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func name(_ word: Substring.UTF8View.SubSequence, in table: [String: Int]) -> Int? {
        guard let text = String(word) else { return nil }
        return table[text.lowercased().trimmingTrailingPoint]
    }

    private struct Head {
        var bytes = SIMD8<UInt8>()
        var count = 0
        subscript(index: Int) -> UInt8 { bytes[index] }
    }

    /// One or two digits and `:`, or two digits and `.`, then two digits and a space, a dash or the
    /// line's end: "9:30 ", "19.00–". A single digit before a point ("3.25 percent") is a number.
    private static func clockTime(_ head: Head) -> LeadingShape? {
        func isDigit(_ index: Int) -> Bool { index < head.count && head[index] >= 0x30 && head[index] <= 0x39 }
        guard isDigit(0) else { return nil }
        let separator = isDigit(1) ? 2 : 1
        guard separator < head.count, head[separator] == 0x3A || (head[separator] == 0x2E && separator == 2),
              isDigit(separator + 1), isDigit(separator + 2) else { return nil }
        let after = separator + 3
        // "12:30pm" and "10.5%" are not the start of an entry.
        guard after >= head.count || head[after] == 0x20 || head[after] == 0x2D || head[after] >= 0x80 else { return nil }
        let hour = separator == 2 ? Int(head[0] - 0x30) * 10 + Int(head[1] - 0x30) : Int(head[0] - 0x30)
        let minute = Int(head[separator + 1] - 0x30) * 10 + Int(head[separator + 2] - 0x30)
        return hour < 24 && minute < 60 ? .clockTime(minutes: hour * 60 + minute) : nil
    }

    /// One or two ASCII capitals and a colon before the words: "Q:", "A:", "JS:"; or the question
    /// and answer letters with a point, as newspapers print them: "Q. Why now?", "A. Because…" (a
    /// point after any other capital is a name's initial).
    private static func speakerLabel(_ head: Head) -> LeadingShape? {
        func isCapital(_ index: Int) -> Bool { index < head.count && head[index] >= 0x41 && head[index] <= 0x5A }
        guard isCapital(0) else { return nil }
        if head.count > 2, head[0] == 0x51 || head[0] == 0x41, head[1] == 0x2E, head[2] == 0x20 { return .speakerLabel }
        let colon = isCapital(1) ? 2 : 1
        guard colon + 1 < head.count, head[colon] == 0x3A, head[colon + 1] == 0x20 else { return nil }
        return .speakerLabel
    }
}

private extension String {
    /// "Dec." is "dec": an abbreviation's point is not part of the name.
    var trimmingTrailingPoint: String { hasSuffix(".") ? String(dropLast()) : self }
}
