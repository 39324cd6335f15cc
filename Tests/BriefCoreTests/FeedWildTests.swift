// Feeds as they are in the wild: encodings, HTML entities, bare ampersands, text constructs,
// namespaces, links, authors, dates and truncation, each read without losing a character.
import Foundation
import Testing
@testable import BriefFeeds
@testable import BriefCore

@Suite("Feeds as in the wild")
struct FeedWildTests {
    private func items(_ xml: String, httpCharset: String? = nil) throws -> [RawDocument] {
        try items(Data(xml.utf8), httpCharset: httpCharset)
    }

    private func items(_ data: Data, httpCharset: String? = nil) throws -> [RawDocument] {
        FeedReader().documents(for: try FeedReader().parse(data, httpCharset: httpCharset), source: "feed.xml")
    }

    private func rssItem(_ inner: String, namespaces: String = "") -> String {
        "<rss version=\"2.0\"\(namespaces)><channel><title>Wild</title><item>\(inner)</item></channel></rss>"
    }

    private let knownText = "Café “naïve” — 5 €"

    // MARK: Encodings

    private func encodedFeed(_ declaration: String?) -> String {
        (declaration.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>\n" } ?? "")
            + rssItem("<title>\(knownText)</title><link>https://wild.example/a</link>")
    }

    private func utf16(_ text: String, littleEndian: Bool, bom: Bool) -> Data {
        var data = Data(bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : [])
        for unit in text.utf16 {
            let bytes = littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            data.append(contentsOf: bytes)
        }
        return data
    }

    private func utf32(_ text: String, littleEndian: Bool) -> Data {
        var data = Data()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let bytes = (0..<4).map { UInt8((value >> (8 * UInt32($0))) & 0xFF) }
            data.append(contentsOf: littleEndian ? bytes : bytes.reversed())
        }
        return data
    }

    @Test func utf16AndUTF32FeedsAreFeedsAndReadWhole() throws {
        let samples: [(String, Data)] = [
            ("UTF-16LE with a BOM", utf16(encodedFeed("utf-16"), littleEndian: true, bom: true)),
            ("UTF-16BE without a BOM", utf16(encodedFeed("utf-16be"), littleEndian: false, bom: false)),
            ("UTF-32LE without a BOM", utf32(encodedFeed("utf-32le"), littleEndian: true)),
            ("UTF-32BE with a BOM", Data([0x00, 0x00, 0xFE, 0xFF]) + utf32(encodedFeed("utf-32"), littleEndian: false)),
        ]
        for (name, data) in samples {
            #expect(FormatDetector.detect(data, source: "feed.xml") == .feed, "\(name) is a feed, not text")
            #expect(try items(data).first?.title == knownText, "\(name)")
        }
    }

    @Test func latin1AndASCIILabelsAreReadAsWindows1252() throws {
        for label in ["iso-8859-1", "latin1", "us-ascii", "windows-1252"] {
            let bytes = try #require(encodedFeed(label).data(using: .windowsCP1252))
            #expect(try items(bytes).first?.title == knownText, "declared \(label): curly quotes and dashes survive")
        }
    }

    @Test func undeclaredNonUTF8BytesAreReadAsWindows1252NotRefused() throws {
        let bytes = try #require(encodedFeed(nil).data(using: .windowsCP1252))
        #expect(try items(bytes).first?.title == knownText)
    }

    @Test func httpCharsetOverridesTheDeclaration() throws {
        let russian = "Новости дня"
        let xml = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>" + rssItem("<title>\(russian)</title>")
        let bytes = try #require(xml.data(using: .windowsCP1251))
        #expect(try items(bytes, httpCharset: "windows-1251").first?.title == russian)
        #expect(FeedCharsetDecoder.charset(inContentType: "application/rss+xml; charset=\"Windows-1251\"") == "windows-1251")
    }

