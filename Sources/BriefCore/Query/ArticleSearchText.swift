// An article's title and kept text as folded words, built once so many queries can test it cheaply.

/// The searchable words of an article: its title and kept paragraphs, tokenized and lowercased.
///
/// Removed blocks are not searched: what the reader hid is not what the article says.
public struct ArticleSearchText: Sendable {
    /// Tokens per field (title first, then each paragraph); phrases never span two of them.
    let fields: [[String]]

    public init(_ article: Article) {
        var fields = [FoldedWordTokenizer.tokens(article.title)]
        fields.reserveCapacity(article.paragraphs.count + 1)
        for paragraph in article.paragraphs { fields.append(FoldedWordTokenizer.tokens(paragraph)) }
        self.fields = fields
    }

    /// True when `tokens` appear consecutively in one field; the last one may be a prefix.
    ///
    /// A linear scan: comparing short words is cheaper than hashing every word of the article
    /// into a set that most queries would use once.
    func contains(_ tokens: [String], lastIsPrefix: Bool) -> Bool {
        guard let first = tokens.first else { return false }
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
