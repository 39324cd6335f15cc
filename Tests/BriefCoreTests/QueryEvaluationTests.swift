// The filter language evaluated against articles: text, entities, topics, dates, sources and flags.
import Testing
@testable import BriefCore

@Suite("Filter query evaluation")
struct QueryEvaluationTests {
    static let seedLike = Article(
        source: "/library/asia/000_seed.txt", format: .text,
        title: "US, South Korea and Japan to step up their actions on North Korea cyber threats",
        date: ArticleDate(year: 2023, month: 12, day: 9), url: "https://example.com/news/123", siteName: "Example News",
        paragraphs: [
            "The meeting took place in Seoul, where Pyongyang had recently issued warnings.",
            "They concluded the development of a supply-chain early warning system.",
        ],
        removed: [RemovedBlock(text: "Wendy's to release Krabby Patty burger", reason: .unrelatedHeadline, position: 1)],
        entities: [
            EntitySpan(paragraph: 0, start: 30, end: 35, text: "Seoul", type: .place),
            EntitySpan(paragraph: 1, start: 0, end: 8, text: "Sullivan", type: .person, canonical: "Jake Sullivan"),
            EntitySpan(paragraph: -1, start: 0, end: 2, text: "US", type: .place, canonical: "United States"),
            EntitySpan(paragraph: 0, start: 0, end: 11, text: "White House", type: .organization),
        ],
        topics: [TopicMatch(id: "cyber", name: "Cyber", score: 4, terms: ["cyber*"])],
        mentions: [TopicMatch(id: "diplomacy", name: "Diplomacy", score: 2, terms: ["meeting"], level: .mention)])

    static let undated = Article(source: "/library/other/note.txt", format: .pageText, title: "Harbour notes",
                                 paragraphs: ["Ships and more ships."])

    func matches(_ query: String, _ article: Article = seedLike, flags: ArticleFlags = .unread) throws -> Bool {
        try FilterQuery(query).matches(article, flags: flags)
    }

    @Test func wordsMatchWholeWordsInTitleAndKeptText() throws {
        #expect(try matches("seoul"))
        #expect(try matches("CYBER threats"))
        #expect(try !matches("seo"), "not part of a word")
        #expect(try matches("seo*"))
        #expect(try !matches("krabby"), "removed text is not searched")
        #expect(try matches("korea"), "possessive and plain forms are one word")
    }

    @Test func phrasesMatchConsecutiveWords() throws {
        #expect(try matches("\"supply chain\""), "hyphen and space are one")
        #expect(try matches("supply-chain"))
        #expect(try matches("\"early warning system\""))
        #expect(try !matches("\"warning early\""))
        #expect(try !matches("\"threats the\""), "phrases do not run across paragraphs")
    }

    @Test func entitiesMatchCanonicalOrWrittenNames() throws {
        #expect(try matches("person:sullivan"))
        #expect(try matches("person:\"Jake Sullivan\""))
        #expect(try matches("entity:\"jake sullivan\""))
        #expect(try !matches("place:sullivan"), "the type must agree")
        #expect(try matches("place:\"united states\""))
        #expect(try matches("place:US"))
        #expect(try matches("org:\"white house\""))
        #expect(try !matches("person:sull"), "whole words of the name")
    }

    @Test func topicsDatesAndSources() throws {
        #expect(try matches("topic:cyber"))
        #expect(try !matches("topic:space"))
        #expect(try !matches("topic:diplomacy"), "a topic mentioned in passing is not what the article is about")
        #expect(try matches("mentions:diplomacy"))
        #expect(try matches("mentions:CYBER"), "an article about a topic mentions it too")
        #expect(try !matches("mentions:space"))
        #expect(try matches("mentions:diplomacy -topic:diplomacy"))
        #expect(try matches("since:2023-12-09 until:2023-12-09"))
        #expect(try !matches("since:2023-12-10"))
        #expect(try !matches("until:2023-12-08"))
        #expect(try !matches("since:2000-01-01", Self.undated), "undated articles fail date bounds")
        #expect(try matches("-since:2000-01-01", Self.undated))
        #expect(try matches("source:ASIA"))
        #expect(try matches("source:example.com"))
        #expect(try matches("source:\"example news\""))
        #expect(try !matches("source:europe"))
    }

    @Test func flags() throws {
        #expect(try matches("unread"))
        #expect(try !matches("unread", flags: ArticleFlags(read: true)))
        #expect(try !matches("starred"))
        #expect(try matches("starred -unread", flags: ArticleFlags(read: true, starred: true)))
    }

    @Test func booleanStructure() throws {
        #expect(try matches("seoul OR tokyo"))
        #expect(try !matches("seoul tokyo"))
        #expect(try matches("-tokyo"))
        #expect(try matches("NOT (tokyo OR beijing) topic:cyber"))
        #expect(try matches("ships", Self.undated))
        #expect(try matches("ship*", Self.undated))
        #expect(try matches(""))
    }

    @Test func searchTextCanBeBuiltOnceAndReused() throws {
        let text = ArticleSearchText(Self.seedLike)
        let query = try FilterQuery("pyongyang \"warning system\"")
        #expect(query.matches(Self.seedLike, flags: .unread, searchText: text))
        #expect(try !FilterQuery("tokyo").matches(Self.seedLike, flags: .unread, searchText: text))
    }
}
