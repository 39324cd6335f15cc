// What library queries return: light summaries for lists, and facet counts for the filter pane.
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

    public init(id: String, date: ArticleDate?, title: String, siteName: String?, format: ArticleFormat, topics: [String]) {
        self.id = id
        self.date = date
        self.title = title
        self.siteName = siteName
        self.format = format
        self.topics = topics
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

/// Counts over the current result set, for the filter pane.
public struct Facets: Hashable, Sendable {
    public struct TopicCount: Hashable, Sendable {
        public var id: String
        public var name: String
        public var count: Int
    }
    public struct EntityCount: Hashable, Sendable {
        public var name: String
        public var type: EntityType
        /// Articles in the result that mention the entity.
        public var count: Int
    }
    public struct DayCount: Hashable, Sendable {
        public var date: ArticleDate
        public var count: Int
    }

    /// Articles in the result.
    public var total: Int
    /// Every known topic, with zero for those absent from the result, in topic id order.
    public var topics: [TopicCount]
    /// The most frequent entities of each type, most articles first.
    public var entities: [EntityType: [EntityCount]]
    /// Articles per day, oldest first, days without articles omitted.
    public var days: [DayCount]
}
