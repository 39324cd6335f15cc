// Main-content extraction on page shapes that used to lose the story or keep page chrome.
import Foundation
import Testing
@testable import BriefCore

struct HTMLExtractionQualityTests {
    static func read(_ html: String) throws -> RawDocument {
        try HTMLArticleReader().document(from: Data(html.utf8), source: "test.html")
    }

    static func read(bytes: [UInt8]) throws -> RawDocument {
        try HTMLArticleReader().document(from: Data(bytes), source: "test.html")
    }

    /// Three paragraphs of a made-up story, long enough to be the page's prose.
    static let story = """
        <p>The river ferry resumed its crossings on Monday after engineers replaced the worn cable, the operator said in a statement.</p>
        <p>Commuters had faced a forty-minute detour by road since the service stopped in early spring, and local shops reported fewer customers.</p>
        <p>The operator said the new cable should last for twenty years, and that fares would stay the same until the end of the season.</p>
        """

    static func kept(_ document: RawDocument) -> String { document.blocks.map(\.text).joined(separator: "\n") }

    /// A tooltip script as pages of the 2000s carried it, commas and stops and all.
    static let leakedScript = """
        var offsetX=12, offsetY=10; var tip=document.all ? document.all["tooltip"] : document.getElementById("tooltip");
        function showTip(text, width, colour) { if (typeof width != "undefined") { tip.style.width=width+"px"; }
        if (typeof colour != "undefined" && colour != "") { tip.style.backgroundColor=colour; } tip.innerHTML=text;
        enabled=true; return false; } function positionTip(e) { if (enabled) { var x=(ns6) ? e.pageX : event.clientX;
        var y=(ns6) ? e.pageY : event.clientY; var right=window.innerWidth-x-offsetX, bottom=window.innerHeight-y-offsetY;
        if (right < tip.offsetWidth) { tip.style.left=x-tip.offsetWidth+"px"; } else { tip.style.left=x+offsetX+"px"; }
        if (bottom < tip.offsetHeight) { tip.style.top=y-tip.offsetHeight-offsetY+"px"; } else { tip.style.top=y+offsetY+"px"; }
        tip.style.visibility="visible"; } } function hideTip() { enabled=false; tip.style.visibility="hidden";
        tip.style.left="-1000px"; tip.style.backgroundColor=""; tip.style.width=""; } document.onmousemove=positionTip;
        """

    @Test func scriptTextLeftOutByBrokenMarkupIsNotTheStory() throws {
        // The script's opening tag was lost in scraping, so browsers show its code as text. Its stops
        // and commas must not outweigh the story in an ASP.NET form.
        let document = try Self.read("""
            <html><head><title>Ferry service resumes</title></head><body>
            \(Self.leakedScript)
            </script><div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
            <form id="aspnetForm" method="post"><h1>Ferry service resumes</h1>\(Self.story)</form></body></html>
            """)
        #expect(Self.kept(document).contains("The river ferry resumed its crossings"))
        #expect(!Self.kept(document).contains("showTip"))
    }

    @Test func aStorysCodeSampleStays() throws {
        let document = try Self.read("""
            <html><body><article>\(Self.story)<pre>\(Self.leakedScript)</pre></article></body></html>
            """)
        #expect(Self.kept(document).contains("function showTip"))
    }

    @Test func anUnclosedElementInsideNoscriptDoesNotSwallowThePage() throws {
        let document = try Self.read("""
            <html><body><noscript><div class="notice"></noscript>
            <article>\(Self.story)</article></body></html>
            """)
        #expect(Self.kept(document).contains("The river ferry resumed its crossings"))
        #expect(Self.kept(document).contains("fares would stay the same"))
    }

    @Test func aStoryOnlyInNoscriptIsRead() throws {
        // A blog that renders its post from a script template gives browsers without scripts a copy.
        let document = try Self.read("""
            <html><body><div class="header"><p>Example Security Blog</p></div>
            <div class="post-body"><script type="text/template">\(Self.story)</script>
            <noscript>\(Self.story)</noscript></div></body></html>
            """)
        #expect(Self.kept(document).contains("The river ferry resumed its crossings"))
        #expect(Self.kept(document).contains("fares would stay the same"))
    }

