// Which chrome verdicts stand when the named container holds much of the page's text.
import Foundation
import Testing
@testable import BriefCore

struct HTMLChromeVerdictTests {
    typealias Page = HTMLExtractionQualityTests

    /// A caption long enough to read like prose, for galleries that outweigh a short story.
    static func caption(_ number: Int) -> String {
        "Slide \(number): a photograph of another event, with a caption long enough to read like a sentence, and a credit."
    }

    @Test func aPhotoGalleryLargerThanTheStoryIsNotKept() throws {
        let slides = (1...12).map { "<li><h3>Picture \($0)</h3><p>\(Self.caption($0))</p></li>" }.joined()
        let document = try Page.read("""
            <html><body><article>\(Page.story)
            <div class="article-gallery"><ul>\(slides)</ul></div></article></body></html>
            """)
        #expect(Page.kept(document).contains("The river ferry resumed its crossings"))
        #expect(!Page.kept(document).contains("a photograph of another event"))
        #expect(document.removed.contains { $0.text.contains("Slide 3:") && $0.reason == .boilerplate })
    }

    @Test func aCookieBannerLongerThanTheStoryIsNotKept() throws {
        let notice = (1...6).map { _ in
            "<p>We and our partners use cookies to store and read information on your device, and to measure how you use this site.</p>"
        }.joined()
        let document = try Page.read("""
            <html><body><div class="cookiebanner-wrap optin">\(notice)</div>
            <div class="story">\(Page.story)</div></body></html>
            """)
        #expect(Page.kept(document).contains("fares would stay the same"))
        #expect(!Page.kept(document).contains("We and our partners use cookies"))
    }

    /// A sidebar's contact box, longer than the story beside it (its own weak name voided by its size before).
    static let contactBox = """
        <div class="col-side"><div class="box-contact"><h3>Contact our newsroom</h3>
        <p>Have a news tip or a correction? Our newsroom is staffed from early morning to late at night every day of the week, and we read every message.</p>
        <p>Call the news desk, or write to the address below. For questions about your subscription, delivery or billing, please contact customer service on weekdays.</p>
        <p>Letters to the editor should be under 250 words and include your full name and a daytime phone number for verification; we publish no anonymous letters.</p>
        <p>Obituaries and paid notices can be placed through our classifieds department, which is open Monday to Friday, with deadlines on Thursday at noon.</p>
        <p>Photographs from readers are welcome too: send them with your name, the place and the date they were taken, and tell us whether we may print them.</p>
        <p>Our corrections policy, the names of our editors and the addresses of our offices are listed on the page about us, linked at the foot of every page.</p>
        </div></div>
        """

    @Test func aSidebarBoxBesideTheStoryUnderItsHeadlineStaysRemoved() throws {
        let document = try Page.read("""
            <html><body><div class="page"><div class="col-main"><h1>River ferry resumes crossings</h1>\(Page.story)</div>
            \(Self.contactBox)</div></body></html>
            """)
        #expect(Page.kept(document).contains("The river ferry resumed its crossings"))
        #expect(!Page.kept(document).contains("Our newsroom is staffed"))
    }

    @Test func aLinkedHeadlineSaysNothingOfWhereTheStoryStands() throws {
        // A blog's h1 is its name, linking to its front page, above the blog's description; the
        // post stands in a wrapper whose name reads as a sidebar's and holds most of the page.
        let description = "<p>Notes from a ferry engineer on cables, crossings and the river, written after each shift since the service first opened, "
            + "with photographs of the work, the weather and the boats, and answers to the questions readers send in about them.</p>"
            + "<p>The author has worked on the river for thirty years, first as a deckhand and then as the engineer in charge of the cables.</p>"
        let document = try Page.read("""
            <html><body><div class="header"><h1><a href="/">River Notes</a></h1>\(description)</div>
            <div class="sidebar-right">\(Page.story)\(Page.story.replacingOccurrences(of: "river ferry", with: "harbour tug"))</div></body></html>
            """)
        #expect(Page.kept(document).contains("The harbour tug resumed its crossings"))
    }

    @Test func aPageThatIsOnlyAGalleryKeepsItsCaptions() throws {
        // When the gallery is all there is, the name was wrong about the page.
        let slides = (1...4).map { "<li><p>\(Self.caption($0))</p></li>" }.joined()
        let document = try Page.read("<html><body><div class=\"gallery\"><ul>\(slides)</ul></div></body></html>")
        #expect(Page.kept(document).contains("Slide 2: a photograph of another event"))
    }

    @Test func aScriptHookClassDoesNotMakeTheStoryChrome() throws {
        // `js-lightbox-gallery` says a script opens the pictures in a lightbox, not that the text is chrome.
        let document = try Page.read("""
            <html><body><main><div class="media js-lightbox-gallery">\(Page.story)</div>
            <div class="lightbox"><p>Close the picture viewer</p></div></main></body></html>
            """)
        #expect(Page.kept(document).contains("The river ferry resumed its crossings"))
        #expect(!Page.kept(document).contains("Close the picture viewer"))
    }

