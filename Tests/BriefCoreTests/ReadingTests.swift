// Reading plain-text articles: layouts, dates, header blocks, wrapped lines.
import Foundation
import Testing
@testable import BriefCore

@Suite struct ReadingTests {
    func read(_ text: String) throws -> RawDocument {
        try #require(try TextArticleReader().read(Data(text.utf8), source: "test.txt").first)
    }

    @Test(arguments: [
        ("Dec 9, 2023", "2023-12-09"), ("December 9, 2023", "2023-12-09"), ("2023-12-09", "2023-12-09"),
        ("9 Dec 2023", "2023-12-09"), ("Published: Dec 9, 2023", "2023-12-09"),
        ("Saturday, December 9, 2023", "2023-12-09"), ("Sat, 9 Dec 2023 14:05:00 GMT", "2023-12-09"),
        ("Published: Saturday, 9 December 2023, 10:30 a.m. ET", "2023-12-09"), ("Updated Dec. 9, 2023 at 8:02 pm UTC", "2023-12-09"),
        ("December 9th, 2023", "2023-12-09"), ("2023-12-09T14:05:00Z", "2023-12-09"), ("Posted on 12/09/2023", "2023-12-09"),
        ("Sept. 30, 2019", "2019-09-30"), ("29 Feb 2024", "2024-02-29"),
        // Dots put the day first, wherever they are written.
        ("03.04.2020", "2020-04-03"), ("03.04.2020, 12:35 Uhr", "2020-04-03"), ("9.12.2023", "2023-12-09"),
        // A day with its ordinal before the month, a site's own label, a zone's name, a print page.
        ("2:18pm Tuesday 1st January 2008", "2008-01-01"), ("Article Launched: 01/09/2008 09:37:25 PM PST", "2008-01-09"),
        ("Story Published: Jan 18, 2008 at 8:29 AM PST", "2008-01-18"), ("Jan 15, 2008 7:00 pm US/Eastern", "2008-01-15"),
        ("Sunday, January 6, 2008; Page A04", "2008-01-06"), ("Article published Wednesday, January 2, 2008", "2008-01-02"),
    ])
    func recognizesDateLines(line: String, expected: String) {
        #expect(DateLineParser.parseLine(line)?.description == expected)
    }

    @Test(arguments: ["The meeting took place on Dec 9, 2023 in Seoul.", "30 Feb 2023", "December 2023", "Chapter 12", "",
                      "Posted by: Dom, London on 5:19pm Tue 1 Jan 08", "The board met on: Dec 9, 2023",
                      "Note 3: Dec 9, 2023"])
    func rejectsLinesThatAreNotDates(line: String) {
        #expect(DateLineParser.parseLine(line) == nil)
    }

    @Test func findsADateInsideABylineLine() {
        #expect(DateLineParser.firstDate(in: "Dan Goodin - Apr 16, 2015 8:02 pm UTC")?.description == "2015-04-16")
    }

    @Test(arguments: ["", "\n", "one line", "title\n\nbody\n", "a\n\n\nb", "\n\u{301}accent after a line feed\n",
                      "한국어 제목\n본문입니다.", "emoji 👩‍👩‍👧\nnext\n\n", "trailing spaces  \n  leading"])
    func linesAreSplitAtEveryLineFeedAsCharactersWouldBe(text: String) {
        #expect(TextMeasure.lines(text) == text.split(separator: "\n", omittingEmptySubsequences: false))
    }

    @Test(arguments: [("- item", true), ("• item", true), ("(a) item", true), ("12. item", true), ("3) item", true),
                      ("Apple pie", false), ("apple pie", false), ("Ünïcode line", false), ("-dash", false),
                      ("2024 was a year", false), ("(parenthetical remark that goes on)", false), ("", false),
                      ("15.01.08 19:45 Two killed in blast", false), ("3.5 million people voted", false), ("1.Item", true)])
    func listItemsAreToldByTheirMarker(line: String, isItem: Bool) {
        #expect(HardWrapJoiner.startsListItem(line) == isItem)
    }

    @Test func readsTitleDateAndOneParagraphPerLine() throws {
        let document = try read("A Title\nNov 14, 2019\nFirst paragraph.\nSecond paragraph.\n")
        #expect(document.format == .text)
        #expect(document.title == "A Title")
        #expect(document.date?.description == "2019-11-14")
        #expect(document.blocks.map(\.text) == ["First paragraph.", "Second paragraph."])
    }