    @Test func aNoscriptNoticeBesideAStoryIsNotRead() throws {
        let document = try Self.read("""
            <html><body><article>\(Self.story)</article>
            <noscript><p>Please enable JavaScript in your browser to see the comments on this story.</p></noscript></body></html>
            """)
        #expect(Self.kept(document).contains("fares would stay the same"))
        #expect(!Self.kept(document).contains("enable JavaScript"))
    }

    @Test func noscriptTextIsNotBodyText() throws {
        let document = try Self.read("""
            <html><body><noscript>Please enable JavaScript to view this site.</noscript>
            <article>\(Self.story)</article></body></html>
            """)
        #expect(!Self.kept(document).contains("enable JavaScript"))
    }

    @Test func aNulByteDoesNotEndThePage() throws {
        var bytes = Array("<html><body><p>A stray byte: ".utf8)
        bytes.append(0)
        bytes += Array(" sits here.</p><article>\(Self.story)</article></body></html>".utf8)
        let document = try Self.read(bytes: bytes)
        #expect(Self.kept(document).contains("fares would stay the same"))
    }

    @Test func textInsideAJavascriptLinkIsNotALinkList() throws {
        let document = try Self.read("""
            <html><body><a href="javascript:void(0)">\(Self.story)</a></body></html>
            """)
        #expect(Self.kept(document).contains("The river ferry resumed its crossings"))
        #expect(document.blocks.allSatisfy { ($0.linkDensity ?? 0) == 0 })
    }

    @Test func aJavascriptLinkThatOpensAPageIsALink() throws {
        // Pages of the 2000s opened other stories in pop-up windows: `javascript:popUp('/slideshow/…')`
        // leads to another page as `href="/slideshow/…"` does, so these headlines are other stories'.
        let slides = ["Stars with and without facial hair, part one", "Celebrity chef pushes cancer screenings",
                      "Surf contest 2008: a day in pictures", "1 killed, 1 injured in summit road car crash"]
        let links = slides.enumerated().map { index, headline in
            #"<div class="item"><a href="javascript:popUp('/slideshow/\#(index)/detail.html','width=1024')">\#(headline)</a></div>"#
        }.joined()
        let page = """
            <html><head><title>Ferry service resumes</title></head><body><div id="story">
            <h1>Ferry service resumes</h1>\(Self.story)
            <h5>Slideshows</h5><div>\(links)</div></div></body></html>
            """
        let article = try #require(try ArticlePipeline().articles(from: Data(page.utf8), source: "page.html").first)
        let body = article.paragraphs.joined(separator: "\n")
        #expect(body.contains("fares would stay the same"))
        #expect(!body.contains("Surf contest"))
        #expect(!body.contains("facial hair"))
    }

