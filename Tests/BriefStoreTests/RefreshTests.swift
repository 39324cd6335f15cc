// Incremental refresh: only new or changed files are parsed, deleted ones dropped, bad ones named.
import BriefCore
import BriefTestSupport
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Testing
@testable import BriefStore

@Suite struct RefreshTests {
    static func article(_ title: String, _ body: String) -> String {
        "\(title)\nDec 9, 2023\n\(body)\n"
    }

    func setMTime(_ url: URL, secondsAgo: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -secondsAgo)], ofItemAtPath: url.path)
    }

    func open(_ dir: TemporaryDirectory, version: String = LibraryStore.builtInPipelineVersion) throws -> LibraryStore {
        try LibraryStore(path: dir.file("cache/library.sqlite").path, statePath: dir.file("data/state.sqlite").path,
                         pipelineVersion: version)
    }

    func searching(_ store: LibraryStore, _ word: String) throws -> [String] {
        try store.ids(matching: .word(word, prefix: false)).map { URL(fileURLWithPath: $0).lastPathComponent }.sorted()
    }

    @Test func aRefreshSetsTheWriterConnectionBackAsItFoundIt() throws {
        let dir = try TemporaryDirectory()
        try dir.write("library/a.txt", Self.article("Alpha report", "Alpha paragraph about walruses."))
        let store = try open(dir)
        func settings() throws -> [Int] {
            try store.write { db in
                try ["cache_size", "mmap_size", "foreign_keys", "wal_autocheckpoint"].map { try Int.fetchOne(db, sql: "PRAGMA \($0)")! }
            }
        }
        let before = try settings()
        // While indexing the writer has a larger page cache; afterwards the reader's bound holds again.
        let report = try store.refresh(paths: [dir.file("library").path])
        #expect(report.added == 1)
        #expect(try settings() == before)
        #expect(before[0] == -DatabaseSettings.cacheKiB)
        #expect(try searching(store, "walruses") == ["a.txt"])
    }

    @Test func onlyNewOrChangedFilesAreParsedAndDeletedOnesDropped() throws {
        let dir = try TemporaryDirectory()
        let library = dir.file("library").path
        let a = try dir.write("library/a.txt", Self.article("Alpha report", "Alpha paragraph about walruses."))
        let b = try dir.write("library/sub/b.txt", Self.article("Bravo report", "Bravo paragraph about penguins."))
        let c = try dir.write("library/c.txt", Self.article("Charlie report", "Charlie paragraph about otters."))
        try dir.write("library/.hidden.txt", Self.article("Hidden", "Never indexed narwhals."))
        for url in [a, b, c] { try setMTime(url, secondsAgo: 100) }

        let store = try open(dir)
        let first = try store.refresh(paths: [library])
        #expect((first.added, first.changed, first.removed, first.unchanged, first.bad) == (3, 0, 0, 0, 0))
        #expect(first.articles == 3)
        #expect(try searching(store, "narwhals").isEmpty)

        let second = try store.refresh(paths: [library])
        #expect((second.added, second.changed, second.removed, second.unchanged, second.bad) == (0, 0, 0, 3, 0))

        // a changes, b is touched without changing, c is deleted, d is new.
        try dir.write("library/a.txt", Self.article("Alpha report", "Alpha paragraph now about seals."))
        try setMTime(b, secondsAgo: 10)
        try FileManager.default.removeItem(at: c)
        try dir.write("library/d.txt", Self.article("Delta report", "Delta paragraph about herons."))
        let third = try store.refresh(paths: [library])
        #expect((third.added, third.changed, third.removed, third.unchanged, third.bad) == (1, 1, 1, 1, 0))
        #expect(try searching(store, "walruses").isEmpty)
        #expect(try searching(store, "seals") == ["a.txt"])
        #expect(try searching(store, "otters").isEmpty)
        #expect(try searching(store, "herons") == ["d.txt"])
        #expect(try searching(store, "penguins") == ["b.txt"])
        #expect(try store.articleCount() == 3)
        // The id is the file's absolute path.
        #expect(try store.article(id: a.standardizedFileURL.path)?.title == "Alpha report")
    }

    @Test func aStoreOpenedOnSomeDirectoriesQueriesOnlyTheirArticles() throws {
        let dir = try TemporaryDirectory()
        try dir.write("news/a.txt", Self.article("Alpha report", "Alpha paragraph about walruses in Seoul."))
        try dir.write("news/sub/b.txt", Self.article("Bravo report", "Bravo paragraph about penguins in Seoul."))
        // A sibling whose name starts with the scope's, and another directory.
        try dir.write("newsletters/c.txt", Self.article("Charlie report", "Charlie paragraph about walruses in Seoul."))
        try dir.write("other/d.txt", Self.article("Delta report", "Delta paragraph about walruses in Seoul."))
        let whole = try open(dir)
        _ = try whole.refresh(paths: ["news", "newsletters", "other"].map { dir.file($0).path })
        #expect(try whole.query(.all).count == 4)

        let scoped = try LibraryStore(path: dir.file("cache/library.sqlite").path, statePath: dir.file("data/state.sqlite").path,
                                      scope: [dir.file("news").path + "/"])
        let all = try scoped.query(.all)
        #expect(try scoped.summaries(of: all, 0..<10).map(\.title).sorted() == ["Alpha report", "Bravo report"])
        #expect(all.facets.total == 2)
        #expect(try scoped.articleCount() == 2)
        #expect(try scoped.query(.word("walruses", prefix: false)).count == 1)
        #expect(try scoped.query(.not(.word("walruses", prefix: false))).count == 1)
        #expect(try scoped.query(.entity(.place, "Seoul")).facets.entities[.place]?.first?.count == 2)
        // Articles indexed later under the scope are seen; the store as a whole is unchanged.
        try dir.write("news/e.txt", Self.article("Echo report", "Echo paragraph about walruses."))
        try dir.write("other/f.txt", Self.article("Foxtrot report", "Foxtrot paragraph about walruses."))
        _ = try scoped.refresh(paths: ["news", "other"].map { dir.file($0).path })
        #expect(try scoped.query(.word("walruses", prefix: false)).count == 2)
        #expect(try whole.query(.word("walruses", prefix: false)).count == 5)
    }

    @Test func aChangedOrFailedFileLeavesNoRowOfItsOldArticles() throws {
        let dir = try TemporaryDirectory()
        let library = dir.file("library").path
        let a = try dir.write("library/a.txt", Self.article("Talks in Seoul", "Officials in Seoul discussed the missile launch with Jake Sullivan."))
        let b = try dir.write("library/b.txt", Self.article("Talks in Tokyo", "Officials in Tokyo discussed the ransomware attack."))
        for url in [a, b] { try setMTime(url, secondsAgo: 100) }
        let store = try open(dir)
        _ = try store.refresh(paths: [library])
        #expect(try store.ids(matching: .entity(nil, "Seoul")).count == 1)

        try dir.write("library/a.txt", Self.article("Talks in Manila", "Officials in Manila discussed fishing rights."))
        try dir.write("library/b.txt", "")
        let report = try store.refresh(paths: [library])
        #expect((report.changed, report.bad) == (1, 1))
        #expect(try store.ids(matching: .entity(nil, "Seoul")).isEmpty)
        #expect(try store.ids(matching: .entity(nil, "Tokyo")).isEmpty)
        #expect(try store.ids(matching: .word("missile", prefix: false)).isEmpty)
        #expect(try store.ids(matching: .entity(nil, "Manila")) == [a.standardizedFileURL.path])
        for table in ["article_facet", "article_topic", "article_entity"] {
            let orphans = try store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE article NOT IN (SELECT rowid FROM article)")
            }
            #expect(orphans == 0, "\(table)")
        }
        let brokenReferences = try store.pool.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        #expect(brokenReferences.isEmpty)
        try store.write { db in try db.execute(sql: "INSERT INTO article_fts (article_fts) VALUES ('integrity-check')") }
    }

    @Test func badFilesAreNamedEveryRunAndTheRestLoads() throws {
        let dir = try TemporaryDirectory()
        try dir.write("library/good.txt", Self.article("Good", "A good paragraph."))
        let empty = try dir.write("library/empty.txt", "")
        let store = try open(dir)
        for _ in 0..<2 {
            let report = try store.refresh(paths: [dir.file("library").path])
            #expect(report.bad == 1)
            #expect(report.badFiles.first?.path == empty.standardizedFileURL.path)
            #expect(report.badFiles.first?.reason.isEmpty == false)
            #expect(report.articles == 1)
        }
        let missing = try store.refresh(paths: [dir.file("nowhere").path])
        #expect(missing.badFiles.map(\.path) == [dir.file("nowhere").standardizedFileURL.path])
        // A path that vanished is not taken for a deleted library.
        #expect(try store.articleCount() == 1)
    }

    @Test func linksToItsOwnOrEachOthersDirectoriesIndexEachArticleOnce() throws {
        let dir = try TemporaryDirectory()
        try dir.write("library/one/a.txt", Self.article("One", "Text about lynxes."))
        try dir.write("library/two/b.txt", Self.article("Two", "Text about ibises."))
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: dir.file("library/self").path, withDestinationPath: ".")
        try manager.createSymbolicLink(atPath: dir.file("library/one/to-two").path, withDestinationPath: "../two")
        try manager.createSymbolicLink(atPath: dir.file("library/two/to-one").path, withDestinationPath: "../one")
        let store = try open(dir)
        let report = try store.refresh(paths: [dir.file("library").path])
        #expect((report.added, report.bad, report.articles) == (2, 0, 2))
        #expect(try searching(store, "lynxes") == ["a.txt"])
    }

    @Test func aSparseFileOverTheSizeLimitIsReportedNotRead() throws {
        let dir = try TemporaryDirectory()
        try dir.write("library/good.txt", Self.article("Good", "A good paragraph."))
        let huge = try dir.write("library/huge.txt", "Title\n")
        let size = LibraryFileSettings.maximumFileSize + 1
        #expect(truncate(huge.path, off_t(size)) == 0)
        let report = try open(dir).refresh(paths: [dir.file("library").path])
        #expect(report.articles == 1)
        #expect(report.badFiles.map(\.path) == [huge.standardizedFileURL.path])
        #expect(report.badFiles.first?.reason == "too large (\(size) bytes; the limit is \(LibraryFileSettings.maximumFileSize))")
    }

    @Test func fileNamesThatAreNotUTF8AreIndexedUnderEscapedPaths() throws {
        let dir = try TemporaryDirectory()
        let library = try dir.write("library/good.txt", Self.article("Good", "A good paragraph.")).deletingLastPathComponent()
        let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
        let path = Array((library.standardizedFileURL.path + "/").utf8) + name + [0]
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { Glibc.open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        let text = Array(Self.article("Latin", "Text about pelicans.").utf8)
        #expect(text.withUnsafeBufferPointer { Glibc.write(descriptor, $0.baseAddress!, $0.count) } == text.count)
        Glibc.close(descriptor)
        let store = try open(dir)
        let report = try store.refresh(paths: [library.path])
        #expect((report.added, report.bad) == (2, 0), "\(report.badFiles)")
        let escaped = library.standardizedFileURL.path + "/caf\\xE9.txt"
        #expect(try store.article(id: escaped)?.title == "Latin")
        #expect(try store.refresh(paths: [library.path]).unchanged == 2, "found again under the same path")
    }

    @Test func onlyFilesUnderTheRefreshedPathsCanBeDropped() throws {
        let dir = try TemporaryDirectory()
        try dir.write("one/a.txt", Self.article("One", "Text about lynxes."))
        try dir.write("two/b.txt", Self.article("Two", "Text about ibises."))
        let store = try open(dir)
        _ = try store.refresh(paths: [dir.file("one").path, dir.file("two").path])
        let report = try store.refresh(paths: [dir.file("one").path])
        #expect(report.removed == 0)
        #expect(try searching(store, "ibises") == ["b.txt"])
        #expect(Set(try store.roots()) == [dir.file("one").standardizedFileURL.path, dir.file("two").standardizedFileURL.path])
    }

    @Test func aCacheFromAnotherPipelineVersionIsRebuiltNotMisread() throws {
        let dir = try TemporaryDirectory()
        try dir.write("library/a.txt", Self.article("Alpha", "Text about voles."))
        do {
            let old = try open(dir, version: "pipeline-0")
            _ = try old.refresh(paths: [dir.file("library").path])
            #expect(try old.articleCount() == 1)
        }
        let new = try open(dir, version: "pipeline-1")
        #expect(try new.articleCount() == 0)
        #expect(try searching(new, "voles").isEmpty)
        let report = try new.refresh(paths: [dir.file("library").path])
        #expect(report.added == 1)
        #expect(try searching(new, "voles") == ["a.txt"])
    }

    @Test func aCacheFromBeforeTheNewFullTextIndexIsRefilledByTheNextRefreshAndSearchable() throws {
        let dir = try TemporaryDirectory()
        try dir.write("library/a.txt", Self.article("Alpha", "Text about voles and their burrows."))
        try dir.write("library/b.txt", Self.article("Bravo", "Text about herons."))
        do {
            // Made as a v2 cache was: the index with 4-character prefixes, filled, and no v3 or v4 yet.
            let old = try open(dir)
            _ = try old.refresh(paths: [dir.file("library").path])
            try old.write { db in
                try db.execute(sql: """
                    DROP INDEX article_by_title;
                    DROP INDEX article_by_source;
                    DROP TABLE article_fts;
                    CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content = 'article', content_rowid = 'rowid',
                        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
                    INSERT INTO article_fts (article_fts) VALUES ('rebuild');
                    DELETE FROM grdb_migrations WHERE identifier LIKE 'v3:%' OR identifier LIKE 'v4:%' OR identifier LIKE 'v7:%';
                    """)
            }
        }
        let upgraded = try open(dir)
        let definition = try upgraded.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'article_fts'")
        }
        #expect(definition?.contains("content = ''") == true)
        #expect(definition?.contains("prefix = '3'") == true)
        // Nothing stale is shown: the old articles went with the old index, and come back parsed again.
        #expect(try upgraded.articleCount() == 0)
        let report = try upgraded.refresh(paths: [dir.file("library").path])
        #expect((report.added, report.bad) == (2, 0))
        #expect(try searching(upgraded, "voles") == ["a.txt"])
        #expect(try searching(upgraded, "herons") == ["b.txt"])
        for prefix in ["bu", "bur", "burr", "burrow"] {
            #expect(try upgraded.ids(matching: .word(prefix, prefix: true)).map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.txt"])
        }
    }

    @Test func aCacheWithItsTextStoredPlainIsRefilledWithDeflatedTextThatReadsBackWhole() throws {
        let dir = try TemporaryDirectory()
        let body = String(repeating: "Voles dig burrows under the meadow, and the herons wait for them. ", count: 20)
        let a = try dir.write("library/a.txt", Self.article("Alpha", body))
        do {
            // Made as a v6 cache was: plain text, read by the full-text index as its content.
            let old = try open(dir)
            try old.write { db in
                try db.execute(sql: """
                    DROP TRIGGER article_fts_delete;
                    DROP TABLE article_fts;
                    CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content = 'article', content_rowid = 'rowid',
                        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
                    CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
                        INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
                    END;
                    INSERT INTO file (id, path, size, mtime, hash) VALUES (1, '\(a.standardizedFileURL.path)', 0, 0, '');
                    INSERT INTO article (id, file, format, title, text, detail) VALUES ('\(a.standardizedFileURL.path)', 1, 'text', 'Alpha', 'plain', x'');
                    INSERT INTO article_fts (rowid, title, text) SELECT rowid, title, text FROM article;
                    DELETE FROM grdb_migrations WHERE identifier LIKE 'v7:%';
                    """)
            }
        }
        let store = try open(dir)
        #expect(try store.articleCount() == 0, "the plain rows went with the old index")
        _ = try store.refresh(paths: [dir.file("library").path])
        let stored = try store.read { db in try Row.fetchOne(db, sql: "SELECT typeof(text), length(text) FROM article")! }
        #expect(stored[0] as String == "blob")
        #expect((stored[1] as Int) * 4 < body.utf8.count, "deflated")
        let parsed = try ArticlePipeline().articles(from: Data(contentsOf: a), source: a.path)[0]
        #expect(try store.article(id: a.standardizedFileURL.path)?.paragraphs == parsed.paragraphs)
        #expect(try searching(store, "herons") == ["a.txt"])
        // Changed, the file's old words leave the index with its old row (the delete trigger inflates them).
        try dir.write("library/a.txt", Self.article("Alpha", "Only moles now."))
        try setMTime(a, secondsAgo: -5)
        #expect(try store.refresh(paths: [dir.file("library").path]).changed == 1)
        #expect(try searching(store, "herons").isEmpty)
        #expect(try searching(store, "moles") == ["a.txt"])
        try store.write { db in try db.execute(sql: "INSERT INTO article_fts (article_fts) VALUES ('integrity-check')") }
    }

    @Test func aRefreshHandsThePagesItFreedBackToTheFileSystem() throws {
        let dir = try TemporaryDirectory()
        let library = dir.file("library").path
        for index in 0..<60 {
            try dir.write("library/a\(index).txt", Self.article("Alpha \(index)", (0..<300).map { "Voles \($0 * 7919 % 1000 + index)." }.joined(separator: " ")))
        }
        let store = try open(dir)
        _ = try store.refresh(paths: [library])
        let layout = try store.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_size"), try Int.fetchOne(db, sql: "PRAGMA auto_vacuum"))
        }
        #expect(layout.0 == DatabaseSettings.pageSize)
        #expect(layout.1 == 2, "incremental")
        let pagesWhenFull = try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        for index in 0..<50 { try FileManager.default.removeItem(at: dir.file("library/a\(index).txt")) }
        #expect(try store.refresh(paths: [library]).removed == 50)
        let after = try store.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? -1, try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0)
        }
        #expect(after.0 == 0)
        #expect(after.1 < pagesWhenFull, "the file shrank with the articles")
        #expect(try store.articleCount() == 10)
    }

    /// The indexes of the cache, by name, as `sqlite_schema` holds them.
    func indexes(_ store: LibraryStore) throws -> [String: String] {
        try store.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL")
                .map { ($0[0] as String, $0[1] as String) })
        }
    }

    @Test func aFirstIndexBuildsTheIndexesItDefersAsTheMigrationsMakeThem() throws {
        let dir = try TemporaryDirectory()
        for index in 0..<20 { try dir.write("library/a\(index).txt", Self.article("Report \(index)", "Paragraph \(index) about voles.")) }
        let migrated = try indexes(try LibraryStore(path: dir.file("fresh/library.sqlite").path, statePath: dir.file("fresh/state.sqlite").path))
        for deferred in LibrarySchema.deferredIndexes { #expect(migrated[deferred.name] == deferred.sql) }
        let store = try open(dir)
        #expect(try store.refresh(paths: [dir.file("library").path]).added == 20)
        #expect(try indexes(store) == migrated)
    }

    @Test func aCacheLeftWithoutTheDeferredIndexesHasThemBackAfterTheNextRefresh() throws {
        let dir = try TemporaryDirectory()
        for index in 0..<5 { try dir.write("library/a\(index).txt", Self.article("Report \(index)", "Paragraph \(index) about voles.")) }
        let store = try open(dir)
        _ = try store.refresh(paths: [dir.file("library").path])
        let built = try indexes(store)
        // What a first index killed before its last batch leaves: articles, and not these indexes.
        try store.write { db in
            for deferred in LibrarySchema.deferredIndexes { try db.execute(sql: "DROP INDEX \(deferred.name)") }
        }
        try dir.write("library/b.txt", Self.article("Bravo", "Paragraph about herons."))
        #expect(try store.refresh(paths: [dir.file("library").path]).added == 1)
        #expect(try indexes(store) == built)
        #expect(try searching(store, "herons") == ["b.txt"])
    }

    @Test func aDamagedCacheIsRebuiltAndTheStateKept() throws {
        let dir = try TemporaryDirectory()
        try dir.write("library/a.txt", Self.article("Alpha", "Text about moles."))
        do {
            let store = try open(dir)
            _ = try store.refresh(paths: [dir.file("library").path])
            try store.state.setStarred(try store.ids(matching: .all)[0], true)
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dir.file("cache/library.sqlite").path + suffix) }
        try Data(repeating: 0x42, count: 10_000).write(to: dir.file("cache/library.sqlite"))
        let store = try open(dir)
        #expect(try store.articleCount() == 0)
        _ = try store.refresh(paths: [dir.file("library").path])
        #expect(try store.count(matching: .starred) == 1)
    }

    @Test func randomBytesInACacheLeftByACrashAreFoundAndTheCacheRebuilt() throws {
        let dir = try TemporaryDirectory()
        let library = dir.file("library").path
        for index in 0..<200 {
            try dir.write("library/a\(index).txt", Self.article("Alpha \(index)", String(repeating: "Text about voles \(index). ", count: 40)))
        }
        do {
            let store = try open(dir)
            _ = try store.refresh(paths: [library])
            try store.state.setStarred(try store.ids(matching: .all)[0], true)
        }
        // As a crash leaves it: a write-ahead log nobody checkpointed, and damaged pages that
        // opening and counting do not read.
        let cache = dir.file("cache/library.sqlite")
        let handle = try FileHandle(forUpdating: cache)
        let size = try handle.seekToEnd()
        var generator = SystemRandomNumberGenerator()
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: (0..<Int(size / 4)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try handle.close()
        try Data(repeating: 0x17, count: 4096).write(to: URL(fileURLWithPath: cache.path + "-wal"))
        let store = try open(dir)
        #expect(try store.articleCount() == 0, "rebuilt, not misread")
        let report = try store.refresh(paths: [library])
        #expect((report.added, report.bad) == (200, 0))
        #expect(try store.count(matching: .starred) == 1, "the state is not the cache: kept")
    }

    @Test func aCacheWithoutItsFullTextTableIsRebuiltAndTextFiltersMatchOnlyTheirArticles() throws {
        let dir = try TemporaryDirectory()
        let library = dir.file("library").path
        try dir.write("library/a.txt", Self.article("Alpha", "Text about moles."))
        try dir.write("library/b.txt", Self.article("Bravo", "Text about hares."))
        do { _ = try open(dir).refresh(paths: [library]) }
        do {
            let queue = try DatabaseQueue(path: dir.file("cache/library.sqlite").path)
            try queue.write { db in try db.execute(sql: "DROP TABLE article_fts") }
        }
        let store = try open(dir)
        #expect(try store.articleCount() == 0, "rebuilt, not misread")
        _ = try store.refresh(paths: [library])
        #expect(try searching(store, "moles") == ["a.txt"])
    }

    @Test func twoIndexersOnANewCacheBothSucceed() throws {
        for _ in 0..<4 {
            let dir = try TemporaryDirectory()
            try dir.write("library/a.txt", Self.article("Alpha", "Text about moles."))
            try dir.write("library/b.txt", Self.article("Bravo", "Text about hares."))
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                do {
                    let report = try open(dir).refresh(paths: [dir.file("library").path])
                    if report.bad > 0 || report.articles != 2 { failures.withLock { $0.append("\(report.badFiles)") } }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
        }
    }

    @Test func aCacheFromANewerSchemaIsRebuilt() throws {
        let dir = try TemporaryDirectory()
        try dir.write("library/a.txt", Self.article("Alpha", "Text about shrews."))
        do {
            let store = try open(dir)
            _ = try store.refresh(paths: [dir.file("library").path])
            try store.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: future')") }
        }
        let store = try open(dir)
        #expect(try store.articleCount() == 0)
        #expect(try store.refresh(paths: [dir.file("library").path]).added == 1)
    }

    @Test func twoProcessesOnOneLibraryReadAndWriteAtOnce() async throws {
        let dir = try TemporaryDirectory()
        let generator = CorpusGenerator()
        try generator.write(count: 600, to: dir.file("library"))
        let indexer = try open(dir)
        let reader = try open(dir)
        let library = dir.file("library").path
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { _ = try indexer.refresh(paths: [library]) }
            group.addTask {
                // Meanwhile the reader pages, searches and marks articles read.
                for round in 0..<40 {
                    let page = try reader.summaries(matching: .word("missile", prefix: true), limit: 20)
                    _ = try reader.facets(matching: .all)
                    if let first = page.first { try reader.state.setRead(first.id, round % 2 == 0) }
                }
            }
            try await group.waitForAll()
        }
        #expect(try reader.articleCount() == 600)
        // A second indexer finds nothing left to do.
        let again = try reader.refresh(paths: [library])
        #expect(again.unchanged == 600 && again.added == 0)
        let integrity = try reader.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
    }
}
