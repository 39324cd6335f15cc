// Opens a SQLite file the way every Brief database needs it: WAL, busy timeout, directories made.
import BriefCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// Settings shared by Brief's databases.
enum DatabaseSettings {
    /// How long a writer waits for another process's lock before giving up.
    /// Long enough for a cron `brief index` batch to commit, short enough that a user notices.
    static let busyTimeout: TimeInterval = 10
    /// Bytes of the file mapped into memory: reads then skip a copy per page (the library
    /// cache is read far more than written). The OS shares these pages between processes, but
    /// they count in the resident size, so the map is bounded.
    static let mmapSize = 256 << 20
    /// Page cache per connection, in KiB (SQLite's default is 2 MB).
    static let cacheKiB = 16_384
    /// Bytes per page of a new database (SQLite's default is 4,096). Article rows of 1 to 3 KB
    /// leave the end of a page unused when the next row does not fit: at 10,000 realistic
    /// articles 8 KB pages made the cache 6% smaller than 4 KB ones, and 16 KB pages 2% smaller
    /// again (the article table had 14% of its 8 KB pages unused). An existing database keeps
    /// the size it was made with.
    static let pageSize = 16_384
}

enum DatabaseOpener {
    /// Opens (creating if needed) a WAL database pool at `path` and runs `migrator` on it.
    ///
    /// WAL lets a reader and a writer in another process work at once, and makes every commit
    /// atomic: a process killed mid-transaction leaves the last committed state.
    ///
    /// - Throws: `StoreError` naming the file when it cannot be created, is not SQLite, or is damaged.
    static func open(path: String, migrator: DatabaseMigrator,
                     prepare: (@Sendable (Database) throws -> Void)? = nil) throws(StoreError) -> DatabasePool {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(path: path, kind: .cannotOpen, reason: "cannot create the directory \(directory.path): \(error.localizedDescription)")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw StoreError(path: path, kind: .cannotOpen, reason: "a directory is in the way of the database file")
        }
        // Two processes opening a new file at once both saw it unmigrated and both created the
        // tables ("table meta already exists", exit 1): opening and migrating take turns.
        let turn = OpeningTurn(directory: directory.path)
        defer { turn.end() }
        func configuration(attaching: Bool) -> Configuration {
            var config = Configuration()
            config.busyMode = .timeout(DatabaseSettings.busyTimeout)
            config.prepareDatabase { db in
                // Both only take effect on a new, empty file (before GRDB turns WAL on): the page
                // size, and free pages kept as a list the indexer hands back to the file system
                // after a refresh (`PRAGMA incremental_vacuum`), as full-text merges free many.
                if !db.configuration.readonly {
                    try db.execute(sql: "PRAGMA page_size = \(DatabaseSettings.pageSize)")
                    try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
                }
                // Durable enough in WAL: a power cut may lose the last commits, never the file.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                try db.execute(sql: "PRAGMA mmap_size = \(DatabaseSettings.mmapSize)")
                try db.execute(sql: "PRAGMA cache_size = -\(DatabaseSettings.cacheKiB)")
                db.add(function: StoredText.function)
                if attaching { try prepare?(db) }
            }
            return config
        }
        return try withStoreErrors(path: path) {
            // Migrate before attaching anything: an attached database's tables (its own
            // `grdb_migrations`) would otherwise shadow the missing ones of a new file.
            let pool = try DatabasePool(path: path, configuration: configuration(attaching: false))
            // Reads only, when nothing needs migrating: opening must not wait for a writer.
            let (superseded, complete) = try pool.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
            if superseded { throw StoreError(path: path, kind: .newerVersion, reason: StoreError.newerVersionReason) }
            if !complete { try migrator.migrate(pool) }
            guard prepare != nil else { return pool }
            try pool.close()
            return try DatabasePool(path: path, configuration: configuration(attaching: true))
        }
    }
}

extension DatabaseOpener {
    /// Opens an existing database read-only (SQLite refuses every write on these connections),
    /// for a cache another account keeps. Nothing is created, migrated or deleted: a missing file
    /// or another schema version is an error that says who can fix it.
    /// `optional`: migrations a reader can do without (a table only the indexer fills, which readers
    /// look for before they use it): a cache lacking only those opens, so readers upgraded before
    /// the indexer has run with the new version keep working.
    static func openReadOnly(path: String, migrator: DatabaseMigrator, optional: Set<String> = [],
                             prepare: @escaping @Sendable (Database) throws -> Void) throws(StoreError) -> DatabasePool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw StoreError(path: path, kind: .cannotOpen, reason: "no shared cache here (`brief index --cache-file \(path)` builds it)")
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(DatabaseSettings.busyTimeout)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA mmap_size = \(DatabaseSettings.mmapSize)")
            try db.execute(sql: "PRAGMA cache_size = -\(DatabaseSettings.cacheKiB)")
            try db.execute(sql: "PRAGMA query_only = ON")
            db.add(function: StoredText.function)
            try prepare(db)
        }
        return try withStoreErrors(path: path) {
            let pool = try DatabasePool(path: path, configuration: config)
            let (superseded, missing) = try pool.read { db in
                (try migrator.hasBeenSuperseded(db), Set(migrator.migrations).subtracting(try migrator.appliedIdentifiers(db)))
            }
            if superseded { throw StoreError(path: path, kind: .newerVersion, reason: StoreError.newerVersionReason) }
            if !missing.isSubset(of: optional) {
                throw StoreError(path: path, kind: .olderVersion, reason: "the shared cache was built by an older Brief; run `brief index --cache-file` with this version to update it")
            }
            return pool
        }
    }
}

/// An exclusive `flock` on the database's directory while a process opens and migrates a
/// database there. A lock on the directory rather than the file: closing any descriptor of a
/// SQLite file would drop the POSIX locks SQLite holds on it, and no lock file is left behind.
/// The kernel releases the lock if the process dies.
private struct OpeningTurn {
    private let descriptor: Int32

    /// Waits for the turn; without a descriptor (an unreadable directory) it goes ahead unlocked.
    init(directory: String) {
        descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        while flock(descriptor, LOCK_EX) != 0, errno == EINTR {}
    }

    func end() {
        guard descriptor >= 0 else { return }
        close(descriptor)
    }
}
