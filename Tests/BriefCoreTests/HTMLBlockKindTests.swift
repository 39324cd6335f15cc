// Typed blocks from HTML structure: decks go to the summary, captions and credits out of the body.
import Foundation
import Testing
@testable import BriefCore

struct HTMLBlockKindTests {
    static let story = """
        <p>The river ferry resumed its crossings on Monday after engineers replaced the worn cable, the operator said in a statement.</p>
        <p>Commuters had faced a forty-minute detour by road since the service stopped in early spring, and local shops reported fewer customers.</p>
        <p>The operator said the new cable should last for twenty years, and that fares would stay the same until the end of the season.</p>
        """

    static let paragraphs = story.split(separator: "\n").map {
        String($0.dropFirst("<p>".count).dropLast("</p>".count))
    }

    static func read(_ html: String) throws -> RawDocument {
        try HTMLArticleReader().document(from: Data(html.utf8), source: "test.html")
    }

    @Test func aStandfirstBesideTheHeadlineIsTheSummaryNotTheBody() throws {
        let html = """
            <html><body><article><header><h1>River ferry returns after cable repair</h1>
            <p class="c-standfirst">The crossing reopens after a month of repairs.</p></header>
            <div class="body">\(Self.story)</div></article></body></html>
            """
        let document = try Self.read(html)
        #expect(document.summary == "The crossing reopens after a month of repairs.")
        #expect(!document.blocks.contains { $0.text.contains("The crossing reopens") })
        #expect(document.blocks.first?.text.hasPrefix("The river ferry resumed") == true)
        let article = try #require(try ArticlePipeline().articles(from: Data(html.utf8), source: "test.html").first)
        #expect(article.summary == "The crossing reopens after a month of repairs.")
    }

    /// An advertisement's label and a sponsor's slug printed over the headline do not open the
    /// story: the deck under the headline is still at its top.
    @Test func slugsAboveTheHeadlineLeaveTheDeckTheSummary() throws {
        let html = """
            <html><body><article><p>Advertisement</p><p>Continue reading the main story</p><p>Supported by</p>
            <header><h1>River ferry returns after cable repair</h1>
            <p id="article-summary">The crossing reopens after a month of repairs.</p></header>
            \(Self.story)</article></body></html>
            """
        let document = try Self.read(html)
        #expect(document.summary == "The crossing reopens after a month of repairs.")
        #expect(!document.blocks.contains { $0.text.contains("The crossing reopens") })
        // A short sentence of the story's own opens it: a deck-named block after it is body.
        let opened = try Self.read(html.replacingOccurrences(of: "<p>Supported by</p>", with: "<p>It is back.</p>"))
        #expect(opened.summary == nil)
    }

    /// Drupal names the body's field by its type, "text with summary": it may hold a summary besides
    /// the text, and is the story, whose key points above it stay the summary.
    @Test func aBodyFieldThatMayHoldASummaryIsTheStory() throws {
        let html = """
            <html><body><article><h1>River ferry returns after cable repair</h1>
            <p>Key points</p><ul><li>The crossing reopens after a month of repairs.</li><li>Fares stay the same.</li></ul>
            <div class="field field--name-body field--type-text-with-summary field--label-hidden">\(Self.story)</div>
            </article></body></html>
            """
        let document = try Self.read(html)
        #expect(document.summary == "The crossing reopens after a month of repairs.\nFares stay the same.")
        #expect(document.blocks.map(\.text) == Self.paragraphs)
    }


    @Test(arguments: ["<h2 class=\"sortDec\">The crossing reopens after a month of repairs.</h2>",
                      "<ul class=\"mol-bullets-with-font\"><li>The crossing reopens after a month of repairs.</li></ul>"])
    func decksInSiteNamesAreTheSummary(deck: String) throws {
        let document = try Self.read("<html><body><article><h1>River ferry returns after cable repair</h1>\(deck)\(Self.story)</article></body></html>")
        #expect(document.summary == "The crossing reopens after a month of repairs.")
        #expect(document.blocks.count == 3)
    }

    /// A CSS module's generated name (`Component_local__hash`) names the deck by its component, and a
    /// build step may glue a hash on as a modifier (`contentHeader__dek--2Hc8v`): the name before it
    /// still names the deck. The same names for a story's own block give it no kind.
    @Test(arguments: [("ArticleDek_root__2JQcJ", "ArticleBody_root__x7Qe1"), ("contentHeader__dek--2Hc8v", "contentBody__text--9xQ2a")])
    func aDeckNamedByAGeneratedNameIsTheSummary(deckName: String, bodyName: String) throws {
        let html = """
            <html><body><article><h1>River ferry returns after cable repair</h1>
            <div class="\(deckName)"><p>The crossing reopens after a month of repairs.</p></div>
            <div class="\(bodyName)">\(Self.story)</div></article></body></html>
            """
        let document = try Self.read(html)
        #expect(document.summary == "The crossing reopens after a month of repairs.")
        #expect(document.blocks.count == 3)
        let rules = HTMLBlockKindRules.shared
        #expect(rules.kind(named: deckName) == .summary)
        #expect(rules.kind(named: bodyName) == nil)
        #expect(rules.kind(named: "article__dek") == .summary)
    }