    @Test func aShortStoryInAContainerNamedLikeChromeBeatsATableOfPrices() throws {
        // `printReady` names the part a print button prints, the story; its "print" reads as a share
        // widget's name. The rest of the page is a table of prices: text, but too little prose to be
        // the story, so the names are taken as weak evidence and the story is found.
        let rows = (10...34).map { #"<tr><td><a href="/p/\#($0)">K. Brown</a></td><td>$72.\#($0)</td><td>+6.\#($0)%</td></tr>"# }.joined()
        let document = try Self.read("""
            <html><body><table class="prices"><tr><th>Market movers</th></tr>\(rows)</table>
            <div id="printReady">\(Self.story)</div></body></html>
            """)
        #expect(Self.kept(document).contains("The river ferry resumed its crossings"))
        #expect(!Self.kept(document).contains("$72.12"))
    }

    @Test func aShortClosingSentenceBesideTheStoryStays() throws {
        // The story's paragraphs share their parent with a long list of links, so one paragraph wins
        // and its siblings join it. The last, short sentence joins too, as Readability's rule has it.
        let links = (1...30).map { #"<li><a href="/news/\#($0)">Another story of the day number \#($0)</a></li>"# }.joined()
        let document = try Self.read("""
            <html><body><div><ul>\(links)</ul>
            \(Self.story)<p>No charges have been laid.</p></div></body></html>
            """)
        #expect(Self.kept(document).contains("The river ferry resumed its crossings"))
        #expect(Self.kept(document).contains("No charges have been laid."))
    }

    @Test func aShortLineBeforeTheStoryIsNoClosingSentence() throws {
        let links = (1...30).map { #"<li><a href="/news/\#($0)">Another story of the day number \#($0)</a></li>"# }.joined()
        let document = try Self.read("""
            <html><body><div><ul>\(links)</ul><p>There is a more recent version.</p>
            \(Self.story)</div></body></html>
            """)
        #expect(Self.kept(document).contains("The river ferry resumed its crossings"))
        #expect(!Self.kept(document).contains("more recent version"))
    }

    @Test func aStoryInAContainerNamedLikeChromeIsStillFound() throws {
        // Names are evidence, not proof: a story wrapped in `modal-enabled` or `socialicons-sticky`
        // is still the story when nothing else on the page is.
        for wrapper in [#"<div class="box article modal-enabled">"#, #"<div id="socialicons-sticky">"#,
                        #"<div id="skiplink-content">"#] {
            let document = try Self.read("""
                <html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
                \(wrapper)\(Self.story)</div>
                <div class="modal"><p>Sign in to save this article for later.</p></div>
                </body></html>
                """)
            #expect(Self.kept(document).contains("The river ferry resumed its crossings"), "\(wrapper)")
            #expect(!Self.kept(document).contains("Sign in to save"), "\(wrapper)")
        }
    }

    @Test func aShortPageInsideAChromeNameKeepsItsStory() throws {
        // Shorter than any absolute minimum, but still most of the page's prose.
        let document = try Self.read("""
            <html><body><div class="paywall-wrapper"><p>The harbour board approved the new berth on Tuesday, after a year of talks with the shipping lines and the town council.</p>
            <p>Work starts in May and should end before the winter storms, the board said.</p></div>
            <div class="share"><p>Share this on Facebook</p></div></body></html>
            """)
        #expect(Self.kept(document).contains("The harbour board approved the new berth"))
        #expect(!Self.kept(document).contains("Share this"))
    }

    @Test func markupShownInACodeBlockIsTheArticlesExample() throws {
        let document = try Self.read("""
            <html><body><article>\(Self.story)
            <pre><code>&lt;script src="vendor/ferry.js"&gt;&lt;/script&gt;</code></pre></article></body></html>
            """)
        let cleaned = ArticleCleaner().clean(document)
        #expect(cleaned.paragraphs.contains { $0.text == #"<script src="vendor/ferry.js"></script>"# })
    }

    @Test func shortUnrelatedPromptsAfterTheStoryGo() throws {
        let document = try Self.read("""
            <html><body><article>\(Self.story)
            <p>Picnic tables for every garden</p><p>Our winter wool collection</p></article></body></html>
            """)
        let cleaned = ArticleCleaner().clean(document)
        #expect(cleaned.paragraphs.last?.text.hasPrefix("The operator said the new cable") == true)
        #expect(cleaned.removed.contains { $0.text == "Our winter wool collection" })
    }

    @Test func aClosingLineAboutTheStoryStays() throws {
        let document = try Self.read("""
            <html><body><article>\(Self.story)
            <p>New ferry cable timetable</p></article></body></html>
            """)
        let cleaned = ArticleCleaner().clean(document)
        #expect(cleaned.paragraphs.last?.text == "New ferry cable timetable")
    }

    @Test func aSentenceLinkingHalfItsWordsStaysButALinkListGoes() throws {
        let document = try Self.read("""
            <html><body><article>\(Self.story)
            <p>Engineers <a href="/b/1">fixed the cable tension alarm on the river ferry before</a> the restart.</p>
            <p><a href="/a">Ferry timetable</a> <a href="/b">Parking at the pier</a></p></article></body></html>
            """)
        #expect(Self.kept(document).contains("Engineers fixed the cable tension alarm"))
        #expect(!Self.kept(document).contains("Parking at the pier"))
    }

    @Test(arguments: ["", "&#149; ", "• ", "» "])
    func aTypedBulletDoesNotMakeALinkListProse(mark: String) throws {
        // Links to other stories set under the story in its container, bulleted in the text or not:
        // a list of links either way, not part of the story.
        let links = ["More heartbreak for T.O., Cowboys", "Chargers, Giants face big hurdles", "Banged-up Chargers shock Colts"]
            .map { "<tr><td><span>\(mark)<a href=\"/sports/\($0.count)\">\($0)</a> | </span><span>01/14/2008</span></td></tr>" }
        let story = (1...4).map { "<p>Paragraph \($0) of the story about the turf at the stadium, with commas, clauses and full stops, to read as prose.</p>" }
        let html = "<html><body><div>\(story.joined())<table>\(links.joined())</table></div></body></html>"
        let article = try #require(try ArticlePipeline().articles(from: Data(html.utf8), source: "bullets.html").first)
        #expect(!article.paragraphs.contains { $0.contains("Chargers") }, "\(article.paragraphs)")
        #expect(article.removed.filter { $0.reason == .navigation }.count == 3)
    }

    @Test func twoLineBreaksEndAParagraphButOneDoesNot() throws {
        let document = try Self.read("""
            <html><body><article><p>The river ferry resumed its crossings on Monday after engineers replaced the worn cable.<br>
            <br>Commuters had faced a forty-minute detour by road since the service stopped in early spring.<br>Shops reported fewer customers.
            <br> <br>The operator said fares would stay the same until the end of the season, and thanked riders.</p></article></body></html>
            """)
        #expect(document.blocks.map(\.text) == [
            "The river ferry resumed its crossings on Monday after engineers replaced the worn cable.",
            "Commuters had faced a forty-minute detour by road since the service stopped in early spring. Shops reported fewer customers.",
            "The operator said fares would stay the same until the end of the season, and thanked riders.",
        ])
    }

    @Test func aFormIsChromeUnlessItWrapsThePage() throws {
        let boxed = try Self.read("""
            <html><body><article>\(Self.story)
            <form action="/signup"><p>By clicking Submit you agree to hear from us about offers and events.</p></form>
            </article></body></html>
            """)
        #expect(Self.kept(boxed).contains("The river ferry resumed"))
        #expect(!Self.kept(boxed).contains("By clicking Submit"))
        let wrapped = try Self.read("""
            <html><body><form id="page" action="/default.aspx"><div>\(Self.story)</div></form></body></html>
            """)
        #expect(Self.kept(wrapped).contains("The river ferry resumed"))
    }

    @Test func unlinkedSubheadsOfAnHTMLStoryStayButLinkedHeadlinesGo() throws {
        let page = """
            <html><body><article>\(Self.story)
            <h2>Looking Back Over Four Decades</h2><h2>Costs That Nobody Had Expected</h2>
            <p>Both decks now have ramps, and the winter timetable adds an early crossing for school pupils on weekdays.</p>
            <p><a href="/a">Celebrity Chef Opens Third Restaurant in Lisbon</a></p>
            <p><a href="/b">Ten Gadgets Worth Buying This Winter Season</a></p>
            <p>The operator thanked commuters for their patience during the long closure of the crossing.</p>
            </article></body></html>
            """
        let cleaned = ArticleCleaner().clean(try Self.read(page))
        let kept = cleaned.paragraphs.map(\.text)
        #expect(kept.contains("Looking Back Over Four Decades"))
        #expect(kept.contains("Costs That Nobody Had Expected"))
        #expect(!kept.contains { $0.contains("Celebrity Chef") })
    }

    @Test func aLinkedSubheadThatItsParagraphTalksAboutStays() throws {
        // A round-up links each entry's heading to what it reviews; another article's linked
        // headline between sections shares nothing with the paragraph after it.
        let page = """
            <html><body><article>\(Self.story)
            <h3><a href="https://example.com/games/thumper">“Thumper” ($20)</a></h3>
            <p>What would happen if a board game and a noise band met in virtual reality? Chaos, and also “Thumper,” a rhythm game that is a gorgeous assault on the senses. You steer a beetle down a track at terrifying speed, and every turn lands on the beat. It is hard, loud and impossible to put down, and it looks better in the headset than on any screen.</p>
            <h3><a href="https://example.com/games/job-simulator">“Job Simulator” ($30)</a></h3>
            <p>Office work, kitchen shifts and a convenience store become slapstick in this simulator of jobs that robots will one day remember fondly. Throw the stapler, microwave the mug, fire yourself: nothing is off limits, and the jokes keep landing long after the first hour has gone by.</p>
            <h3><a href="/news/chef">Celebrity Chef Opens Third Restaurant in Lisbon</a></h3>
            <p>The ferry operator thanked commuters for their patience during the long closure of the crossing over the winter.</p>
            </article></body></html>
            """
        let cleaned = ArticleCleaner().clean(try Self.read(page))
        let kept = cleaned.paragraphs.map(\.text)
        #expect(kept.contains("“Thumper” ($20)"), "\(kept)")
        #expect(kept.contains("“Job Simulator” ($30)"))
        #expect(!kept.contains { $0.contains("Celebrity Chef") })
    }

    @Test func aStreamOfTeaserCardsDoesNotOutweighTheStory() throws {
        let summary = "A summary of another story, long enough to read like prose, with a comma, a full stop and more words after it."
        let cards = (1...8).map { #"<li><h3><a href="/s/\#($0)">Another headline number \#($0) for the stream</a></h3><p>\#(summary)</p></li>"# }
        let document = try Self.read("""
            <html><body><div id="main"><div class="story">\(Self.story)</div>
            <ul class="feed">\(cards.joined())</ul></div></body></html>
            """)
        #expect(Self.kept(document).contains("The river ferry resumed its crossings"))
        #expect(!Self.kept(document).contains("A summary of another story"))
    }

    @Test func teaserCardsWithAnUnlinkedKickerAreStillCards() throws {
        let summary = "A summary of another story, long enough to read like prose, with a comma, a full stop and more words after it."
        let cards = (1...8).map { #"<div class="card"><h4><strong>Opinion</strong> <a href="/s/\#($0)">Another headline for the stream</a></h4><p>\#(summary)</p></div>"# }
        let document = try Self.read("""
            <html><body><div id="main"><div class="story">\(Self.story)</div>
            <div class="more">\(cards.joined())</div></div></body></html>
            """)
        #expect(Self.kept(document).contains("The river ferry resumed its crossings"))
        #expect(!Self.kept(document).contains("A summary of another story"))
    }

    /// Other stories listed inside the story's own container: each a linked headline and a
    /// one-line summary (`dt`/`dd`, as news sites of every age print them).
    static func teaserList(items: Int) -> String {
        let pairs = (1...items).map {
            #"<dt><a href="/news/\#($0).html">Council approves budget for the harbour works number \#($0)</a></dt><dd>The city council approved the spending plan after a long debate, officials said on Tuesday.</dd>"#
        }
        return "<dl>\(pairs.joined())</dl>"
    }

    @Test func aTeaserListInsideTheStoryContainerIsOtherArticles() throws {
        let document = try Self.read("""
            <html><body><div class="content"><h1>Ferry</h1>\(Self.story)\(Self.teaserList(items: 4))</div></body></html>
            """)
        #expect(Self.kept(document).contains("The river ferry resumed its crossings"))
        #expect(Self.kept(document).contains("fares would stay the same"))
        #expect(!Self.kept(document).contains("The city council approved"))
        #expect(document.removed.contains { $0.reason == .unrelatedHeadline && $0.text.hasPrefix("The city council approved") })
    }

    @Test func aTeaserListLongerThanTheStoryDoesNotWinOverIt() throws {
        let document = try Self.read("""
            <html><body><div class="story"><h1>Ferry</h1>\(Self.story)</div>
            <div class="column">\(Self.teaserList(items: 12))</div></body></html>
            """)
        #expect(Self.kept(document).contains("The river ferry resumed its crossings"))
        #expect(!Self.kept(document).contains("The city council approved"))
    }

    /// Headline and summary in one list item, the summary cut short: other articles. The story's own
    /// list of linked items, each with a finished sentence, stays.
    @Test func teasersWithHeadlineAndCutSummaryInOneItemAreOtherArticles() throws {
        let teasers = (1...4).map {
            #"<li><a href="/news/\#($0).html">Council approves budget for the harbour works number \#($0)</a><br>The city council approved the spending plan after a long debate, officials [...]</li>"#
        }
        let document = try Self.read("""
            <html><body><div class="content"><h1>Ferry</h1>\(Self.story)<ul>\(teasers.joined())</ul></div></body></html>
            """)
        #expect(Self.kept(document).contains("fares would stay the same"))
        #expect(!Self.kept(document).contains("The city council approved"))

        let own = (1...4).map {
            #"<li><a href="/ferries/\#($0).html">Ferry number \#($0) of the river fleet</a>: it carries forty cars and sails every half hour in summer.</li>"#
        }
        let listed = try Self.read("""
            <html><body><div class="content"><h1>Ferry</h1>\(Self.story)<ul>\(own.joined())</ul></div></body></html>
            """)
        #expect(Self.kept(listed).contains("Ferry number 3 of the river fleet: it carries forty cars"))
    }

    @Test func aListOfReferencesIsNotATeaserList() throws {
        // Each reference is a linked title and its source; the source opens with a full stop, no sentence.
        let references = (1...5).map {
            #"<li><p>^ <a href="/r/\#($0)">“Ferry cable report number \#($0)”</a></p><p>. The River Gazette. 9 August 2017. Retrieved 27 January 2020.</p></li>"#
        }
        let document = try Self.read("""
            <html><body><article>\(Self.story)<ol class="notes">\(references.joined())</ol></article></body></html>
            """)
        #expect(Self.kept(document).contains("The River Gazette"))
        #expect(!document.removed.contains { $0.reason == .unrelatedHeadline })
    }

    /// Footnotes, each a number linked back to its mark in the text and the note beside it, read like
    /// a list of linked headlines with summaries; a number alone is no headline, and the notes are
    /// the story's.
    @Test func footnotesAreNotATeaserList() throws {
        let notes = [
            "The operator counts a crossing each way as one trip, so the figure is half what the timetable shows.",
            "The detour figure comes from the county's traffic survey, which was taken on a weekday in April.",
            "Fares for cyclists were cut last year and are not part of the promise, the operator's spokesman said.",
        ]
        let footnotes = notes.enumerated().map { number, note in
            ##"<div class="footnote"><a class="footnote-number" href="#footnote-anchor-\##(number + 1)">\##(number + 1)</a>"##
                + #"<div class="footnote-content"><p>\#(note)</p></div></div>"#
        }
        let document = try Self.read("""
            <html><body><article>\(Self.story)<div class="footnotes">\(footnotes.joined())</div></article></body></html>
            """)
        for note in notes { #expect(Self.kept(document).contains(note)) }
        #expect(!document.removed.contains { $0.reason == .unrelatedHeadline })
    }

    @Test func twoLinkedLinesBetweenParagraphsAreNotATeaserList() throws {
        // A story may link a source before a paragraph once or twice; that is no list of other articles.
        let document = try Self.read("""
            <html><body><article><p><a href="/report.pdf">The operator's annual report on the ferry cable</a></p>
            <p>The operator said the new cable should last for twenty years.</p>
            <p><a href="/map.pdf">The map of the detour by road for commuters</a></p>
            <p>Commuters had faced a forty-minute detour by road since spring.</p>\(Self.story)</article></body></html>
            """)
        #expect(Self.kept(document).contains("The operator said the new cable should last for twenty years."))
        #expect(Self.kept(document).contains("Commuters had faced a forty-minute detour by road since spring."))
    }

    @Test func aShortStoryUnderItsHeadlineWinsOverALongerContactBoxElsewhere() throws {
        let contact = """
            <div class="service"><p>Our customer service team answers questions about subscriptions, deliveries and billing, from Monday to Friday, between eight in the morning and six in the evening.</p>
            <p>You can also write to us by post, at the address printed on your invoice, and we will answer within ten working days, or reach us by phone, at the number on the back page.</p>
            <p>For changes to a delivery address, please allow three working days, and keep your customer number at hand when you call us.</p></div>
            """
        // A row of section links at the page's level costs the page more than the story brings it.
        let sections = (1...20).map { "<p><a href=\"/section/\($0)\">Section of the site \($0)</a></p>" }.joined()
        let document = try Self.read("""
            <html><body><div class="page"><div class="bar">\(sections)</div><div class="main"><h1>Ferry service resumes</h1>
            <div class="text"><p>The river ferry resumed its crossings on Monday after engineers replaced the worn cable, the operator said in a statement.</p>
            <p>Commuters had faced a forty-minute detour by road since the service stopped in early spring.</p>
            <p>The operator said the new cable should last for twenty years, and fares would stay the same.</p></div></div>
            \(contact)</div></body></html>
            """)
        #expect(Self.kept(document).contains("The river ferry resumed its crossings"))
        #expect(!Self.kept(document).contains("Our customer service team"))
    }

    @Test func aHeadlineOverALongStoryElsewhereDoesNotPullTheStoryAway() throws {
        // The headline's own box holds a line of text only: far from a tie with the story.
        let document = try Self.read("""
            <html><body><div class="top"><h1>Ferry service resumes</h1><p>Updated on Monday, with the operator's statement.</p></div>
            <div class="text">\(Self.story)</div></body></html>
            """)
        #expect(Self.kept(document).contains("fares would stay the same"))
    }

    @Test func aLedeAboveTheStoryWrapperJoinsTheStory() throws {
        let document = try Self.read("""
            <html><body><div class="column">
            <p class="intro">Engineers worked through the weekend to restore the only river crossing between the two towns.</p>
            <div class="group"><div class="links"><a href="/a">Town</a> <a href="/b">River</a> <a href="/c">Ferry</a></div>
            <div class="long">\(Self.story)</div></div>
            <p>Another paragraph after the story, below the wrapper, which belongs to the page's footer notes.</p>
            <ul>\((1...8).map { #"<li><a href="/t/\#($0)">Ferry topic \#($0)</a></li>"# }.joined())</ul>
            </div></body></html>
            """)
        #expect(Self.kept(document).hasPrefix("Engineers worked through the weekend"))
        #expect(Self.kept(document).contains("fares would stay the same"))
        #expect(!Self.kept(document).contains("footer notes"))
    }

    /// A standfirst in the article's header and the story below a row of buttons: one `article`.
    static func splitStory(in element: String) -> String {
        let buttons = (1...6).map { "<p><a href=\"/d/\($0)\">Download map \($0)</a></p>" }.joined()
        return """
            <html><body><\(element)><header><h1>Ferry</h1>
            <p class="standfirst">Engineers worked through the weekend to restore the only river crossing between the two towns, which had been closed since spring.</p>
            <p>Commuters, shop owners and the school board had all asked the council to speed up the repair, and the council agreed in a special session.</p></header>
            <div class="row">\(buttons)</div>
            <div class="body"><p>The river ferry resumed its crossings on Monday after engineers replaced the worn cable, the operator said.</p></div>
            </\(element)><ul><li><p>A list below the story, with a teaser for another report about the harbour works, its costs and delays.</p></li></ul>
            <div class="row">\(buttons)\(buttons)</div></body></html>
            """
    }

    @Test func aShortStorySplitByButtonsIsReadAsItsWholeArticle() throws {
        let document = try Self.read(Self.splitStory(in: "article"))
        #expect(document.summary?.hasPrefix("Engineers worked through the weekend") == true)
        #expect(Self.kept(document).hasPrefix("Commuters, shop owners"))
        #expect(Self.kept(document).contains("The river ferry resumed its crossings"))
        #expect(!Self.kept(document).contains("Download map"))
        #expect(!Self.kept(document).contains("A list below the story"))
    }

    @Test func aHeadingOverARemovedLinkListGoesWithIt() throws {
        let links = (1...4).map { "<li><a href=\"/s/\($0)\">Another story number \($0)</a></li>" }.joined()
        let document = try Self.read("""
            <html><body><article><h2>What Happened</h2>\(Self.story)
            <h3>More From the River Desk</h3><ul>\(links)</ul>
            <h3>Further Reading</h3><ul>\(links)</ul><h3>Gallery</h3></article></body></html>
            """)
        let kept = document.blocks.map(\.text)
        #expect(kept.first == "What Happened")
        #expect(!kept.contains("More From the River Desk"))
        #expect(!kept.contains("Further Reading"))
        #expect(document.removed.contains { $0.text == "Further Reading" })
        // A heading with nothing removed under it (pictures only) stays.
        #expect(kept.last == "Gallery")
    }

    @Test func aSummaryFieldAboveTheStoryInItsArticleIsItsSummary() throws {
        let buttons = (1...8).map { "<p><a href=\"/d/\($0)\">Download \($0)</a></p>" }.joined()
        let document = try Self.read("""
            <html><body><article><div class="field-summary"><p>Engineers worked through the weekend to restore the only river crossing between the two towns.</p></div>
            <div class="field-story"><div class="item">\(Self.story)\(Self.story)</div></div>
            <div class="row">\(buttons)</div></article></body></html>
            """)
        #expect(document.summary?.hasPrefix("Engineers worked through the weekend") == true)
        #expect(Self.kept(document).hasPrefix("The river ferry resumed"))
        #expect(!Self.kept(document).contains("Download"))
    }

    @Test func captionsGoToRemovedUnlessTheSettingKeepsThem() throws {
        let html = """
            <html><body><article>\(Self.story)<figure><img src="ferry.jpg"><figcaption>The ferry leaves the quay on Monday morning.
            <span class="credit">Photo: Jane Doe</span></figcaption></figure></article></body></html>
            """
        let document = try Self.read(html)
        #expect(Self.kept(document).contains("fares would stay the same"))
        #expect(!Self.kept(document).contains("The ferry leaves the quay"))
        #expect(document.removed.contains { $0.text.contains("Photo: Jane Doe") && $0.reason == .caption })
        var reader = HTMLArticleReader()
        reader.settings.keepsCaptions = true
        let kept = try reader.document(from: Data(html.utf8), source: "test.html")
        #expect(Self.kept(kept).contains("The ferry leaves the quay"))
    }

    @Test func aPictureCreditOfItsOwnGoesAsACredit() throws {
        let html = """
            <html><body><article>\(Self.story)<figure><img src="ferry.jpg"><figcaption>The ferry at the quay.</figcaption>
            <p class="credit">Photo credit: Jane Doe</p></figure></article></body></html>
            """
        let document = try Self.read(html)
        #expect(document.removed.contains { $0.text == "The ferry at the quay." && $0.reason == .caption })
        #expect(document.removed.contains { $0.text == "Photo credit: Jane Doe" && $0.reason == .credit })
    }

    /// The cleaned article of a page, through the whole pipeline.
    static func article(_ html: String) throws -> Article {
        try #require(try ArticlePipeline().articles(from: Data(html.utf8), source: "page.html").first)
    }

    /// A page of a two-paragraph story and, after it in the same container, `box`.
    static func shortStory(followedBy box: String) -> String {
        """
        <html><head><title>Ferry resumes crossings</title></head><body><div id="page"><div class="story">
        <h1>Ferry resumes crossings</h1>
        <p>The river ferry resumed its crossings on Monday after engineers replaced the worn cable, the operator said.</p>
        <p>Commuters had faced a long detour by road since the crossings stopped in spring.</p></div>
        \(box)
        </div></body></html>
        """
    }

    /// A short story and, in the same container, the site's service box under its own heading: the
    /// box speaks to the reader and shares next to nothing with the story ("Monday"), however many
    /// words it has.
    @Test func aServiceBoxAfterAShortStoryIsNotTheStory() throws {
        let service = [
            "Our customer service team is available Monday to Friday from 8am to 6pm. You can reach us by phone at 555-0100.",
            "If you have a question about your subscription, your delivery or your account, please have your account number ready.",
            "To report a missed delivery, please contact us before 11am and we will do our best to redeliver your paper the same day.",
        ]
        let html = Self.shortStory(followedBy: """
            <div class="help"><h2>Customer Service</h2>\(service.map { "<p>\($0)</p>" }.joined())<p>Phone: 555-0100</p></div>
            """)
        let article = try Self.article(html)
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs.first?.hasPrefix("The river ferry resumed") == true)
        #expect(article.removed.filter { $0.reason == .boilerplate }.map(\.text) == ["Customer Service"] + service + ["Phone: 555-0100"])
        // A section about the story that speaks to the reader stays: it shares the story's words.
        let related = "<h2>How the ferry works</h2><p>If you cross at dawn, you will see the ferry pulled along its new cable by the operator.</p>"
            + "<p>Our reporter rode the ferry on Monday: the crossing took six minutes, and the cable barely made a sound.</p>"
        let story = try Self.article(html.replacingOccurrences(of: "<div class=\"help\">", with: related + "<div class=\"help\">"))
        #expect(story.paragraphs.contains { $0.hasPrefix("If you cross at dawn") })
        #expect(story.paragraphs.contains { $0.hasPrefix("Our reporter rode the ferry") })
    }

    /// An appeal under its own heading after the story ends with a prompt naming the site, whose
    /// name the story uses too ("Get the River Ferry Crossings app"): the prompt is the box's all the same.
    @Test func anAppealBoxEndingWithAPromptThatNamesTheStorysWordsIsNotTheStory() throws {
        let appeal = [
            "Dear reader, we have been keeping you up to date with the news that matters to you, and we need your support to keep doing it.",
            "We have a request for those who can afford to subscribe: please do, and help us keep our journalism free for everyone.",
            "Get the River Ferry Crossings app for a seamless reading experience",
        ]
        let article = try Self.article(Self.shortStory(followedBy: #"<div class="support-qj"><h4>Support Quality Journalism</h4>"#
            + appeal.map { "<p>\($0)</p>" }.joined() + "</div>"))
        #expect(article.paragraphs.count == 2)
        #expect(article.removed.filter { $0.reason == .boilerplate }.map(\.text) == ["Support Quality Journalism"] + appeal)
    }
}
