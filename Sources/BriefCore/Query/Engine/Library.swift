// The articles the reader shows, their read/starred flags, and the index built over them.

package struct Library: Sendable {
    package private(set) var articles: [Article]
    package var flags: [String: ArticleFlags]
    package private(set) var index: LibraryIndex

    package init(articles: [Article], flags: [String: ArticleFlags] = [:]) {
        self.articles = articles
        self.flags = flags
        index = LibraryIndex(articles: articles)
    }

    package func flags(of article: Int) -> ArticleFlags {
        flags[articles[article].id] ?? .unread
    }
}
