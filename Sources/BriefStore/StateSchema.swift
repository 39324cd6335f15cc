// The state database's schema and its migrations: what the user marked, which must never be lost.
import GRDB

enum StateSchema {
    /// Migrations in order. Never edit a shipped one; append a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: article flags") { db in
            // One row per article the user touched; rows with both flags off are deleted.
            try db.execute(sql: """
                CREATE TABLE article_flags (
                    id TEXT PRIMARY KEY NOT NULL,
                    read INTEGER NOT NULL DEFAULT 0,
                    starred INTEGER NOT NULL DEFAULT 0,
                    changed_at REAL NOT NULL
                ) WITHOUT ROWID
                """)
        }
        return migrator
    }
}
