// Rejoins paragraphs that were hard-wrapped at a fixed width (email, Usenet, `fmt` output).
import Foundation

/// Groups the lines of a plain-text body into paragraphs.
///
/// A file is treated as hard-wrapped only when many of its lines stop just short of one width
/// and most of those end mid-sentence; otherwise every line stays its own paragraph, as in
/// scraped articles that put one paragraph per line.
package enum HardWrapJoiner {
    /// Widest line a hard-wrapped file is expected to have.
    static let maximumWrapWidth = 100
    /// A wrapped line reaches at least this share of the wrap width.
    static let nearWidthShare = 0.7
    /// Fewest near-width lines before wrapping is assumed.
    static let minimumWrappedLines = 3
    /// Share of near-width lines that must end mid-sentence.
    static let midSentenceShare = 0.6

    /// Lines (blank lines included) to paragraphs, joining wrapped lines when the file is wrapped.
    package static func paragraphs(_ lines: [String]) -> [String] {
        guard let width = wrapWidth(lines) else {
            return lines.map { String(TextMeasure.trim($0)) }.filter { !$0.isEmpty }
        }
        var result: [String] = []
        var current = ""
        var previousLength = 0
        for raw in lines {
            let line = String(TextMeasure.trim(raw))
            if line.isEmpty {
                if !current.isEmpty { result.append(current) }
                current = ""
                continue
            }
            let continues = !current.isEmpty && Double(previousLength) >= nearWidthShare * Double(width) && !startsListItem(line)
            if continues {
                // A word hyphenated at the line end is rejoined with its hyphen ("well-" + "known").
                let hyphenated = current.hasSuffix("-") && current.dropLast().last?.isLetter == true && line.first?.isLowercase == true
                current += hyphenated ? line : " " + line
            } else {
                if !current.isEmpty { result.append(current) }
                current = line
            }
            previousLength = raw.count
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The width a file was wrapped at, or nil when it was not wrapped.
    static func wrapWidth(_ lines: [String]) -> Int? {
        let lengths = lines.map(\.count).filter { $0 > 0 }
        // Wrapped files separate paragraphs with blank lines; one-paragraph-per-line files need no joining.
        let isBlank: (String) -> Bool = { $0.allSatisfy(\.isWhitespace) }
        guard let first = lines.firstIndex(where: { !isBlank($0) }), let last = lines.lastIndex(where: { !isBlank($0) }),
              lines[first...last].contains(where: isBlank),
              let widest = lengths.max(), widest <= maximumWrapWidth, lengths.count > minimumWrappedLines else { return nil }
        let near = lines.filter { Double($0.count) >= nearWidthShare * Double(widest) }
        guard near.count >= minimumWrappedLines else { return nil }
        let midSentence = near.filter { line in
            guard let last = String(TextMeasure.trim(line)).last else { return false }
            return !".!?:\"”’)".contains(last)
        }
        return Double(midSentence.count) >= midSentenceShare * Double(near.count) ? widest : nil
    }

    /// Bullets and numbered items start a new paragraph even inside a wrapped block.
    static func startsListItem(_ line: String) -> Bool {
        // Most lines open with an ASCII letter, which starts no marker: answered without
        // comparing characters (this runs on every line the cleaner measures).
        if let scalar = line.unicodeScalars.first, scalar.value < 0x80, (0x61...0x7A).contains(scalar.value | 0x20) { return false }
        guard let first = line.first else { return false }
        if "-*+•–—·‣▪■►▶→›»✓✔◦○●".contains(first), line.dropFirst().first == " " { return true }
        if first == "(", let close = line.firstIndex(of: ")"), line.distance(from: line.startIndex, to: close) <= 4 { return true }
        // "12. item", "3) item"; a number goes on after its point in a date or a decimal ("15.01.08",
        // "3.5 million"), and such a line opens no item.
        let digits = line.prefix(while: \.isNumber)
        let after = line.dropFirst(digits.count)
        return !digits.isEmpty && digits.count <= 3 && [".", ")"].contains(after.first)
            && !(after.dropFirst().first?.isNumber ?? false)
    }
}