    /// Sentences about other things, long enough together to outweigh a short story.
    static let asideProse = (1...9).map { _ in
        "<p>The club meets on the first Tuesday of each month in the library, and new members are always welcome to join.</p>"
    }.joined()

    @Test func anIdThatIsOnlyAChromeWordStandsHoweverLongItsText() throws {
        let document = try Page.read("""
            <html><body><div class="post">\(Page.story)</div><div id="sidebar">\(Self.asideProse)</div></body></html>
            """)
        #expect(Page.kept(document).contains("The river ferry resumed its crossings"))
        #expect(!Page.kept(document).contains("The club meets"))
    }

    @Test func aClassNamedAsideIsChrome() throws {
        let document = try Page.read("""
            <html><body><div class="content"><div class="post">\(Page.story)</div>
            <div class="aside"><p>The club meets on the first Tuesday of each month in the library.</p></div></div></body></html>
            """)
        #expect(Page.kept(document).contains("fares would stay the same"))
        #expect(!Page.kept(document).contains("The club meets"))
    }

    @Test func anEmbeddedPostTheStoryQuotesStaysButAShareBarGoes() throws {
        let document = try Page.read("""
            <html><body><article>\(Page.story)
            <blockquote class="twitter-tweet"><p>The ferry is back! First crossing this morning, right on time.</p>&mdash; Harbour Office</blockquote>
            <div class="share-twitter"><p>Share on Twitter</p></div></article></body></html>
            """)
        #expect(Page.kept(document).contains("The ferry is back! First crossing this morning"))
        #expect(!Page.kept(document).contains("Share on Twitter"))
    }

    @Test func aTeaserBoxWithoutLinksIsTheStorysStandfirst() throws {
        let document = try Page.read("""
            <html><body><article><div class="teaser"><p>Engineers worked through the weekend to restore the only river crossing.</p></div>
            \(Page.story)
            <div class="teaser"><p><a href="/other">Harbour works</a>: the new quay opens next month, a year late.</p></div>
            </article></body></html>
            """)
        #expect(Page.kept(document).hasPrefix("Engineers worked through the weekend"))
        #expect(!Page.kept(document).contains("the new quay opens"))
    }

    @Test func aFooterBelowAShortStoryInAChromeNameStaysRemoved() throws {
        // The story's wrapper is named like chrome, so the last stage reads the page again trusting names
        // less; the `footer` tag's author box is then a large share of a short page, but still no story.
        let document = try Page.read("""
            <html><body><div class="share-wrap"><p>The harbour board approved the new berth on Tuesday, after a year of talks with the shipping lines and the town council.</p>
            <p>Work starts in May and should end before the winter storms, the board said.</p></div>
            <footer><p>About the author: Jane Doe has written about the harbour, its ferries and its fishing fleet for the paper since the spring of 2009, and lives in the old town with her two dogs.</p></footer>
            </body></html>
            """)
        #expect(Page.kept(document).contains("The harbour board approved the new berth"))
        #expect(!Page.kept(document).contains("Jane Doe has written about the harbour"))
        #expect(document.removed.contains { $0.text.contains("Jane Doe") && $0.reason == .footer })
    }

    @Test func metadataElementsInsideTheStorysBEMBlockAreNotStoryText() throws {
        // `article__author` is an author line that sits in the article block: the block's name does not
        // make it story text, while `article__lead` and `article__body` stay.
        let document = try Page.read("""
            <html><body><article class="article"><header class="article__header">
            <h1>Ferry crossings resume</h1>
            <p class="article__lead">Engineers worked through the weekend to restore the only river crossing between the two towns.</p>
            <div class="article-header__author">Jane Doe, harbour correspondent</div>
            <div class="article__tags">Ferries, Transport, River towns</div></header>
            <div class="article__body">\(Page.story)</div></article></body></html>
            """)
        #expect(Page.kept(document).contains("Engineers worked through the weekend"))
        #expect(Page.kept(document).contains("fares would stay the same"))
        #expect(!Page.kept(document).contains("harbour correspondent"))
        #expect(!Page.kept(document).contains("River towns"))
        #expect(document.removed.contains { $0.text.contains("harbour correspondent") && $0.reason == .metadata })
    }

    @Test func anAuthorBoxBelowTheStoryIsNotStoryText() throws {
        let bio = "Jane Doe has written about the harbour, its ferries and its fishing fleet since 2009, and lives in the old town."
        for box in [#"<section class="site-content-box author-box">"#, #"<div class="post-author-bio">"#,
                    #"<div class="about-the-author">"#] {
            let document = try Page.read("""
                <html><body><article class="post"><div class="entry-content">\(Page.story)</div>
                \(box)<p>\(bio)</p></div></article></body></html>
                """)
            #expect(Page.kept(document).contains("fares would stay the same"), "\(box)")
            #expect(!Page.kept(document).contains("Jane Doe has written"), "\(box)")
            #expect(document.removed.contains { $0.text.contains("Jane Doe") && $0.reason == .metadata }, "\(box)")
        }
    }

