// The words an article is about, against which the cleaner judges its short lines.

/// The words an article is about, gathered from its title and all its lines, to judge other lines against.
///
/// Prose lines and the title vouch for a word on their own; short lines only in pairs, so a list of
/// other articles' headlines cannot vouch for itself, while the items of a list about the story,
/// which repeat each other's words, can.
package struct ArticleVocabulary: Sendable {
    /// Support a word needs from lines other than the one being judged.
    static let requiredSupport = 2
    private var support: [String: Int] = [:]

    package init() {}

    /// Room for `words` distinct words, so that adding them does not grow the table step by step.
    package init(minimumCapacity words: Int) {
        support.reserveCapacity(words)
    }

    /// Adds a line's words; `strong` for the title and prose.
    package mutating func add(_ tokens: Set<String>, strong: Bool) {
        let weight = strong ? Self.requiredSupport : 1
        for token in tokens { support[token, default: 0] += weight }
    }

    package var isEmpty: Bool { support.isEmpty }

    /// Share of the line's content words that the rest of the article uses; nil when the line has none to judge by.
    /// `ownWeight` is what the line itself added (0 if it was not added).
    package func relatedness(_ tokens: Set<String>, ownWeight: Int) -> Double? {
        guard !tokens.isEmpty else { return nil }
        // Counted, not filtered: `Set.filter` builds a set of the shared words, hashing each again.
        var shared = 0
        for token in tokens where (support[token] ?? 0) - ownWeight >= Self.requiredSupport { shared += 1 }
        return Double(shared) / Double(tokens.count)
    }
}
