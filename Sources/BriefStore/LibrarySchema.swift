// The library cache's schema: parsed articles keyed by file, with full-text and facet tables.
import GRDB

/// How the full-text index is kept.
enum FullTextSettings {
    /// Segments of one size FTS5 merges into one (its `automerge`; the default is 4). Each merge
    /// rewrites the terms it merges, so merging more at once rewrites each term fewer times:
    /// at 100,000 articles the index cost a third less CPU to build, and queries were as fast.
    static let segmentsMergedAtOnce = 16
    /// Prefix lengths with an index of their own. A 3-character prefix matches many terms and
    /// is typed on the way to every longer one; longer prefixes match few terms, and FTS5 finds
    /// them quickly in the main index. The 2-character index was 0.37 times the indexed text.
    static let prefixLengths = "3"
    /// How the full-text index splits and folds words; `TermBitmaps` indexes added rows the same way.
    static let tokenizer = "unicode61 remove_diacritics 2"
}

enum LibrarySchema {
    /// Identifies what the pipeline produced. When the cached value differs from the running
    /// one, every cached article is dropped and re-parsed: a cache is rebuilt, never misread.
    /// Bump it whenever reading, cleaning, entities or topics change their output, or the
    /// stored form of an article does. The cases of the enums the detail blob stores by number
    /// are folded in, so adding or reordering one rebuilds the cache without anyone bumping.
    /// `PipelineVersionTests` fails when the bundled rules, or the output over the repository's
    /// own articles, change while this stays the same.
    static let builtInPipelineVersion = "pipeline-138+" + ArticleDetailCodec.layoutFingerprint

    /// Tables every query needs. Without `article_fts` a text filter matched every article.
    static let requiredTables = ["meta", "file", "article", "article_facet", "article_topic", "topic",
                                 "entity", "article_entity", "article_fts", "article_story"]

    /// What is wrong with an opened cache, or nil: a missing table, and with `checkIntegrity`
    /// whatever SQLite's `quick_check` finds (it reads every page, so only after a crash).
    static func damage(_ db: Database, checkIntegrity: Bool) throws -> String? {
        let present = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'table'"))
        if let missing = requiredTables.first(where: { !present.contains($0) }) {
            return "the table \(missing) is missing"
        }
        guard checkIntegrity else { return nil }
        let findings = try String.fetchAll(db, sql: "PRAGMA quick_check(1)")
        return findings == ["ok"] ? nil : "quick_check: \(findings.joined(separator: "; "))"
    }

    /// Indexes a first index (of an empty cache) builds after its last batch rather than row by
    /// row: each batch inserted into them at scattered places (by title, source, day and story id). The
    /// statements are their migrations' (v1, v4, v6), which a test holds them to.
    static let deferredIndexes: [(name: String, sql: String)] = [
        ("article_by_day", "CREATE INDEX article_by_day ON article(day)"),
        ("article_by_title", "CREATE INDEX article_by_title ON article(title COLLATE NOCASE)"),
        ("article_by_source", "CREATE INDEX article_by_source ON article(coalesce(site_name, id) COLLATE NOCASE, day DESC)"),
        ("article_story_by_story", "CREATE INDEX article_story_by_story ON article_story(story)"),
    ]

    /// Migrations in order. Never edit a shipped one; append a new one.
    /// The migration that adds `reader_snapshot`, which only the indexer fills and readers use
    /// only when it is there.
    static let readerSnapshotMigration = "v8: what a reader loads at open, saved whole"
    /// Migrations a reader of a shared cache does without until the indexer applies them.
    static let optionalForReaders: Set<String> = [readerSnapshotMigration]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: files, articles, topics, entities, full text") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;

                -- One row per file seen: what it looked like when parsed, and why it failed if it did.
                CREATE TABLE file (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    size INTEGER NOT NULL,
                    mtime REAL NOT NULL,
                    hash TEXT NOT NULL,
                    error TEXT
                );

                -- One row per article (a feed file holds several). Kept paragraphs are stored once,
                -- joined by U+2029, and the full-text index reads them from here (external content).
                -- Rowids are never reused, so the in-memory facet index can load only new rows.
                CREATE TABLE article (
                    rowid INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    file INTEGER NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                    format TEXT NOT NULL,
                    title TEXT NOT NULL,
                    day INTEGER,
                    byline TEXT,
                    url TEXT,
                    site_name TEXT,
                    text TEXT NOT NULL,
                    detail BLOB NOT NULL
                );

