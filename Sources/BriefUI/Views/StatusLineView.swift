// The status line: counts and filter, or a message, or the prompt being typed.

package enum StatusLineView {
    package static func draw(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect, role: .status)
        if let prompt = state.prompt {
            let used = grid.put(prompt.symbol + prompt.text, x: rect.x, y: rect.y, maxWidth: rect.width - 1, role: .prompt)
            grid.fill(Rect(x: rect.x + used, y: rect.y, width: rect.width - used, height: 1), role: .prompt)
            if let message = state.message, message.isError {
                let room = rect.width - used - 2
                if room > 10 { grid.putRight(message.text, maxX: rect.maxX, y: rect.y, role: .statusError) }
            }
            grid.cursor = Point(x: min(rect.maxX - 1, rect.x + used), y: rect.y)
            return
        }
        let hint = "? help  q quit"
        let hintWidth = rect.width >= 60 ? CellWidth.of(hint) + 1 : 0
        var column = rect.x
        if let notice = state.notice {
            column += grid.putTruncated(notice + "  ", x: column, y: rect.y, maxWidth: rect.width - hintWidth, role: .warning)
        }
        if let message = state.message {
            grid.putTruncated(" " + message.text + " ", x: column, y: rect.y, maxWidth: rect.maxX - hintWidth - column,
                              role: message.isError ? .statusError : .status)
        } else {
            grid.putTruncated(" " + summary(state), x: column, y: rect.y, maxWidth: rect.maxX - hintWidth - column,
                              role: .status)
        }
        if hintWidth > 0 { grid.putRight(hint + " ", maxX: rect.maxX, y: rect.y, role: .statusKey) }
    }

    static func summary(_ state: AppState) -> String {
        let shown = state.results.count
        let total = state.results.total
        let unread = state.results.unread
        let noun = total == 1 ? "article" : "articles"
        let count: String
        if state.results.rowsAreStories && state.filter.isEmpty && shown != total {
            // Nothing filtered and fewer rows than articles: stories were grouped, which must not
            // read as a filter ("6 of 8 articles").
            count = "\(shown) \(shown == 1 ? "story" : "stories") · \(total) \(noun)"
        } else {
            count = shown == total ? "\(total) \(noun)" : "\(shown) of \(total) \(noun)"
        }
        var parts = [count, "\(unread) unread", "by \(state.filter.sort.rawValue)"]
        let query = state.filter.description
        if !query.isEmpty { parts.append("filter: " + query) }
        if let activity = state.activity { parts.append(activity) }
        return parts.joined(separator: " · ")
    }
}
