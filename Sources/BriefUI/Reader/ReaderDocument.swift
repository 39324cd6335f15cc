// An article as the reader pane shows it: blocks of styled text, before wrapping.
import BriefCore
import Foundation

/// Which part of the article a block shows; stable across widths, so the
/// reading position survives a resize.
package enum BlockKey: Hashable, Sendable {
    case title
    case meta
    /// The article's web address, under the meta line.
    case address
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
    /// Whether a blank line follows (not between the title, the meta line and the address).
    package var blankAfter = true
    /// Web addresses in the text, sent as hyperlinks where the terminal takes them.
    package var links: [TextLink] = []

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

/// The open article as a sequence of blocks, styled when asked for.
///
/// The header (title, meta line) is built at once; a body block is built, styled and later wrapped only when a
/// frame or a key needs it, so the cost of a frame follows what the pane shows, not the article's length.
package struct ReaderDocument: Sendable {
    /// The blocks above the body, in order.
    package private(set) var header: [StyledBlock] = []
    private let article: Article
    private let outline: ReaderOutline
    private let options: ReaderOptions

    /// The article's entity spans in reading order (title first).
    package var entityOrder: [EntitySpan] { outline.entityOrder }

    package init(article: Article, outline: ReaderOutline, source: String, options: ReaderOptions) {
        self.article = article
        self.outline = outline
        self.options = options

        var title = StyledBlock(key: .title, text: article.title.isEmpty ? "(untitled)" : article.title, role: .readerTitle)
        decorate(&title, paragraph: -1)
        title.blankAfter = false
        header.append(title)

        // The topics it is about are the list's badges; those it only mentions are listed here.
        let mentions = article.mentions.isEmpty ? nil : "mentions " + article.mentions.map(\.name).joined(separator: ", ")
        // A language other than English is named (`DE`): its entities are only the gazetteer's.
        // The code is 2-3 ASCII letters (`LanguageIdentifier` makes it so): safe to show.
        let language = article.language.flatMap { $0 == LanguageIdentifier.english ? nil : $0.uppercased() }
        let meta = [article.date?.description, source, article.byline, article.agency, language, mentions]
            .compactMap { $0 }.filter { !$0.isEmpty }
        var metaBlock = StyledBlock(key: .meta, text: meta.joined(separator: " · "), role: .readerMeta)
        // The address in full (the list shows only the site): with OSC 8 a click opens it.
        if let address = article.url, let url = Hyperlinks.terminalSafe(address) {
            metaBlock.blankAfter = false
            header.append(metaBlock)
            var block = StyledBlock(key: .address, text: url, role: .readerMeta)
            block.links = [TextLink(range: 0..<url.unicodeScalars.count, url: url)]
            header.append(block)
        } else {
            header.append(metaBlock)
        }
        for (index, line) in (article.summary ?? "").split(separator: "\n").enumerated() {
            header.append(StyledBlock(key: .summary(index), text: String(line), role: .readerSummary))
        }
    }

    /// Header and body blocks.
    package var blockCount: Int {
        header.count + outline.paragraphCount + (options.showRemoved ? outline.removedCount : 0)
    }

    /// The block at a place in the reading order (`0..<blockCount`).
    package func key(at position: Int) -> BlockKey {
        if position < header.count { return header[position].key }
        let body = position - header.count
        return options.showRemoved ? outline.bodyBlock(at: body) : .paragraph(body)
    }

    /// The place of a block in the reading order; a block not shown (removed text hidden) gives the place of the
    /// paragraph it stood before, or of the last one.
    package func position(of key: BlockKey) -> Int {
        switch key {
        case .paragraph(let index):
            let paragraph = max(0, min(index, outline.paragraphCount - 1))
            guard outline.paragraphCount > 0 else { return header.count - 1 }
            return header.count + (options.showRemoved ? outline.bodyIndex(ofParagraph: paragraph) : paragraph)
        case .removed(let index):
            guard index >= 0, index < outline.removedCount else { return 0 }
            if options.showRemoved { return header.count + outline.bodyIndex(ofRemoved: index) }
            return position(of: .paragraph(outline.position(ofRemoved: index)))
        default:
            return header.firstIndex { $0.key == key } ?? 0
        }
    }

    /// The block at a place in the reading order, styled.
    package func block(at position: Int) -> StyledBlock {
        if position < header.count { return header[position] }
        switch key(at: position) {
        case .removed(let index):
            let removed = article.removed[index]
            let label = "[removed: \(removed.reason.rawValue)] "
            var block = StyledBlock(key: .removed(index), text: label + removed.text, role: .removed)
            block.paint(0..<label.unicodeScalars.count, .removedReason)
            block.links = Hyperlinks.links(in: block.text)
            return block
        case .paragraph(let index):
            let text = article.paragraphs[index]
            let kind = index < article.paragraphKinds.count ? article.paragraphKinds[index] : .paragraph
            let isListItem = kind == .listItem
            var block = StyledBlock(key: .paragraph(index), text: isListItem ? ReaderDocument.listBullet + text : text,
                                    role: kind == .heading ? .readerHeading : .normal)
            if isListItem { block.indent = 2 }
            decorate(&block, paragraph: index, offset: isListItem ? ReaderDocument.listBulletLength : 0)
            block.links = Hyperlinks.links(in: block.text)
            return block
        default:
            return header[0]
        }
    }

    static let listBullet = "• "
    static let listBulletLength = listBullet.unicodeScalars.count

    /// The block an entity span is shown in, and the scalar offset of its start in that block's text.
    package func place(of span: EntitySpan) -> (block: BlockKey, offset: Int) {
        guard span.paragraph >= 0 else { return (.title, span.start) }
        let kinds = article.paragraphKinds
        let isListItem = span.paragraph < kinds.count && kinds[span.paragraph] == .listItem
        return (.paragraph(span.paragraph), span.start + (isListItem ? ReaderDocument.listBulletLength : 0))
    }

    /// UTF-8 bytes of article text before a block, and the block's own share; removed blocks and the header
    /// count as the place where they stand. For the reader's percentage.
    package func textExtent(at position: Int) -> (before: Int, length: Int) {
        guard position >= header.count else { return (0, 0) }
        switch key(at: position) {
        case .paragraph(let index):
            return (outline.textBefore(paragraph: index), article.paragraphs[index].utf8.count)
        case .removed(let index):
            return (outline.textBefore(paragraph: outline.position(ofRemoved: index)), 0)
        default:
            return (0, 0)
        }
    }

    /// All of the article's text, in UTF-8 bytes.
    package var textLength: Int { outline.textLength }

    /// An upper bound on the lines the block at `position` wraps to, blank line included, found without
    /// wrapping it: a line holds at least one grapheme, and a grapheme has at least one UTF-8 byte.
    package func lineBound(at position: Int) -> Int {
        if position < header.count { return header[position].text.utf8.count + 2 }
        switch key(at: position) {
        case .paragraph(let index): return article.paragraphs[index].utf8.count + ReaderDocument.listBullet.utf8.count + 2
        case .removed(let index): return article.removed[index].text.utf8.count + 64
        default: return 2
        }
    }

    /// Paints entities, topic terms and search matches over a block (`offset` scalars of prefix).
    private func decorate(_ block: inout StyledBlock, paragraph: Int, offset: Int = 0) {
        let body = offset == 0 ? block.text : String(block.text.unicodeScalars.dropFirst(offset))
        if options.emphasizeTopicTerms {
            for term in article.topics.flatMap(\.terms) {
                for range in ReaderDocument.matches(of: term, in: body, wholeWords: true) {
                    block.paint(range.lowerBound + offset..<range.upperBound + offset, .topicTerm)
                }
            }
        }
        for number in outline.entities(in: paragraph) {
            let span = outline.entityOrder[number]
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
        // Offsets are counted on from the previous match, so many matches in a long paragraph stay linear.
        var counted = (index: text.startIndex, offset: 0)
        while let found = text.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive], range: searchStart..<text.endIndex) {
            let isWord = !wholeWords || (
                (found.lowerBound == text.startIndex || !text[text.index(before: found.lowerBound)].isLetter)
                    && (found.upperBound == text.endIndex || !text[found.upperBound].isLetter))
            if isWord {
                let start = counted.offset + scalars.distance(from: counted.index, to: found.lowerBound)
                let end = start + scalars.distance(from: found.lowerBound, to: found.upperBound)
                result.append(start..<end)
                counted = (found.upperBound, end)
            }
            searchStart = found.upperBound > found.lowerBound ? found.upperBound : text.index(after: found.lowerBound)
            if searchStart >= text.endIndex { break }
        }
        return result
    }
}
