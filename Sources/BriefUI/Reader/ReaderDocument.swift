// An article as the reader pane shows it: blocks of styled text, before wrapping.
import BriefCore
import Foundation

/// Which part of the article a block shows; stable across widths, so the
/// reading position survives a resize.
package enum BlockKey: Hashable, Sendable {
    case title
    case meta
    /// One line of the article's summary (deck, standfirst, key points).
    case summary(Int)
    case paragraph(Int)
    case removed(Int)
}

/// One block: its text, a role per Unicode scalar, and a blank line after it or not.
package struct StyledBlock: Sendable {
    package var key: BlockKey
    package var text: String
    package var roles: [StyleRole]
    /// Indent of continuation lines and of the block itself, in columns.
    package var indent: Int = 0

    init(key: BlockKey, text: String, role: StyleRole) {
        self.key = key
        self.text = text
        roles = Array(repeating: role, count: text.unicodeScalars.count)
    }

    mutating func paint(_ range: Range<Int>, _ role: StyleRole) {
        let clamped = max(0, range.lowerBound)..<min(roles.count, range.upperBound)
        guard !clamped.isEmpty else { return }
        for index in clamped { roles[index] = role }
    }
}

/// Options that change what the reader shows.
package struct ReaderOptions: Hashable, Sendable {
    package var showRemoved = false
    package var emphasizeTopicTerms = false
    package var search: String = ""
    /// The entity the cursor is on, as an index into `ReaderDocument.entityOrder`.
    package var currentEntity: Int?

    package init() {}
}

package struct ReaderDocument: Sendable {
    package var blocks: [StyledBlock] = []
    /// The article's entity spans in reading order (title first).
    package var entityOrder: [EntitySpan] = []

    package init(article: Article, source: String, options: ReaderOptions) {
        entityOrder = article.entities
            .filter { $0.paragraph >= -1 && $0.paragraph < article.paragraphs.count }
            .sorted { ($0.paragraph, $0.start) < ($1.paragraph, $1.start) }

        var title = StyledBlock(key: .title, text: article.title.isEmpty ? "(untitled)" : article.title, role: .readerTitle)
        decorate(&title, paragraph: -1, options: options, article: article)
        blocks.append(title)

        let meta = [article.date?.description, source, article.byline].compactMap { $0 }.filter { !$0.isEmpty }
        blocks.append(StyledBlock(key: .meta, text: meta.joined(separator: " · "), role: .readerMeta))
        for (index, line) in (article.summary ?? "").split(separator: "\n").enumerated() {
            blocks.append(StyledBlock(key: .summary(index), text: String(line), role: .readerSummary))
        }

        for (index, text) in article.paragraphs.enumerated() {
            if options.showRemoved { appendRemoved(article, at: index) }
            let kind = index < article.paragraphKinds.count ? article.paragraphKinds[index] : .paragraph
            var block = StyledBlock(key: .paragraph(index), text: text, role: kind == .heading ? .readerHeading : .normal)
            if kind == .listItem {
                block = StyledBlock(key: .paragraph(index), text: "• " + text, role: .normal)
                block.indent = 2
            }
            decorate(&block, paragraph: index, options: options, article: article, offset: kind == .listItem ? 2 : 0)
            blocks.append(block)
        }
        if options.showRemoved { appendRemoved(article, at: article.paragraphs.count, orLater: true) }
    }

    private mutating func appendRemoved(_ article: Article, at position: Int, orLater: Bool = false) {
        for (index, removed) in article.removed.enumerated()
        where removed.position == position || (orLater && removed.position > position) {
            let label = "[removed: \(removed.reason.rawValue)] "
            var block = StyledBlock(key: .removed(index), text: label + removed.text, role: .removed)
            block.paint(0..<label.unicodeScalars.count, .removedReason)
            blocks.append(block)
        }
    }

    /// Paints entities, topic terms and search matches over a block (`offset` scalars of prefix).
    private func decorate(_ block: inout StyledBlock, paragraph: Int, options: ReaderOptions, article: Article, offset: Int = 0) {
        let body = offset == 0 ? block.text : String(block.text.unicodeScalars.dropFirst(offset))
        if options.emphasizeTopicTerms {
            for term in article.topics.flatMap(\.terms) {
                for range in ReaderDocument.matches(of: term, in: body, wholeWords: true) {
                    block.paint(range.lowerBound + offset..<range.upperBound + offset, .topicTerm)
                }
            }
        }
        for (number, span) in entityOrder.enumerated() where span.paragraph == paragraph {
            let role: StyleRole = number == options.currentEntity ? .entityCurrent : .entity(span.type)
            block.paint(span.start + offset..<span.end + offset, role)
        }
        if !options.search.isEmpty {
            for range in ReaderDocument.matches(of: options.search, in: body, wholeWords: false) {
                block.paint(range.lowerBound + offset..<range.upperBound + offset, .searchMatch)
            }
        }
    }

    /// Case-insensitive occurrences of `needle`, as Unicode scalar offsets.
    package static func matches(of needle: String, in text: String, wholeWords: Bool) -> [Range<Int>] {
        guard !needle.isEmpty else { return [] }
        var result: [Range<Int>] = []
        var searchStart = text.startIndex
        let scalars = text.unicodeScalars
        while let found = text.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive], range: searchStart..<text.endIndex) {
            let isWord = !wholeWords || (
                (found.lowerBound == text.startIndex || !text[text.index(before: found.lowerBound)].isLetter)
                    && (found.upperBound == text.endIndex || !text[found.upperBound].isLetter))
            if isWord {
                let start = scalars.distance(from: scalars.startIndex, to: found.lowerBound)
                let end = start + scalars.distance(from: found.lowerBound, to: found.upperBound)
                result.append(start..<end)
            }
            searchStart = found.upperBound > found.lowerBound ? found.upperBound : text.index(after: found.lowerBound)
            if searchStart >= text.endIndex { break }
        }
        return result
    }
}
