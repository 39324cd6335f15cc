// The filter language's syntax tree: one language for the CLI, the reader and the database.

/// A parsed filter. Evaluated in memory by `FilterQuery.matches` and compiled to SQL by the store.
public indirect enum FilterExpression: Hashable, Sendable {
    /// Matches everything (the empty query).
    case all
    /// A word, case-insensitive, over the title and kept text. `prefix` for `word*`.
    case word(String, prefix: Bool)
    /// A "quoted phrase", case-insensitive, over the title and kept text.
    case phrase(String)
    /// `topic:ID`: articles about the topic.
    case topic(String)
    /// `mentions:ID`: articles that mention the topic, in passing or because they are about it.
    case mentions(String)
    /// `person:`, `place:`, `org:`, `nationality:` (a type) or `entity:` (nil: any type).
    case entity(EntityType?, String)
    /// `since:YYYY-MM-DD` (inclusive).
    case since(ArticleDate)
    /// `until:YYYY-MM-DD` (inclusive).
    case until(ArticleDate)
    /// `source:TEXT`, a substring of the path, URL or site name.
    case source(String)
    /// `story:ID`: every version of one story (its id as `brief list --json` gives it).
    case story(String)
    case unread
    case starred
    case and([FilterExpression])
    case or([FilterExpression])
    case not(FilterExpression)
}

/// A malformed query, with where it went wrong.
public struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// Offset in characters into the query text where the problem starts.
    public var position: Int
    public init(_ message: String, position: Int) {
        self.message = message
        self.position = position
    }
    public var description: String { "column \(position + 1): \(message)" }
}
