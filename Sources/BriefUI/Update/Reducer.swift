// The pure heart of the reader: (state, event) → (state, effects).

/// Applies one event. Never touches the terminal, the disk or the clock: every
/// outside action is returned as an `Effect` for the run loop to carry out.
package func reduce(_ state: AppState, _ event: Event) -> (AppState, [Effect]) {
    var state = state
    var effects: [Effect] = []
    switch event {
    case .resize(let size):
        state.size = size
        state.refreshResults()
    case .message(let text, let isError):
        state.message = StatusMessage(text: text, isError: isError)
    case .key(let key):
        if state.prompt != nil {
            state.handlePromptKey(key, effects: &effects)
        } else if state.helpTop != nil {
            state.handleHelpKey(key, effects: &effects)
        } else {
            let context: KeyContext = switch state.focus {
            case .list: .list
            case .reader: .reader
            case .filter: .filter
            }
            if let command = state.bindings.command(for: key, in: context) {
                state.message = nil
                state.perform(command, effects: &effects)
            } else if key != .escape {
                state.message = StatusMessage(text: "\(key.name) is not bound here (? for help)", isError: false)
            }
        }
    }
    state.normalize()
    return (state, effects)
}

extension AppState {
    /// Carries out one command.
    mutating func perform(_ command: Command, effects: inout [Effect]) {
        switch command {
        case .quit: effects.append(.quit)
        case .back: backOut(orQuit: true, effects: &effects)
        case .cancel: backOut(orQuit: false, effects: &effects)
        case .help: helpTop = 0
        case .redraw: effects.append(.redraw)
        case .suspend: effects.append(.suspend)
        case .nextPane: cycleFocus(by: 1)
        case .previousPane: cycleFocus(by: -1)
        case .toggleFilterPane: focus = focus == .filter ? .list : .filter
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: pageSize)
        case .pageUp: move(by: -pageSize)
        case .top: move(by: Int.min / 2)
        case .bottom: move(by: Int.max / 2)
        case .open:
            if let article = selectedArticle { open(article, effects: &effects) }
        case .filter: prompt = Prompt(kind: .filter, text: filter.queryText, original: filter.queryText)
        case .query: prompt = Prompt(kind: .query, text: filter.queryText, original: filter.queryText)
        case .clearFilters:
            let sort = filter.sort
            filter = FilterState()
            filter.sort = sort
            refreshResults()
            message = StatusMessage(text: "filters cleared", isError: false)
        case .unreadOnly:
            filter.unreadOnly.toggle()
            refreshResults()
            message = StatusMessage(text: filter.unreadOnly ? "unread articles only" : "all articles", isError: false)
        case .star: toggleStar(effects: &effects)
        case .cycleSort:
            filter.sort = filter.sort.next
            refreshResults()
            message = StatusMessage(text: "sorted by \(filter.sort.rawValue)", isError: false)
        case .cycleTheme:
            let position = themeNames.firstIndex(of: themeName) ?? -1
            themeName = themeNames.isEmpty ? themeName : themeNames[(position + 1) % themeNames.count]
            effects.append(.applyTheme(themeName))
            message = StatusMessage(text: "theme: \(themeName)", isError: false)
        case .toggleItem: toggleFilterItem()
        case .topicMode:
            filter.topicMode = filter.topicMode == .any ? .all : .any
            refreshResults()
            message = StatusMessage(text: "topics: match \(filter.topicMode.rawValue) selected", isError: false)
        case .filterByEntity: filterByCurrentEntity()
        case .showRemoved: toggleRemoved()
        case .emphasizeTopicTerms:
            emphasizeTopicTerms.toggle()
            message = StatusMessage(text: emphasizeTopicTerms ? "topic terms emphasized" : "topic terms plain", isError: false)
        case .search:
            if let reader { prompt = Prompt(kind: .search, text: reader.search, original: reader.search) }
        case .nextMatch: jumpToMatch(forward: true)
        case .previousMatch: jumpToMatch(forward: false)
        case .nextEntity: jumpToEntity(by: 1)
        case .previousEntity: jumpToEntity(by: -1)
        case .nextArticle: stepArticle(by: 1, effects: &effects)
        case .previousArticle: stepArticle(by: -1, effects: &effects)
        }
    }

    /// `q` and Esc: close what is open, one layer at a time; `q` quits from the list.
    mutating func backOut(orQuit: Bool, effects: inout [Effect]) {
        if orQuit && ScreenLayout(size: size, focus: focus).isTooSmall {
            effects.append(.quit)
            return
        }
        switch focus {
        case .reader, .filter:
            focus = .list
        case .list:
            if orQuit { effects.append(.quit) } else { message = nil }
        }
    }

    mutating func cycleFocus(by step: Int) {
        var panes: [Pane] = [.filter, .list]
        if reader != nil { panes.append(.reader) }
        let position = panes.firstIndex(of: focus) ?? 1
        focus = panes[(position + step + panes.count) % panes.count]
    }

    /// Rows a page moves in the focused pane.
    var pageSize: Int {
        let layout = ScreenLayout(size: size, focus: focus)
        switch focus {
        case .list: return max(1, ScreenLayout.contentHeight(layout.list) / ArticleListView.rowsPerItem - 1)
        case .reader: return max(1, ScreenLayout.contentHeight(layout.reader) - 2)
        case .filter: return max(1, ScreenLayout.contentHeight(layout.filter) - 2)
        }
    }

    mutating func move(by step: Int) {
        switch focus {
        case .list:
            selection = clamp(selection.addingClamped(step), count: results.articles.count)
        case .filter:
            filterCursor = clamp(filterCursor.addingClamped(step), count: filterItems.count)
        case .reader:
            scrollReader(by: step)
        }
    }

    mutating func open(_ article: Int, effects: inout [Effect]) {
        if reader?.article != article {
            reader = ReaderState(article: article)
        }
        focus = .reader
        let id = library.articles[article].id
        if library.flags[id]?.read != true {
            library.flags[id, default: .unread].read = true
            effects.append(.markRead(id))
        }
    }

    mutating func stepArticle(by step: Int, effects: inout [Effect]) {
        guard !results.articles.isEmpty else { return }
        if let open = reader?.article, let position = results.articles.firstIndex(of: open) {
            selection = position
        }
        let target = selection + step
        guard results.articles.indices.contains(target) else {
            message = StatusMessage(text: step > 0 ? "last article" : "first article", isError: false)
            return
        }
        selection = target
        open(results.articles[target], effects: &effects)
    }

    mutating func toggleStar(effects: inout [Effect]) {
        guard let article = focus == .reader ? reader?.article : selectedArticle else { return }
        let id = library.articles[article].id
        let starred = !(library.flags[id]?.starred ?? false)
        library.flags[id, default: .unread].starred = starred
        effects.append(.setStarred(id, starred))
        message = StatusMessage(text: starred ? "starred" : "unstarred", isError: false)
    }

    mutating func toggleFilterItem() {
        let items = filterItems
        guard items.indices.contains(filterCursor) else { return }
        switch items[filterCursor] {
        case .topic(let index):
            let id = library.index.topics[index].id
            if filter.topics.contains(id) { filter.topics.remove(id) } else { filter.topics.insert(id) }
        case .entity(let index):
            let key = library.index.entities[index]
            if let position = filter.entities.firstIndex(of: key) {
                filter.entities.remove(at: position)
            } else {
                filter.entities.append(key)
            }
        }
        refreshResults()
    }

    /// Keeps every cursor and scroll offset inside what there is to show.
    mutating func normalize() {
        selection = clamp(selection, count: results.articles.count)
        let layout = ScreenLayout(size: size, focus: focus)
        let visible = max(1, ScreenLayout.contentHeight(layout.list ?? Rect(x: 0, y: 0, width: 0, height: size.height - 1))
            / ArticleListView.rowsPerItem)
        if selection < listTop { listTop = selection }
        if selection >= listTop + visible { listTop = selection - visible + 1 }
        listTop = max(0, min(listTop, max(0, results.articles.count - visible)))
        filterCursor = clamp(filterCursor, count: filterItems.count)
        if let reader, !library.articles.indices.contains(reader.article) { self.reader = nil }
        if reader == nil && focus == .reader { focus = .list }
    }
}

func clamp(_ value: Int, count: Int) -> Int {
    max(0, min(value, count - 1))
}

extension Int {
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }
}
