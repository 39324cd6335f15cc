// Tells a scraped article (title, date line, paragraphs) from a whole web page dumped as text.
import Foundation

/// Shape of a plain-text file, decided from its lines.
package enum TextLayout: Equatable, Sendable {
    /// A header block (`Title:`, `Date:` …) followed by the body.
    case header
    /// A title, a date line among the next few lines (when there is one), then paragraphs.
    case article
    /// A page with its menus and footers, typically many short link lines in blank-separated groups.
    case pageText

    /// How many lines after the title may hold the date line.
    static let dateLineReach = 3
    /// Fewest non-empty lines a page dump has.
    static let minimumPageLines = 12
    /// A line of at most this many words counts as short (menu item, button).
    static let shortLineWords = 4
    /// Share of short lines from which a file reads as a page dump.
    static let pageShortLineShare = 0.3

    package static func detect(_ lines: [Substring]) -> TextLayout {
        if HeaderBlock.parse(lines) != nil { return .header }
        var sample: [Substring] = []
        for line in lines where sample.count < 2000 {
            let trimmed = TextMeasure.trim(line)
            if !trimmed.isEmpty { sample.append(trimmed) }
        }
        // Menus make a page: many short lines in blank-separated groups. A page may well print its
        // date near the top, so this is decided before looking for a date line.
        if sample.count >= minimumPageLines, hasInteriorBlankLine(lines),
           Double(sample.filter { TextMeasure.wordCount($0) <= shortLineWords }.count) >= pageShortLineShare * Double(sample.count) {
            return .pageText
        }
        return .article
    }

    /// True when a blank line separates two lines of text (a final line end does not count).
    static func hasInteriorBlankLine(_ lines: [Substring]) -> Bool {
        let isBlank: (Substring) -> Bool = { $0.allSatisfy(\.isWhitespace) }
        guard let first = lines.firstIndex(where: { !isBlank($0) }), let last = lines.lastIndex(where: { !isBlank($0) }) else {
            return false
        }
        return lines[first...last].contains(where: isBlank)
    }
}

/// Small measures of text shared by the reader and the cleaner.
package enum TextMeasure {
    /// Whether a teaser's summary ends where it was cut: "[...]", "[…]", "…" or "...".
    package static func endsCutShort(_ text: String) -> Bool {
        let trimmed = text.unicodeScalars.reversed().drop { $0.properties.isWhitespace }
        let tail = String(String.UnicodeScalarView(trimmed.prefix(5).reversed()))
        return tail.hasSuffix("…") || tail.hasSuffix("...") || tail.hasSuffix("…]") || tail.hasSuffix("...]")
    }

    /// True for a scalar in a script written without spaces between words (Han, kana, Hangul, Thai).
    @inline(__always)
    package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return Script.kana.contains(value) || Script.hanExtensionA.contains(value) || Script.han.contains(value)
            || Script.hangulSyllables.contains(value) || Script.hanCompatibility.contains(value) || Script.thai.contains(value)
            || Script.halfwidthKatakana.contains(value)
    }

    /// The lines of decoded text (line ends are `\n` by then), found in its UTF-8 bytes. A line
    /// feed is always a character of its own, so this is `split(separator: "\n",
    /// omittingEmptySubsequences: false)` without walking the text character by character
    /// (which was a third of reading a plain-text file).
    package static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                lines.append(text[start..<index])
                start = utf8.index(after: index)
            }
            utf8.formIndex(after: &index)
        }
        lines.append(text[start...])
        return lines
    }

    /// The text inside brackets that enclose the whole line ("(Photo Credit : PTI)", "(Edited by
    /// Neha Mahajan)"), or nil when the line is not so enclosed.
    package static func insideBrackets(_ line: Substring) -> Substring? {
        guard let first = line.first, let last = line.last, "([".contains(first), ")]".contains(last) else { return nil }
        return line.dropFirst().dropLast()
    }

    /// The text without leading and trailing spaces; cheap on very long lines.
    package static func trim<S: StringProtocol>(_ text: S) -> S.SubSequence {
        let start = text.firstIndex(where: { !$0.isWhitespace }) ?? text.endIndex
        let end = text[start...].lastIndex(where: { !$0.isWhitespace }).map(text.index(after:)) ?? start
        return text[start..<end]
    }

    /// True when a good part of the text is in a script without spaces, so words cannot be counted by spaces.
    package static func isCJKHeavy(_ text: some StringProtocol) -> Bool {
        var cjk = 0, letters = 0
        for scalar in text.unicodeScalars.prefix(400) where scalar.properties.isAlphabetic {
            letters += 1
            if isCJK(scalar) { cjk += 1 }
        }
        return letters > 0 && cjk * 3 >= letters
    }

    /// A rough word count that treats about two CJK characters as one word.
    package static func wordCount(_ text: some StringProtocol) -> Int {
        var words = 0, cjk = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                // The common case, without a Unicode property lookup.
                let value = scalar.value
                let alphanumeric = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                if alphanumeric {
                    if !inWord { words += 1 }
                    inWord = true
                } else if value != 0x27 && value != 0x2D {
                    inWord = false
                }
                continue
            }
            if isCJK(scalar) {
                cjk += 1
                inWord = false
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if !inWord { words += 1 }
                inWord = true
            } else if scalar != "'" && scalar != "’" && scalar != "-" {
                inWord = false
            }
        }
        return words + (cjk + 1) / 2
    }
}
