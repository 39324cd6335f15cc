// The words an article is about, against which the cleaner judges its short lines.

/// The words an article is about, gathered from its title and all its lines, to judge other lines against.
///
/// Prose lines and the title vouch for a word on their own; short lines only in pairs, so a list of
/// other articles' headlines cannot vouch for itself, while the items of a list about the story,
/// which repeat each other's words, can.
package struct ArticleVocabulary: Sendable {
    /// Support a word needs from lines other than the one being judged.
    static let requiredSupport = 2
    private var support = KeyTable<Int>()

    package init() {}

    /// Room for `words` distinct words, so that adding them does not grow the table step by step.
    package init(minimumCapacity words: Int) {
        support = KeyTable(minimumCapacity: words)
    }

    /// Adds a line's words; `strong` for the title and prose.
    package mutating func add(_ tokens: WordKeys, strong: Bool) {
        let weight = strong ? Self.requiredSupport : 1
        for token in tokens.keys { support.add(weight, to: token) }
    }

    package var isEmpty: Bool { support.count == 0 }

    /// Share of the line's content words that the rest of the article uses; nil when the line has none to judge by.
    /// `ownWeight` is what the line itself added (0 if it was not added).
    package func relatedness(_ tokens: WordKeys, ownWeight: Int) -> Double? {
        guard !tokens.isEmpty else { return nil }
        return Double(sharedCount(tokens, ownWeight: ownWeight)) / Double(tokens.count)
    }

    /// How many of the line's content words the rest of the article uses.
    package func sharedCount(_ tokens: WordKeys, ownWeight: Int) -> Int {
        var shared = 0
        for token in tokens.keys where (support[token] ?? 0) - ownWeight >= Self.requiredSupport { shared += 1 }
        return shared
    }
}
