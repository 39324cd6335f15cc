// The reader's snapshot: saved by the indexer, used by the next reader when it still describes the
// cache, and ignored or completed when another writer changed the cache since.
import BriefCore
import BriefTestSupport
import Foundation
import GRDB
import Testing
@testable import BriefStore

@Suite struct ReaderSnapshotTests {
    /// Three files: two copies of one story (one row when grouped) and another story.
    func library(_ dir: TemporaryDirectory) throws {
        try dir.write("library/a-wire.txt", StoryStoreTests.file("Japan's H3 rocket reaches orbit", date: "Feb 17, 2024",
                                                                 StoryStoreTests.paragraphs))
        try dir.write("library/b-outlet.txt", StoryStoreTests.file("H3 finally flies", date: "Feb 18, 2024",
                                                                   Array(StoryStoreTests.paragraphs.dropLast())))
        try dir.write("library/c-other.txt", StoryStoreTests.file("Rotterdam dock strike strands ships", date: "Feb 16, 2024", [
            "Dock workers in Rotterdam walked out on Monday over a dispute about automation at the container terminals, leaving dozens of ships waiting at anchor in the North Sea.",
            "The union said the port authority had broken a promise to consult staff before installing remote-controlled cranes.",
        ]))
    }

    func open(_ dir: TemporaryDirectory) throws -> LibraryStore {
        try LibraryStore(path: dir.file("cache/library.sqlite").path, statePath: dir.file("data/state.sqlite").path)
    }

    func names(_ result: LibraryResult, _ store: LibraryStore) throws -> [String] {
        try store.summaries(of: result, 0..<result.count).map { URL(fileURLWithPath: $0.id).lastPathComponent }
    }

    /// What a reader shows of the whole library (grouped list in date order, facets), checked
    /// against the database's own counts.
    func expectShows(_ store: LibraryStore, _ expected: [String], articles: Int,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let grouped = try store.query(.all, groupStories: true)
        #expect(try names(grouped, store) == expected, sourceLocation: sourceLocation)
        let all = try store.query(.all)
        #expect(all.count == articles, sourceLocation: sourceLocation)
        #expect(all.facets == (try store.facetsBySQL(matching: .all)), sourceLocation: sourceLocation)
        let dated = try store.query(try FilterQuery("since:2024-02-17").expression)
        #expect(dated.count == (try store.count(matching: try FilterQuery("since:2024-02-17").expression)), sourceLocation: sourceLocation)
    }

    @Test func anIndexRunSavesTheSnapshotAndTheNextReaderStartsFromIt() throws {
        let dir = try TemporaryDirectory()
        try library(dir)
        _ = try open(dir).refresh(paths: [dir.file("library").path])

        let reader = try open(dir)
        try expectShows(reader, ["a-wire.txt", "c-other.txt"], articles: 3)
        #expect(reader.facetIndex.rowsRestoredThrough == 3, "the facets came from the snapshot")
        #expect(reader.storyRows.rowsRestoredThrough == 3, "the stories came from the snapshot")

        // The counts of the whole library come from the snapshot's bitmaps: zeroed there, zero on screen.
        try reader.pool.write { db in
            try db.execute(sql: "UPDATE reader_snapshot SET data = zeroblob(length(data)) WHERE part = ?",
                           arguments: [ReaderSnapshot.Part.bitmapTopicBits.rawValue])
        }
        #expect(try open(dir).query(.all).facets.topics.allSatisfy { $0.count == 0 })
    }

    @Test func anArticleAddedByAnotherWriterAfterTheSnapshotShows() throws {
        let dir = try TemporaryDirectory()
        try library(dir)
        _ = try open(dir).refresh(paths: [dir.file("library").path])
        // Another writer adds an article and saves no snapshot.
        try open(dir).insert([Article(source: "/elsewhere/d.txt", format: .text, title: "Later news", date: ArticleDate(year: 2024, month: 3, day: 1),
                                      paragraphs: ["Something happened in March."], topics: [LibraryFixture.topic("cyber")])],
                             path: "/elsewhere/d.txt")

        let reader = try open(dir)
        try expectShows(reader, ["d.txt", "a-wire.txt", "c-other.txt"], articles: 4)
        #expect(reader.facetIndex.rowsRestoredThrough == 3)
        #expect(try reader.query(.topic("cyber")).count == 1, "the new article's facets are loaded")
    }

