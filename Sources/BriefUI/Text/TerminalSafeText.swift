// Makes article text safe to print outside the cell grid: control and escape characters become visible placeholders.

/// Text from articles and file names is data: it must not move the cursor, change colors or
/// reorder the line on the user's terminal. The CLI's messages and anything the reader writes
/// outside its grid (a link shown in full) go through here; the grid has `VisibleGrapheme`.
package enum TerminalSafeText {
    /// `text` with C0 controls shown as their Control Pictures (ESC → ␛), DEL as ␡, C1 controls
    /// and bidirectional overrides as U+FFFD, and tabs as spaces.
    package static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                result.append(" ")
            } else if needsReplacement(scalar) {
                result.append(contentsOf: VisibleGrapheme.placeholder(for: scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
