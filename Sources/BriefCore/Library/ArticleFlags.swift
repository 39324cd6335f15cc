// Per-article reading state that the user changes: it lives in the state store, not in the files.

public struct ArticleFlags: Hashable, Codable, Sendable {
    public var read: Bool
    public var starred: Bool
    public init(read: Bool = false, starred: Bool = false) {
        self.read = read
        self.starred = starred
    }
    public static let unread = ArticleFlags()
}
