// Web addresses become OSC 8 links in the grid: found in text, checked before they reach a terminal.
import BriefCore
@testable import BriefUI
import Testing

@Suite struct HyperlinkTests {
    @Test func addressesInTextStopBeforeTheSentencesPunctuation() {
        let text = "Read it at https://example.org/report. See (https://en.wikipedia.org/wiki/Mercury_(planet)), or http://a.example/x?q=1&r=2, \"https://b.example/\"."
        #expect(Hyperlinks.links(in: text).map(\.url) == [
            "https://example.org/report", "https://en.wikipedia.org/wiki/Mercury_(planet)", "http://a.example/x?q=1&r=2",
            "https://b.example/",
        ])
        let first = Hyperlinks.links(in: text)[0]
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[first.range])) == "https://example.org/report")
        #expect(Hyperlinks.links(in: "no address here, only http talk and shttps://x.example").isEmpty)
    }

    @Test func onlyPrintableHTTPAddressesAreEverSent() {
        #expect(Hyperlinks.terminalSafe("https://example.org/a b") == nil)
        #expect(Hyperlinks.terminalSafe("https://example.org/\u{1B}\\\u{1B}]0;pwned\u{07}") == nil)
        #expect(Hyperlinks.terminalSafe("javascript:alert(1)") == nil)
        #expect(Hyperlinks.terminalSafe("file:///etc/passwd") == nil)
        #expect(Hyperlinks.terminalSafe("https://ko.example/서울") == "https://ko.example/%EC%84%9C%EC%9A%B8")
        #expect(Hyperlinks.terminalSafe("https://example.org/" + String(repeating: "a", count: 3000)) == nil)
    }

    /// The fixture's Japanese article, with its address.
    func openJapan(width: Int = 140, height: Int = 45) -> AppState {
        press([.character("j"), .character("j"), .enter], FixtureLibrary.state(width: width, height: height)).0
    }

    @Test func theReaderShowsTheArticlesAddressAsALink() {
        let state = openJapan()
        #expect(state.reader?.article.url == "https://www.nikkei.example/stimulus")
        let grid = ScreenView.render(state)
        let link = try! #require(grid.links.first)
        #expect(link.url == "https://www.nikkei.example/stimulus")
        #expect(link.columns.map { grid[$0, link.y].text }.joined() == "https://www.nikkei.example/stimulus")
        // Right under the meta line, with no blank line between.
        #expect(grid.textLines[link.y - 1].contains("2023-12-07 · 日経"))
        Snapshot.assert(grid.snapshot, named: "reader-address-link-140x45")
    }

    @Test func aWrappedAddressIsOneLinkRunPerRow() {
        let state = openJapan(width: 80, height: 24)
        // The reader is 80 columns wide here minus borders: the address fits, one run.
        let grid = ScreenView.render(state)
        #expect(grid.links.count == 1)
        var narrow = FixtureLibrary.articles[2]
        narrow.url = "https://www.nikkei.example/" + String(repeating: "long-path-segment/", count: 8)
        let library = Library(articles: [narrow])
        let opened = press([.enter], AppState(library: library, size: Size(width: 80, height: 24))).0
        let links = ScreenView.render(opened).links
        #expect(links.count >= 2 && Set(links.map(\.url)).count == 1)
        #expect(zip(links, links.dropFirst()).allSatisfy { $0.y + 1 == $1.y })
    }

    @Test func anOverlayOverTheReaderIsNotALink() {
        let (help, _) = press([.character("?")], openJapan(width: 80, height: 24))
        let grid = ScreenView.render(help)
        #expect(grid.links.allSatisfy { link in
            !grid.textLines[link.y].contains("│  ") || link.columns.allSatisfy { grid[$0, link.y].role != .helpText }
        })
    }
}
