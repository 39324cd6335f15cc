// Item fields read as feedparser reads them: links written as text or only as an Atom id, Atom
// 1.0 base64 constructs, persons without a name, RSS bodies and descriptions from extensions,
// titles of punctuation only, untitled items, Media RSS, CDF channels and C1 control characters.
import Foundation
import Testing
@testable import BriefCore

@Suite("Feed item fields as feedparser reads them")
struct FeedItemFieldTests {
    private func items(_ xml: String) throws -> [RawDocument] {
        FeedReader().documents(for: try FeedReader().parse(Data(xml.utf8)), source: "feed.xml")
    }

    private func atomFeed(_ entries: String) -> String {
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Fields</title>\(entries)</feed>"
    }

    private func rssItem(_ inner: String, namespaces: String = "") -> String {
        "<rss version=\"2.0\"\(namespaces)><channel><title>Fields</title><item>\(inner)</item></channel></rss>"
    }

    @Test func textAfterAnEmbedInADescriptionIsKept() throws {
        // feedparser's sanitizer drops the embed and keeps the words after it; libxml2's HTML
        // parser puts them inside the embed.
        let feed = rssItem("<title>Clip</title><description>safe&lt;embed src=\"http://example.com/\"&gt; description</description>")
        let article = try #require(try ArticlePipeline().articles(from: Data(feed.utf8), source: "feed.xml").first)
        #expect(article.paragraphs == ["safe description"])
    }

    @Test func anAtomLinkWrittenAsTextOrAnHTTPIdIsTheArticleLink() throws {
        let entries = try items(atomFeed("""
            <entry><title>1</title><link rel="alternate" type="text/html">https://fields.example/text</link>
              <link rel="enclosure">https://fields.example/a.mp3</link></entry>
            <entry><title>2</title><id>https://fields.example/by-id</id></entry>
            <entry><title>3</title><id>tag:fields.example,2024:3</id></entry>
            <entry><title>4</title><id>https://fields.example/id</id><link href="https://fields.example/page"/></entry>
            """))
        #expect(entries.map(\.url) == ["https://fields.example/text", "https://fields.example/by-id", nil,
                                       "https://fields.example/page"])
    }

    @Test func atom10ContentOfABinaryTypeIsBase64Decoded() throws {
        let encoded = Data("Decoded <b>text</b>".utf8).base64EncodedString()
        let entries = try items(atomFeed("""
            <entry><title type="application/octet-stream">\(Data("A title".utf8).base64EncodedString())</title>
              <content type="application/octet-stream">\n  \(encoded)\n</content></entry>
            """))
        #expect(entries.first?.title == "A title")
        #expect(entries.first?.blocks.map(\.text) == ["Decoded <b>text</b>"])
    }

    @Test func anAtomPersonWithOnlyAURIHasNoByline() throws {
        let entries = try items(atomFeed("""
            <entry><title>1</title><author><uri>https://fields.example/writer</uri></author></entry>
            <entry><title>2</title><author><email>desk@fields.example</email><uri>https://fields.example/</uri></author></entry>
            <entry><title>3</title><author>Bare Name</author></entry>
            """))
        #expect(entries.map(\.byline) == [nil, "desk@fields.example", "Bare Name"])
    }

    @Test func rssBodiesAndDescriptionsFromExtensionsAreTheContent() throws {
        let body = try items(rssItem("<title>1</title><body><p>Body <b>markup</b></p></body>"))
        #expect(body.first?.blocks.map(\.text) == ["Body markup"])
        let dublinCore = try items(rssItem("<title>2</title><dc:description>From Dublin Core</dc:description>",
                                           namespaces: " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""))
        #expect(dublinCore.first?.blocks.map(\.text) == ["From Dublin Core"])
        let podcast = try items(rssItem("""
            <title>3</title><itunes:summary>An episode</itunes:summary><itunes:author>Pod Host</itunes:author>
            """, namespaces: " xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\""))
        #expect(podcast.first?.blocks.map(\.text) == ["An episode"])
        #expect(podcast.first?.byline == "Pod Host")
    }

    @Test func aTitleOfPunctuationOnlyKeepsItsCharacters() throws {
        let entries = try items(atomFeed("""
            <entry><title type="html">&amp;#38;</title></entry>
            <entry><title type="html">&lt;b&gt;&amp;amp;&lt;/b&gt;</title></entry>
            <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><strong>&amp;</strong></div></title></entry>
            <entry><title type="html">&lt;i&gt;&amp;lt;?&amp;gt;&lt;/i&gt;</title></entry>
            """))
        #expect(entries.map(\.title) == ["&", "&", "&", "<?>"])
    }

    @Test func anUntitledItemIsNeverTitledByItsEnclosure() throws {
        let feed = try items(rssItem("<enclosure url=\"https://fields.example/a.mp3\" type=\"audio/mpeg\" length=\"10\"/>"))
        #expect(feed.first?.title == "Fields")
        #expect(feed.first?.blocks.map(\.text) == ["Enclosure: audio/mpeg 0.0 MB https://fields.example/a.mp3"])
        let described = try items(rssItem("<description>Only a description</description>"))
        #expect(described.first?.title == "Only a description")
    }

    @Test func mediaRSSTitleAndDescriptionStandInForMissingOnes() throws {
        let feed = try items(rssItem("""
            <media:group><media:title>Clip title</media:title><media:description type="plain">A &lt;clip&gt; described</media:description></media:group>
            <link href="https://fields.example/clip"/>
            """, namespaces: " xmlns:media=\"http://search.yahoo.com/mrss/\""))
        #expect(feed.first?.title == "Clip title")
        #expect(feed.first?.blocks.map(\.text) == ["A <clip> described"])
        #expect(feed.first?.url == "https://fields.example/clip")
    }

    @Test func cdfChannelsAreFeedsWithTheirItems() throws {
        let cdf = """
            <?xml version="1.0"?>
            <CHANNEL BASE="https://cdf.example/" HREF="https://cdf.example/">
              <TITLE>Active channel</TITLE>
              <ITEM HREF="/item/1" LASTMOD="2004-04-06T23:05:43-05:00"><TITLE>First item</TITLE><ABSTRACT>Its abstract</ABSTRACT></ITEM>
              <CHANNEL><ITEM HREF="https://elsewhere.example/2"><TITLE>Nested</TITLE></ITEM></CHANNEL>
            </CHANNEL>
            """
        #expect(FormatDetector.detect(Data(cdf.utf8), source: "channel.cdf") == .feed)
        let entries = try items(cdf)
        #expect(entries.map(\.title) == ["First item", "Nested"])
        #expect(entries.map(\.url) == ["https://cdf.example/item/1", "https://elsewhere.example/2"])
        #expect(entries.first?.date == ArticleDate(year: 2004, month: 4, day: 7))
        #expect(entries.first?.blocks.map(\.text) == ["Its abstract"])
        #expect(entries.first?.siteName == "Active channel")
    }

    @Test func c1ControlCharactersAreReadAsWindows1252NotDropped() throws {
        let feed = try items(rssItem("<title>don\u{92}t \u{93}quote\u{94}</title><description>5 \u{80}</description>"))
        #expect(feed.first?.title == "don’t “quote”")
        #expect(feed.first?.blocks.map(\.text) == ["5 €"])
    }
}
