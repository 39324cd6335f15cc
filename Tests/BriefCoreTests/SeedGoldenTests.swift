// The seed article, end to end through reading and cleaning: what a user sees must not drift.
import Foundation
import Testing
@testable import BriefCore

@Suite struct SeedGoldenTests {
    static func seed() throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "seed", withExtension: "txt", subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    static func article() throws -> Article {
        let articles = try ArticlePipeline().articles(from: seed(), source: "seed.txt")
        return try #require(articles.first)
    }

    @Test func titleDateAndFormat() throws {
        let article = try Self.article()
        #expect(article.format == .text)
        #expect(article.title == "US, South Korea and Japan to step up their actions on North Korea cyber threats")
        #expect(article.date == ArticleDate(year: 2023, month: 12, day: 9))
    }

    @Test func keepsTheSixBodyParagraphs() throws {
        let article = try Self.article()
        #expect(article.paragraphs.count == 6)
        #expect(article.paragraphs.first?.hasPrefix("The national security advisers of the United States") == true)
        #expect(article.paragraphs[1].hasPrefix("The meeting took place in Seoul"))
        #expect(article.paragraphs[2].hasPrefix("The leaders of the three countries"))
        #expect(article.paragraphs[3].hasPrefix("Takeo Akiba"))
        #expect(article.paragraphs[4].hasPrefix("During their meeting at Camp David"))
        #expect(article.paragraphs.last?.hasSuffix("as said by Sullivan.") == true)
    }

    @Test func removesTheMarkerAndThreeHeadlinesWithReasons() throws {
        let article = try Self.article()
        #expect(article.removed.map(\.reason) == [.promoMarker, .unrelatedHeadline, .unrelatedHeadline, .unrelatedHeadline])
        #expect(article.removed.map(\.text) == [
            "Similar topics for you...This topic continues below.",
            "Buried WWII Bomb Explodes at Miyazaki Airport: What Actually Happened?",
            "New Zealand's PM Sidesteps Immunity Question in Diplomat’s Street Fight",
            "Finally Wendy’s to Release Krabby Patty Burger for SpongeBob’s 25th Anniversary—Get Ready for a Tasty Treat!",
        ])
        // They stood after the first paragraph, where the reader shows them on request.
        #expect(article.removed.allSatisfy { $0.position == 1 })
    }

    @Test func removedHeadlinesDoNotReachTheKeptText() throws {
        let text = try Self.article().paragraphs.joined(separator: " ")
        for word in ["Miyazaki", "Wendy", "SpongeBob", "Zealand"] {
            #expect(!text.contains(word))
        }
    }
}
