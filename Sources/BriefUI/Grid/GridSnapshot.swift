// A grid as text, for snapshot tests and debugging: the screen, then its styled runs.

extension CellGrid {
    /// Each row's text, wide graphemes once (their continuation cells skipped).
    package var textLines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width where !self[x, y].isContinuation {
                line += self[x, y].text
            }
            return line
        }
    }

    /// The rows with trailing blanks trimmed, then one line per run of a role
    /// other than `normal`: `row 3 cols 0-39 list.selected`.
    package var snapshot: String {
        var out = textLines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
        out.append("--- styles")
        for y in 0..<size.height {
            var x = 0
            while x < size.width {
                let role = self[x, y].role
                var end = x
                while end + 1 < size.width && self[end + 1, y].role == role { end += 1 }
                if role != .normal { out.append("row \(y) cols \(x)-\(end) \(role.rawValue)") }
                x = end + 1
            }
        }
        if let cursor { out.append("cursor \(cursor.x),\(cursor.y)") }
        for link in links {
            out.append("link row \(link.y) cols \(link.columns.lowerBound)-\(link.columns.upperBound - 1) \(link.url)")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