    @Test func anArticleDeletedByAnotherWriterAfterTheSnapshotIsGone() throws {
        let dir = try TemporaryDirectory()
        try library(dir)
        _ = try open(dir).refresh(paths: [dir.file("library").path])
        // Another writer deletes the other story and adds an article: the count is the snapshot's again.
        let writer = try open(dir)
        try writer.pool.write { db in
            try db.execute(sql: "DELETE FROM file WHERE path LIKE '%c-other.txt'")
        }
        try writer.insert([Article(source: "/elsewhere/d.txt", format: .text, title: "Later news", date: ArticleDate(year: 2024, month: 3, day: 1),
                                   paragraphs: ["Something happened in March."])], path: "/elsewhere/d.txt")

        let reader = try open(dir)
        try expectShows(reader, ["d.txt", "a-wire.txt"], articles: 3)
        #expect(reader.facetIndex.rowsRestoredThrough == 3)
    }

    @Test func aCacheWithoutASnapshotStillOpensAndGainsOneAtTheNextIndex() throws {
        let dir = try TemporaryDirectory()
        try library(dir)
        let writer = try open(dir)
        _ = try writer.refresh(paths: [dir.file("library").path])
        // As a cache made before the snapshot existed: the table is there, empty.
        try writer.pool.write { db in try db.execute(sql: "DELETE FROM reader_snapshot") }

        let before = try open(dir)
        try expectShows(before, ["a-wire.txt", "c-other.txt"], articles: 3)
        #expect(before.facetIndex.rowsRestoredThrough == 0)

        // `brief index` with nothing changed saves it.
        let report = try open(dir).refresh(paths: [dir.file("library").path])
        #expect(report.unchanged == 3)
        let after = try open(dir)
        try expectShows(after, ["a-wire.txt", "c-other.txt"], articles: 3)
        #expect(after.facetIndex.rowsRestoredThrough == 3)
        #expect(try !after.saveReaderSnapshot(), "a snapshot that describes the cache is not written again")
    }

    @Test func aDamagedOrForeignSnapshotIsIgnored() throws {
        let dir = try TemporaryDirectory()
        try library(dir)
        let writer = try open(dir)
        _ = try writer.refresh(paths: [dir.file("library").path])
        try writer.pool.write { db in
            try db.execute(sql: "UPDATE reader_snapshot SET data = x'0102' WHERE part = ?", arguments: [ReaderSnapshot.Part.facetEnd.rawValue])
            try db.execute(sql: "UPDATE reader_snapshot SET data = x'01' WHERE part = ?", arguments: [ReaderSnapshot.Part.storyNumber.rawValue])
        }
        let damaged = try open(dir)
        try expectShows(damaged, ["a-wire.txt", "c-other.txt"], articles: 3)
        #expect(damaged.facetIndex.rowsRestoredThrough == 0)
        #expect(damaged.storyRows.rowsRestoredThrough == 0)

        try writer.pool.write { db in try db.execute(sql: "UPDATE reader_snapshot SET layout = layout + 1") }
        let foreign = try open(dir)
        try expectShows(foreign, ["a-wire.txt", "c-other.txt"], articles: 3)
        #expect(foreign.facetIndex.rowsRestoredThrough == 0)
        #expect(try foreign.saveReaderSnapshot(), "a snapshot of another layout is replaced")
    }

    @Test func theSnapshotSavedAfterAdditionsAndDeletionsDescribesTheCache() throws {
        let dir = try TemporaryDirectory()
        try library(dir)
        let writer = try open(dir)
        _ = try writer.refresh(paths: [dir.file("library").path])
        try writer.insert([Article(source: "/elsewhere/d.txt", format: .text, title: "Later news", date: ArticleDate(year: 2024, month: 3, day: 1),
                                   paragraphs: ["Something happened in March."])], path: "/elsewhere/d.txt")
        #expect(try writer.saveReaderSnapshot(), "added articles: the snapshot is completed")
        try expectShows(try open(dir), ["d.txt", "a-wire.txt", "c-other.txt"], articles: 4)

        try FileManager.default.removeItem(atPath: dir.file("library/c-other.txt").path)
        _ = try writer.refresh(paths: [dir.file("library").path])
        let reader = try open(dir)
        try expectShows(reader, ["d.txt", "a-wire.txt"], articles: 3)
        #expect(reader.facetIndex.rowsRestoredThrough == 4, "the refresh saved a snapshot without the deleted article")
    }

