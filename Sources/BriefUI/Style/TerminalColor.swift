// Colors as themes name them, and how they degrade to what a terminal can show.

/// A terminal color: the terminal's own default, or an index in the xterm 256-color palette.
package enum TerminalColor: Hashable, Sendable {
    case `default`
    case index(Int)

    /// The 16 ANSI names themes may use; `bright-` prefixes add 8.
    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `default`, a name (`cyan`, `bright-red`), an index `0`…`255`, or `#rrggbb`.
    package init?(name: String) {
        let lower = name.lowercased()
        if lower == "default" || lower == "none" {
            self = .default
        } else if let index = TerminalColor.names.firstIndex(of: lower) {
            self = .index(index)
        } else if lower.hasPrefix("bright-"), let index = TerminalColor.names.firstIndex(of: String(lower.dropFirst(7))) {
            self = .index(index + 8)
        } else if let index = Int(lower), (0...255).contains(index) {
            self = .index(index)
        } else if lower.hasPrefix("#"), lower.count == 7, let rgb = Int(lower.dropFirst(), radix: 16) {
            self = .index(TerminalColor.nearest(rgb: ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF), among: 16..<256))
        } else {
            return nil
        }
    }

    /// The color as a terminal with `colors` colors can show it; nil when it has none.
    package func degraded(toColors colors: Int) -> TerminalColor? {
        guard case .index(let index) = self else { return colors >= 8 ? self : nil }
        switch colors {
        case 256...: return self
        case 16..<256: return .index(index < 16 ? index : TerminalColor.nearest(rgb: TerminalColor.rgb(index), among: 0..<16))
        case 8..<16:
            let sixteen = index < 16 ? index : TerminalColor.nearest(rgb: TerminalColor.rgb(index), among: 0..<16)
            return .index(sixteen % 8)
        default: return nil
        }
    }

    /// The xterm palette's RGB for an index.
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        let ansi: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return ansi[index] }
        if index >= 232 {
            let level = 8 + (index - 232) * 10
            return (level, level, level)
        }
        let cube = index - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return (steps[cube / 36], steps[(cube / 6) % 6], steps[cube % 6])
    }

    static func nearest(rgb: (Int, Int, Int), among candidates: Range<Int>) -> Int {
        var best = candidates.lowerBound
        var bestDistance = Int.max
        for candidate in candidates {
            let (r, g, b) = TerminalColor.rgb(candidate)
            let distance = (r - rgb.0) * (r - rgb.0) + (g - rgb.1) * (g - rgb.1) + (b - rgb.2) * (b - rgb.2)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }
}
