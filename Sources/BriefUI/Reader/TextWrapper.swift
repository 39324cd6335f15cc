// Word wrapping by display width: spaces break lines, wide (CJK) graphemes may break anywhere.

/// One grapheme ready for the grid: what to show, its role, and the scalar offset it starts at.
package struct StyledGrapheme: Sendable {
    package var grapheme: VisibleGrapheme
    package var role: StyleRole
    package var offset: Int
}

package enum TextWrapper {
    /// Splits styled text into lines no wider than `width` columns.
    ///
    /// - Returns: At least one line (an empty one for empty text).
    package static func wrap(_ text: String, roles: [StyleRole], width: Int, indent: Int = 0) -> [[StyledGrapheme]] {
        let width = max(1, width)
        var tokens: [[StyledGrapheme]] = []
        var word: [StyledGrapheme] = []
        var offset = 0
        for character in text {
            let scalarCount = character.unicodeScalars.count
            let styled = StyledGrapheme(grapheme: VisibleGrapheme(character),
                                        role: offset < roles.count ? roles[offset] : .normal, offset: offset)
            offset += scalarCount
            if styled.grapheme.width == 0 { continue }
            if character.isWhitespace || styled.grapheme.width == 2 {
                if !word.isEmpty { tokens.append(word) }
                tokens.append([styled])
                word = []
            } else {
                word.append(styled)
            }
        }
        if !word.isEmpty { tokens.append(word) }

        var lines: [[StyledGrapheme]] = []
        var line: [StyledGrapheme] = []
        var used = 0
        let continuationIndent = min(indent, width - 1)
        func breakLine() {
            while let last = line.last, last.grapheme.text == " " { line.removeLast() }
            lines.append(line)
            line = []
            used = continuationIndent
        }
        for token in tokens {
            let isSpace = token.count == 1 && token[0].grapheme.text == " "
            if isSpace {
                if line.isEmpty { continue }
                if used + 1 > width { breakLine(); continue }
                line.append(token[0])
                used += 1
                continue
            }
            let tokenWidth = token.reduce(0) { $0 + $1.grapheme.width }
            if used + tokenWidth > width && !line.isEmpty { breakLine() }
            for styled in token {
                if used + styled.grapheme.width > width && !line.isEmpty { breakLine() }
                line.append(styled)
                used += styled.grapheme.width
            }
        }
        if !line.isEmpty || lines.isEmpty { breakLine() }
        return lines
    }
}
