// Read and starred marks, persisted in SQLite under `$XDG_DATA_HOME/brief/`.
import BriefCore
import Foundation
import GRDB

/// The user's per-article state: read/unread and starred.
///
/// Each mark is its own transaction in a WAL database, so a killed process loses at most the
/// mark being written, never the file. Several processes may hold the store open at once.
public final class StateStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// The default file: `$XDG_DATA_HOME/brief/state.sqlite`.
    public static func defaultPath(_ directories: BriefDirectories = .current) -> String {
        directories.data.appendingPathComponent("state.sqlite").path
    }

    /// Opens (creating if needed, with its directories) the state database at `path`.
    ///
    /// - Throws: `StoreError` naming the file when it is damaged, not SQLite, from a newer
    ///   Brief, or cannot be created.
    public init(path: String) throws {
        self.path = path
        pool = try DatabaseOpener.open(path: path, migrator: StateSchema.migrator)
        // A damaged page may not show in the header; a quick check on this small file catches it
        // at start rather than at the first mark.
        let problems = try withStoreErrors(path: path) {
            try pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        }
        if problems != ["ok"] {
            throw StoreError.corrupt(path: path, problems.prefix(3).joined(separator: "; "))
        }
    }

    /// Opens the state database at its default place.
    public convenience init(directories: BriefDirectories) throws {
        try self.init(path: Self.defaultPath(directories))
    }

    /// Every article with a flag set, by article id.
    public func allFlags() throws -> [String: ArticleFlags] {
        try withStoreErrors(path: path) {
            try pool.read { db in
                var result: [String: ArticleFlags] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT id, read, starred FROM article_flags")
                while let row = try rows.next() {
                    result[row[0]] = ArticleFlags(read: row[1], starred: row[2])
                }
                return result
            }
        }
    }

    /// The flags of one article (unread and not starred when never touched).
    public func flags(_ id: String) throws -> ArticleFlags {
        try withStoreErrors(path: path) {
            try pool.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT read, starred FROM article_flags WHERE id = ?", arguments: [id]) else {
                    return .unread
                }
                return ArticleFlags(read: row[0], starred: row[1])
            }
        }
    }

    /// The flags of the given articles that have any set (a page of the list at a time).
    public func flags(of ids: some Collection<String>) throws -> [String: ArticleFlags] {
        guard !ids.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        return try withStoreErrors(path: path) {
            try pool.read { db in
                var result: [String: ArticleFlags] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT id, read, starred FROM article_flags WHERE id IN (\(placeholders))",
                                               arguments: StatementArguments(Array(ids)))
                while let row = try rows.next() {
                    result[row[0]] = ArticleFlags(read: row[1], starred: row[2])
                }
                return result
            }
        }
    }

    public func setRead(_ id: String, _ read: Bool) throws {
        try setRead([id], read)
    }

    public func setStarred(_ id: String, _ starred: Bool) throws {
        try update([id], column: "starred", to: starred)
    }

    /// Marks many articles at once ("mark all read"), in one transaction.
    public func setRead(_ ids: some Sequence<String>, _ read: Bool) throws {
        try update(ids, column: "read", to: read)
    }

    private func update(_ ids: some Sequence<String>, column: String, to value: Bool) throws {
        let now = Date().timeIntervalSince1970
        try withStoreErrors(path: path) {
            try pool.write { db in
                let upsert = try db.cachedStatement(sql: """
                    INSERT INTO article_flags (id, \(column), changed_at) VALUES (?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET \(column) = excluded.\(column), changed_at = excluded.changed_at
                    """)
                let prune = try db.cachedStatement(sql: "DELETE FROM article_flags WHERE id = ? AND read = 0 AND starred = 0")
                for id in ids {
                    try upsert.execute(arguments: [id, value, now])
                    if !value { try prune.execute(arguments: [id]) }
                }
            }
        }
    }
}
