// One grapheme made safe for the terminal: control characters become visible placeholders.

/// The text one grid cell shows for a grapheme, and the columns it takes.
///
/// Article text is data: a control character or escape sequence must never reach
/// the terminal, where it could move the cursor or retitle the window. C0 controls
/// are shown as their Control Pictures (␛ for ESC), other unprintable scalars as
/// U+FFFD. Emoji sequences joined with ZWJ are cut to their first emoji, because
/// glibc and tmux disagree on their width and the screen would drift.
package struct VisibleGrapheme: Hashable, Sendable {
    package var text: String
    package var width: Int

    package init(_ character: Character) {
        let scalars = character.unicodeScalars
        guard let base = scalars.first else {
            text = " "
            width = 1
            return
        }
        if base == "\t" || base == "\n" || base == "\r" {
            text = " "
            width = 1
            return
        }
        let baseWidth = CellWidth.of(base)
        if baseWidth == 0 {
            // A stray combining mark or a zero-width space: nothing to place.
            text = ""
            width = 0
            return
        }
        if baseWidth < 0 {
            text = String(VisibleGrapheme.placeholder(for: base))
            width = 1
            return
        }
        // Keep the base and the zero-width marks that follow it; drop any further
        // spacing scalar (a ZWJ sequence's later emoji) and any unprintable one.
        var kept = String.UnicodeScalarView()
        kept.append(base)
        for scalar in scalars.dropFirst() {
            if scalar == "\u{200D}" { break }
            if CellWidth.of(scalar) == 0 { kept.append(scalar) } else { break }
        }
        text = String(kept)
        width = baseWidth
    }

    /// The visible stand-in for an unprintable scalar.
    static func placeholder(for scalar: Unicode.Scalar) -> Character {
        switch scalar.value {
        case 0x00...0x1F: Character(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: "\u{2421}"
        default: "\u{FFFD}"
        }
    }
}
