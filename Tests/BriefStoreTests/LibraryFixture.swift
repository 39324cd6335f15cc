// A small library of hand-built articles with known entities, topics, dates and sources.
import BriefCore
import BriefTestSupport
import Foundation
@testable import BriefStore

enum LibraryFixture {
    static func person(_ name: String, _ paragraph: Int = 0) -> EntitySpan {
        EntitySpan(paragraph: paragraph, start: 0, end: name.unicodeScalars.count, text: name, type: .person)
    }
    static func place(_ name: String, _ paragraph: Int = 0) -> EntitySpan {
        EntitySpan(paragraph: paragraph, start: 0, end: name.unicodeScalars.count, text: name, type: .place)
    }
    static func org(_ name: String, _ paragraph: Int = 0) -> EntitySpan {
        EntitySpan(paragraph: paragraph, start: 0, end: name.unicodeScalars.count, text: name, type: .organization)
    }
    static func topic(_ id: String, _ score: Double = 1) -> TopicMatch {
        TopicMatch(id: id, name: id.capitalized, score: score, terms: [id])
    }
    /// A topic mentioned in passing.
    static func mention(_ id: String, _ score: Double = 2) -> TopicMatch {
        TopicMatch(id: id, name: id.capitalized, score: score, terms: [id], level: .mention)
    }

    /// a: cyber + crypto, Sullivan, Seoul. b: missiles (mentions cyber), Kishida, Tokyo. c: supply
    /// chain (mentions missiles), undated. d: cyber, Sullivan quoted in Zürich café. e: sanctions
    /// (mentions supply chain), no entities, from another site.
    static let articles: [Article] = [
        Article(
            source: "/lib/news/a.txt", format: .text,
            title: "Allies step up action on North Korea cyber threats",
            date: ArticleDate(year: 2023, month: 12, day: 9), siteName: "Pacific Wire",
            paragraphs: [
                "Jake Sullivan said the meeting in Seoul addressed cryptocurrency laundering.",
                "Officials discussed ransomware and spy satellites.",
            ],
            removed: [RemovedBlock(text: "Buried WWII Bomb Explodes at Miyazaki Airport", reason: .unrelatedHeadline, position: 1)],
            entities: [person("Jake Sullivan"), place("Seoul"), place("North Korea", -1)],
            topics: [topic("cyber", 3), topic("crypto", 1)]),
        Article(
            source: "/lib/news/b.txt", format: .text,
            title: "Missile launch condemned in Tokyo",
            date: ArticleDate(year: 2023, month: 12, day: 1), siteName: "Harbor Times",
            paragraphs: ["Fumio Kishida condemned the ballistic missile launch.", "Tokyo raised its alert level."],
            entities: [person("Fumio Kishida"), place("Tokyo", 1)],
            topics: [topic("missiles", 2)], mentions: [mention("cyber")]),
        Article(
            source: "/lib/news/c.txt", format: .pageText,
            title: "Battery makers rethink the supply chain",
            paragraphs: ["Rechargeable batteries face a supply-chain squeeze.", "Factories moved production."],
            entities: [org("Samsung Electronics")],
            topics: [topic("supply-chain", 1.5)], mentions: [mention("missiles")]),
        Article(
            source: "/lib/other/d.txt", format: .text,
            title: "Talks in a café in Zürich",
            date: ArticleDate(year: 2023, month: 11, day: 20), siteName: "Capital Observer",
            paragraphs: ["Negotiators met in a café. Sullivan warned of cyber attacks on grids."],
            entities: [place("Zürich"), EntitySpan(paragraph: 0, start: 33, end: 41, text: "Sullivan", type: .person, canonical: "Jake Sullivan")],
            topics: [topic("cyber", 1)]),
        Article(
            source: "/lib/other/e.txt", format: .text,
            title: "New sanctions target shipping firms",
            date: ArticleDate(year: 2024, month: 1, day: 15), url: "https://example.org/sanctions",
            paragraphs: ["The Treasury imposed sanctions on eleven firms.", "Economic coercion was cited."],
            topics: [topic("sanctions", 2)], mentions: [mention("supply-chain")]),
    ]

    static func ids(_ letters: String) -> Set<String> {
        Set(letters.map { letter in articles.first { $0.source.hasSuffix("/\(letter).txt") }!.source })
    }

    /// A store in `directory` holding the fixture articles.
    static func store(in directory: TemporaryDirectory) throws -> LibraryStore {
        let store = try LibraryStore(path: directory.file("cache/library.sqlite").path,
                                     statePath: directory.file("data/state.sqlite").path)
        for article in articles { try store.insert([article], path: article.source) }
        return store
    }
}