                -- What the in-memory facet index (FacetIndex) loads: the day and the article's
                -- topic keys and entity ids, packed. A narrow table of its own, so that loading
                -- it (and listing every rowid) does not read the pages holding the text.
                CREATE TABLE article_facet (
                    article INTEGER PRIMARY KEY REFERENCES article(rowid) ON DELETE CASCADE,
                    day INTEGER,
                    facets BLOB NOT NULL
                );
                CREATE INDEX article_by_file ON article(file);
                CREATE INDEX article_by_day ON article(day);

                CREATE TABLE article_topic (
                    topic TEXT NOT NULL COLLATE NOCASE,
                    article INTEGER NOT NULL REFERENCES article(rowid) ON DELETE CASCADE,
                    score REAL NOT NULL,
                    PRIMARY KEY (topic, article)
                ) WITHOUT ROWID;
                CREATE INDEX article_topic_by_article ON article_topic(article);

                CREATE TABLE topic (
                    key INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    name TEXT NOT NULL
                );

                -- Entities by canonical name; `fold` is the name case- and diacritic-folded for lookups.
                CREATE TABLE entity (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    type TEXT NOT NULL,
                    name TEXT NOT NULL,
                    fold TEXT NOT NULL,
                    UNIQUE (type, name)
                );
                CREATE INDEX entity_by_fold ON entity(fold, type);

                CREATE TABLE article_entity (
                    entity INTEGER NOT NULL REFERENCES entity(id),
                    article INTEGER NOT NULL REFERENCES article(rowid) ON DELETE CASCADE,
                    mentions INTEGER NOT NULL,
                    PRIMARY KEY (entity, article)
                ) WITHOUT ROWID;
                CREATE INDEX article_entity_by_article ON article_entity(article);

