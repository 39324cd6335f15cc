// Counts over a result set: topics, top entities per type, articles per day.
import BriefCore

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
