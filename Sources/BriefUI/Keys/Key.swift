// A key press, decoded by the terminal adapter, with the names config files use.

package enum Key: Hashable, Sendable {
    /// A printable character, space included.
    case character(Character)
    /// Ctrl with a letter (lowercase): `C-l`.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)

    private static let named: [(String, Key)] = [
        ("Space", .character(" ")), ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end), ("Enter", .enter),
        ("Esc", .escape), ("Tab", .tab), ("S-Tab", .backTab), ("Backspace", .backspace), ("Del", .delete),
    ]

    /// The key's name as written in config files and the help screen.
    package var name: String {
        if let entry = Key.named.first(where: { $0.1 == self }) { return entry.0 }
        switch self {
        case .character(let character): return String(character)
        case .control(let letter): return "C-\(letter)"
        case .function(let number): return "F\(number)"
        default: return "?"
        }
    }

    /// Parses a key name: `j`, `G`, `Space`, `C-l`, `PgDn`, `S-Tab`, `F1`.
    package init?(name: String) {
        if let entry = Key.named.first(where: { $0.0.lowercased() == name.lowercased() }) {
            self = entry.1
        } else if name.count == 1, let character = name.first {
            self = .character(character)
        } else if name.lowercased().hasPrefix("c-"), name.count == 3, let letter = name.last?.lowercased().first,
                  letter.isLetter {
            self = .control(letter)
        } else if name.hasPrefix("F"), let number = Int(name.dropFirst()), (1...24).contains(number) {
            self = .function(number)
        } else {
            return nil
        }
    }
}
