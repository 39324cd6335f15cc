// The feed reader: RSS 0.9x/1.0/2.0 and Atom items, dates in every feed form, and hostile XML.
import Foundation
import Testing
@testable import BriefCore

struct FeedReaderTests {
    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/feeds"))
        return try Data(contentsOf: url)
    }

    static func read(_ name: String) throws -> [RawDocument] {
        try FeedReader().read(fixture(name), source: "feeds/\(name)")
    }

    @Test func readsRSS2ItemsWithContentEncodedAndEnclosures() throws {
        let items = try Self.read("rss2.xml")
        #expect(items.count == 3)
        let first = items[0]
        #expect(first.format == .feed)
        #expect(first.title == "Harbour cranes return to service")
        #expect(first.date == ArticleDate(year: 2024, month: 3, day: 18))
        #expect(first.byline == "Mara Quist")
        #expect(first.siteName == "Coastal Ledger")
        #expect(first.language == "en-gb")
        #expect(first.url == "https://ledger.example/2024/03/18/harbour-cranes")
        #expect(first.source == "feeds/rss2.xml#https://ledger.example/2024/03/18/harbour-cranes")
        #expect(first.blocks.map(\.text) == ["The two container cranes at the north quay moved their first boxes on Monday.",
                                            "Engineers replaced the switchgear & dried out the motors."])
        // Escaped HTML in <description>, an RFC 822 date with a two-digit year and a US zone, "mail (Name)" authors.
        #expect(items[1].title == "Ferry timetable & fares for spring")
        #expect(items[1].blocks.map(\.text) == ["Ferries will run every forty minutes from April."])
        #expect(items[1].date == ArticleDate(year: 2024, month: 3, day: 15))
        #expect(items[1].byline == "Tom Varga")
        // No link: the guid is the permalink; no date at all is fine; the enclosure is noted.
        #expect(items[2].url == "https://ledger.example/podcast/12")
        #expect(items[2].date == nil)
        #expect(items[2].blocks.contains { $0.kind == .caption && $0.text.contains("audio/mpeg") && $0.text.contains("12.mp3") })
    }

    /// Item bodies are read with the pipeline's HTML settings, not a default of their own.
    @Test func itemBodiesFollowThePipelinesHTMLSettings() throws {
        let feed = Data("""
            <rss version="2.0"><channel><title>Port</title><item><title>Quay works</title>
            <description><![CDATA[<p>The north quay reopens on Monday after three weeks of dredging.</p>
            <div class="sidebar-right"><p>Tide tables for the week are posted at the harbour office.</p></div>]]></description>
            </item></channel></rss>
            """.utf8)
        let sidebar = "Tide tables for the week are posted at the harbour office."
        // By default a weak verdict on a short body stands: the sidebar goes.
        let standard = try #require(try ArticlePipeline().articles(from: feed, source: "port.xml").first)
        #expect(!standard.paragraphs.contains(sidebar))
        // Settings under which no weak verdict stands keep it, in the feed as in a page.
        var lenient = HTMLExtractionSettings.standard
        lenient.chromeVoidMinimum = 0
        lenient.chromeVoidShare = 0
        let kept = try #require(try ArticlePipeline(html: lenient).articles(from: feed, source: "port.xml").first)
        #expect(kept.paragraphs.contains(sidebar))
    }

    @Test func readsAtomEntries() throws {
        let entries = try Self.read("atom.xml")
        #expect(entries.count == 2)
        #expect(entries[0].title == "Dredging starts in the channel")
        #expect(entries[0].url == "https://notes.example/dredging")
        #expect(entries[0].date == ArticleDate(year: 2024, month: 3, day: 19))
        #expect(entries[0].byline == "Ilse Brand")
        #expect(entries[0].blocks.map(\.text) == ["Dredgers began deepening the approach channel on Tuesday.",
                                                 "The work will take three months."])
        // Summary only, text type; author inherited from the feed; updated used when published is missing.
        #expect(entries[1].blocks.map(\.text) == ["The harbour master published the tide tables for the summer & autumn."])
        #expect(entries[1].byline == "Port Notes desk")
        #expect(entries[1].date == ArticleDate(year: 2024, month: 3, day: 17))
    }

    @Test func readsRSS1() throws {
        let items = try Self.read("rss1.xml")
        #expect(items.count == 1)
        #expect(items[0].title == "Lighthouse keeper retires")
        #expect(items[0].date == ArticleDate(year: 2003, month: 6, day: 10))
        #expect(items[0].byline == "Anna Lind")
        #expect(items[0].siteName == "Old Harbour Weekly")
    }

    @Test func refusesBillionLaughs() throws {
        let error = #expect(throws: ReadError.self) { try Self.read("bomb.xml") }
        #expect(error?.reason.contains("bomb") == true)
        #expect(error?.kind == .refused)
    }

    @Test func neverResolvesExternalEntities() throws {
        let error = #expect(throws: ReadError.self) { try Self.read("xxe.xml") }
        #expect(error?.reason.contains("entities") == true)
    }

    @Test func reportsTruncatedXML() throws {
        let error = #expect(throws: ReadError.self) { try Self.read("truncated.xml") }
        #expect(error?.reason.contains("truncated") == true)
        #expect(error?.kind == .malformed)
    }

    @Test func refusesHTMLAndOtherXML() throws {
        let page = #expect(throws: ReadError.self) { try FeedReader().read(Data("<html><body><p>hi</p></body></html>".utf8), source: "x") }
        #expect(page?.kind == .wrongFormat)
        let other = #expect(throws: ReadError.self) { try FeedReader().read(Data("<?xml version=\"1.0\"?><svg/>".utf8), source: "x") }
        #expect(other?.reason.contains("<svg>") == true)
        #expect(other?.kind == .wrongFormat)
    }

    @Test func toleratesHTMLEntitiesXMLDoesNotKnow() throws {
        let xml = "<rss version=\"0.91\"><channel><title>T</title><item><title>Caf&eacute; opens&nbsp;today</title><link>https://x.example/a</link></item></channel></rss>"
        let items = try FeedReader().read(Data(xml.utf8), source: "x")
        #expect(items.count == 1)
        #expect(items[0].url == "https://x.example/a")
    }

    @Test func goesThroughThePipelineAsFeedItems() throws {
        let articles = try ArticlePipeline().articles(from: Self.fixture("rss2.xml"), source: "rss2.xml")
        #expect(articles.count == 3)
        #expect(articles.allSatisfy { $0.format == .feed && $0.source.hasPrefix("rss2.xml#") })
    }

    @Test(arguments: [
        ("Mon, 18 Mar 2024 07:30:00 +0100", "2024-03-18"),
        ("Fri, 15 Mar 24 18:00 EST", "2024-03-15"),
        ("18 Mar 2024 23:59:59 GMT", "2024-03-18"),
        ("Tue, 5 Nov 2019 04:00:00 PDT", "2019-11-05"),
        ("2024-03-19T08:15:00-05:00", "2024-03-19"),
        ("2024-03-19T08:15:00.123Z", "2024-03-19"),
        ("2024-03-19", "2024-03-19"),
        ("2024/3/9", "2024-03-09"),
        ("December 9, 2023", "2023-12-09"),
        ("Saturday, Dec. 9, 2023 10:00 AM", "2023-12-09"),
        ("9. Dezember 2023", "2023-12-09"),
        ("Published: 9 December 2023", "2023-12-09"),
    ])
    func parsesFeedAndPageDates(text: String, expected: String) {
        #expect(NewsDateParser.parse(text)?.description == expected)
    }

    @Test(arguments: ["", "tomorrow", "2024-13-40", "Feb 30, 2023", "May I help you", "12345"])
    func rejectsNonDates(text: String) {
        #expect(NewsDateParser.parse(text) == nil)
    }
}
