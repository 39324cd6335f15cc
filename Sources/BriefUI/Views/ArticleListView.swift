// The article list: unread and star markers, title, then date, source and topic badges.
import BriefCore

package enum ArticleListView {
    /// Each article takes two rows: the title, then date · source · topics.
    package static let rowsPerItem = 2

    package static func draw(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        let focused = state.focus == .list
        let total = state.results.total
        let shown = state.results.count
        grid.drawTitleBar(rect, title: "Articles", detail: shown == total ? "\(total)" : "\(shown)/\(total)", focused: focused)
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        guard shown > 0 else {
            if total == 0, let activity = state.activity {
                // A first start on a library not indexed yet: say what is coming.
                grid.putTruncated(" The library is being indexed…", x: body.x, y: body.y + 1, maxWidth: body.width, role: .normal)
                grid.putTruncated(" " + activity, x: body.x, y: body.y + 2, maxWidth: body.width, role: .facetCount)
                return
            }
            grid.putTruncated(" No articles match.", x: body.x, y: body.y + 1, maxWidth: body.width, role: .normal)
            grid.putTruncated(" c clears the filters.", x: body.x, y: body.y + 2, maxWidth: body.width, role: .facetCount)
            return
        }
        let visible = body.height / rowsPerItem
        for slot in 0..<visible {
            let position = state.listTop + slot
            // Only the rows the reducer fetched: drawing never reaches the source.
            guard position < shown, let row = state.results.fetchedRow(at: position) else { break }
            drawItem(state, row: row, selected: position == state.selection,
                     focused: focused, x: body.x, y: body.y + slot * rowsPerItem, width: body.width, into: &grid)
        }
    }

    static func drawItem(_ state: AppState, row: ArticleRow, selected: Bool, focused: Bool,
                         x: Int, y: Int, width: Int, into grid: inout CellGrid) {
        let flags = state.flags(of: row)
        let selectedRole: StyleRole? = selected ? (focused ? .listSelected : .listSelectedUnfocused) : nil
        func role(_ base: StyleRole) -> StyleRole { selectedRole ?? base }
        if let selectedRole {
            grid.fill(Rect(x: x, y: y, width: width, height: rowsPerItem), role: selectedRole)
        }
        grid.put(flags.read ? " " : "●", x: x, y: y, maxWidth: 1, role: role(.unreadMarker))
        grid.put(flags.starred ? "★" : " ", x: x + 1, y: y, maxWidth: 1, role: role(.starMarker))
        let title = row.title.isEmpty ? "(untitled)" : row.title
        grid.putTruncated(title, x: x + 3, y: y, maxWidth: width - 4, role: role(.normal))

        var column = x + 3
        let limit = x + width - 1
        if let date = row.date {
            column += grid.put(date.description, x: column, y: y + 1, maxWidth: limit - column, role: role(.listDate))
            column += grid.put(" · ", x: column, y: y + 1, maxWidth: limit - column, role: role(.listDate))
        }
        column += grid.putTruncated(row.source, x: column, y: y + 1,
                                    maxWidth: min(24, limit - column), role: role(.listSource))
        if row.versions.count > 1, limit - column > 4 {
            // One row per story: how many other versions, and whose.
            let others = " +\(row.versions.count - 1)" + (row.outlets.isEmpty ? "" : " " + row.outlets.joined(separator: ", "))
            column += grid.putTruncated(others, x: column, y: y + 1, maxWidth: min(32, limit - column), role: role(.listSource))
        }
        for topic in row.topicNames {
            guard limit - column > 3 else { break }
            column += 1
            column += grid.putTruncated("[\(topic)]", x: column, y: y + 1, maxWidth: limit - column, role: role(.topicBadge))
        }
    }
}