    @Test func takesABylineUnderTheTitle() throws {
        let document = try read("A Title\nBy Jane Doe\nNov 14, 2019\nBody text here.\n")
        #expect(document.byline == "Jane Doe")
        #expect(document.blocks.map(\.text) == ["Body text here."])
    }

    @Test func readsAHeaderBlock() throws {
        let document = try read("""
            Title: Ships in the Strait
            Date: 2024-03-02
            Source: Example Times
            URL: https://example.com/ships
            Author: Ann Lee

            The first paragraph.

            The second paragraph.
            """)
        #expect(document.title == "Ships in the Strait")
        #expect(document.date?.description == "2024-03-02")
        #expect(document.siteName == "Example Times")
        #expect(document.url == "https://example.com/ships")
        #expect(document.byline == "Ann Lee")
        #expect(document.blocks.map(\.text) == ["The first paragraph.", "The second paragraph."])
    }

    @Test func joinsHardWrappedLines() throws {
        let document = try read("""
            A wrapped article
            2024-01-05

            The first paragraph was wrapped by an editor at a fixed width of about
            seventy characters, so its sentences run on over several lines until
            they end.

            A second paragraph, also wrapped at the same width by the same editor,
            continues here and ends on this line.
            """)
        #expect(document.blocks.map(\.text) == [
            "The first paragraph was wrapped by an editor at a fixed width of about seventy characters, so its sentences run on over several lines until they end.",
            "A second paragraph, also wrapped at the same width by the same editor, continues here and ends on this line.",
        ])
    }

    @Test func keepsUnwrappedLinesApart() throws {
        let document = try read("Title\nMay 1, 2020\nShort line one\nShort line two\n")
        #expect(document.blocks.map(\.text) == ["Short line one", "Short line two"])
    }

    @Test func aPageCopiedFromTheTopStartsAtItsHeadline() throws {
        let text = """
            Skip to main content
            Home | World | Business | Technology
            Subscribe | Sign in
            Business › Technology
            Chipmaker opens its first plant in the north of the country
            By Hannah Okafor
            Saturday, February 24, 2024
            The company opened the factory on Saturday after two years of building work in the farming town.
            Officials said a second plant could follow if demand for the chips holds up next year.
            """
        let document = try read(text)
        #expect(document.title == "Chipmaker opens its first plant in the north of the country")
        #expect(document.date?.description == "2024-02-24")
        #expect(document.byline == "Hannah Okafor")
        #expect(document.removed.map(\.text) == ["Skip to main content", "Home | World | Business | Technology",
                                                  "Subscribe | Sign in", "Business › Technology"])
        #expect(document.removed.allSatisfy { $0.reason == .navigation })
        #expect(document.blocks.count == 2)
    }

    @Test func aShortOpeningLineAboveADistantDateIsStillTheTitle() throws {
        // A date further down inside the body is not a sign of page chrome.
        let text = "Storm closes ports\nThe storm closed three ports on Monday and more closures are expected.\nMonday, March 4, 2024\n"
        #expect(try read(text).title == "Storm closes ports")
    }

    @Test func detectsAWholePageDump() throws {
        var page = "Story title | Example News\n\nHome\nWorld\nPolitics\nBusiness\nSport\n\nSearch\nMenu\n\n"
        page += "Story title\n\nBy Ann Lee - Mar 2, 2024\n\n"
        page += "The first paragraph of the story tells the reader what happened and why it matters to them.\n\n"
        page += "The second paragraph adds the details that the reporter was able to confirm on the day.\n\n"
        page += "Share\nFacebook\nTwitter\n\nAbout us\nContact\n© 2024 Example News\n"
        let document = try read(page)
        #expect(document.format == .pageText)
        #expect(document.title == "Story title")
        #expect(document.date?.description == "2024-03-02")
        // Detection only tells markup from text; the text reader recognizes the page layout.
        #expect(FormatDetector.detect(Data(page.utf8), source: "page.txt") == .text)
        #expect(try ArticlePipeline().articles(from: Data(page.utf8), source: "page.txt").first?.format == .pageText)
    }
}
