// The SQL compiler and the in-memory evaluator (`FilterQuery.matches`) must select the same articles.
import BriefCore
import BriefTestSupport
import Foundation
import Testing
@testable import BriefStore

@Suite struct QueryEquivalenceTests {
    static let december = ArticleDate(year: 2023, month: 12, day: 1)

    /// Queries whose meaning both sides should share. Words are chosen to occur only as whole
    /// words, entity names are full canonical names, so no tokenization subtlety decides.
    static let queries: [FilterExpression] = [
        .all,
        .word("cyber", prefix: false),
        .word("RANSOMWARE", prefix: false),
        .and([.word("cyber", prefix: false), .word("seoul", prefix: false)]),
        .and([.word("missile", prefix: false), .word("tokyo", prefix: false)]),
        .word("batter", prefix: true),
        .phrase("supply chain"),
        .phrase("ballistic missile launch"),
        .or([.word("cyber", prefix: false), .word("sanctions", prefix: false)]),
        .not(.word("cyber", prefix: false)),
        .and([.word("cyber", prefix: false), .not(.word("ransomware", prefix: false))]),
        .topic("cyber"),
        .topic("missiles"),
        .or([.topic("missiles"), .topic("supply-chain")]),
        .mentions("cyber"),
        .mentions("MISSILES"),
        .mentions("no-such-topic"),
        .and([.mentions("cyber"), .not(.topic("cyber"))]),
        .or([.mentions("supply-chain"), .topic("crypto")]),
        .entity(.person, "Jake Sullivan"),
        .entity(.person, "jake sullivan"),
        .entity(.place, "Seoul"),
        .entity(nil, "Fumio Kishida"),
        .entity(.organization, "Seoul"),
        .since(december),
        .until(december),
        .not(.since(december)),
        .source("/other/"),
        .unread,
        .starred,
        .and([.unread, .topic("cyber")]),
        .and([.or([.topic("cyber"), .word("missile", prefix: false)]), .since(december), .not(.entity(nil, "Seoul"))]),
        .and([.not(.starred), .or([.phrase("supply chain"), .entity(.place, "Tokyo")])]),
    ]

    static let flags: [String: ArticleFlags] = [
        "/lib/news/a.txt": ArticleFlags(read: true, starred: false),
        "/lib/news/b.txt": ArticleFlags(read: true, starred: true),
        "/lib/other/d.txt": ArticleFlags(read: false, starred: true),
    ]

    func inMemory(_ expression: FilterExpression) throws -> Set<String> {
        var query = try FilterQuery("")
        query.expression = expression
        return Set(LibraryFixture.articles.filter { query.matches($0, flags: Self.flags[$0.id] ?? .unread) }.map(\.id))
    }

    /// The skeleton's evaluator only understands ANDed words (it answers true to anything else);
    /// until the real one is merged, compare on those alone.
    func evaluatorUnderstands(_ expression: FilterExpression) throws -> Bool {
        let probe = Article(source: "/probe", format: .text, title: "probe", paragraphs: ["probe"])
        var query = try FilterQuery("")
        query.expression = .topic("no-such-topic")
        if !query.matches(probe, flags: .unread) { return true }
        guard case .and(let parts) = expression else { return false }
        return parts.allSatisfy { if case .word(_, false) = $0 { true } else { false } }
    }

    @Test(arguments: queries)
    func databaseAndMemoryAgree(_ expression: FilterExpression) throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryFixture.store(in: directory)
        for (id, flags) in Self.flags {
            try store.state.setRead(id, flags.read)
            try store.state.setStarred(id, flags.starred)
        }
        let database = Set(try store.ids(matching: expression))
        #expect(try store.count(matching: expression) == database.count)
        if try evaluatorUnderstands(expression) {
            #expect(database == (try inMemory(expression)), "\(expression)")
        }
    }

    @Test func theComparisonIsNotVacuous() throws {
        // Even with the skeleton's evaluator some queries are compared, and they select something.
        let compared = try Self.queries.filter(evaluatorUnderstands)
        #expect(!compared.isEmpty)
        #expect(try compared.contains { !(try inMemory($0)).isEmpty })
    }
}

@Suite struct SetCompilerTests {
    static let extra: [FilterExpression] = [
        .and([.not(.word("cyber", prefix: false)), .not(.word("missile", prefix: false))]),
        .and([.not(.topic("cyber")), .not(.word("sanctions", prefix: false)), .unread]),
        .or([.not(.word("cyber", prefix: false)), .topic("crypto")]),
        .and([.not(.mentions("cyber")), .unread]),
        .and([.word("cyber", prefix: false), .mentions("cyber"), .not(.mentions("missiles"))]),
        .not(.or([.topic("cyber"), .and([.entity(nil, "Tokyo"), .not(.starred)])])),
        .and([.word("cyber", prefix: false), .or([.phrase("supply chain"), .entity(.person, "Jake Sullivan")]), .until(ArticleDate(year: 2024, month: 1, day: 1))]),
    ]

    /// The bitmap form (indexed SQL leaves combined in memory, ordered in memory) and the set form
    /// (INTERSECT/UNION/EXCEPT) select, and order, exactly what the condition form
    /// (WHERE … ORDER BY in SQL) does.
    @Test(arguments: QueryEquivalenceTests.queries + extra)
    func setFormAgreesWithConditionForm(_ expression: FilterExpression) throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryFixture.store(in: directory)
        for (id, flags) in QueryEquivalenceTests.flags {
            try store.state.setRead(id, flags.read)
            try store.state.setStarred(id, flags.starred)
        }
        let expected = try store.ids(matching: expression)
        let result = try store.query(expression)
        #expect(try store.summaries(of: result, 0..<100).map(\.id) == expected, "\(expression)")
        #expect(result.facets.total == expected.count)
        // The whole-query SQL form (INTERSECT/UNION/EXCEPT) selects the same set.
        let set = FilterSetCompiler.rowids(for: expression)
        let compound = try store.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM article WHERE rowid IN (\(set.sql))", arguments: set.arguments)
        }
        #expect(Set(compound) == Set(expected), "\(expression)")
    }
}