                CREATE VIRTUAL TABLE article_fts USING fts5(
                    title, text,
                    content = 'article', content_rowid = 'rowid',
                    tokenize = 'unicode61 remove_diacritics 2',
                    prefix = '2 3 4'
                );
                """)
            try db.execute(sql: ftsTriggers)
        }
        migrator.registerMigration("v2: full-text rows written per batch, not by a trigger") { db in
            // BatchWriter indexes each batch's new articles with one statement (see UnindexedArticles).
            try db.execute(sql: "DROP TRIGGER article_fts_insert")
        }
        migrator.registerMigration("v3: full-text index with 2- and 3-character prefixes, merged 16 segments at a time") { db in
            // Building the index cost more than anything else the writer does, and the 4-character
            // prefix index alone was a third of it. Longer prefixes match few terms, so FTS5 answers
            // them quickly from the main index; the short ones, which match many, keep theirs.
            // Merging 16 segments at a time (FTS5's default is 4) rewrites each term fewer times.
            // The cached articles are dropped rather than indexed again here: the open that runs
            // this would wait for the whole index (many seconds at 100,000 articles), while the next
            // refresh parses them again in the background (this release changes the pipeline too).
            try db.execute(sql: """
                DROP TABLE article_fts;
                \(ftsTable)
                """)
            try deleteAllArticles(db)
        }
        migrator.registerMigration("v4: title and source orders indexed") { db in
            // Listing a library by title or by source needs every rowid in that order; without
            // an index SQLite read the whole article table, text and all, and sorted it (about
            // 0.3 s at 100,000 articles, on the first `o` of a session). The expressions are
            // `LibraryStore.orderSQL`'s, so the indexes are walked in order, with no sort.
            try db.execute(sql: """
                CREATE INDEX article_by_title ON article(title COLLATE NOCASE);
                CREATE INDEX article_by_source ON article(coalesce(site_name, id) COLLATE NOCASE, day DESC);
                """)
        }
        migrator.registerMigration("v5: topics an article is about, and those it only mentions") { db in
            // `topic:` and the pane's counts read the rows with `about = 1`; `mentions:` reads all.
            // The articles cached before were classified by presence alone: the new pipeline
            // version drops them, and the next refresh parses them again.
            try db.execute(sql: "ALTER TABLE article_topic ADD COLUMN about INTEGER NOT NULL DEFAULT 1")
        }
        migrator.registerMigration("v6: the story of each article") { db in
            // Each article's story (see `StoryAssigner`): near-duplicates and the same story in
            // other words share one id. `features` is the MinHash signature, title words and
            // entities the next refresh compares new articles with, `length` the kept text's
            // (the best version of a story is the longest). The cached articles are dropped so
            // that the next refresh parses them again and gives every one its story.
            try db.execute(sql: """
                CREATE TABLE article_story (
                    article INTEGER PRIMARY KEY REFERENCES article(rowid) ON DELETE CASCADE,
                    story TEXT NOT NULL,
                    length INTEGER NOT NULL,
                    features BLOB NOT NULL
                );
                CREATE INDEX article_story_by_story ON article_story(story);
                """)
            try deleteAllArticles(db)
        }
        migrator.registerMigration("v7: text stored deflated, full-text index without content and with 3-character prefixes") { db in
            // The cache was 3.7 times the text it indexes. The text is now stored deflated
            // (`StoredText`), so the full-text index can no longer read it as external content: it
            // keeps no content, and the delete trigger hands it the inflated words. Its 2-character
            // prefix index (0.37 times the text) goes; a 2-character prefix is found by scanning
            // the terms that start with it (one keystroke of a word being typed).
            try db.execute(sql: """
                DROP TRIGGER IF EXISTS article_fts_update;
                DROP TRIGGER article_fts_delete;
                DROP TABLE article_fts;
                \(contentlessFTSTable)
                \(ftsDeleteTrigger)
                """)
            try deleteAllArticles(db)
        }
        // A new table only: checking every foreign key of the cache afterwards (GRDB's default)
        // read a 6 GB cache of 1,000,000 articles for minutes on the first open.
        migrator.registerMigration(readerSnapshotMigration, foreignKeyChecks: .immediate) { db in
            // The facet index's and story grouping's arrays, one blob each (see `ReaderSnapshot`):
            // at 1,000,000 articles loading them row by row was most of a reader's first second.
            // Empty until the next `brief index` (or any refresh) saves them.
            try db.execute(sql: """
                CREATE TABLE reader_snapshot (
                    part INTEGER PRIMARY KEY,
                    through INTEGER NOT NULL,
                    articles INTEGER NOT NULL,
                    layout INTEGER NOT NULL,
                    data BLOB NOT NULL
                );
                """)
        }
        return migrator
    }

    /// The full-text index since v7: no content of its own (`article.text` is deflated), so a row
    /// is deleted with the words it was indexed with (`ftsDeleteTrigger`).
    static let contentlessFTSTable = """
        CREATE VIRTUAL TABLE article_fts USING fts5(
            title, text,
            content = '',
            tokenize = '\(FullTextSettings.tokenizer)',
            prefix = '\(FullTextSettings.prefixLengths)'
        );
        INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', \(FullTextSettings.segmentsMergedAtOnce));
        """

    /// Takes a deleted article's words out of the full-text index (since v7 its text is deflated).
    static let ftsDeleteTrigger = """
        CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
            INSERT INTO article_fts (article_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, \(StoredText.functionName)(old.text));
        END;
        """

    /// The full-text index over titles and kept text since v3 (v1 had 4-character prefixes too).
    static let ftsTable = """
        CREATE VIRTUAL TABLE article_fts USING fts5(
            title, text,
            content = 'article', content_rowid = 'rowid',
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '2 3'
        );
        INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', \(FullTextSettings.segmentsMergedAtOnce));
        """

    /// Keep the external-content full-text index in step with `article` (v1; v2 drops the insert trigger).
    static let ftsTriggers = """
        CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
            INSERT INTO article_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
            INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER article_fts_update AFTER UPDATE ON article BEGIN
            INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO article_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        """

    /// Empties the cache in one transaction (a new pipeline makes every cached article stale).
    /// The full-text index is cleared wholesale rather than row by row.
    static func deleteAllArticles(_ db: Database) throws {
        // Older migrations call this before v6 made the table.
        if try db.tableExists("article_story") { try db.execute(sql: "DELETE FROM article_story") }
        if try db.tableExists("reader_snapshot") { try db.execute(sql: "DELETE FROM reader_snapshot") }
        try db.execute(sql: """
            DELETE FROM article_entity;
            DELETE FROM article_topic;
            DELETE FROM article_facet;
            INSERT INTO article_fts (article_fts) VALUES ('delete-all');
            DROP TRIGGER article_fts_delete;
            DELETE FROM article;
            DELETE FROM file;
            DELETE FROM entity;
            DELETE FROM topic;
            \(ftsDeleteTrigger)
            """)
    }
}
