// Evaluates a FilterExpression against one article, building its search text only if a text term needs it.

struct FilterEvaluator {
    let article: Article
    let flags: ArticleFlags
    /// The article's story id, when its stories were grouped.
    var story: String?
    /// Called at most when a word or phrase is tested; callers cache it.
    let searchText: () -> ArticleSearchText

    func evaluate(_ expression: FilterExpression) -> Bool {
        switch expression {
        case .all:
            return true
        case .word(let word, let prefix):
            return searchText().contains(FoldedWordTokenizer.tokens(word), lastIsPrefix: prefix)
        case .phrase(let phrase):
            return searchText().contains(FoldedWordTokenizer.tokens(phrase), lastIsPrefix: false)
        case .topic(let id):
            let wanted = id.lowercased()
            return article.topics.contains { $0.id.lowercased() == wanted }
        case .mentions(let id):
            let wanted = id.lowercased()
            return article.topics.contains { $0.id.lowercased() == wanted } || article.mentions.contains { $0.id.lowercased() == wanted }
        case .entity(let type, let name):
            let wanted = FoldedWordTokenizer.tokens(name)
            guard !wanted.isEmpty else { return false }
            return article.entities.contains { span in
                (type == nil || span.type == type)
                    && (Self.contains(wanted, in: span.canonical) || Self.contains(wanted, in: span.text))
            }
        case .since(let date):
            return article.date.map { $0 >= date } ?? false
        case .until(let date):
            return article.date.map { $0 <= date } ?? false
        case .source(let text):
            let wanted = text.lowercased()
            return [article.source, article.url, article.siteName].contains { $0?.lowercased().contains(wanted) ?? false }
        case .story(let id):
            return story?.lowercased() == id.lowercased()
        case .unread:
            return !flags.read
        case .starred:
            return flags.starred
        case .and(let parts):
            return parts.allSatisfy(evaluate)
        case .or(let parts):
            return parts.contains(where: evaluate)
        case .not(let inner):
            return !evaluate(inner)
        }
    }

    /// True when `wanted` are consecutive whole words of `name`.
    private static func contains(_ wanted: [String], in name: String) -> Bool {
        let words = FoldedWordTokenizer.tokens(name)
        guard words.count >= wanted.count else { return false }
        for start in 0...(words.count - wanted.count)
        where ArticleSearchText.sequence(wanted, matches: words, at: start, lastIsPrefix: false) {
            return true
        }
        return false
    }
}
