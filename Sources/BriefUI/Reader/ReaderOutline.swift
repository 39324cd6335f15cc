// What the reader works out once when an article opens, so that no frame or key has to visit every paragraph.
import BriefCore

/// The open article's entities and removed blocks grouped by paragraph, and how much text comes before each
/// paragraph.
///
/// Built in one pass over the article when it opens. A frame then looks up a paragraph's entities, a block's place
/// in the reading order or the share of the text above a line in constant or logarithmic time; before it, every
/// paragraph scanned every entity span of the article (100,000 paragraphs froze the reader for over ten seconds).
package struct ReaderOutline: Sendable, Hashable {
    /// The article's entity spans in reading order (title first); invalid spans are left out.
    package let entityOrder: [EntitySpan]
    /// `entityOrder[entityStarts[p + 1]..<entityStarts[p + 2]]` are the spans of paragraph `p` (-1: the title).
    private let entityStarts: [Int]
    /// Indexes into `Article.removed`, grouped by the paragraph they stood before (`paragraphCount`: after the last).
    private let removedOrder: [Int]
    /// `removedOrder[removedStarts[q]..<removedStarts[q + 1]]` stood before paragraph `q`.
    private let removedStarts: [Int]
    /// Where each removed block sits in `removedOrder`.
    private let removedRank: [Int]
    /// The paragraph each removed block stood before (`paragraphCount`: after the last).
    private let removedPosition: [Int]
    /// UTF-8 bytes of the paragraphs before paragraph `i`; the last element is the whole text.
    private let textBefore: [Int]

    package var paragraphCount: Int { textBefore.count - 1 }
    package var removedCount: Int { removedOrder.count }
    package var textLength: Int { textBefore[paragraphCount] }

    package init(article: Article) {
        let count = article.paragraphs.count
        let valid = article.entities.filter { $0.paragraph >= -1 && $0.paragraph < count }
        let readingOrder: (EntitySpan, EntitySpan) -> Bool = { ($0.paragraph, $0.start) < ($1.paragraph, $1.start) }
        // The recognizer hands them over in reading order already; sorting is only for those that are not.
        entityOrder = zip(valid, valid.dropFirst()).contains { readingOrder($1, $0) } ? valid.sorted(by: readingOrder) : valid
        // Spans are sorted by paragraph: one pass finds where each paragraph's run starts.
        var entityStarts = [Int](repeating: entityOrder.count, count: count + 2)
        for (number, span) in entityOrder.enumerated().reversed() { entityStarts[span.paragraph + 1] = number }
        for slot in stride(from: count, through: 0, by: -1) { entityStarts[slot] = min(entityStarts[slot], entityStarts[slot + 1]) }
        self.entityStarts = entityStarts

        // A counting sort by position keeps the removed blocks of one position in their original order.
        let positions = article.removed.map { max(0, min($0.position, count)) }
        var removedStarts = [Int](repeating: 0, count: count + 2)
        for position in positions { removedStarts[position + 1] += 1 }
        for slot in 1..<removedStarts.count { removedStarts[slot] += removedStarts[slot - 1] }
        var next = removedStarts
        var removedOrder = [Int](repeating: 0, count: positions.count)
        var removedRank = [Int](repeating: 0, count: positions.count)
        for (index, position) in positions.enumerated() {
            removedOrder[next[position]] = index
            removedRank[index] = next[position]
            next[position] += 1
        }
        self.removedOrder = removedOrder
        self.removedStarts = removedStarts
        self.removedRank = removedRank
        removedPosition = positions

        var textBefore = [0]
        textBefore.reserveCapacity(count + 1)
        for paragraph in article.paragraphs { textBefore.append(textBefore[textBefore.count - 1] + paragraph.utf8.count) }
        self.textBefore = textBefore
    }

    /// The numbers (into `entityOrder`) of the spans in paragraph `paragraph` (-1: the title).
    package func entities(in paragraph: Int) -> Range<Int> {
        guard paragraph >= -1, paragraph < paragraphCount else { return 0..<0 }
        return entityStarts[paragraph + 1]..<entityStarts[paragraph + 2]
    }

    /// UTF-8 bytes of the paragraphs before `paragraph`.
    package func textBefore(paragraph: Int) -> Int {
        textBefore[max(0, min(paragraph, paragraphCount))]
    }

    // MARK: The body's reading order with removed blocks shown: each removed block before the paragraph it
    // stood before, those after the last paragraph at the end.

    /// Where a removed block stood: the paragraph it came before (`paragraphCount`: after the last one).
    package func position(ofRemoved index: Int) -> Int { removedPosition[index] }

    /// The place of paragraph `paragraph` in the body when removed blocks are shown.
    package func bodyIndex(ofParagraph paragraph: Int) -> Int {
        paragraph + removedStarts[paragraph + 1]
    }

    /// The place of a removed block in the body when removed blocks are shown.
    package func bodyIndex(ofRemoved index: Int) -> Int {
        position(ofRemoved: index) + removedRank[index]
    }

    /// The block at a place in the body when removed blocks are shown.
    package func bodyBlock(at index: Int) -> BlockKey {
        // The first paragraph at or after `index` (paragraph places grow strictly).
        var low = 0
        var high = paragraphCount
        while low < high {
            let middle = (low + high) / 2
            if bodyIndex(ofParagraph: middle) < index { low = middle + 1 } else { high = middle }
        }
        if low < paragraphCount, bodyIndex(ofParagraph: low) == index { return .paragraph(low) }
        // A removed block of group `low`, which starts right after paragraph low - 1.
        return .removed(removedOrder[index - low])
    }
}
