// What a terminal below the minimum size shows instead of a broken layout.

package enum TooSmallView {
    package static func draw(into grid: inout CellGrid) {
        let size = grid.size
        let minimum = ScreenLayout.minimum
        let lines = [
            "Terminal too small",
            "\(size.width)×\(size.height), need \(minimum.width)×\(minimum.height)",
            "enlarge it, or q to quit",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < size.height {
            let width = min(size.width, CellWidth.of(line))
            grid.putTruncated(line, x: max(0, (size.width - width) / 2), y: top + offset, maxWidth: size.width,
                              role: offset == 0 ? .warning : .normal)
        }
    }
}