    @Test func aFetchedFeedIsDecodedByItsHTTPCharset() async throws {
        let russian = "Новости дня"
        let xml = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>"
            + rssItem("<title>\(russian)</title><link>https://wild.example/ru</link>")
        let body = try #require(xml.data(using: .windowsCP1251))
        let server = try FeedTestHTTPServer { _ in
            .init(status: 200, headers: [("Content-Type", "application/rss+xml; charset=windows-1251")], body: body)
        }
        defer { server.stop() }
        let directory = FeedFetchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let subscription = FeedSubscription(url: server.url("/ru.xml"))
        let report = await FeedFetchTests.refresher(directory).refresh(subscription)
        #expect(report.error == nil)
        let stored = try #require(FeedStore(directory: directory).load(url: subscription.url))
        #expect(stored.documents.first?.title == russian)
    }

    @Test func referencesToC1CodePointsReadAsWindows1252() throws {
        let feed = try items(rssItem("<title>don&#146;t &#147;stop&#148; &#x85;</title>"))
        #expect(feed.first?.title == "don’t “stop” …")
    }

    // MARK: Entities and ampersands

    @Test func htmlNamedEntitiesAreResolvedNeverDeleted() throws {
        let feed = try items(rssItem("<title>Caf&eacute; &rsquo;s &euro;5&hellip; &nbsp;x &frac12; &CounterClockwiseContourIntegral;</title>"))
        #expect(feed.first?.title == "Café ’s €5… \u{A0}x ½ ∳")
    }

    @Test func bareAmpersandsAreKeptAsWritten() throws {
        let feed = try items(rssItem("<title>AT&T &amp co; R&D</title><link>https://wild.example/?a=1&b=2&c</link>"))
        #expect(feed.first?.title == "AT&T &amp co; R&D")
        #expect(feed.first?.url == "https://wild.example/?a=1&b=2&c")
        #expect(try items(rssItem("<title>&</title>")).first?.title == "&", "a title that is only & is still a title")
    }

    @Test func cdataCommentsAndDoctypeAreLeftAlone() {
        let xml = "<!DOCTYPE rss><rss><!-- a & b --><x><![CDATA[&eacute; & <b>]]>&eacute;</x></rss>"
        let resolved = String(decoding: FeedEntityResolver.resolve(Array(xml.utf8)), as: UTF8.self)
        #expect(resolved == "<!DOCTYPE rss><rss><!-- a & b --><x><![CDATA[&eacute; & <b>]]>&#xE9;</x></rss>")
    }

    @Test func entityBombsAreStillRefused() {
        let bomb = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>
            <rss><channel><item><title>&b;</title></item></channel></rss>
            """
        #expect(throws: ReadError.self) { try FeedReader().parse(Data(bomb.utf8)) }
    }

    // MARK: Text constructs

    @Test func atomTextIsCharactersAndHTMLIsDecoded() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
            <entry><title type="text">&lt;blink&gt;now&lt;/blink&gt;</title><link href="https://wild.example/1"/>
              <content type="text">Tom &amp; Jerry &lt;3</content></entry>
            <entry><title type="html">AT&amp;amp;T &lt;b&gt;wins&lt;/b&gt;</title><link href="https://wild.example/2"/>
              <summary type="html">don&amp;#146;t</summary></entry>
            <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <b>xhtml</b> title</div></title>
              <link href="https://wild.example/3"/></entry>
            </feed>
            """
        let entries = try items(atom)
        #expect(entries.map(\.title) == ["<blink>now</blink>", "AT&T wins", "An xhtml title"])
        #expect(entries[0].blocks.map(\.text) == ["Tom & Jerry <3"])
        #expect(entries[1].blocks.map(\.text) == ["don’t"])
    }

    @Test func atom03Base64ContentIsDecoded() throws {
        let html = Data("<p>Decoded body</p>".utf8).base64EncodedString()
        let atom = """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><entry><title>B</title>
            <link rel="alternate" type="text/html" href="https://wild.example/b"/>
            <content type="text/html" mode="base64">\(html)</content></entry></feed>
            """
        #expect(try items(atom).first?.blocks.map(\.text) == ["Decoded body"])
    }