    @Test func keyPointsAreTheSummaryOneLineEach() throws {
        let html = """
            <html><body><article><h1>River ferry returns after cable repair</h1>
            <ul class="key-points"><li>Crossings resume on Monday</li><li>Fares stay the same</li></ul>
            \(Self.story)</article></body></html>
            """
        let document = try Self.read(html)
        #expect(document.summary == "Crossings resume on Monday\nFares stay the same")
        #expect(document.blocks.count == 3)
    }

    /// Key points known by the label printed over them, the list itself unnamed; a line left above the
    /// label does not hide them, and a "Highlights" section further down a post is its own text.
    @Test func keyPointsUnderAPrintedLabelAreTheSummary() throws {
        let html = """
            <html><body><article><h1>River ferry returns after cable repair</h1>
            <p>Part of complete coverage on</p>
            <div><strong>STORY HIGHLIGHTS</strong></div>
            <ul class="bullets"><li>Crossings resume on Monday</li><li>Fares stay the same</li>
            <li><a href="/vote">Vote for the ferry of the year now!</a></li></ul>
            \(Self.story)
            <h3>Key points:</h3><ul><li>Sailings every half hour</li><li>Tickets on board</li></ul>
            </article></body></html>
            """
        let document = try Self.read(html)
        #expect(document.summary == "Crossings resume on Monday\nFares stay the same")
        #expect(document.removed.contains { $0.text == "STORY HIGHLIGHTS" && $0.reason == .metadata })
        #expect(!document.blocks.contains { $0.text == "Crossings resume on Monday" })
        #expect(document.blocks.contains { $0.text == Self.paragraphs[0] })
        // Below the story's opening, a labelled list is the story's own.
        #expect(document.blocks.contains { $0.text == "Sailings every half hour" })
    }

    @Test func aSummaryBoxKeepsItsDeckAndGivesUpItsDateTickerAndLabel() throws {
        // Lines beside the deck in a box named as the summary: a date line, a byline, a ticker of
        // share prices and a section's label. The article's date comes from the date line.
        let html = """
            <html><body><article><header><h1>River ferry returns after cable repair</h1>
            <div class="market-summary"><p>S&amp;P 500 2,111.72 -14.43 (-0.68%)</p></div>
            <div class="standfirst"><p>Transport</p><p>The crossing reopens after a month of repairs.</p>
            <p>Published Tuesday, March 5, 2024 10:32 AM EST</p><p>By Jane Doe</p></div></header>
            <div class="body">\(Self.story)</div></article></body></html>
            """
        let article = try #require(try ArticlePipeline().articles(from: Data(html.utf8), source: "test.html").first)
        #expect(article.summary == "The crossing reopens after a month of repairs.")
        #expect(article.paragraphs == Self.paragraphs)
        #expect(article.date == ArticleDate(year: 2024, month: 3, day: 5))
        #expect(article.byline == "Jane Doe")
        let removed = Dictionary(article.removed.map { ($0.text, $0.reason) }, uniquingKeysWith: { first, _ in first })
        #expect(removed["S&P 500 2,111.72 -14.43 (-0.68%)"] == .boilerplate)
        #expect(removed["Transport"] == .boilerplate)
        #expect(removed["Published Tuesday, March 5, 2024 10:32 AM EST"] == .metadata)
        #expect(removed["By Jane Doe"] == .metadata)
    }

    /// A page built from components names its parts only for its tests: the class names are hashes.
    @Test func componentNamesGiveKindsAndChromeWhereClassNamesAreHashes() throws {
        let html = """
            <html><body><main><article class="css-1x2y3z"><h1 class="css-9q8w7e">River ferry returns after cable repair</h1>
            <p class="css-4r5t6y" data-testid="article-dek">The crossing reopens after a month of repairs.</p>
            <figure class="css-7u8i9o"><img src="ferry.jpg"><span class="css-0p1a2s" data-testid="caption">The ferry at its landing.</span></figure>
            <div class="css-3d4f5g">\(Self.story)</div>
            <div class="css-6h7j8k" data-component="related-links"><h2>More from the region</h2>
            <p><a href="/a">Bridge tolls to rise in the spring</a></p><p><a href="/b">New bus route links the two towns</a></p></div>
            <div class="css-9l0z1x" data-qa="newsletter-signup"><p>Get the morning briefing in your inbox every weekday.</p></div>
            </article></main></body></html>
            """
        let document = try Self.read(html)
        #expect(document.summary == "The crossing reopens after a month of repairs.")
        let article = try #require(try ArticlePipeline().articles(from: Data(html.utf8), source: "test.html").first)
        #expect(article.paragraphs == Self.paragraphs)
        #expect(article.removed.contains { $0.text == "The ferry at its landing." && $0.reason == .caption })
    }

