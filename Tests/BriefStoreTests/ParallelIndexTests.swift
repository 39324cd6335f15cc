// The indexer parses on two threads: the cache it builds is the one a single thread, file by file, builds.
import BriefCore
import BriefTestSupport
import Foundation
import GRDB
import Testing
@testable import BriefStore

@Suite struct ParallelIndexTests {
    static let places = ["Seoul", "Tokyo", "Manila", "Nairobi", "Lima", "Oslo"]
    static let people = ["Jake Sullivan", "Angela Merkel", "Emmanuel Macron"]

    /// 40 articles about a few places and people (entities, topics), re-issued copies among them
    /// (stories), and an empty file, which is bad.
    func library(in dir: TemporaryDirectory) throws {
        for number in 0..<40 {
            // Every fifth article is re-issued by the next one: the same story, another headline.
            let story = number % 5 == 1 ? number - 1 : number
            let place = Self.places[story % Self.places.count], person = Self.people[story % Self.people.count]
            let subject = story % 2 == 0
                ? "Hackers behind the ransomware attack encrypted the hospital's servers and demanded a ransom, the cybersecurity agency said, and the malware spread through a phishing email."
                : "The ballistic missile launch was tracked by radar, and the defence ministry said the warhead and the launcher were part of a new missile programme."
            let body = """
                \(subject)

                Officials in \(place) met \(person) on Monday to discuss the election and the budget, report \(story).

                The central bank said inflation had slowed, and the parliament in \(place) will vote on the tax plan in March.

                Football fans gathered outside the stadium as the league announced the final would be played in \(place).
                """
            try dir.write("library/\(String(format: "%02d", number)).txt", "Report \(number) from \(place)\nDec \(1 + number % 28), 2023\n\n\(body)\n")
        }
        try dir.write("library/17-empty.txt", "")
    }

    /// Everything a reader sees of the cache, keyed by article id and entity name rather than by
    /// internal keys (a topic's key depends on the batches: each batch's upsert uses up a number).
    func content(_ store: LibraryStore) throws -> [String] {
        try store.read { db in
            let articles = try Row.fetchAll(db, sql: """
                SELECT a.id, a.title, a.day, hex(a.detail), \(StoredText.functionName)(a.text), f.day,
                    (SELECT group_concat(topic || ':' || score || ':' || about, ',') FROM
                        (SELECT * FROM article_topic t WHERE t.article = a.rowid ORDER BY topic)),
                    (SELECT group_concat(e.type || ':' || e.name || ':' || m.mentions, ',') FROM
                        (SELECT * FROM article_entity m WHERE m.article = a.rowid ORDER BY entity) m JOIN entity e ON e.id = m.entity),
                    (SELECT group_concat(other.id, ',') FROM
                        (SELECT o.id FROM article_story s JOIN article_story t ON t.story = s.story JOIN article o ON o.rowid = t.article
                         WHERE s.article = a.rowid ORDER BY o.id) other)
                FROM article a JOIN article_facet f ON f.article = a.rowid ORDER BY a.id
                """)
            return articles.map { row in (0..<row.count).map { "\(row[$0] as DatabaseValue)" }.joined(separator: " | ") }
        }
    }

    @Test func twoParsingThreadsBuildTheCacheOneThreadBuildsAndNameTheBadFile() throws {
        let dir = try TemporaryDirectory()
        try library(in: dir)
        let library = dir.file("library").path
        var caches: [(report: IndexReport, content: [String], facets: Facets)] = []
        for (name, layout) in [("serial", LibraryStore.ParsingLayout(workers: 1, batchSize: 1, lookahead: 1)),
                               ("parallel", LibraryStore.ParsingLayout(workers: 2, batchSize: 7, lookahead: 9))] {
            let store = try LibraryStore(path: dir.file("\(name)/library.sqlite").path, statePath: dir.file("\(name)/state.sqlite").path)
            let pipeline = ArticlePipeline()
            let report = try store.refresh(paths: [library], parse: { data, source throws(ReadError) in
                try pipeline.articles(from: data, source: source)
            }, parsing: layout, progress: nil)
            caches.append((report, try content(store), try store.query(.all).facets))
        }
        let (serial, parallel) = (caches[0], caches[1])
        #expect(parallel.report.articles == 40)
        #expect(parallel.report.badFiles.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["17-empty.txt"])
        #expect(parallel.report.badFiles.map(\.reason) == serial.report.badFiles.map(\.reason))
        #expect(parallel.content.count == 40)
        #expect(parallel.content == serial.content)
        for (one, two) in zip(serial.content, parallel.content) where one != two {
            Issue.record("serial:   \(one.components(separatedBy: " | ").dropFirst(5))\nparallel: \(two.components(separatedBy: " | ").dropFirst(5))")
            break
        }
        #expect(parallel.facets == serial.facets)
        // The fixture has what the comparison is about: entities, topics and shared stories.
        #expect(parallel.facets.entities.values.contains { !$0.isEmpty })
        #expect(parallel.facets.topics.contains { $0.count > 0 })
        #expect(parallel.content.contains { line in
            let story = line.components(separatedBy: " | ").last ?? ""
            return story.contains("/00.txt,") && story.contains("/01.txt")
        })
    }
}
