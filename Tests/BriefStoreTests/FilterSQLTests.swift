// The database answers the filter language: text through FTS5, the rest through indexed tables.
import BriefCore
import BriefTestSupport
import Foundation
import Testing
@testable import BriefStore

@Suite struct FilterSQLTests {
    let directory: TemporaryDirectory
    let store: LibraryStore

    init() throws {
        directory = try TemporaryDirectory()
        store = try LibraryFixture.store(in: directory)
    }

    func matching(_ filter: FilterExpression) throws -> Set<String> {
        Set(try store.ids(matching: filter))
    }

    @Test func wordsAreCaseInsensitiveOverTitleAndText() throws {
        #expect(try matching(.word("RANSOMWARE", prefix: false)) == LibraryFixture.ids("a"))
        #expect(try matching(.word("missile", prefix: false)) == LibraryFixture.ids("b"))
        #expect(try matching(.word("talks", prefix: false)) == LibraryFixture.ids("d"))
    }

    @Test func removedTextIsNotSearched() throws {
        #expect(try matching(.word("Miyazaki", prefix: false)).isEmpty)
    }

    @Test func prefixQueries() throws {
        #expect(try matching(.word("crypt", prefix: true)) == LibraryFixture.ids("a"))
        #expect(try matching(.word("sanction", prefix: true)) == LibraryFixture.ids("e"))
        #expect(try matching(.word("crypt", prefix: false)).isEmpty)
    }

    @Test func diacriticsAreIgnored() throws {
        #expect(try matching(.word("cafe", prefix: false)) == LibraryFixture.ids("d"))
        #expect(try matching(.word("ZURICH", prefix: false)) == LibraryFixture.ids("d"))
        #expect(try matching(.word("café", prefix: false)) == LibraryFixture.ids("d"))
    }

    @Test func phrasesKeepWordOrder() throws {
        #expect(try matching(.phrase("supply chain")) == LibraryFixture.ids("c"))
        #expect(try matching(.phrase("chain supply")).isEmpty)
        // Hyphenated and spaced forms tokenize alike.
        #expect(try matching(.phrase("supply-chain squeeze")) == LibraryFixture.ids("c"))
    }

    @Test func quotesInsideAWordCannotBreakTheQuery() throws {
        #expect(try matching(.word("say \"hi\" OR", prefix: false)).isEmpty)
        #expect(try matching(.phrase("NOT")).isEmpty)
    }

    @Test func topicsAndEntities() throws {
        #expect(try matching(.topic("cyber")) == LibraryFixture.ids("ad"))
        #expect(try matching(.topic("CYBER")) == LibraryFixture.ids("ad"))
        #expect(try matching(.entity(.person, "jake sullivan")) == LibraryFixture.ids("ad"))
        #expect(try matching(.entity(.place, "Jake Sullivan")).isEmpty)
        #expect(try matching(.entity(nil, "Seoul")) == LibraryFixture.ids("a"))
        #expect(try matching(.entity(.place, "zurich")) == LibraryFixture.ids("d"))
        #expect(try matching(.entity(.organization, "Samsung Electronics")) == LibraryFixture.ids("c"))
    }

    @Test func datesAreInclusiveAndUndatedArticlesMatchNeitherBound() throws {
        let first = ArticleDate(year: 2023, month: 12, day: 1)
        #expect(try matching(.since(first)) == LibraryFixture.ids("abe"))
        #expect(try matching(.until(first)) == LibraryFixture.ids("bd"))
        #expect(try matching(.and([.since(first), .until(ArticleDate(year: 2023, month: 12, day: 31))])) == LibraryFixture.ids("ab"))
        // NOT is the complement: the undated article is "not since".
        #expect(try matching(.not(.since(first))) == LibraryFixture.ids("cd"))
    }

    @Test func sourceMatchesPathURLOrSiteName() throws {
        #expect(try matching(.source("/other/")) == LibraryFixture.ids("de"))
        #expect(try matching(.source("example.org")) == LibraryFixture.ids("e"))
        #expect(try matching(.source("harbor")) == LibraryFixture.ids("b"))
    }

    @Test func unreadAndStarredFollowTheStateStore() throws {
        #expect(try matching(.unread) == LibraryFixture.ids("abcde"))
        try store.state.setRead("/lib/news/a.txt", true)
        try store.state.setRead("/lib/other/e.txt", true)
        try store.state.setStarred("/lib/news/b.txt", true)
        #expect(try matching(.unread) == LibraryFixture.ids("bcd"))
        #expect(try matching(.starred) == LibraryFixture.ids("b"))
        #expect(try matching(.and([.unread, .not(.starred)])) == LibraryFixture.ids("cd"))
    }

    @Test func booleanCombinations() throws {
        // Text-only subtrees become one MATCH, including NOT under AND.
        #expect(try matching(.and([.word("cyber", prefix: false), .not(.word("ransomware", prefix: false))])) == LibraryFixture.ids("d"))
        #expect(try matching(.or([.word("missile", prefix: false), .phrase("supply chain")])) == LibraryFixture.ids("bc"))
        // A bare NOT of text, and NOT inside OR, fall back to subqueries.
        #expect(try matching(.not(.word("cyber", prefix: false))) == LibraryFixture.ids("bce"))
        #expect(try matching(.or([.not(.word("cyber", prefix: false)), .topic("crypto")])) == LibraryFixture.ids("abce"))
        // Mixed: (topic:cyber OR missile) since 2023-12-01 -Seoul
        let mixed = FilterExpression.and([
            .or([.topic("cyber"), .word("missile", prefix: false)]),
            .since(ArticleDate(year: 2023, month: 12, day: 1)),
            .not(.entity(nil, "Seoul")),
        ])
        #expect(try matching(mixed) == LibraryFixture.ids("b"))
        #expect(try matching(.all) == LibraryFixture.ids("abcde"))
        #expect(try matching(.and([])) == LibraryFixture.ids("abcde"))
        #expect(try matching(.or([])).isEmpty)
    }
}
