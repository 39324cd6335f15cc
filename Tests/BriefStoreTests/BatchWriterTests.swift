// What the indexer's writer stores: mention counts, shared entity rows, articles that read back whole, full text in step.
import BriefCore
import BriefTestSupport
import Foundation
import GRDB
import Testing
@testable import BriefStore

@Suite struct BatchWriterTests {
    @Test func entitiesAreCountedPerArticleAndSharedAcrossArticles() throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryStore(path: directory.file("cache.sqlite").path, statePath: directory.file("state.sqlite").path)
        let first = Article(
            source: "/lib/a.txt", format: .text, title: "Talks in Seoul", date: ArticleDate(year: 2024, month: 3, day: 2),
            paragraphs: ["Seoul and Tokyo met in Zürich.", "Seoul said more."],
            entities: [LibraryFixture.place("Seoul", -1), LibraryFixture.place("Seoul"), LibraryFixture.place("Tokyo"),
                       LibraryFixture.place("Zürich"), LibraryFixture.place("Seoul", 1)],
            topics: [LibraryFixture.topic("diplomacy", 2)])
        let second = Article(
            source: "/lib/b.txt", format: .text, title: "Zürich hosts a summit", paragraphs: ["Delegates arrived in Zürich."],
            entities: [LibraryFixture.place("Zürich", -1), LibraryFixture.place("Zürich"), LibraryFixture.person("Seoul")])
        try store.insert([first], path: first.source)
        try store.insert([second], path: second.source)

        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, e.type, e.name, e.fold, ae.mentions FROM article_entity ae
                JOIN entity e ON e.id = ae.entity JOIN article a ON a.rowid = ae.article ORDER BY a.id, e.name, e.type
                """).map { row -> String in
                let id: String = row[0], type: String = row[1], name: String = row[2], fold: String = row[3], mentions: Int = row[4]
                return "\(id) \(type) \(name) \(fold) \(mentions)"
            }
        }
        #expect(rows == [
            "/lib/a.txt place Seoul seoul 3", "/lib/a.txt place Tokyo tokyo 1", "/lib/a.txt place Zürich zurich 1",
            "/lib/b.txt person Seoul seoul 1", "/lib/b.txt place Zürich zurich 2",
        ])
        // One row per entity, whichever article or batch named it first.
        let entityCount = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entity") }
        #expect(entityCount == 4)

        let readBack = try #require(try store.article(id: first.id))
        #expect(readBack.paragraphs == first.paragraphs)
        #expect(readBack.entities == first.entities)
        #expect(readBack.topics == first.topics)
        #expect(readBack.date == first.date)
    }

    @Test func theFullTextIndexFollowsABatchThatReplacesItsOwnArticles() throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryStore(path: directory.file("cache.sqlite").path, statePath: directory.file("state.sqlite").path)
        func parsed(_ path: String, _ articles: [Article]) -> ParsedFile {
            ParsedFile(file: ScannedFile(path: path, size: 1, mtime: 1), previous: nil, hash: path,
                       kind: .parsed(ParsedFile.prepare(articles)))
        }
        func article(_ source: String, _ text: String) -> Article {
            Article(source: source, format: .text, title: "Title of \(source)", paragraphs: [text])
        }
        // The same file twice in one batch: its first articles are replaced before the batch
        // indexes them, and a later batch replaces them again.
        try store.write { db in
            try BatchWriter().write([
                parsed("/lib/a.txt", [article("/lib/a.txt#1", "Herons wade."), article("/lib/a.txt#2", "Egrets wade.")]),
                parsed("/lib/b.txt", [article("/lib/b.txt", "Storks fly.")]),
                parsed("/lib/a.txt", [article("/lib/a.txt#1", "Cranes wade.")]),
            ], db)
        }
        try store.write { db in
            try BatchWriter().write([parsed("/lib/b.txt", [article("/lib/b.txt", "Ibises fly.")])], db)
        }
        func search(_ word: String) throws -> [String] { try store.ids(matching: .word(word, prefix: false)).sorted() }
        #expect(try search("wade") == ["/lib/a.txt#1"])
        #expect(try search("cranes") == ["/lib/a.txt#1"])
        #expect(try search("herons").isEmpty)
        #expect(try search("egrets").isEmpty)
        #expect(try search("storks").isEmpty)
        #expect(try search("ibises") == ["/lib/b.txt"])
        #expect(try store.ids(matching: .word("ib", prefix: true)) == ["/lib/b.txt"])
        // FTS5 compares its index with the article table, row by row.
        try store.write { db in try db.execute(sql: "INSERT INTO article_fts (article_fts) VALUES ('integrity-check')") }
    }

    @Test func aBatchReplacingManyFilesKeepsOnlyTheirNewArticlesAndAFailedSecondListingKeepsNone() throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryStore(path: directory.file("cache.sqlite").path, statePath: directory.file("state.sqlite").path)
        func parsed(_ path: String, _ text: String?) -> ParsedFile {
            let kind: ParsedFile.Kind = text.map {
                .parsed(ParsedFile.prepare([Article(source: path, format: .text, title: "Title of \(path)", paragraphs: [$0])]))
            } ?? .failed("no article found")
            return ParsedFile(file: ScannedFile(path: path, size: 1, mtime: 1), previous: nil, hash: path + (text ?? ""), kind: kind)
        }
        let paths = (0..<30).map { "/lib/\($0).txt" }
        try store.write { db in try BatchWriter().write(paths.map { parsed($0, "Herons wade in \($0).") }, db) }
        // One batch changes every file; the last one is listed again and fails the second time.
        try store.write { db in
            try BatchWriter().write(paths.map { parsed($0, "Cranes fly over \($0).") } + [parsed(paths[29], nil)], db)
        }
        func search(_ word: String) throws -> [String] { try store.ids(matching: .word(word, prefix: false)).sorted() }
        #expect(try search("herons").isEmpty)
        #expect(try search("cranes") == Array(paths.prefix(29)).sorted())
        #expect(try store.articleCount() == 29)
        let orphans = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM article_facet WHERE article NOT IN (SELECT rowid FROM article)")
        }
        #expect(orphans == 0)
        try store.write { db in try db.execute(sql: "INSERT INTO article_fts (article_fts) VALUES ('integrity-check')") }
    }
}
