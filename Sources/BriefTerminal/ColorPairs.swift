// Turns theme styles into curses attributes and color pairs, degraded to the terminal's colors.
import BriefUI
import CNcursesw

/// Allocates color pairs on demand and caches the attribute/pair for each role.
@MainActor
final class ColorPairs {
    /// Colors the terminal shows: 256, 16, 8, or 0 (no color at all).
    let colors: Int
    private var pairs: [PairKey: Int16] = [:]
    private var cache: [StyleRole: (attr_t, Int16)] = [:]
    private var theme: Theme = .fallback

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    init(colors: Int) {
        self.colors = colors
    }

    func use(_ theme: Theme) {
        self.theme = theme
        cache = [:]
    }

    /// The attributes and pair for a role.
    func style(for role: StyleRole) -> (attr_t, Int16) {
        if let cached = cache[role] { return cached }
        let style = theme.style(for: role)
        var attributes: attr_t = 0
        if style.attributes.contains(.bold) { attributes |= brief_attr_bold() }
        if style.attributes.contains(.dim) { attributes |= brief_attr_dim() }
        if style.attributes.contains(.underline) { attributes |= brief_attr_underline() }
        if style.attributes.contains(.reverse) { attributes |= brief_attr_reverse() }
        if style.attributes.contains(.italic) { attributes |= brief_attr_italic() }
        let pair = colors >= 8 ? self.pair(style.foreground, style.background) : 0
        cache[role] = (attributes, pair)
        return (attributes, pair)
    }

    private func pair(_ foreground: TerminalColor, _ background: TerminalColor) -> Int16 {
        let key = PairKey(foreground: number(foreground), background: number(background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        let next = Int16(pairs.count + 1)
        guard Int(next) < min(Int(brief_color_pairs()), Int(Int16.max)) else { return 0 }
        init_pair(next, key.foreground, key.background)
        pairs[key] = next
        return next
    }

    private func number(_ color: TerminalColor) -> Int16 {
        guard case .index(let index)? = color.degraded(toColors: colors) else { return -1 }
        return Int16(index)
    }
}
