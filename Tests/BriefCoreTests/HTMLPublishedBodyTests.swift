// The page's own `articleBody` (JSON-LD) as a second opinion on the kept blocks.
import Foundation
import Testing
@testable import BriefCore

struct HTMLPublishedBodyTests {
    static let paragraphs = [
        "The river ferry resumed its crossings on Monday after engineers replaced the worn cable, the operator said in a statement.",
        "Commuters had faced a forty-minute detour by road since the service stopped in early spring, and local shops reported fewer customers.",
        "The operator said the new cable should last for twenty years, and that fares would stay the same until the end of the season.",
        "A second ferry is due to join the route next summer, once the new landing stage on the north bank is finished.",
    ]

    /// A page whose JSON-LD publishes `articleBody`, with `story` (HTML) as its article element.
    static func page(articleBody: String, story: String) throws -> String {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: [
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry service resumes",
            "articleBody": articleBody,
        ]), as: UTF8.self)
        return """
            <html><head><title>Ferry service resumes</title>
            <script type="application/ld+json">\(json)</script></head>
            <body><article><h1>Ferry service resumes</h1>\(story)</article></body></html>
            """
    }

    static func read(_ html: String) throws -> RawDocument {
        try HTMLArticleReader().document(from: Data(html.utf8), source: "test.html")
    }

    static func texts(_ document: RawDocument) -> [String] { document.blocks.map(\.text) }

    @Test func blocksThePublishedBodyLacksAreNotTheStory() throws {
        let prompt = "Please switch off your ad blocker for example.com to keep reading. Thank you for your support!"
        let product = "Travel mug, 24.95 dollars at Shopland"
        let story = """
            <p>\(Self.paragraphs[0])</p><p>\(Self.paragraphs[1])</p>
            <p>\(prompt)</p>
            <p>\(Self.paragraphs[2])</p><p>\(product)</p><p>\(Self.paragraphs[3])</p>
            <h2>Topics</h2><p>Transport</p>
            """
        let document = try Self.read(try Self.page(articleBody: Self.paragraphs.joined(separator: "\n\n"), story: story))
        #expect(Self.texts(document) == Self.paragraphs)
        #expect(document.removed.contains { $0.text == prompt && $0.reason == .boilerplate })
        #expect(document.removed.contains { $0.text == product })
        #expect(document.removed.contains { $0.text == "Topics" })
    }

    @Test func aStandfirstASubheadAndAListStayThoughThePublishedBodyLacksThem() throws {
        let standfirst = "Commuters on the north bank get their short crossing back after a whole spring of long detours by road."
        let subhead = "What changes for passengers"
        let items = ["Tickets bought for the spring remain valid", "Bicycles travel free on weekdays"]
        let story = """
            <p>\(standfirst)</p><p>\(Self.paragraphs[0])</p><p>\(Self.paragraphs[1])</p>
            <h2>\(subhead)</h2><p>\(Self.paragraphs[2])</p>
            <ul><li>\(items[0])</li><li>\(items[1])</li></ul><p>\(Self.paragraphs[3])</p>
            """
        let document = try Self.read(try Self.page(articleBody: Self.paragraphs.joined(separator: "\n\n"), story: story))
        #expect(Self.texts(document) == [standfirst] + Self.paragraphs.prefix(2) + [subhead, Self.paragraphs[2]] + items
            + [Self.paragraphs[3]])
    }

    @Test func aPublishedLedeAloneJudgesNothing() throws {
        // A paywalled page publishes only its opening: the rest of the story is not thereby chrome.
        let story = Self.paragraphs.map { "<p>\($0)</p>" }.joined() + "<p>Travel mug, 24.95 dollars at Shopland</p>"
        let document = try Self.read(try Self.page(articleBody: Self.paragraphs[0], story: story))
        #expect(Self.texts(document) == Self.paragraphs + ["Travel mug, 24.95 dollars at Shopland"])
    }
}
