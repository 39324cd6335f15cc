// The pure heart of the reader: (state, event) → (state, effects).
import BriefCore

/// Applies one event. Never touches the terminal or the clock and never writes: every
/// outside action is returned as an `Effect` for the run loop to carry out. Articles are read
/// through the state's `ArticleSource` (the library cache, or memory in tests), a query per
/// filter change and a page of rows at a time.
package func reduce(_ state: AppState, _ event: Event) -> (AppState, [Effect]) {
    var state = state
    var effects: [Effect] = []
    switch event {
    case .resize(let size):
        state.size = size
        // The sparkline has as many buckets as the pane has columns.
        if let answer = state.results.answer {
            state.results.histogram = DateHistogram(dayCounts: answer.days, buckets: state.histogramBuckets)
        }
    case .activity(let text):
        state.activity = text
    case .libraryChanged(let text):
        state.refreshResults()
        // News from the background does not hide an error (a bad config line, say) before the
        // user has seen it: an error stays until a key press or another error.
        if let text, state.message?.isError != true { state.message = StatusMessage(text: text, isError: false) }
    case .message(let text, let isError):
        if isError || state.message?.isError != true { state.message = StatusMessage(text: text, isError: isError) }
    case .mouse(let mouse):
        // Over a prompt or the help the keyboard has the floor.
        if state.prompt == nil && state.helpTop == nil { state.handleMouse(mouse, effects: &effects) }
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
            if let row = selectedRow { open(row, effects: &effects) }
        case .filter: prompt = Prompt(kind: .filter, text: filter.queryText, original: filter.queryText)
        case .query: prompt = Prompt(kind: .query, text: filter.queryText, original: filter.queryText)
        case .saveSearch: startSavingSearch()
        case .clearFilters: clearFilters()
        case .unreadOnly:
            changeFilter { $0.unreadOnly.toggle() } saying: { $0.unreadOnly ? "unread articles only" : "all articles" }
        case .star: toggleStar(effects: &effects)
        case .cycleSort: changeFilter { $0.sort = $0.sort.next } saying: { "sorted by \($0.sort.rawValue)" }
        case .cycleTheme: cycleTheme(effects: &effects)
        case .toggleItem: toggleFilterItem()
        case .topicMode:
            changeFilter { $0.topicMode = $0.topicMode == .any ? .all : .any } saying: { "topics: match \($0.topicMode.rawValue) selected" }
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
        case .nextVersion: stepVersion(by: 1, effects: &effects)
        case .previousVersion: stepVersion(by: -1, effects: &effects)
        case .reloadFeeds: effects.append(.reloadFeeds(articleID: nil))
        case .copyLink:
            if let link = currentLink { effects.append(.copyToClipboard(link)) } else { noArticleSelected() }
        case .openLink:
            if let link = currentLink { effects.append(.openLink(link)) } else { noArticleSelected() }
        case .reloadFeed:
            if let id = focus == .reader ? reader?.id : selectedRow?.id {
                effects.append(.reloadFeeds(articleID: id))
            } else {
                noArticleSelected()
            }
        }
    }

    /// Changes the filter, evaluates it again and says on the status line what it is now.
    mutating func changeFilter(_ change: (inout FilterState) -> Void, saying: (FilterState) -> String) {
        change(&filter)
        refreshResults()
        message = StatusMessage(text: saying(filter), isError: false)
    }

    mutating func clearFilters() {
        let sort = filter.sort
        filter = FilterState()
        filter.sort = sort
        refreshResults()
        message = StatusMessage(text: "filters cleared", isError: false)
    }

    /// `S`: asks for a name, unless there is nothing to save.
    mutating func startSavingSearch() {
        if filter.isEmpty {
            message = StatusMessage(text: "nothing to save: no query, topic or entity is selected", isError: false)
        } else {
            prompt = Prompt(kind: .saveSearch, text: "", original: "")
        }
    }

    mutating func cycleTheme(effects: inout [Effect]) {
        let position = themeNames.firstIndex(of: themeName) ?? -1
        themeName = themeNames.isEmpty ? themeName : themeNames[(position + 1) % themeNames.count]
        effects.append(.applyTheme(themeName))
        message = StatusMessage(text: "theme: \(themeName)", isError: false)
    }

    /// The address of the article in the reader (when it has focus) or under the list's cursor:
    /// its URL, else the file it was read from.
    var currentLink: String? {
        if focus == .reader, let reader { return reader.article.url ?? reader.id }
        guard let row = selectedRow else { return nil }
        return row.url ?? row.id
    }

    mutating func noArticleSelected() {
        message = StatusMessage(text: "no article selected", isError: false)
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
            selection = clamp(selection.addingClamped(step), count: results.count)
        case .filter:
            filterCursor = clamp(filterCursor.addingClamped(step), count: filterItems.count)
        case .reader:
            scrollReader(by: step)
        }
    }

    /// Opens an article by id: its body comes from the source; opening marks it read.
    mutating func open(_ id: String, effects: inout [Effect]) {
        if reader?.id != id {
            let article: Article?
            do {
                article = try source.article(id: id)
            } catch {
                message = StatusMessage(text: "cannot open \(id): \(error)", isError: true)
                return
            }
            guard let article else {
                message = StatusMessage(text: "\(id) is no longer in the library", isError: true)
                return
            }
            let listed = selectedRow?.id == id ? selectedRow?.source : nil
            reader = ReaderState(article: article, source: listed ?? LibraryIndex.sourceName(of: article))
        }
        focus = .reader
        var current = shownFlags(of: id)
        let wasRead = current.read
        current.read = true
        // Kept for the open article even when unchanged: the list may move away from its row.
        flags[id] = current
        if !wasRead {
            results.unread = max(0, results.unread - 1)
            effects.append(.markRead(id))
        }
    }

    /// The flags shown for an article: this session's marks, else what its listed row says.
    func shownFlags(of id: String) -> ArticleFlags {
        if let marked = flags[id] { return marked }
        if let row = selectedRow, row.id == id { return row.flags }
        return .unread
    }

    mutating func stepArticle(by step: Int, effects: inout [Effect]) {
        guard results.count > 0 else { return }
        if let open = reader?.id, let answer = results.answer, let position = try? source.position(of: open, in: answer) {
            selection = position
        }
        let target = selection + step
        guard target >= 0, target < results.count, let row = row(at: target) else {
            message = StatusMessage(text: step > 0 ? "last article" : "first article", isError: false)
            return
        }
        selection = target
        open(row, effects: &effects)
    }

    /// Opens a list row's article (the best version of its story) and remembers its story's versions.
    mutating func open(_ row: ArticleRow, effects: inout [Effect]) {
        open(row.id, effects: &effects)
        if reader?.id == row.id { reader?.versions = row.versions }
    }

    /// `v`/`V` in the reader: the story's next or previous version, round the story.
    mutating func stepVersion(by step: Int, effects: inout [Effect]) {
        guard let reader, reader.versions.count > 1 else {
            message = StatusMessage(text: "no other version of this story", isError: false)
            return
        }
        let versions = reader.versions
        let position = versions.firstIndex(of: reader.id) ?? 0
        let target = (position + step + versions.count) % versions.count
        open(versions[target], effects: &effects)
        guard self.reader?.id == versions[target] else { return }
        self.reader?.versions = versions
        let outlet = self.reader?.source ?? ""
        message = StatusMessage(text: "version \(target + 1) of \(versions.count): \(outlet)\(target == 0 ? " (the longest)" : "")",
                                isError: false)
    }

    mutating func toggleStar(effects: inout [Effect]) {
        guard let id = focus == .reader ? reader?.id : selectedRow?.id else { return }
        var current = shownFlags(of: id)
        current.starred.toggle()
        let starred = current.starred
        flags[id] = current
        effects.append(.setStarred(id, starred))
        message = StatusMessage(text: starred ? "starred" : "unstarred", isError: false)
    }

    mutating func toggleFilterItem() {
        let items = filterItems
        guard items.indices.contains(filterCursor) else { return }
        switch items[filterCursor] {
        case .search(let index):
            let search = savedSearches[index]
            if let position = filter.searches.firstIndex(of: search) {
                filter.searches.remove(at: position)
            } else {
                filter.searches.append(search)
            }
        case .topic(let index):
            let id = results.topics[index].id
            if filter.topics.contains(id) { filter.topics.remove(id) } else { filter.topics.insert(id) }
        case .entity(let key):
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
        selection = clamp(selection, count: results.count)
        let layout = ScreenLayout(size: size, focus: focus)
        let visible = max(1, ScreenLayout.contentHeight(layout.list ?? Rect(x: 0, y: 0, width: 0, height: size.height - 1))
            / ArticleListView.rowsPerItem)
        if selection < listTop { listTop = selection }
        if selection >= listTop + visible { listTop = selection - visible + 1 }
        listTop = max(0, min(listTop, max(0, results.count - visible)))
        fetchVisibleRows(listTop..<(listTop + visible))
        filterCursor = clamp(filterCursor, count: filterItems.count)
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
