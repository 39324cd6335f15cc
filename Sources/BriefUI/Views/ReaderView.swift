// The reader pane: the open article wrapped to the pane, with its highlights.

package enum ReaderView {
    package static func draw(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        let focused = state.focus == .reader
        guard let reader = state.reader else {
            grid.drawTitleBar(rect, title: "Reader", focused: focused)
            grid.putTruncated(" Select an article and press Enter.", x: rect.x, y: rect.y + 2, maxWidth: rect.width,
                              role: .facetCount)
            return
        }
        let height = rect.height - 1
        let window = state.readerLayout(reader).window(at: reader.anchor, height: height)
        var detail = "\(window.percent)%"
        if state.showRemoved { detail = "removed shown · " + detail }
        grid.drawTitleBar(rect, title: "Reader", detail: detail, focused: focused)
        for (slot, line) in window.lines.enumerated() {
            var column = rect.x + 1 + line.indent
            let y = rect.y + 1 + slot
            for styled in line.graphemes {
                guard grid.put(styled.grapheme, x: column, y: y, room: rect.maxX - 1 - column,
                               role: styled.role) else { break }
                if let link = line.links.first(where: { $0.range.contains(styled.offset) }) {
                    grid.link(link.url, x: column, y: y, width: styled.grapheme.width)
                }
                column += styled.grapheme.width
            }
        }
    }
}
