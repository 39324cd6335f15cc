// An article's title and kept text as folded words, built once so many queries can test it cheaply.

/// The searchable words of an article: its title and kept paragraphs, tokenized and lowercased.
///
/// Removed blocks are not searched: what the reader hid is not what the article says.
public struct ArticleSearchText: Sendable {
    /// Tokens per field (title first, then each paragraph); phrases never span two of them.
    let fields: [[String]]
    /// Every distinct word, when built for many queries: a word the article lacks is rejected
    /// with one lookup instead of a scan.
    let vocabulary: Set<String>?

    /// - Parameter indexed: Also hash the words into a set. Worth it when the same text answers
    ///   many queries (the reader's filter, typed a key at a time); not for a single query.
    public init(_ article: Article, indexed: Bool = false) {
        var fields = [FoldedWordTokenizer.tokens(article.title)]
        fields.reserveCapacity(article.paragraphs.count + 1)
        for paragraph in article.paragraphs { fields.append(FoldedWordTokenizer.tokens(paragraph)) }
        self.fields = fields
        vocabulary = indexed ? Set(fields.joined()) : nil
    }

    /// True when `tokens` appear consecutively in one field; the last one may be a prefix.
    ///
    /// A linear scan: comparing short words is cheaper than hashing every word of the article
    /// into a set that most queries would use once.
    func contains(_ tokens: [String], lastIsPrefix: Bool) -> Bool {
        guard let first = tokens.first else { return false }
        if let vocabulary, !(tokens.count == 1 && lastIsPrefix), !vocabulary.contains(first) { return false }
        for field in fields where field.count >= tokens.count {
            for start in 0...(field.count - tokens.count) {
                let candidate = field[start]
                if tokens.count == 1 && lastIsPrefix ? candidate.hasPrefix(first) : candidate == first,
                   Self.sequence(tokens, matches: field, at: start, lastIsPrefix: lastIsPrefix) {
                    return true
                }
            }
        }
        return false
    }

    static func sequence(_ tokens: [String], matches field: [String], at start: Int, lastIsPrefix: Bool) -> Bool {
        for (offset, token) in tokens.enumerated() {
            let actual = field[start + offset]
            if lastIsPrefix && offset == tokens.count - 1 {
                if !actual.hasPrefix(token) { return false }
            } else if actual != token {
                return false
            }
        }
        return true
    }
}