    @Test func aStoryInsideAContainerNamedSummaryStaysTheBody() throws {
        let document = try Self.read("<html><body><h1>River ferry returns</h1><div class=\"summary\">\(Self.story)</div></body></html>")
        #expect(document.summary == nil)
        #expect(document.blocks.count == 3)
    }

    @Test func aSubtitleFurtherDownTheStoryStaysInTheBody() throws {
        let html = """
            <html><body><article><h1>River ferry returns</h1>\(Self.story)
            <h2 class="subtitle">What the repair cost</h2>\(Self.story)</article></body></html>
            """
        let document = try Self.read(html)
        #expect(document.summary == nil)
        #expect(document.blocks.contains { $0.text == "What the repair cost" })
    }

    @Test func aCaptionNamedByItsClassGoesOutOfTheBodyWithItsCredit() throws {
        let html = """
            <html><body><article><h1>River ferry returns after cable repair</h1>
            <div class="wp-caption"><img src="ferry.jpg"><p class="wp-caption-text">The ferry at the quay on Monday morning.</p></div>
            \(Self.story)<p class="photo_credit">Jane Doe / Example Press</p></article></body></html>
            """
        let document = try Self.read(html)
        #expect(document.blocks.map(\.text) == Self.paragraphs)
        #expect(document.removed.contains { $0.text == "The ferry at the quay on Monday morning." && $0.reason == .caption })
        #expect(document.removed.contains { $0.text == "Jane Doe / Example Press" && $0.reason == .caption })
    }

    @Test func aPhotoStoryToldInCaptionsKeepsThem() throws {
        // The page tells its story in elements named as captions: they are the story, not beside it.
        let slides = Self.paragraphs.map { "<div class=\"caption-image\"><img src=\"p.jpg\"><p>\($0)</p></div>" }.joined()
        let document = try Self.read("<html><body><article><h1>River ferry returns</h1>\(slides)</article></body></html>")
        #expect(document.blocks.map(\.text) == Self.paragraphs)
    }

    @Test func captionNamesStayWhenTheSettingKeepsCaptions() throws {
        let html = """
            <html><body><article><h1>River ferry returns</h1><p class="caption">The ferry at the quay.</p>\(Self.story)</article></body></html>
            """
        var settings = HTMLExtractionSettings.standard
        settings.keepsCaptions = true
        let document = try HTMLArticleReader(settings: settings).document(from: Data(html.utf8), source: "test.html")
        #expect(document.blocks.first?.text == "The ferry at the quay.")
    }

    @Test func aCaptionEndingWithACreditStaysInTheArticleWhenTheSettingKeepsCaptions() throws {
        let caption = "The ferry leaves the quay on its first crossing. (Jane Doe/Millbrook Gazette)"
        let html = Data("<html><body><article><h1>River ferry returns</h1>\(Self.story)<p>\(caption)</p></article></body></html>".utf8)
        let byDefault = try ArticlePipeline().articles(from: html, source: "test.html")
        #expect(byDefault.first?.paragraphs == Self.paragraphs)
        #expect(byDefault.first?.removed.map(\.reason).contains(.caption) == true)
        var settings = HTMLExtractionSettings.standard
        settings.keepsCaptions = true
        let keeping = try ArticlePipeline(html: settings).articles(from: html, source: "test.html")
        #expect(keeping.first?.paragraphs == Self.paragraphs + [caption])
    }

    @Test func aBylinePrintedAboveTheStoryNamesTheAuthorWhenTheMetadataDoesNot() throws {
        let html = """
            <html><body><article><h1>River ferry returns</h1><p class="byline">By Jane Doe, March 5, 2024 10:32 am</p>
            \(Self.story)</article></body></html>
            """
        let document = try Self.read(html)
        #expect(document.byline == "Jane Doe")
        #expect(document.date == ArticleDate(year: 2024, month: 3, day: 5))
        #expect(document.blocks.map(\.text) == Self.paragraphs)
        let withAuthor = try Self.read(html.replacingOccurrences(of: "<html>", with: "<html><head><meta name=\"author\" content=\"Tom Roe\"></head>"))
        #expect(withAuthor.byline == "Tom Roe")
    }
}