    @Test func theTitleAndSourceOrdersComeFromTheSnapshotWhileItHoldsEveryArticle() throws {
        let dir = try TemporaryDirectory()
        try library(dir)
        let writer = try open(dir)
        _ = try writer.refresh(paths: [dir.file("library").path])
        #expect(try names(open(dir).query(.all, order: .title), writer) == ["b-outlet.txt", "a-wire.txt", "c-other.txt"])
        #expect(try names(open(dir).query(.all, order: .source), writer).count == 3)

        // A saved order is what the reader lists: reversed in the cache, reversed on screen.
        try writer.pool.write { db in
            let saved = try #require(try ReaderSnapshot.read(db, .titleOrder, as: Int32.self))
            try db.execute(sql: "UPDATE reader_snapshot SET data = ? WHERE part = ?",
                           arguments: [saved.reversed().withUnsafeBytes { Data($0) }, ReaderSnapshot.Part.titleOrder.rawValue])
        }
        #expect(try names(open(dir).query(.all, order: .title), writer) == ["c-other.txt", "a-wire.txt", "b-outlet.txt"])

        // Another writer adds an article: the saved order lacks it, so the database orders them.
        try writer.insert([Article(source: "/elsewhere/d.txt", format: .text, title: "Arctic shipping lanes open early",
                                   date: ArticleDate(year: 2024, month: 3, day: 1), paragraphs: ["Ice retreated."])],
                          path: "/elsewhere/d.txt")
        #expect(try names(open(dir).query(.all, order: .title), writer) == ["d.txt", "b-outlet.txt", "a-wire.txt", "c-other.txt"])
    }

    @Test func aWordMostArticlesHoldComesFromTheSnapshotAndFollowsLaterChanges() throws {
        let dir = try TemporaryDirectory()
        try library(dir)
        let writer = try open(dir)
        _ = try writer.refresh(paths: [dir.file("library").path])
        // Whole words, as typing searches them: `s` is the possessive's (`Japan's`), in the H3 story only.
        func ids(_ store: LibraryStore, _ word: String) throws -> [String] { try matches(store, word, prefix: false) }
        func indexed(_ word: String) throws -> [String] { try indexedMatches(writer, word, prefix: false) }
        let expected: [String: Set<String>] = ["the": ["a-wire.txt", "b-outlet.txt", "c-other.txt"], "s": ["a-wire.txt", "b-outlet.txt"],
                                               "dock": ["c-other.txt"], "The": ["a-wire.txt", "b-outlet.txt", "c-other.txt"]]
        for (word, files) in expected {
            #expect(Set(try ids(open(dir), word)) == files, "\(word)")
            #expect(try ids(open(dir), word) == indexed(word), "the full-text index agrees on \(word), in order")
        }
        #expect(try savedKeys(writer).contains("the"))

        // The word's articles come from the snapshot's bitmap: zeroed there, none found.
        let saved = try writer.pool.read { db in try #require(try ReaderSnapshot.read(db, .termBits, as: UInt8.self)) }
        try writer.pool.write { db in
            try db.execute(sql: "UPDATE reader_snapshot SET data = zeroblob(length(data)) WHERE part = ?",
                           arguments: [ReaderSnapshot.Part.termBits.rawValue])
        }
        #expect(try ids(open(dir), "the").isEmpty)
        try writer.pool.write { db in
            try db.execute(sql: "UPDATE reader_snapshot SET data = ? WHERE part = ?",
                           arguments: [Data(saved), ReaderSnapshot.Part.termBits.rawValue])
        }

        // Another writer adds an article holding the word and deletes one: the reader sees both.
        try writer.insert([Article(source: "/elsewhere/d.txt", format: .text, title: "Later news", date: ArticleDate(year: 2024, month: 3, day: 1),
                                   paragraphs: ["The port reopened in March."])], path: "/elsewhere/d.txt")
        try writer.pool.write { db in try db.execute(sql: "DELETE FROM file WHERE path LIKE '%c-other.txt'") }
        let reader = try open(dir)
        #expect(Set(try ids(reader, "the")) == ["d.txt", "a-wire.txt", "b-outlet.txt"])
        #expect(try ids(reader, "the") == indexed("the"))
        #expect(reader.facetIndex.rowsRestoredThrough == 3, "the snapshot was read")

        // The next index run saves the snapshot afresh (an article was deleted); it holds the new article.
        #expect(try writer.saveReaderSnapshot())
        let after = try open(dir)
        #expect(try ids(after, "the") == indexed("the"))
        #expect(after.facetIndex.rowsRestoredThrough == 4)
        #expect(try ids(after, "port") == ["d.txt"])

        // Only added since: the saved bitmaps are completed with the new rows, which then come from them alone.
        try writer.insert([Article(source: "/elsewhere/e.txt", format: .text, title: "Even later", date: ArticleDate(year: 2024, month: 3, day: 2),
                                   paragraphs: ["The dock strike ended."])], path: "/elsewhere/e.txt")
        #expect(try writer.saveReaderSnapshot())
        let completed = try open(dir)
        #expect(try ids(completed, "the") == indexed("the"))
        #expect(completed.facetIndex.rowsRestoredThrough == 5)
        #expect(try ids(completed, "the").first == "e.txt")
    }
}

extension ReaderSnapshotTests {
    /// The files a reader lists for a word (or prefix) search, newest first.
    func matches(_ store: LibraryStore, _ word: String, prefix: Bool) throws -> [String] {
        try names(store.query(.word(word, prefix: prefix)), store)
    }

