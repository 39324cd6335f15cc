// Paging, bodies and facets come from the database without loading every article.
import BriefCore
import BriefTestSupport
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

    @Test(arguments: [false, true])
    func facetsCountTheCurrentResult(bySQL: Bool) throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryFixture.store(in: directory)
        let facets = bySQL ? store.facetsBySQL : store.facets
        let all = try facets(.all, 10)
        #expect(all.total == 5)
        #expect(Dictionary(uniqueKeysWithValues: all.topics.map { ($0.id, $0.count) })
                == ["crypto": 1, "cyber": 2, "missiles": 1, "sanctions": 1, "supply-chain": 1])
        #expect(all.entities[.person]?.first == Facets.EntityCount(name: "Jake Sullivan", type: .person, count: 2))
        #expect(all.entities[.person]?.count == 2)
        #expect(all.days.map(\.count).reduce(0, +) == 4)
        #expect(all.days.first?.date == ArticleDate(year: 2023, month: 11, day: 20))

        let cyber = try facets(.topic("cyber"), 10)
        #expect(cyber.total == 2)
        #expect(cyber.topics.first { $0.id == "missiles" }?.count == 0)
        #expect(cyber.topics.first { $0.id == "crypto" }?.count == 1)
        #expect(cyber.entities[.person] == [Facets.EntityCount(name: "Jake Sullivan", type: .person, count: 2)])
        #expect(Set(cyber.entities[.place]?.map(\.name) ?? []) == ["Seoul", "North Korea", "Zürich"])
        #expect(cyber.days.map(\.date) == [ArticleDate(year: 2023, month: 11, day: 20), ArticleDate(year: 2023, month: 12, day: 9)])

        let limited = try facets(.all, 1)
        #expect(limited.entities[.place]?.count == 1)
    }

    @Test func aMentionedTopicIsNeitherCountedNorABadgeButMentionsFindsIt() throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryFixture.store(in: directory)
        // b is about missiles and mentions cyber in passing.
        let badges = try store.summaries(matching: .all, limit: 10).first { $0.id == "/lib/news/b.txt" }?.topics
        #expect(badges == ["missiles"])
        for facets in [try store.facets(matching: .all), try store.facetsBySQL(matching: .all), try store.query(.all).facets] {
            #expect(facets.topics.first { $0.id == "cyber" }?.count == 2)
        }
        #expect(Set(try store.ids(matching: .mentions("cyber"))) == LibraryFixture.ids("abd"))
        #expect(Set(try store.ids(matching: .topic("cyber"))) == LibraryFixture.ids("ad"))
        let passing = try store.query(.and([.mentions("cyber"), .not(.topic("cyber"))]))
        #expect(try store.summaries(of: passing, 0..<10).map(\.id) == ["/lib/news/b.txt"])
        let readBack = try #require(try store.article(id: "/lib/news/b.txt"))
        #expect(readBack.mentions.map(\.id) == ["cyber"] && readBack.topics.map(\.id) == ["missiles"])
    }
}

@Suite struct FacetIndexTests {
    static let filters: [FilterExpression] = [
        .all, .topic("cyber"), .entity(.person, "Jake Sullivan"), .word("missile", prefix: true),
        .not(.topic("missiles")), .and([.topic("diplomacy"), .since(ArticleDate(year: 2021, month: 1, day: 1))]), .or([]),
        .mentions("cyber"), .and([.mentions("diplomacy"), .not(.topic("diplomacy"))]), .not(.mentions("missiles")),
    ]

    /// A generated library with the generator's planted entities and topics.
    static func plantedStore(_ directory: TemporaryDirectory, count: Int) throws -> LibraryStore {
        let store = try LibraryStore(path: directory.file("cache.sqlite").path, statePath: directory.file("state.sqlite").path)
        let generator = CorpusGenerator()
        for index in 0..<count {
            let file = generator.file(index)
            var article = try ArticlePipeline().articles(from: Data(file.text.utf8), source: "/gen/\(file.relativePath)")[0]
            article.entities = file.plantedEntities
            article.topics = file.plantedTopics
            // Every third article mentions in passing a topic it is not about.
            let planted = Set(file.plantedTopics.map(\.id))
            if index % 3 == 0, let passing = ["cyber", "diplomacy", "missiles"].first(where: { !planted.contains($0) }) {
                article.mentions = [TopicMatch(id: passing, name: passing, score: 2, terms: [], level: .mention)]
            }
            try store.insert([article], path: article.source)
        }
        return store
    }

