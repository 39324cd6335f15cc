// What a list line needs, and the orders a result can take.
import BriefCore

/// One line of the article list: enough to draw it, without the body.
public struct ArticleSummary: Hashable, Sendable, Identifiable {
    public var id: String
    public var date: ArticleDate?
    public var title: String
    /// The site name when known, else nil (the path is `id`).
    public var siteName: String?
    public var format: ArticleFormat
    /// Topic ids the article matched, best score first.
    public var topics: [String]
    /// The article's web address when known (feed items, saved pages).
    public var url: String?

    public init(id: String, date: ArticleDate?, title: String, siteName: String?, format: ArticleFormat, topics: [String],
                url: String? = nil) {
        self.id = id
        self.date = date
        self.title = title
        self.siteName = siteName
        self.format = format
        self.topics = topics
        self.url = url
    }
}

/// How results are ordered.
public enum ResultOrder: String, Sendable, CaseIterable {
    /// Newest first; undated articles last.
    case newest
    case oldest
    case title
    case source
}
