// The help overlay, generated from the key table so it can never disagree with the keys.

package enum HelpOverlayView {
    /// The help text: per context, each bound command with its keys.
    package static func lines(_ bindings: KeyBindings) -> [(keys: String, help: String, heading: Bool)] {
        var lines: [(String, String, Bool)] = []
        for context in [KeyContext.global, .list, .reader, .filter] {
            var entries: [(String, String)] = []
            for command in Command.allCases {
                let keys = bindings.keys(for: command, in: context)
                guard !keys.isEmpty else { continue }
                entries.append((keys.map(\.name).joined(separator: " "), command.help))
            }
            guard !entries.isEmpty else { continue }
            if !lines.isEmpty { lines.append(("", "", false)) }
            lines.append((context.title, "", true))
            lines += entries.map { ($0.0, $0.1, false) }
        }
        lines.append(("", "", false))
        lines.append(("Mouse (mouse = false in config.toml leaves it to the terminal)", "", true))
        lines += mouse.map { ($0.0, $0.1, false) }
        return lines
    }

    /// What the mouse does, as `AppState.handleMouse` does it.
    static let mouse = [
        ("click", "select in any pane; on a topic or entity, toggle it"),
        ("double-click", "open the article"),
        ("wheel", "scroll the pane under the pointer"),
    ]

    package static func draw(_ state: AppState, into grid: inout CellGrid) {
        let size = grid.size
        let width = min(size.width - 2, 78)
        let height = size.height - 2
        let box = Rect(x: (size.width - width) / 2, y: 0, width: width, height: height)
        grid.fill(box, role: .overlay)
        grid.drawBox(box, title: "Keys — any other key closes", role: .borderFocused)
        let lines = lines(state.bindings)
        let inner = box.inset(by: 1)
        let top = max(0, min(state.helpTop ?? 0, lines.count - inner.height))
        let keyWidth = min(18, inner.width / 3)
        for (slot, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            let y = inner.y + slot
            if line.heading {
                grid.putTruncated(" " + line.keys, x: inner.x, y: y, maxWidth: inner.width, role: .facetHeading)
            } else if !line.keys.isEmpty {
                grid.putTruncated("  " + line.keys, x: inner.x, y: y, maxWidth: keyWidth, role: .helpKey)
                grid.putTruncated(line.help, x: inner.x + keyWidth + 1, y: y, maxWidth: inner.width - keyWidth - 1,
                                  role: .helpText)
            }
        }
        if top + inner.height < lines.count {
            grid.putRight(" j/k scroll ↓ ", maxX: box.maxX - 2, y: box.maxY - 1, role: .borderFocused)
        }
    }
}
