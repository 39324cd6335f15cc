// The whole screen for a state: panes by layout, overlays on top, the status line last.

package enum ScreenView {
    package static func render(_ state: AppState) -> CellGrid {
        var grid = CellGrid(size: state.size)
        let layout = ScreenLayout(size: state.size, focus: state.focus)
        if layout.isTooSmall {
            TooSmallView.draw(into: &grid)
            return grid
        }
        if let list = layout.list { ArticleListView.draw(state, in: list, into: &grid) }
        if let reader = layout.reader { ReaderView.draw(state, in: reader, into: &grid) }
        if let filter = layout.filter {
            FilterPaneView.draw(state, in: filter, into: &grid)
            if !layout.isWide, filter.maxX < state.size.width {
                grid.drawSeparator(x: filter.maxX, top: filter.y, height: filter.height, focused: true)
            }
        }
        if layout.isWide, let list = layout.list, let reader = layout.reader {
            grid.drawSeparator(x: list.x - 1, top: list.y, height: list.height,
                               focused: state.focus == .filter || state.focus == .list)
            grid.drawSeparator(x: reader.x - 1, top: reader.y, height: reader.height,
                               focused: state.focus == .list || state.focus == .reader)
        }
        if state.helpTop != nil { HelpOverlayView.draw(state, into: &grid) }
        StatusLineView.draw(state, in: layout.status, into: &grid)
        return grid
    }
}
