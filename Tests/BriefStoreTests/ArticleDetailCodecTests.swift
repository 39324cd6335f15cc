// The stored form of an opened article's detail: read back whole, damaged blobs refused.
import BriefCore
import BriefTestSupport
import Foundation
import GRDB
import Testing
@testable import BriefStore

@Suite struct ArticleDetailCodecTests {
    /// Mentions in the title and in paragraphs with non-ASCII text before them; one whose text
    /// is not what its offsets cover (stored as written); one whose offsets lie outside its paragraph.
    static let article = Article(
        source: "/lib/detail.html", format: .html, title: "Zürich 🎉 talks: Sullivan meets Wang Yi",
        date: ArticleDate(year: 2024, month: 2, day: 29), byline: "By A. Writer", url: "https://example.org/a", siteName: "Wire",
        language: "en", paragraphs: [
            "In the café of Zürich, Jake Sullivan — 🇺🇸 envoy — met Wang Yi.",
            "The U.S. side said little.",
            "A list item.",
        ],
        paragraphKinds: [.paragraph, .quote, .listItem],
        removed: [
            RemovedBlock(text: "Read more: ünrelated", reason: .promoMarker, position: 0),
            RemovedBlock(text: "© 2024", reason: .footer, position: 3),
        ],
        entities: [
            EntitySpan(paragraph: -1, start: 0, end: 6, text: "Zürich", type: .place),
            EntitySpan(paragraph: -1, start: 16, end: 24, text: "Sullivan", type: .person, canonical: "Jake Sullivan"),
            EntitySpan(paragraph: 0, start: 15, end: 21, text: "Zürich", type: .place),
            EntitySpan(paragraph: 0, start: 23, end: 36, text: "Jake Sullivan", type: .person),
            EntitySpan(paragraph: 0, start: 54, end: 61, text: "Wang Yi", type: .person),
            EntitySpan(paragraph: 1, start: 4, end: 8, text: "US", type: .place, canonical: "United States"),
            EntitySpan(paragraph: 2, start: 40, end: 44, text: "Nowhere", type: .other),
            EntitySpan(paragraph: 7, start: 0, end: 3, text: "Far", type: .organization),
        ],
        topics: [
            TopicMatch(id: "diplomacy", name: "Diplomacy", score: 2.75, terms: ["talks", "envoy"],
                       evidence: TopicEvidence(inTitle: true, inLead: true, paragraphs: 3, sentencesWithEvidence: 4, sentences: 9)),
            TopicMatch(id: "china", name: "China", score: 0.1, terms: ["Wang Yi", "talks"]),
        ],
        mentions: [
            TopicMatch(id: "cyber", name: "Cyber", score: 2, terms: ["hacker"], level: .mention,
                       evidence: TopicEvidence(paragraphs: 1, sentencesWithEvidence: 1, sentences: 9)),
        ],
        summary: "Talks in Zürich\nNo agreement yet", agency: "Reuters")

    @Test func anOpenedArticleReadsBackAsItWasStored() throws {
        // The offsets above are meant to cover the texts they name: check the fixture itself.
        let paragraph = Array(Self.article.paragraphs[0].unicodeScalars)
        #expect(String(String.UnicodeScalarView(paragraph[54..<61])) == "Wang Yi")
        #expect(String(String.UnicodeScalarView(Array(Self.article.title.unicodeScalars)[16..<24])) == "Sullivan")

        let directory = try TemporaryDirectory()
        let store = try LibraryStore(path: directory.file("cache.sqlite").path, statePath: directory.file("state.sqlite").path)
        try store.insert([Self.article], path: Self.article.source)
        let readBack = try #require(try store.article(id: Self.article.id))
        #expect(readBack == Self.article)
    }

    @Test func theDetailIsMuchSmallerThanJSON() throws {
        let detail = ArticleDetail(kinds: Self.article.paragraphKinds, removed: Self.article.removed,
                                   entities: Self.article.entities, topics: Self.article.topics)
        let encoded = ArticleDetailCodec.encode(detail, title: Self.article.title, paragraphs: Self.article.paragraphs)
        let json = try JSONEncoder().encode([Self.article.entities])
        #expect(encoded.count * 3 < json.count)
        #expect(try ArticleDetailCodec.decode(encoded, title: Self.article.title, paragraphs: Self.article.paragraphs) == detail)
    }

    @Test func aDamagedDetailIsRefusedNotMisread() throws {
        let detail = ArticleDetail(kinds: Self.article.paragraphKinds, removed: Self.article.removed,
                                   entities: Self.article.entities, topics: Self.article.topics, summary: Self.article.summary,
                                   agency: Self.article.agency)
        let encoded = ArticleDetailCodec.encode(detail, title: Self.article.title, paragraphs: Self.article.paragraphs)
        for length in 0..<encoded.count {
            #expect(throws: ArticleDetailCodec.Malformed.self) {
                try ArticleDetailCodec.decode(encoded.prefix(length), title: Self.article.title, paragraphs: Self.article.paragraphs)
            }
        }
        var otherVersion = encoded
        otherVersion[otherVersion.startIndex] = ArticleDetailCodec.formatVersion + 1
        #expect(throws: ArticleDetailCodec.Malformed.self) {
            try ArticleDetailCodec.decode(otherVersion, title: Self.article.title, paragraphs: Self.article.paragraphs)
        }
        // Paragraphs that no longer hold a mention's offsets (text and detail out of step).
        #expect(throws: ArticleDetailCodec.Malformed.self) {
            try ArticleDetailCodec.decode(encoded, title: Self.article.title, paragraphs: ["Short."])
        }
        #expect(try ArticleDetailCodec.decode(Data([ArticleDetailCodec.formatVersion, 0, 0, 0, 0, 0, 0, 0, 0]), title: "", paragraphs: [])
                == ArticleDetail(kinds: [], removed: [], entities: [], topics: []))
    }

    /// Found by Fuzz/run (detail): a mention starting at Int.max with a length of 1 trapped on
    /// the addition instead of being refused, so one damaged cache row crashed the reader.
    @Test func aMentionWhoseEndOverflowsIsRefusedNotACrash() {
        // This version, no kinds, no removed blocks, no summary, no agency, one string "a", one
        // mention: type 0 as a slice of paragraph 0, start Int.max (zigzag varint), length 1; no
        // topics, no language.
        let blob = Data([ArticleDetailCodec.formatVersion, 0, 0, 0, 0, 1, 1, UInt8(ascii: "a"), 1, 0, 0,
                         0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 2, 0, 0, 0])
        let error = #expect(throws: ArticleDetailCodec.Malformed.self) {
            try ArticleDetailCodec.decode(blob, title: "", paragraphs: ["a"])
        }
        #expect(error?.reason.contains("overflows") == true, "refused for another reason: \(String(describing: error))")
    }
}
