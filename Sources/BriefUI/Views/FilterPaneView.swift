// The filter pane: saved searches and topics with live counts, top entities, a date sparkline and the active query.
import BriefCore

package enum FilterPaneView {
    /// One row of the pane: text pieces, and the item it selects if any.
    struct Row {
        var pieces: [(String, StyleRole)]
        var count: String = ""
        var item: Int?
    }

    package static func draw(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        let focused = state.focus == .filter
        grid.fill(rect, role: .normal)
        grid.drawTitleBar(rect, title: "Filter", detail: state.filter.isEmpty ? "" : "c clears", focused: focused)
        let body = body(of: rect)
        let rows = rows(state, width: body.width)
        let top = firstShown(rows, state: state, height: body.height)
        for (slot, row) in rows.dropFirst(top).prefix(body.height).enumerated() {
            let y = body.y + slot
            let isCursor = focused && row.item != nil && row.item == state.filterCursor
            let cursorRole: StyleRole? = isCursor ? .listSelected : nil
            if let cursorRole { grid.fill(Rect(x: body.x, y: y, width: body.width, height: 1), role: cursorRole) }
            var column = body.x
            let countWidth = row.count.isEmpty ? 0 : CellWidth.of(row.count) + 1
            for (text, role) in row.pieces {
                column += grid.putTruncated(text, x: column, y: y, maxWidth: body.maxX - countWidth - column,
                                            role: cursorRole ?? role)
            }
            if !row.count.isEmpty {
                grid.putRight(row.count, maxX: body.maxX, y: y, role: cursorRole ?? .facetCount)
            }
        }
    }

    /// The item a click at screen row `y` lands on, if any.
    package static func item(at y: Int, state: AppState, in rect: Rect) -> Int? {
        let body = body(of: rect)
        let rows = rows(state, width: body.width)
        let index = firstShown(rows, state: state, height: body.height) + y - body.y
        guard y >= body.y, rows.indices.contains(index) else { return nil }
        return rows[index].item
    }

    private static func body(of rect: Rect) -> Rect {
        Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1)
    }

    /// The first row shown: the cursor's row is kept in the middle of the pane where it can be.
    private static func firstShown(_ rows: [Row], state: AppState, height: Int) -> Int {
        let cursorRow = rows.firstIndex { $0.item == state.filterCursor } ?? 0
        return max(0, min(cursorRow - height / 2, rows.count - height))
    }

    /// The pane top to bottom: saved searches, topics, the entity facets, the dates, the query.
    static func rows(_ state: AppState, width: Int) -> [Row] {
        let items = Array(state.filterItems.enumerated())
        return searchRows(state, items) + topicRows(state, items) + entityRows(state, items) + dateRows(state)
            + queryRows(state, width: width)
    }

    /// A checkbox row for the item at `number`.
    private static func checkRow(_ name: String, checked: Bool, role: StyleRole = .normal, count: Int, item number: Int) -> Row {
        Row(pieces: [(checked ? "[x] " : "[ ] ", checked ? .facetChecked : .normal), (name, checked ? .facetChecked : role)],
            count: String(count), item: number)
    }

    private static func searchRows(_ state: AppState, _ items: [(offset: Int, element: FilterItem)]) -> [Row] {
        guard !state.savedSearches.isEmpty else { return [] }
        var rows = [Row(pieces: [("Searches", .facetHeading)])]
        for (number, item) in items {
            guard case .search(let index) = item else { continue }
            let search = state.savedSearches[index]
            rows.append(checkRow(search.name, checked: state.filter.searches.contains(search), count: state.searchCount(index),
                                 item: number))
        }
        return rows + [Row(pieces: [])]
    }

    private static func topicRows(_ state: AppState, _ items: [(offset: Int, element: FilterItem)]) -> [Row] {
        let topics = state.results.topics
        var rows = [Row(pieces: [("Topics", .facetHeading), (" · match \(state.filter.topicMode.rawValue)", .facetCount)])]
        if topics.isEmpty { rows.append(Row(pieces: [("  (no topics)", .facetCount)])) }
        for (number, item) in items {
            guard case .topic(let topic) = item else { continue }
            rows.append(checkRow(topics[topic].name, checked: state.filter.topics.contains(topics[topic].id),
                                 count: topics[topic].count, item: number))
        }
        return rows
    }

    private static func entityRows(_ state: AppState, _ items: [(offset: Int, element: FilterItem)]) -> [Row] {
        let headings: [EntityType: String] = [.person: "People", .place: "Places", .organization: "Organizations"]
        var rows: [Row] = []
        for type in SourceResult.entityFacetTypes {
            rows.append(Row(pieces: []))
            rows.append(Row(pieces: [(headings[type]!, .facetHeading)]))
            var any = false
            for (number, item) in items {
                guard case .entity(let key) = item, key.type == type else { continue }
                any = true
                rows.append(checkRow(key.name, checked: state.filter.entities.contains(key), role: .entity(type),
                                     count: state.facetCount(ofEntity: key), item: number))
            }
            if !any { rows.append(Row(pieces: [("  (none)", .facetCount)])) }
        }
        return rows
    }

    private static func dateRows(_ state: AppState) -> [Row] {
        var rows = [Row(pieces: []), Row(pieces: [("Dates", .facetHeading)])]
        let histogram = state.results.histogram
        if let first = histogram.firstDay, let last = histogram.lastDay {
            rows.append(Row(pieces: [(histogram.sparkline, .sparkline)]))
            let range = first == last ? DateHistogram.label(first) : DateHistogram.label(first) + " … " + DateHistogram.label(last)
            rows.append(Row(pieces: [(range, .facetCount)]))
        } else {
            rows.append(Row(pieces: [("  (no dates)", .facetCount)]))
        }
        return rows
    }

    private static func queryRows(_ state: AppState, width: Int) -> [Row] {
        var rows = [Row(pieces: []), Row(pieces: [("Query", .facetHeading)])]
        let query = state.filter.description
        if query.isEmpty {
            rows.append(Row(pieces: [("  (everything)", .facetCount)]))
        } else {
            let roles = Array(repeating: StyleRole.query, count: query.unicodeScalars.count)
            for line in TextWrapper.wrap(query, roles: roles, width: width) {
                rows.append(Row(pieces: [(String(line.map { Character($0.grapheme.text) }), .query)]))
            }
        }
        return rows
    }
}
