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
        let shared = tokens.filter { (support[$0] ?? 0) - ownWeight >= Self.requiredSupport }.count
        return Double(shared) / Double(tokens.count)
    }
}
