// Results in every order come out as the database would sort them, also after the library grows.
import BriefCore
import BriefTestSupport
import GRDB
import Testing
@testable import BriefStore

@Suite struct OrderedQueryTests {
    func listed(_ store: LibraryStore, _ filter: FilterExpression, _ order: ResultOrder) throws -> [String] {
        let result = try store.query(filter, order: order)
        return try store.summaries(of: result, 0..<result.count).map(\.id)
    }

    @Test func everyOrderMatchesTheSQLOrder() throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryFixture.store(in: directory)
        let filters: [FilterExpression] = [.all, .topic("cyber"), .not(.topic("cyber")), .or([.word("sanctions", prefix: false), .since(ArticleDate(year: 2023, month: 12, day: 1))])]
        for order in ResultOrder.allCases {
            for filter in filters {
                #expect(try listed(store, filter, order) == store.ids(matching: filter, order: order), "\(order) \(filter)")
            }
        }
        #expect(try listed(store, .all, .title).first == "/lib/news/a.txt")
        // A new article takes its place in every order kept in memory.
        let zebra = Article(source: "/lib/news/z.txt", format: .text, title: "Zebra crossings repainted",
                            date: ArticleDate(year: 2020, month: 1, day: 1), paragraphs: ["The council repainted them."])
        try store.insert([zebra], path: zebra.source)
        for order in ResultOrder.allCases {
            #expect(try listed(store, .all, order) == store.ids(matching: .all, order: order), "\(order) after insert")
        }
        #expect(try listed(store, .all, .title).last == "/lib/news/z.txt")
        // Ties: more undated articles, and more of one day, each group in rowid order either way.
        for (name, date) in [("u1", nil), ("s1", ArticleDate(year: 2020, month: 1, day: 1)), ("u2", nil),
                             ("s2", ArticleDate(year: 2020, month: 1, day: 1))] as [(String, ArticleDate?)] {
            let article = Article(source: "/lib/ties/\(name).txt", format: .text, title: "Tie \(name)", date: date,
                                  paragraphs: ["A tie."])
            try store.insert([article], path: article.source)
        }
        for order in [ResultOrder.newest, .oldest] {
            #expect(try listed(store, .all, order) == store.ids(matching: .all, order: order), "\(order) with ties")
            #expect(try listed(store, .not(.topic("cyber")), order) == store.ids(matching: .not(.topic("cyber")), order: order))
        }
    }

    @Test func listingByTitleOrSourceWalksAnIndexInsteadOfSortingTheLibrary() throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryFixture.store(in: directory)
        for order in [ResultOrder.title, .source] {
            // A row of the plan is (id, parent, notused, detail): the detail is the fourth column.
            let details = try store.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT a.rowid FROM article a ORDER BY \(LibraryStore.orderSQL(order))")
                    .map { $0[3] as String }
            }
            #expect(!details.contains { $0.contains("TEMP B-TREE") }, "\(order): \(details)")
            #expect(details.contains { $0.contains("article_by_\(order == .title ? "title" : "source")") }, "\(order): \(details)")
        }
    }
}
