// Reader commands: scrolling, removed text, search matches and entity jumps.

extension AppState {
    /// The reader pane's rectangle, also when a narrow layout shows the list instead.
    var readerRect: Rect {
        ScreenLayout(size: size, focus: .reader).reader ?? Rect(x: 0, y: 0, width: size.width, height: size.height - 1)
    }

    /// Columns of wrapped text: the pane less a margin on each side.
    package var readerTextWidth: Int { max(1, readerRect.width - 2) }

    package var readerOptions: ReaderOptions {
        var options = ReaderOptions()
        options.showRemoved = showRemoved
        options.emphasizeTopicTerms = emphasizeTopicTerms
        options.search = prompt?.kind == .search ? prompt!.text : reader?.search ?? ""
        options.currentEntity = reader?.currentEntity
        return options
    }

    package func readerDocument(_ reader: ReaderState) -> ReaderDocument {
        ReaderDocument(article: reader.article, source: reader.source, options: readerOptions)
    }

    package func readerLayout(_ reader: ReaderState) -> ReaderLayout {
        ReaderLayout(document: readerDocument(reader), width: readerTextWidth)
    }

    mutating func scrollReader(by step: Int) {
        guard let reader else { return }
        let layout = readerLayout(reader)
        let height = ScreenLayout.contentHeight(readerRect)
        let lastTop = max(0, layout.lines.count - height)
        let top = max(0, min(layout.line(of: reader.anchor).addingClamped(step), lastTop))
        self.reader?.anchor = layout.anchor(at: top)
    }

    mutating func toggleRemoved() {
        showRemoved.toggle()
        guard let reader else {
            message = StatusMessage(text: showRemoved ? "removed text will be shown" : "removed text hidden", isError: false)
            return
        }
        let article = reader.article
        if !showRemoved, case .removed(let index) = reader.anchor.block {
            let position = min(article.removed[index].position, max(0, article.paragraphs.count - 1))
            self.reader?.anchor = ReaderAnchor(block: article.paragraphs.isEmpty ? .title : .paragraph(position), line: 0)
        }
        let count = article.removed.count
        message = StatusMessage(
            text: count == 0 ? "nothing was removed from this article"
                : showRemoved ? "showing \(count) removed block\(count == 1 ? "" : "s")" : "removed text hidden",
            isError: false)
    }

    /// Moves the view so the next (or previous) search match is at the top.
    mutating func jumpToMatch(forward: Bool) {
        guard let reader, !reader.search.isEmpty else {
            message = StatusMessage(text: "no search (/ to search)", isError: false)
            return
        }
        let layout = readerLayout(reader)
        let top = layout.line(of: reader.anchor)
        let matching = layout.lines.indices.filter { number in
            layout.lines[number].graphemes.contains { $0.role == .searchMatch }
        }
        guard !matching.isEmpty else {
            message = StatusMessage(text: "not found: \(reader.search)", isError: true)
            return
        }
        let target = forward ? (matching.first { $0 > top } ?? matching[0]) : (matching.last { $0 < top } ?? matching.last!)
        self.reader?.anchor = layout.anchor(at: target)
        let number = matching.firstIndex(of: target)! + 1
        message = StatusMessage(text: "match \(number) of \(matching.count) lines", isError: false)
    }

    /// Moves the entity cursor and scrolls it into view.
    mutating func jumpToEntity(by step: Int) {
        guard let reader else { return }
        let document = readerDocument(reader)
        let count = document.entityOrder.count
        guard count > 0 else {
            message = StatusMessage(text: "no entities in this article", isError: false)
            return
        }
        let next = reader.currentEntity.map { ($0 + step + count) % count } ?? (step > 0 ? 0 : count - 1)
        self.reader?.currentEntity = next
        let span = document.entityOrder[next]
        let block: BlockKey = span.paragraph < 0 ? .title : .paragraph(span.paragraph)
        let layout = readerLayout(self.reader!)
        guard let line = layout.line(containing: span.start + listPrefix(span.paragraph), in: block) else { return }
        let top = layout.line(of: self.reader!.anchor)
        let height = ScreenLayout.contentHeight(readerRect)
        if line < top || line >= top + height {
            self.reader?.anchor = layout.anchor(at: max(0, line - height / 3))
        }
        message = StatusMessage(text: "\(span.type.rawValue): \(span.canonical)  (e filters by it)", isError: false)
    }

    /// List items are shown with a bullet prefix, which shifts their offsets.
    private func listPrefix(_ paragraph: Int) -> Int {
        guard let reader, paragraph >= 0 else { return 0 }
        let kinds = reader.article.paragraphKinds
        return paragraph < kinds.count && kinds[paragraph] == .listItem ? 2 : 0
    }

    /// `e` in the reader: filter the list by the entity under the cursor.
    mutating func filterByCurrentEntity() {
        guard let reader, let current = reader.currentEntity else {
            message = StatusMessage(text: "no entity under the cursor (] and [ move to one)", isError: false)
            return
        }
        let span = readerDocument(reader).entityOrder[current]
        let key = EntityKey(type: span.type, name: span.canonical)
        if !filter.entities.contains(key) { filter.entities.append(key) }
        refreshResults()
        message = StatusMessage(text: "filtered by \(span.canonical): \(results.count) articles", isError: false)
    }
}
