// Paging, bodies and facets come from the database without loading every article.
import BriefCore
import Foundation
import Testing
@testable import BriefStore

@Suite struct LibraryQueryTests {
    @Test func pagesAreNewestFirstWithUndatedLast() throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryFixture.store(in: directory)
        let first = try store.summaries(matching: .all, limit: 2)
        let rest = try store.summaries(matching: .all, offset: 2, limit: 10)
        #expect(first.map(\.title) == ["New sanctions target shipping firms", "Allies step up action on North Korea cyber threats"])
        #expect(rest.map(\.id) == ["/lib/news/b.txt", "/lib/other/d.txt", "/lib/news/c.txt"])
        #expect(first[1].topics == ["cyber", "crypto"])
        #expect(first[1].date == ArticleDate(year: 2023, month: 12, day: 9))
        #expect(first[1].siteName == "Pacific Wire")
        #expect(try store.count(matching: .topic("cyber")) == 2)
        let oldest = try store.summaries(matching: .all, order: .oldest, limit: 5)
        #expect(oldest.first?.id == "/lib/other/d.txt")
        #expect(oldest.last?.id == "/lib/news/c.txt")
    }

    @Test func anOpenedArticleIsExactlyWhatWasStored() throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryFixture.store(in: directory)
        for article in LibraryFixture.articles {
            #expect(try store.article(id: article.id) == article)
        }
        #expect(try store.article(id: "/nowhere.txt") == nil)
    }

    @Test func facetsCountTheCurrentResult() throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryFixture.store(in: directory)
        let all = try store.facets(matching: .all)
        #expect(all.total == 5)
        #expect(Dictionary(uniqueKeysWithValues: all.topics.map { ($0.id, $0.count) })
                == ["crypto": 1, "cyber": 2, "missiles": 1, "sanctions": 1, "supply-chain": 1])
        #expect(all.entities[.person]?.first == Facets.EntityCount(name: "Jake Sullivan", type: .person, count: 2))
        #expect(all.entities[.person]?.count == 2)
        #expect(all.days.map(\.count).reduce(0, +) == 4)
        #expect(all.days.first?.date == ArticleDate(year: 2023, month: 11, day: 20))

        let cyber = try store.facets(matching: .topic("cyber"))
        #expect(cyber.total == 2)
        #expect(cyber.topics.first { $0.id == "missiles" }?.count == 0)
        #expect(cyber.topics.first { $0.id == "crypto" }?.count == 1)
        #expect(cyber.entities[.person] == [Facets.EntityCount(name: "Jake Sullivan", type: .person, count: 2)])
        #expect(Set(cyber.entities[.place]?.map(\.name) ?? []) == ["Seoul", "North Korea", "Zürich"])
        #expect(cyber.days.map(\.date) == [ArticleDate(year: 2023, month: 11, day: 20), ArticleDate(year: 2023, month: 12, day: 9)])

        let limited = try store.facets(matching: .all, entitiesPerType: 1)
        #expect(limited.entities[.place]?.count == 1)
    }
}
