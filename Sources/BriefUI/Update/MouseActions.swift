// The mouse as htop and tig users expect it: a click selects in any pane, a double click opens, the wheel scrolls.

extension AppState {
    /// Lines (reader) or rows (list, filter pane) one turn of the wheel moves.
    static let wheelStep = 3

    mutating func handleMouse(_ mouse: MouseEvent, effects: inout [Effect]) {
        let layout = ScreenLayout(size: size, focus: focus)
        guard !layout.isTooSmall else { return }
        // The narrow filter pane lies over the list: it is hit first.
        if let rect = layout.filter, rect.contains(x: mouse.x, y: mouse.y) {
            mouseInFilterPane(mouse, rect: rect)
        } else if let rect = layout.list, rect.contains(x: mouse.x, y: mouse.y) {
            mouseInList(mouse, rect: rect, effects: &effects)
        } else if let rect = layout.reader, rect.contains(x: mouse.x, y: mouse.y), reader != nil {
            message = nil
            switch mouse.kind {
            case .click, .doubleClick: focus = .reader
            case .wheelUp: scrollReader(by: -Self.wheelStep)
            case .wheelDown: scrollReader(by: Self.wheelStep)
            }
        }
    }

    private mutating func mouseInList(_ mouse: MouseEvent, rect: Rect, effects: inout [Effect]) {
        message = nil
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            // The wheel moves the view, and the selection with it when it would leave the view.
            let visible = max(1, ScreenLayout.contentHeight(rect) / ArticleListView.rowsPerItem)
            let step = mouse.kind == .wheelUp ? -Self.wheelStep : Self.wheelStep
            listTop = max(0, min(listTop + step, max(0, results.count - visible)))
            selection = max(listTop, min(selection, listTop + visible - 1))
        case .click, .doubleClick:
            focus = .list
            let slot = (mouse.y - rect.y - 1) / ArticleListView.rowsPerItem
            let position = listTop + slot
            guard mouse.y > rect.y, position < results.count else { return }
            selection = position
            if mouse.kind == .doubleClick, let row = selectedRow { open(row, effects: &effects) }
        }
    }

    private mutating func mouseInFilterPane(_ mouse: MouseEvent, rect: Rect) {
        message = nil
        switch mouse.kind {
        case .wheelUp: filterCursor = clamp(filterCursor - Self.wheelStep, count: filterItems.count)
        case .wheelDown: filterCursor = clamp(filterCursor + Self.wheelStep, count: filterItems.count)
        case .click, .doubleClick:
            focus = .filter
            guard let item = FilterPaneView.item(at: mouse.y, state: self, in: rect) else { return }
            filterCursor = item
            // A click on a topic or an entity toggles it, as Space does.
            toggleFilterItem()
        }
    }
}
