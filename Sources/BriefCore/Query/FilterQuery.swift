// A parsed filter query and its evaluation against one article in memory.

/// A filter-language query: its text, its syntax tree, and a test against an article.
///
/// Words and "phrases" match whole words of the title and kept text, ignoring case
/// (`word*` matches words that begin so); `person:`, `place:`, `org:`, `nationality:` and
/// `entity:` match the words of an entity's canonical name or its text as written
/// (`person:sullivan` finds `Jake Sullivan`); `topic:` matches a topic id; `source:` a piece of
/// the path, URL or site name; `story:` a story id (only where stories were grouped); `since:`/`until:` the date inclusively (undated articles never
/// match them).
public struct FilterQuery: Hashable, Sendable {
    public var text: String
    public var expression: FilterExpression

    /// Parses `text`.
    ///
    /// - Throws: `QueryError` with the character offset of the problem.
    public init(_ text: String) throws(QueryError) {
        self.text = text
        expression = try FilterParser.parse(text)
    }

    /// Wraps an expression built in code (the UI's facets, say); `text` is its printed form.
    public init(expression: FilterExpression) {
        self.expression = expression
        text = expression.queryText
    }

    /// True when the article passes the filter.
    public func matches(_ article: Article, flags: ArticleFlags, story: String? = nil) -> Bool {
        var search: ArticleSearchText?
        return FilterEvaluator(article: article, flags: flags, story: story, searchText: { () -> ArticleSearchText in
            if let search { return search }
            let built = ArticleSearchText(article)
            search = built
            return built
        }).evaluate(expression)
    }

    /// True when the article passes the filter, reusing its already-built search text.
    public func matches(_ article: Article, flags: ArticleFlags, searchText: ArticleSearchText, story: String? = nil) -> Bool {
        FilterEvaluator(article: article, flags: flags, story: story, searchText: { searchText }).evaluate(expression)
    }
}
