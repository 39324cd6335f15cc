// How a line opens, when that opening makes it one entry of a structured run (a listing, an interview).

/// The structured opening of a line: lines that open alike and sit together are entries of one
/// list the story itself draws up, never a run of other articles' headlines.
///
/// Read from the first bytes only (the cleaner asks for every line of every article).
package enum LeadingShape: Equatable, Sendable {
    /// A clock time, in minutes after midnight: "19:00 Opening concert, €25", "09.30 Doors open",
    /// "10:00–16:00 Market".
    case clockTime(minutes: Int)
    /// An interview's speaker label of one or two capitals: "Q: Why now?", "A: Because…", "JS: Yes."
    case speakerLabel

    /// Whether a line of this shape standing `offset` lines after one of shape `other` continues it.
    /// A programme runs forward in time; a feed of timestamped headlines ("13:54 …", "13:43 …") runs
    /// backwards, newest first, and is another kind of list.
    package func continues(_ other: LeadingShape, after offset: Int) -> Bool {
        switch (self, other) {
        case (.speakerLabel, .speakerLabel):
            return true
        case (.clockTime(let minutes), .clockTime(let theirs)):
            return offset > 0 ? minutes >= theirs : minutes <= theirs
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
        if let shape = Self.clockTime(head) ?? Self.speakerLabel(head) {
            self = shape
        } else {
            return nil
        }
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

    /// One or two ASCII capitals and a colon before the words: "Q:", "A:", "JS:".
    private static func speakerLabel(_ head: Head) -> LeadingShape? {
        func isCapital(_ index: Int) -> Bool { index < head.count && head[index] >= 0x41 && head[index] <= 0x5A }
        guard isCapital(0) else { return nil }
        let colon = isCapital(1) ? 2 : 1
        guard colon + 1 < head.count, head[colon] == 0x3A, head[colon + 1] == 0x20 else { return nil }
        return .speakerLabel
    }
}