    /// The files the full-text index matches for it, in the same order.
    func indexedMatches(_ store: LibraryStore, _ word: String, prefix: Bool) throws -> [String] {
        try store.ids(matching: .word(word, prefix: prefix)).map { URL(fileURLWithPath: $0).lastPathComponent }
    }

    /// The words and prefixes (`prefix*`) the saved snapshot has bitmaps for.
    func savedKeys(_ store: LibraryStore) throws -> [String] {
        try store.pool.read { db in try ReaderSnapshot.read(db, .termNames, as: UInt8.self).map(TermBitmaps.terms) } ?? []
    }

    /// Each key's matches as `reader` lists them (from the snapshot) are the full-text index's.
    func expectEveryKeyAsTheIndex(_ keys: [String], _ reader: LibraryStore, _ writer: LibraryStore,
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        for key in keys {
            let (word, prefix) = key.hasSuffix("*") ? (String(key.dropLast()), true) : (key, false)
            #expect(try matches(reader, word, prefix: prefix) == indexedMatches(writer, word, prefix: prefix), "\(key)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func aPrefixMostArticlesHoldComesFromTheSnapshotAndMatchesWhatTheIndexMatches() throws {
        let dir = try TemporaryDirectory()
        try library(dir)
        // Its only word starting with `the` has accents, which the index drops.
        try dir.write("library/d-stage.txt", StoryStoreTests.file("Théâtre reopens", date: "Feb 19, 2024", ["Théâtre reopened on Monday."]))
        let writer = try open(dir)
        _ = try writer.refresh(paths: [dir.file("library").path])
        func ids(_ store: LibraryStore, _ prefix: String) throws -> [String] { try matches(store, prefix, prefix: true) }
        func indexed(_ prefix: String) throws -> [String] { try indexedMatches(writer, prefix, prefix: true) }
        let keys = try savedKeys(writer)
        #expect(keys.contains("the*") && keys.contains("reo*") && !keys.contains("th*"), "\(keys)")
        for prefix in ["the", "The", "reo", "reopen", "doc"] {
            #expect(try ids(open(dir), prefix) == indexed(prefix), "the full-text index agrees on \(prefix)*, in order")
        }
        #expect(Set(try ids(open(dir), "the")) == ["a-wire.txt", "b-outlet.txt", "c-other.txt", "d-stage.txt"])

        // The prefix's articles come from the snapshot's bitmap: zeroed there, none found.
        try writer.pool.write { db in
            try db.execute(sql: "UPDATE reader_snapshot SET data = zeroblob(length(data)) WHERE part = ?",
                           arguments: [ReaderSnapshot.Part.termBits.rawValue])
        }
        #expect(try ids(open(dir), "the").isEmpty)
    }
}

extension ReaderSnapshotTests {
    @Test func aSnapshotSavedInTheTransactionThatAddedAnArticleHoldsItUnderEveryKey() throws {
        let dir = try TemporaryDirectory()
        try library(dir)
        let writer = try open(dir)
        _ = try writer.refresh(paths: [dir.file("library").path])
        // Written in the transaction that saves the snapshot: the second connection that asks for
        // half of the keys cannot see the article yet, so the indexer's connection asks for all.
        let path = "/elsewhere/d.txt"
        let article = Article(source: path, format: .text, title: "Later news", date: ArticleDate(year: 2024, month: 3, day: 1),
                              paragraphs: ["The port reopened in March, and the dock strike ended."])
        let parsed = ParsedFile(file: ScannedFile(path: path, size: 0, mtime: 0), previous: nil, hash: ContentHash.of(Array(path.utf8)),
                                kind: .parsed(ParsedFile.prepare([article])))
        try writer.pool.write { db in
            let batch = BatchWriter()
            try batch.write([parsed], db)
            try StoryAssigner(settings: .standard).assign(batch.takeInserted(), db)
            #expect(try ReaderSnapshot.save(db))
        }
        let reader = try open(dir)
        let keys = try savedKeys(writer)
        #expect(keys.count > 2 && keys.contains("the"), "\(keys)")
        try expectEveryKeyAsTheIndex(keys, reader, writer)
        #expect(try matches(reader, "the", prefix: false).first == "d.txt")
        #expect(reader.facetIndex.rowsRestoredThrough == 4, "the snapshot held the article")
    }

