// An article's title and kept text as folded words, built once so many queries can test it cheaply.

/// The searchable words of an article: its title and kept paragraphs, tokenized and lowercased.
///
/// Removed blocks are not searched: what the reader hid is not what the article says.
public struct ArticleSearchText: Sendable {
    /// Tokens per field (title first, then each paragraph); phrases never span two of them.
    let fields: [[String]]
    /// Every token, for word lookups.
    let vocabulary: Set<String>

    public init(_ article: Article) {
        var fields = [FoldedWordTokenizer.tokens(article.title)]
        for paragraph in article.paragraphs { fields.append(FoldedWordTokenizer.tokens(paragraph)) }
        self.fields = fields
        vocabulary = Set(fields.joined())
    }

    /// True when `tokens` appear consecutively in one field; the last one may be a prefix.
    func contains(_ tokens: [String], lastIsPrefix: Bool) -> Bool {
        guard let first = tokens.first else { return false }
        if tokens.count == 1 {
            return lastIsPrefix ? vocabulary.contains { $0.hasPrefix(first) } : vocabulary.contains(first)
        }
        if !lastIsPrefix, !tokens.allSatisfy(vocabulary.contains) { return false }
        for field in fields where field.count >= tokens.count {
            for start in 0...(field.count - tokens.count) where field[start] == first {
                if Self.sequence(tokens, matches: field, at: start, lastIsPrefix: lastIsPrefix) { return true }
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