    @Test func inMemoryCountsEqualSQLGrouping() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.plantedStore(directory, count: 300)
        // A long tail: people and places mentioned in one article each, as in real news.
        for index in 0..<12 {
            var article = LibraryFixture.articles[index % LibraryFixture.articles.count]
            article.source = "/tail/\(index).txt"
            article.entities = [LibraryFixture.person("Rare Person \(index)"),
                                EntitySpan(paragraph: 0, start: 0, end: 4, text: "Rare", type: .place, canonical: "Rare Town \(index)")]
            try store.insert([article], path: article.source)
        }
        // Short and long top lists: large results are counted from bitmaps when the top list
        // is decided by frequent entities alone, and by walking the result (or the rest of
        // the library, subtracted from the totals) when a rare entity could still be in it.
        for perType in [1, 5, 40] {
            for filter in Self.filters {
                let fast = try store.facets(matching: filter, entitiesPerType: perType)
                let reference = try store.facetsBySQL(matching: filter, entitiesPerType: perType)
                #expect(fast == reference, "\(filter) top \(perType)")
                #expect(try store.query(filter, entitiesPerType: perType).facets == reference, "\(filter) top \(perType)")
            }
        }
        #expect(try store.facets(matching: .all).total == 312)
        #expect(try store.facets(matching: .all).entities[.person]?.count == 10)