    @Test func articlesAddedSinceTheSnapshotJoinItsKeysAsTheFullTextIndexMatchesThem() throws {
        let dir = try TemporaryDirectory()
        let writer = try open(dir)
        for index in 0..<17 {
            try writer.insert([Article(source: "/lib/\(index).txt", format: .text, title: "The harbour report \(index)",
                                       date: ArticleDate(year: 2024, month: 1, day: 1 + index),
                                       paragraphs: ["The harbour opened at dawn and the ships came in."])], path: "/lib/\(index).txt")
        }
        #expect(try writer.saveReaderSnapshot())
        // One article, a sixteenth of the library or less: asked of a small index of its own. Its
        // only word starting with `the` has accents, which both indexes drop.
        try writer.insert([Article(source: "/lib/stage.txt", format: .text, title: "Théâtre reopens", date: ArticleDate(year: 2024, month: 2, day: 1),
                                   paragraphs: ["Théâtre reopened on Monday."])], path: "/lib/stage.txt")
        #expect(try writer.saveReaderSnapshot())
        let keys = try savedKeys(writer)
        #expect(keys.contains("the*") && keys.contains("the") && keys.contains("harbour"), "\(keys)")
        let reader = try open(dir)
        try expectEveryKeyAsTheIndex(keys, reader, writer)
        #expect(try matches(reader, "the", prefix: true).first == "stage.txt")
        #expect(try !matches(reader, "the", prefix: false).contains("stage.txt"))
        #expect(reader.facetIndex.rowsRestoredThrough == 18, "the keys came from the snapshot")
    }

    @Test func theSnapshotChoosesItsWordsAgainOnceTheLibraryHasDoubled() throws {
        let dir = try TemporaryDirectory()
        try library(dir)
        let writer = try open(dir)
        _ = try writer.refresh(paths: [dir.file("library").path])
        func keys() throws -> [String] { try savedKeys(writer) }
        func add(_ name: String) throws {
            try writer.insert([Article(source: "/elsewhere/\(name).txt", format: .text, title: "Zebra crossing \(name)",
                                       date: ArticleDate(year: 2024, month: 3, day: 1), paragraphs: ["Zebras crossed."])],
                              path: "/elsewhere/\(name).txt")
        }
        #expect(try !keys().contains("zebra"))

        // Three articles become five: the words chosen for three are kept, their bitmaps completed.
        try add("d")
        try add("e")
        #expect(try writer.saveReaderSnapshot())
        #expect(try !keys().contains("zebra"))
        #expect(try matches(open(dir), "the", prefix: false) == indexedMatches(writer, "the", prefix: false))

        // Seven, more than twice three: the words are chosen again, and the new one is among them.
        try add("f")
        try add("g")
        #expect(try writer.saveReaderSnapshot())
        #expect(try keys().contains("zebra") && keys().contains("zebra*"))
        #expect(try matches(open(dir), "zebra", prefix: false) == indexedMatches(writer, "zebra", prefix: false))
        #expect(try matches(open(dir), "zebra", prefix: false).count == 4)
    }
}
