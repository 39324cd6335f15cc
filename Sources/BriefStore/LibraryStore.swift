// The library cache: parsed articles in SQLite under `$XDG_CACHE_HOME/brief/`, queried by the filter language.
import BriefCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The parsed library: articles keyed by file, full-text and facet indexes, and the user's
/// read/starred state (a separate database under `$XDG_DATA_HOME`, attached for queries).
///
/// Two files because they differ in worth: the cache can be deleted and rebuilt at any time,
/// the state cannot. Every query is answered by SQLite; bodies are loaded one article at a time.
public final class LibraryStore: Sendable {
    /// The cache database file.
    public let path: String
    /// Read/starred marks, joined into queries for `unread` and `starred`.
    public let state: StateStore
    /// The pipeline identity the cached articles were parsed with.
    public let pipelineVersion: String
    /// Whether this process keeps the cache or only reads one another account keeps.
    public let access: CacheAccess
    /// How a refresh groups new articles into stories (`[stories]` in config.toml).
    public let storySettings: StorySettings
    let pool: DatabasePool
    let facetIndex: FacetIndex
    let storyRows = StoryRows()
    /// Held while this store is open: tells the next process whether it opens the cache alone.
    /// None for a shared cache, whose directory may not be this user's to write.
    private let users: CacheUsers?

    /// The default cache file: `$XDG_CACHE_HOME/brief/library.sqlite`.
    public static func defaultPath(_ directories: BriefDirectories = .current) -> String {
        directories.cache.appendingPathComponent("library.sqlite").path
    }

    /// The built-in pipeline identity; callers fold in anything else that changes parsing
    /// (a user's topics file) with `pipelineVersion(folding:)`.
    public static var builtInPipelineVersion: String { LibrarySchema.builtInPipelineVersion }

    /// The pipeline identity with extra inputs (file contents that change the output) folded in.
    public static func pipelineVersion(folding inputs: [Data]) -> String {
        var hasher = ContentHash()
        for input in inputs { hasher.update(input) }
        return inputs.isEmpty ? builtInPipelineVersion : "\(builtInPipelineVersion)+\(hasher.hexDigest)"
    }