        // A large result's walk and bitmap counts are split over the cores, each part counting
        // on its own: the parts added up are the same counts (split here at a few articles a part).
        store.facetIndex.walkRowsPerPart = 3
        for perType in [1, 5, 40] {
            for filter in Self.filters {
                let reference = try store.facetsBySQL(matching: filter, entitiesPerType: perType)
                #expect(try store.query(filter, entitiesPerType: perType).facets == reference, "split: \(filter) top \(perType)")
            }
        }
    }

    @Test func anEntityFilterFindsEveryEntityOfItsNameFrequentOrRare() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.plantedStore(directory, count: 300)
        // The most mentioned place has a bitmap in memory; the same name in capitals, in one
        // article, is an entity of its own without one: the filter matches both.
        let frequent = try #require(try store.facets(matching: .all).entities[.place]?.first)
        var article = LibraryFixture.articles[0]
        article.source = "/shouting/1.txt"
        article.entities = [EntitySpan(paragraph: 0, start: 0, end: 4, text: "Town", type: .place, canonical: frequent.name.uppercased())]
        try store.insert([article], path: article.source)
        for filter in [FilterExpression.entity(.place, frequent.name), .entity(nil, frequent.name.lowercased()),
                       .not(.entity(.place, frequent.name.uppercased()))] {
            let expected = try store.count(matching: filter)
            #expect(try store.query(filter).count == expected, "\(filter)")
        }
        #expect(try store.query(.entity(.place, frequent.name)).count == frequent.count + 1)
    }

    @Test func theIndexFollowsChangesMadeAfterItWasLoaded() throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryFixture.store(in: directory)
        #expect(try store.facets(matching: .topic("cyber")).total == 2)
        let filters: [FilterExpression] = [
            .all, .topic("cyber"), .topic("missiles"), .not(.topic("cyber")), .since(ArticleDate(year: 2000, month: 1, day: 1)),
            .word("missile", prefix: false), .entity(.person, "Fumio Kishida"),
        ]
        // Loaded and kept in memory before the change.
        for filter in filters { _ = try store.query(filter) }
        // Another connection (another process, say) replaces one article and adds one.
        let other = try LibraryStore(path: store.path, statePath: store.state.path)
        var changed = LibraryFixture.articles[0]
        changed.topics = [LibraryFixture.topic("missiles")]
        changed.entities = [LibraryFixture.person("Fumio Kishida")]
        try other.insert([changed], path: changed.source)
        var added = LibraryFixture.articles[1]
        added.source = "/lib/news/f.txt"
        try other.insert([added], path: added.source)
        for filter in filters {
            #expect(try store.facets(matching: filter) == (try store.facetsBySQL(matching: filter)), "\(filter)")
            let result = try store.query(filter)
            #expect(result.facets == (try store.facetsBySQL(matching: filter)), "\(filter)")
            #expect(try store.summaries(of: result, 0..<100).map(\.id) == (try store.ids(matching: filter)), "\(filter)")
        }
        #expect(try store.facets(matching: .topic("missiles")).entities[.person]
                == [Facets.EntityCount(name: "Fumio Kishida", type: .person, count: 3)])
        // A deletion alone (no new rowid) is seen too.
        try other.write { db in try db.execute(sql: "DELETE FROM file WHERE path = ?", arguments: [added.source]) }
        for filter in filters {
            #expect(try store.query(filter).facets == (try store.facetsBySQL(matching: filter)), "after delete \(filter)")
        }
    }

    @Test func unreadFollowsMarksMadeBetweenQueries() throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryFixture.store(in: directory)
        func matched(_ filter: FilterExpression) throws -> Set<String> {
            Set(try store.summaries(of: try store.query(filter), 0..<100).map(\.id))
        }
        let unreadCyberLess: FilterExpression = .and([.unread, .not(.topic("cyber"))])
        #expect(try matched(.unread) == LibraryFixture.ids("abcde"))
        try store.state.setRead("/lib/news/a.txt", true)
        #expect(try matched(.unread) == LibraryFixture.ids("bcde"))
        // Marks made by another process, and a mark taken back, are seen by the next query.
        let other = try StateStore(path: store.state.path)
        try other.setRead("/lib/other/e.txt", true)
        try store.state.setRead("/lib/news/a.txt", false)
        #expect(try matched(.unread) == LibraryFixture.ids("abcd"))
        #expect(try matched(unreadCyberLess) == Set(try store.ids(matching: unreadCyberLess)))
        #expect(try matched(.not(.unread)) == LibraryFixture.ids("e"))
    }
}

@Suite struct LibraryResultTests {
    @Test func oneQueryGivesCountFacetsAndPagesByPosition() throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryFixture.store(in: directory)
        let result = try store.query(.all)
        #expect(result.count == 5)
        #expect(result.facets == (try store.facets(matching: .all)))
        let all = try store.summaries(matching: .all, limit: 10)
        #expect(try store.summaries(of: result, 0..<10) == all)
        #expect(try store.summaries(of: result, 1..<3) == Array(all[1..<3]))
        #expect(try store.summaries(of: result, 4..<50).map(\.id) == [all[4].id])
        #expect(try store.summaries(of: result, 7..<9).isEmpty)
        #expect(try store.position(of: "/lib/news/b.txt", in: result) == 2)

        let cyber = try store.query(.topic("cyber"), order: .oldest)
        #expect(try store.summaries(of: cyber, 0..<10).map(\.id) == ["/lib/other/d.txt", "/lib/news/a.txt"])
        // The selection survives a filter only if the article is still in the result.
        #expect(try store.position(of: "/lib/news/a.txt", in: cyber) == 1)
        #expect(try store.position(of: "/lib/news/b.txt", in: cyber) == nil)
    }

    @Test func articlesDeletedAfterTheQueryAreLeftOutOfPages() throws {
        let directory = try TemporaryDirectory()
        let store = try LibraryFixture.store(in: directory)
        let result = try store.query(.all)
        try store.write { db in try db.execute(sql: "DELETE FROM file WHERE path = '/lib/news/b.txt'") }
        #expect(try store.summaries(of: result, 0..<10).count == 4)
    }
}