    @Test func aChartExportedAsPositionedTextIsNotStoryText() throws {
        // ai2html turns a chart into absolutely placed labels: numbers and axis titles, never sentences.
        let labels = ["Interest payments on the national debt", "$915", "billion", "Net interest, 13.0%", "Share of the budget, 6.6%"]
            .map { "<div class=\"g-aiAbs\"><p>\($0)</p></div>" }.joined()
        let document = try Page.read("""
            <html><body><article>\(Page.story)<div class="ai2html ai2html-box-v5"><div class="g-artboard">\(labels)</div></div>
            </article></body></html>
            """)
        #expect(Page.kept(document).contains("fares would stay the same"))
        #expect(!Page.kept(document).contains("Interest payments on the national debt"))
        #expect(!Page.kept(document).contains("Net interest"))
    }

    @Test func aMoreNewsBoxBelowTheStoryIsNotKept() throws {
        let teaser = "<p>The council will vote on the new bus timetable next week, after months of complaints from riders.</p>"
        for box in [#"<div class="more-news">"#, #"<section class="moreNews">"#, #"<div id="more-posts">"#] {
            let document = try Page.read("""
                <html><body><article>\(Page.story)
                \(box)<h3>More from the town</h3>\(teaser)</div></article></body></html>
                """)
            #expect(Page.kept(document).contains("fares would stay the same"), "\(box)")
            #expect(!Page.kept(document).contains("new bus timetable"), "\(box)")
        }
    }

    /// Appeals for money under the story, in the names sites give them: a contributions "epic", a
    /// donation or call-to-action box.
    @Test func anAppealForMoneyBelowTheStoryIsNotKept() throws {
        let appeal = "<p>Our newsroom is funded by people who read it. Every gift, however small, keeps the presses running for everyone.</p>"
        for box in [#"<div class="contributions__epic">"#, #"<div class="donation-cta">"#, #"<aside class="donate-module">"#,
                    #"<div class="cta-box">"#] {
            let document = try Page.read("""
                <html><body><article>\(Page.story)
                \(box)<h3>Since you're here</h3>\(appeal)</\(box.hasPrefix("<aside") ? "aside" : "div")></article></body></html>
                """)
            #expect(Page.kept(document).contains("fares would stay the same"), "\(box)")
            #expect(!Page.kept(document).contains("funded by people"), "\(box)")
        }
    }

    /// A video player inside the story prints its title and length; in a terminal there is no video.
    /// A story in an element named for a player (a sports site's player profile) is still the story.
    @Test func aVideoPlayersTitleAndLengthAreNotStoryText() throws {
        let player = #"<div class="video-player"><div class="video-player__title">How the new ferry cable was laid</div><span class="duration">02:41</span></div>"#
        let document = try Page.read("<html><body><article>\(Page.story)\(player)</article></body></html>")
        #expect(Page.kept(document).contains("fares would stay the same"))
        #expect(!Page.kept(document).contains("How the new ferry cable was laid"))
        #expect(!Page.kept(document).contains("02:41"))
        let profile = try Page.read(#"<html><body><div class="player-profile">\#(Page.story)</div></body></html>"#)
        #expect(Page.kept(profile).contains("fares would stay the same"))
    }

    @Test func aChromeNameInAFivePieceBlockClassIsJudged() throws {
        // WordPress block classes spend two pieces on their namespace (`wp-block-…`).
        let teaser = "<p>The council will vote on the new bus timetable next week, after months of complaints from riders.</p>"
        let document = try Page.read("""
            <html><body><article>\(Page.story)
            <div class="wp-block-mmo-recirculation-box"><div class="title">More columns</div>\(teaser)</div></article></body></html>
            """)
        #expect(Page.kept(document).contains("fares would stay the same"))
        #expect(!Page.kept(document).contains("new bus timetable"))
    }

    @Test func aGridWordDoesNotProtectChrome() throws {
        // `column` and `page` say where a box sits in the layout, not that it is the story.
        let notice = "<p>This post is a community blog entry, and it does not state the opinion of the editors of this site.</p>"
        for box in [#"<div class="column community-notice">"#, #"<div class="page-sidebar">"#] {
            let document = try Page.read("""
                <html><body><article>\(Page.story)\(box)\(notice)</div></article></body></html>
                """)
            #expect(Page.kept(document).contains("fares would stay the same"), "\(box)")
            #expect(!Page.kept(document).contains("community blog entry"), "\(box)")
        }
    }
}