    @Test func escapedRSSDescriptionsAreHTMLEvenWithoutTags() throws {
        let feed = try items(rssItem("<title>T</title><description>AT&amp;amp;T says don&amp;#146;t</description>"))
        #expect(feed.first?.blocks.map(\.text) == ["AT&T says don’t"])
    }

    // MARK: Namespaces, links, authors

    @Test func elementsAreMatchedByNamespaceNotLocalName() throws {
        let feed = try items(rssItem("""
            <title>T</title><szf:description>not the body</szf:description><description>the body</description>
            <atom:link rel="self" href="https://wild.example/feed.xml"/><link>https://wild.example/item</link>
            """, namespaces: " xmlns:szf=\"http://schemas.example/szf\" xmlns:atom=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.first?.blocks.map(\.text) == ["the body"])
        #expect(feed.first?.url == "https://wild.example/item")
    }

    @Test func theArticleLinkIsTheAlternateNeverSelfLicenseOrEnclosure() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
            <entry><title>1</title><link rel="license" href="https://license.example/"/><link rel="self" href="https://wild.example/self"/>
              <link rel="enclosure" href="https://wild.example/a.mp3"/><link rel="alternate" href="https://wild.example/page"/></entry>
            <entry><title>2</title><link rel="via" href="https://elsewhere.example/"/><link href="https://wild.example/norel"/></entry>
            <entry><title>3</title><link rel="related" href="https://elsewhere.example/"/></entry>
            </feed>
            """
        #expect(try items(atom).map(\.url) == ["https://wild.example/page", "https://wild.example/norel", nil])
    }

    @Test(arguments: ["Jane Doe (jane@wild.example)", "jane@wild.example (Jane Doe)", "Jane Doe <jane@wild.example>", "Jane Doe"])
    func rssAuthorsGiveTheName(author: String) throws {
        let escaped = author.replacingOccurrences(of: "<", with: "&lt;")
        #expect(try items(rssItem("<title>T</title><author>\(escaped)</author>")).first?.byline == "Jane Doe")
    }

    @Test func atomTakesTheEntrysFirstAuthorElseTheFeeds() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><author><name>Feed Desk</name></author>
            <entry><title>1</title><author><name>First Writer</name></author><author><name>Second</name></author></entry>
            <entry><title>2</title></entry></feed>
            """
        #expect(try items(atom).map(\.byline) == ["First Writer", "Feed Desk"])
    }

    // MARK: Dates

    @Test(arguments: [
        ("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01"), ("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01"),
        ("Thu,  5 Apr 2012 10:00:00 GMT", "2012-04-05"), ("Fri,24 Nov 2023 18:28:36 -0000", "2023-11-24"),
        ("Mon, 13 Feb, 2012 06:28:00 UTC", "2012-02-13"), ("Thu, 01 Jan 2004", "2004-01-01"),
        ("Mon, 26 January 2004 16:31:00 PT", "2004-01-27"), ("Sun Jan  4 16:29:06 2004", "2004-01-04"),
        ("Sun Jul 15 01:16:00 +0000 2012", "2012-07-15"), ("Fri, 2006/09/15 08:19:53 EDT", "2006-09-15"),
        ("Wed, 19 Feb 2012 22:40:00 GMT-01:01", "2012-02-19"), ("2003-12-31T10:14:55.1234Z", "2003-12-31"),
        ("2004-02-28T18:14:55-08:00", "2004-02-29"), ("2003-12", "2003-12-01"), ("2003", "2003-01-01"),
        ("2003-012-31T10:14:55+00:00", "2003-12-31"), ("03-12-31", "2003-12-31"), ("-0312", "2003-12-01"),
        ("2004-07-08 23:56:58 -00:20", "2004-07-09"), ("2004-07-08 23:56:58.0", "2004-07-08"),
        ("Κυρ, 11 Ιούλ 2004 12:00:00 EST", "2004-07-11"), ("2004-július-13T9:15-05:00", "2004-07-13"),
        ("lun., 9 déc. 2023 10:00:00 +0100", "2023-12-09"), ("Di, 12 März 2024 08:00:00 +0100", "2024-03-12"),
        ("mar, 14 ene 2020 09:30:00 +0100", "2020-01-14"), ("Saturday, Dec. 9, 2023 10:00 PM", "2023-12-09"),
    ])
    func feedDatesGiveTheUTCDay(text: String, expected: String) {
        #expect(FeedDateParser.parse(text)?.description == expected)
    }

    @Test(arguments: [
        "Sun, 16 Dec 2012 1:2:3:4 GMT", "Sun, 16 zzz 2012 11:47:32 GMT", "Sun, Dec x 2012 11:47:32 GMT",
        "Sun, 16 Dec 2012 11:47:32 +00:zz", "Sun, 99 Jun 2009 12:00:00 GMT", "2003-12-31T25:14:55Z",
        "2013-01-27-01", "2013-01-28T11:30:00-06:00Textra", "2013-xx-27", "22013", "5 hours ago", "yesterday",
    ])
    func unreadableFeedDatesAreNullNotAWrongDay(text: String) {
        #expect(FeedDateParser.parse(text) == nil)
    }

    /// Found by Fuzz/run (feed): a digit of another script in an ISO date matched the pattern's
    /// `\d` but not `Int(_:)`, and the reader trapped on the unwrap.
    @Test(arguments: ["2024-03-19T0\u{0668}:15:00Z", "\u{0662}\u{0660}\u{0662}\u{0664}-03-19", "2024-03-1\u{0669}",
                      "\u{FF12}\u{FF10}\u{FF12}\u{FF14}-001", "24031\u{0669}", "-2\u{0664}-03"])
    func datesWithOtherScriptsDigitsAreNullNotACrash(text: String) {
        #expect(FeedDateParser.parse(text) == nil)
    }

    @Test func anUnreadableFirstDateGivesWayToAReadableOne() throws {
        let feed = try items(rssItem("<title>T</title><pubDate>sometime soon</pubDate><dc:date>2024-03-19</dc:date>",
                                     namespaces: " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""))
        #expect(feed.first?.date == ArticleDate(year: 2024, month: 3, day: 19))
        let unreadable = try #require(try items(rssItem("<title>T</title><pubDate>sometime soon</pubDate>")).first)
        #expect(unreadable.date == nil)
        #expect(unreadable.removed.contains { $0.text.contains("sometime soon") && $0.reason == .metadata }, "the reader is told why")
    }

    @Test func writtenDateLinesReadMonthNamesFromTheSharedFile() {
        #expect(DateLineParser.parseLine("Lundi 9 décembre 2023")?.description == "2023-12-09")
        #expect(NewsDateParser.parse("12 stycznia 2024")?.description == "2024-01-12")
    }

    // MARK: Truncation

    @Test func aCutFeedKeepsTheItemsThatWereComplete() throws {
        let whole = "<rss version=\"2.0\"><channel><title>Cut</title>"
            + "<item><title>One</title><link>https://wild.example/1</link></item>"
            + "<item><title>Two</title><link>https://wild.example/2</link></item>"
        let cutInItem = try items(whole + "<item><title>Thr")
        #expect(cutInItem.map(\.title) == ["One", "Two"])
        let cutInEndTag = try items(whole + "</channel></rss")
        #expect(cutInEndTag.map(\.title) == ["One", "Two"])
    }
}

extension CLICommandTests {
    @Test func showJSONGivesFeedItemsTheirFeed() throws {
        let feed = try temporaryFile("wild.xml", """
            <rss version="2.0"><channel><title>Wild &amp; Free</title><link>https://wild.example/</link>
            <item><title>One</title><link>https://wild.example/one#top</link><description>Body text.</description></item>
            </channel></rss>
            """)
        let run = try brief(["show", "--json", feed])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try jsonLines(run.stdout).first)
        let feedObject = try #require(object["feed"] as? [String: Any])
        #expect(feedObject["title"] as? String == "Wild & Free")
        #expect(feedObject["url"] as? String == feed)
        let article = try #require(try jsonLines(try brief(["show", "--json", Self.seedPath]).stdout).first)
        #expect(article["feed"] is NSNull, "articles that are not feed items have a null feed")
    }
}
