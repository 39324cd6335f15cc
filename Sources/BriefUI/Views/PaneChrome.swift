// The parts every pane shares: a title bar, separators and truncated text.

extension CellGrid {
    /// Draws a pane's title bar on its first row: focused panes stand out.
    package mutating func drawTitleBar(_ rect: Rect, title: String, detail: String = "", focused: Bool) {
        let role: StyleRole = focused ? .paneTitleFocused : .paneTitle
        fill(rect.row(0), role: role)
        let used = put(" " + title + " ", x: rect.x, y: rect.y, maxWidth: rect.width, role: role)
        if !detail.isEmpty, CellWidth.of(detail) + 1 < rect.width - used {
            putRight(detail + " ", maxX: rect.maxX, y: rect.y, role: role)
        }
    }

    /// A vertical separator in column `x` from row `top` for `height` rows.
    package mutating func drawSeparator(x: Int, top: Int, height: Int, focused: Bool) {
        for y in top..<(top + height) {
            put("│", x: x, y: y, maxWidth: 1, role: focused ? .borderFocused : .border)
        }
    }

    /// Writes text cut to `maxWidth` columns, ending in `…` when it had to be cut.
    @discardableResult
    package mutating func putTruncated(_ text: String, x: Int, y: Int, maxWidth: Int, role: StyleRole) -> Int {
        guard maxWidth > 0 else { return 0 }
        if CellWidth.of(text) <= maxWidth {
            return put(text, x: x, y: y, maxWidth: maxWidth, role: role)
        }
        let used = put(text, x: x, y: y, maxWidth: maxWidth - 1, role: role)
        return used + put("…", x: x + used, y: y, maxWidth: 1, role: role)
    }

    /// Draws a box border around a rectangle, with a title in the top edge.
    package mutating func drawBox(_ rect: Rect, title: String, role: StyleRole) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for x in rect.x..<rect.maxX {
            put("─", x: x, y: rect.y, maxWidth: 1, role: role)
            put("─", x: x, y: rect.maxY - 1, maxWidth: 1, role: role)
        }
        for y in rect.y..<rect.maxY {
            put("│", x: rect.x, y: y, maxWidth: 1, role: role)
            put("│", x: rect.maxX - 1, y: y, maxWidth: 1, role: role)
        }
        put("┌", x: rect.x, y: rect.y, maxWidth: 1, role: role)
        put("┐", x: rect.maxX - 1, y: rect.y, maxWidth: 1, role: role)
        put("└", x: rect.x, y: rect.maxY - 1, maxWidth: 1, role: role)
        put("┘", x: rect.maxX - 1, y: rect.maxY - 1, maxWidth: 1, role: role)
        putTruncated(" \(title) ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, role: role)
    }
}
