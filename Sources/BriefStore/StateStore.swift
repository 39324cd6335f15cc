// PLACEHOLDER (skeleton): read/starred state, in memory. The store helper replaces it with SQLite.
import BriefCore
import Foundation
import Synchronization

public final class StateStore: Sendable {
    private let flags = Mutex<[String: ArticleFlags]>([:])
    /// Opens (creating if needed) the state database at `path`.
    public init(path: String) throws {}
    public func allFlags() throws -> [String: ArticleFlags] { flags.withLock { $0 } }
    public func setRead(_ id: String, _ read: Bool) throws { flags.withLock { $0[id, default: .unread].read = read } }
    public func setStarred(_ id: String, _ starred: Bool) throws { flags.withLock { $0[id, default: .unread].starred = starred } }
}