    /// The pipeline identity the cache at `path` was parsed with, read without changing it (nil
    /// when it has none); opening it with another one empties it.
    package static func cachedPipelineVersion(path: String) throws -> String? {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: path, configuration: config).read { db in
            try db.tableExists("meta") ? try pipelineVersion(db) : nil
        }
    }

    /// The pipeline identity saved in an open cache.
    private static func pipelineVersion(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'pipeline'")
    }

    /// Opens (creating if needed) the cache at `path` and the state database at `statePath`.
    ///
    /// A cache that is damaged or was written by another schema version is deleted and
    /// recreated (it is only a cache). A cache parsed by another pipeline version is emptied,
    /// so the next `refresh` parses everything again.
    ///
    /// With `access: .sharedReadOnly` none of that happens: the cache must exist and be of this
    /// schema, it is opened read-only and used as it is, and any problem is an error. The state
    /// database is the user's own either way.
    ///
    /// With a `scope` (files and directories), `query` sees only the articles of files under
    /// it: the reader opened on some directories of a cache that holds more.
    public init(path: String, statePath: String, pipelineVersion: String = LibraryStore.builtInPipelineVersion,
                access: CacheAccess = .owner, scope: [String] = [], storySettings: StorySettings = .standard) throws {
        self.path = path
        facetIndex = FacetIndex(scope: scope.map(FileScanner.canonicalPath))
        self.storySettings = storySettings
        self.pipelineVersion = pipelineVersion
        self.access = access
        state = try StateStore(path: statePath)
        let prepare: @Sendable (Database) throws -> Void = { db in
            try db.execute(sql: "ATTACH DATABASE ? AS state", arguments: [statePath])
        }
        guard access == .owner else {
            users = nil
            pool = try DatabaseOpener.openReadOnly(path: path, migrator: LibrarySchema.migrator,
                                                   optional: LibrarySchema.optionalForReaders, prepare: prepare)
            if let damage = try withStoreErrors(path: path, { try pool.read { db in try LibrarySchema.damage(db, checkIntegrity: false) } }) {
                throw StoreError.corrupt(path: path, "\(damage); the shared cache is left as it is")
            }
            return
        }
        let users = CacheUsers(cachePath: path)
        defer { users.shareWithOthers() }
        self.users = users
        pool = try Self.openCache(path: path, prepare: prepare, checkIntegrity: users.isOnlyUser && Self.hasLeftoverLog(path))
        try withStoreErrors(path: path) {
            let current = try pool.read { db in try Self.pipelineVersion(db) }
            guard current != pipelineVersion else { return }
            try pool.write { db in
                let cached = try Self.pipelineVersion(db)
                guard cached != pipelineVersion else { return }
                if cached != nil { try LibrarySchema.deleteAllArticles(db) }
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('pipeline', ?)", arguments: [pipelineVersion])
            }
        }
    }

    /// Opens the cache and state at their default places.
    /// A token that changes whenever another process commits to the cache: the sizes and times of
    /// the database file and its write-ahead log. Cheap enough to poll (no query, two `stat`s).
    public func changeToken() -> [Int] {
        [path, path + "-wal"].flatMap { file -> [Int] in
            var info = stat()
            guard stat(file, &info) == 0 else { return [-1] }
            return [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        }
    }

    public convenience init(directories: BriefDirectories, pipelineVersion: String = LibraryStore.builtInPipelineVersion,
                            scope: [String] = [], storySettings: StorySettings = .standard) throws {
        try self.init(path: Self.defaultPath(directories), statePath: StateStore.defaultPath(directories),
                      pipelineVersion: pipelineVersion, scope: scope, storySettings: storySettings)
    }

    /// Opens the cache; one that is damaged, from a newer schema or missing a table is deleted
    /// and made anew (only a cache: the articles' files and the state are never touched).
    ///
    /// `checkIntegrity` runs SQLite's `quick_check` too: after an unclean shutdown bytes may be
    /// wrong anywhere, which a read would only notice on the damaged page (or never).
    private static func openCache(path: String, prepare: @escaping @Sendable (Database) throws -> Void,
                                  checkIntegrity: Bool) throws(StoreError) -> DatabasePool {
        do throws(StoreError) {
            let pool = try DatabaseOpener.open(path: path, migrator: LibrarySchema.migrator, prepare: prepare)
            if let damage = try withStoreErrors(path: path, { try pool.read { db in try LibrarySchema.damage(db, checkIntegrity: checkIntegrity) } }) {
                try? pool.close()
                throw StoreError.corrupt(path: path, damage)
            }
            return pool
        } catch {
            guard error.isCorruption || error.isFromNewerVersion else { throw error }
            try deleteDatabaseFiles(path)
            return try DatabaseOpener.open(path: path, migrator: LibrarySchema.migrator, prepare: prepare)
        }
    }

    /// A write-ahead log that outlived every process using the cache: the last one did not
    /// close it (killed, crashed, power cut). A clean close checkpoints and removes it.
    private static func hasLeftoverLog(_ path: String) -> Bool {
        var info = stat()
        return stat(path + "-wal", &info) == 0 && info.st_size > 0
    }

    private static func deleteDatabaseFiles(_ path: String) throws(StoreError) {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            do {
                try FileManager.default.removeItem(atPath: path + suffix)
            } catch {
                throw StoreError(path: path, reason: "damaged cache could not be removed: \(error.localizedDescription)")
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try withStoreErrors(path: path) { try pool.read(body) }
    }

    // MARK: Queries

    /// Articles in the cache (in its scope, when it was opened with one).
    public func articleCount() throws -> Int {
        guard let scoped = FacetIndex.articlesInScope(facetIndex.scope) else {
            return try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0 }
        }
        return try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(scoped.sql))", arguments: scoped.arguments) ?? 0 }
    }

    /// How many articles match.
    public func count(matching filter: FilterExpression) throws -> Int {
        let condition = FilterSQLCompiler.condition(for: filter)
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM article a WHERE \(condition.sql)", arguments: condition.arguments) ?? 0
        }
    }

    /// One page of the matching articles, without their bodies.
    public func summaries(matching filter: FilterExpression, order: ResultOrder = .newest,
                          offset: Int = 0, limit: Int) throws -> [ArticleSummary] {
        let condition = FilterSQLCompiler.condition(for: filter)
        var arguments = condition.arguments
        arguments += [limit, offset]
        let sql = """
            SELECT \(Self.summaryColumns) FROM article a WHERE \(condition.sql)
            ORDER BY \(Self.orderSQL(order)) LIMIT ? OFFSET ?
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { Self.summary($0, from: 0) }
        }
    }

    /// Columns `summary(_:from:)` decodes: the list line, with topic ids best first.
    static let summaryColumns = """
        a.id, a.day, a.title, a.site_name, a.format,
        (SELECT group_concat(topic, char(31)) FROM
            (SELECT topic FROM article_topic WHERE article = a.rowid AND about = 1 ORDER BY score DESC)),
        a.url
        """

    static func summary(_ row: Row, from first: Int) -> ArticleSummary {
        let day: Int? = row[first + 1]
        let format: String = row[first + 4]
        let topics: String? = row[first + 5]
        return ArticleSummary(
            id: row[first], date: day.map(ArticleDate.init(daysSinceEpoch:)), title: row[first + 2], siteName: row[first + 3],
            format: ArticleFormat(rawValue: format) ?? .text,
            topics: topics.map { $0.split(separator: "\u{1F}").map(String.init) } ?? [], url: row[first + 6])
    }

    /// The ids of every matching article, in order: cheap enough to keep the selection across filters.
    public func ids(matching filter: FilterExpression, order: ResultOrder = .newest) throws -> [String] {
        let condition = FilterSQLCompiler.condition(for: filter)
        return try read { db in
            try String.fetchAll(db, sql: "SELECT a.id FROM article a WHERE \(condition.sql) ORDER BY \(Self.orderSQL(order))",
                                arguments: condition.arguments)
        }
    }

    static func orderSQL(_ order: ResultOrder) -> String {
        switch order {
        // SQLite sorts NULL lowest, so descending puts undated articles last and can walk the day index.
        case .newest: "a.day DESC, a.rowid DESC"
        case .oldest: "a.day IS NULL, a.day ASC, a.rowid ASC"
        case .title: "a.title COLLATE NOCASE, a.rowid"
        case .source: "coalesce(a.site_name, a.id) COLLATE NOCASE, a.day DESC, a.rowid"
        }
    }

    /// One article with its body, removed blocks, entities and topics; nil when not in the cache.
    public func article(id: String) throws -> Article? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(ArticleRow.columns) FROM article a WHERE a.id = ?", arguments: [id])
                .map(ArticleRow.decode)
        }
    }

    /// Files that could not be read at the last refresh, with the reason.
    public func badFiles() throws -> [FileProblem] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT path, error FROM file WHERE error IS NOT NULL ORDER BY path")
                .map { FileProblem(path: $0[0], reason: $0[1]) }
        }
    }

    /// Topic, entity and date counts over the articles matching `filter`.
    ///
    /// The database selects the articles; an in-memory index of each article's topics and
    /// entities (loaded on first use, then only new rows) counts them.
    public func facets(matching filter: FilterExpression, entitiesPerType: Int = 10) throws -> Facets {
        let condition = FilterSQLCompiler.condition(for: filter)
        return try read { db in
            let rowids = try Int64.fetchAll(db, sql: "SELECT a.rowid FROM article a WHERE \(condition.sql)",
                                            arguments: condition.arguments)
            return try facetIndex.facets(db, rowids: rowids, entitiesPerType: entitiesPerType)
        }
    }

    /// The same counts computed by SQL grouping alone: slower at scale, kept as the reference
    /// the in-memory index is tested against.
    package func facetsBySQL(matching filter: FilterExpression, entitiesPerType: Int = 10) throws -> Facets {
        let condition = FilterSQLCompiler.condition(for: filter)
        let everything = condition.sql == "1"
        func inResult(_ column: String) -> String {
            everything ? "1" : "\(column) IN (SELECT a.rowid FROM article a WHERE \(condition.sql))"
        }
        return try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM article a WHERE \(condition.sql)",
                                         arguments: condition.arguments) ?? 0
            var topicCounts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT topic, count(*) FROM article_topic WHERE about = 1 AND \(inResult("article")) GROUP BY topic",
                                        arguments: everything ? [] : condition.arguments) {
                topicCounts[(row[0] as String).lowercased()] = row[1]
            }
            let topics = try Row.fetchAll(db, sql: "SELECT id, name FROM topic ORDER BY id").map { row in
                let id: String = row[0]
                return Facets.TopicCount(id: id, name: row[1], count: topicCounts[id.lowercased()] ?? 0)
            }
            var entities: [EntityType: [Facets.EntityCount]] = [:]
            let entityRows = try Row.fetchCursor(db, sql: """
                SELECT e.type, e.name, c FROM
                    (SELECT entity, count(*) AS c, row_number() OVER (PARTITION BY t ORDER BY count(*) DESC, n) AS rank
                     FROM (SELECT ae.entity, e.type AS t, e.name AS n FROM article_entity ae JOIN entity e ON e.id = ae.entity
                           WHERE \(inResult("ae.article")))
                     GROUP BY entity)
                JOIN entity e ON e.id = entity
                WHERE rank <= ?
                ORDER BY e.type, c DESC, e.name
                """, arguments: (everything ? [] : condition.arguments) + [entitiesPerType])
            while let row = try entityRows.next() {
                guard let type = EntityType(rawValue: row[0]) else { continue }
                entities[type, default: []].append(Facets.EntityCount(name: row[1], type: type, count: row[2]))
            }
            let days = try Row.fetchAll(db, sql: """
                SELECT a.day, count(*) FROM article a WHERE \(condition.sql) AND a.day IS NOT NULL GROUP BY a.day ORDER BY a.day
                """, arguments: condition.arguments).map { row in
                Facets.DayCount(date: ArticleDate(daysSinceEpoch: row[0]), count: row[1])
            }
            return Facets(total: total, topics: topics, entities: entities, days: days)
        }
    }
}

/// How a process uses a library cache.
public enum CacheAccess: Sendable {
    /// The user's own cache: created, migrated, rebuilt when damaged, refreshed.
    case owner
    /// A cache that another account keeps up to date (a team's `brief index --cache-file` run by
    /// cron): opened read-only, never written, migrated, emptied or rebuilt by this process.
    case sharedReadOnly
}

/// A shared `flock` on `<cache>-users` for as long as a process has the cache open. The first
/// process to open it finds no other holder, and is the one that may check it after a crash.
/// The kernel drops the lock of a process that dies, so a crash leaves nothing stale.
final class CacheUsers: Sendable {
    private let descriptor: Int32
    /// No other process had the cache open when this one opened it.
    let isOnlyUser: Bool

    /// Waits while another process checks or rebuilds the cache (it holds the lock exclusively).
    init(cachePath: String) {
        let directory = (cachePath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        descriptor = open(cachePath + "-users", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            isOnlyUser = false
            return
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            isOnlyUser = true
        } else {
            isOnlyUser = false
            while flock(descriptor, LOCK_SH) != 0, errno == EINTR {}
        }
    }

    /// Lets other processes open the cache alongside this one (after the check is done).
    func shareWithOthers() {
        guard descriptor >= 0, isOnlyUser else { return }
        while flock(descriptor, LOCK_SH) != 0, errno == EINTR {}
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
