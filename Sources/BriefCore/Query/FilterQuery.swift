// PLACEHOLDER (skeleton): words only. The query helper replaces the parser and evaluator.

public struct FilterQuery: Hashable, Sendable {
    public var text: String
    public var expression: FilterExpression

    public init(_ text: String) throws(QueryError) {
        self.text = text
        let words = text.split(separator: " ").map { FilterExpression.word(String($0), prefix: false) }
        expression = words.isEmpty ? .all : .and(words)
    }

    public func matches(_ article: Article, flags: ArticleFlags) -> Bool {
        guard case .and(let parts) = expression else { return true }
        let haystack = (article.title + " " + article.paragraphs.joined(separator: " ")).lowercased()
        return parts.allSatisfy { part in
            if case .word(let w, _) = part { return haystack.contains(w.lowercased()) }
            return true
        }
    }
}
