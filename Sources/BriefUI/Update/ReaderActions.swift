// Reader commands: scrolling, removed text, search matches and entity jumps.
import BriefCore

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
        ReaderDocument(article: reader.article, outline: reader.outline, source: reader.source, options: readerOptions)
    }

    package func readerLayout(_ reader: ReaderState) -> ReaderLayout {
        ReaderLayout(document: readerDocument(reader), width: readerTextWidth)
    }

    mutating func scrollReader(by step: Int) {
        guard let reader else { return }
        let anchor = readerLayout(reader).scroll(reader.anchor, by: step, height: ScreenLayout.contentHeight(readerRect))
        self.reader?.anchor = anchor
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
        let top = layout.clamped(reader.anchor)
        let matching = layout.searchMatchLines()
        guard !matching.isEmpty else {
            message = StatusMessage(text: "not found: \(reader.search)", isError: true)
            return
        }
        let target = forward ? (matching.first { layout.precedes(top, $0) } ?? matching[0])
            : (matching.last { layout.precedes($0, top) } ?? matching.last!)
        self.reader?.anchor = target
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
        let (block, offset) = document.place(of: span)
        let layout = readerLayout(self.reader!)
        let line = layout.anchor(containing: offset, in: block)
        let height = ScreenLayout.contentHeight(readerRect)
        if !layout.shows(line, from: reader.anchor, height: height) {
            self.reader?.anchor = layout.anchor(line, back: height / 3)
        }
        message = StatusMessage(text: "\(span.type.rawValue): \(span.canonical)  (e filters by it)", isError: false)
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
