// The HTML reader: main content, chrome removed with reasons, metadata, charsets and bad input.
import Foundation
import Testing
@testable import BriefCore

struct HTMLReaderTests {
    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/html"))
        return try Data(contentsOf: url)
    }

    static func read(_ html: String) throws -> RawDocument {
        try HTMLArticleReader().document(from: Data(html.utf8), source: "test.html")
    }

    @Test func keepsTheStoryWithItsSubheadsQuotesAndLists() throws {
        let document = try HTMLArticleReader().document(from: Self.fixture("article.html"), source: "article.html")
        let texts = document.blocks.map(\.text)
        #expect(texts.first?.hasPrefix("The two container cranes") == true)
        #expect(texts.last?.hasPrefix("Dock workers, who were paid") == true)
        #expect(document.blocks.contains { $0.kind == .heading && $0.text == "Backlog of ships" })
        #expect(document.blocks.contains { $0.kind == .quote && $0.text.contains("clear the queue") })
        #expect(document.blocks.filter { $0.kind == .listItem }.count == 2)
        #expect(document.blocks.allSatisfy { $0.linkDensity != nil })
        #expect(document.format == .html)
    }

    /// A page of components (`data-component` blocks, a byline block, a picture with hidden labels,
    /// topic and link lists after the story): the story's six paragraphs and nothing else.
    @Test func aPageOfComponentsKeepsItsStoryAlone() throws {
        let article = try #require(try ArticlePipeline().articles(from: Self.fixture("components.html"), source: "components.html").first)
        #expect(article.paragraphs.count == 6)
        #expect(article.paragraphs.first?.hasPrefix("The government announced on Tuesday") == true)
        #expect(article.paragraphs.last?.hasPrefix("Opposition lawmakers questioned") == true)
        #expect(article.removed.contains { $0.text == "Cargo screening has fallen behind schedule" && $0.reason == .caption })
        for chrome in ["Jane Doe", "Related Topics", "More on this story", "Ports face new screening rules"] {
            #expect(!article.paragraphs.contains { $0.contains(chrome) }, "kept: \(chrome)")
        }
    }

    /// An embedded video.js player prints its controls and settings dialog as text; none of it is the story.
    @Test func anEmbeddedVideoPlayersControlsAreNotTheStory() throws {
        let html = """
            <html><body><article><h1>Hotel bosses spill the beans</h1>
            <p>Most people go to hotels for the pleasure of sleeping in a giant bed with clean white sheets and fresh towels.</p>
            <div class="video-js vjs-paused vjs-controls-enabled"><video class="vjs-tech"></video>
            <div class="vjs-control-bar"><button class="vjs-play-control"><span>Play</span></button>
            <button class="vjs-mute-control"><span>Mute</span></button><div class="vjs-current-time">Current Time 0:00</div>
            <button class="vjs-fullscreen-control"><span>Fullscreen</span></button></div>
            <div class="vjs-modal-dialog"><p>This is a modal window.</p></div></div>
            <p>But those towels and sheets might not be as clean as they look, according to the hotel bosses who answered an online thread.</p>
            </article></body></html>
            """
        let document = try Self.read(html)
        #expect(document.blocks.map(\.text) == [
            "Most people go to hotels for the pleasure of sleeping in a giant bed with clean white sheets and fresh towels.",
            "But those towels and sheets might not be as clean as they look, according to the hotel bosses who answered an online thread.",
        ])
    }

    @Test func removesChromeWithReasons() throws {
        let document = try HTMLArticleReader().document(from: Self.fixture("article.html"), source: "article.html")
        let kept = document.blocks.map(\.text).joined(separator: "\n")
        for chrome in ["Share on Facebook", "Ferry timetable", "Sign up for our morning", "Great news for the town",
                       "Mayor opens new library", "All rights reserved", "do not show this", "color: red"] {
            #expect(!kept.contains(chrome), "kept chrome: \(chrome)")
        }
        func reason(of text: String) -> RemovalReason? { document.removed.first { $0.text.contains(text) }?.reason }
        #expect(reason(of: "Share on Facebook") == .share)
        #expect(reason(of: "Ferry timetable") == .unrelatedHeadline)
        #expect(reason(of: "Sign up for our morning") == .newsletter)
        #expect(reason(of: "Great news for the town") == .comments)
        #expect(reason(of: "All rights reserved") == .footer)
        #expect(reason(of: "Sport") == .navigation)
        // Removed blocks sit where they stood: the related list came after the two list items (kept block 7).
        let related = try #require(document.removed.first { $0.text.contains("Ferry timetable") })
        #expect(related.position == 7)
        #expect(document.removed.map(\.position) == document.removed.map(\.position).sorted())
    }

    @Test func readsMetadata() throws {
        let document = try HTMLArticleReader().document(from: Self.fixture("article.html"), source: "article.html")
        #expect(document.title == "Harbour cranes return to service after a six-week repair")
        #expect(document.date == ArticleDate(year: 2024, month: 3, day: 18))
        #expect(document.byline == "Mara Quist")
        #expect(document.siteName == "The Coastal Ledger")
        #expect(document.url == "https://ledger.example/2024/03/18/harbour-cranes")
        #expect(document.language == "en")
        // The headline repeated as <h1> is the title, not body text.
        #expect(!document.blocks.contains { $0.text.hasPrefix("Harbour cranes return") })
    }

    @Test func fallsBackToTitleTagAndVisibleDate() throws {
        let document = try Self.read("""
            <html><head><title>Lock gates replaced at the canal | Canal Times</title></head><body>
            <div class="story"><p>Published: 4 February 2022</p>
            <p>The old oak lock gates at the top of the flight were lifted out by crane on Tuesday and replaced with new ones.</p>
            <p>Boats will be able to pass again from next week, once the water levels in the pounds have been restored.</p></div>
            </body></html>
            """)
        #expect(document.title == "Lock gates replaced at the canal")
        #expect(document.date == ArticleDate(year: 2022, month: 2, day: 4))
    }

    /// A blog's name before the headline in `<title>`: the headline over the post is the title, and
    /// stays out of the body. A title that only ends like the heading, or whose part before the
    /// separator is too long for a name, is the fuller headline.
    @Test func aSiteNameBeforeTheHeadlineIsNoPartOfTheTitle() throws {
        let story = """
            <p>The old oak lock gates at the top of the flight were lifted out by crane on Tuesday and replaced with new ones.</p>
            <p>Boats will be able to pass again from next week, once the water levels in the pounds have been restored.</p>
            """
        let prefixed = try Self.read("""
            <html><head><title>Towpath Notes: Lock gates replaced at the canal</title></head><body>
            <div class="post"><h3 class="post-title">Lock gates replaced at the canal</h3>\(story)</div></body></html>
            """)
        #expect(prefixed.title == "Lock gates replaced at the canal")
        #expect(!prefixed.blocks.contains { $0.text == "Lock gates replaced at the canal" })

        let fuller = try Self.read("""
            <html><head><title>Our three oak lock gates replaced at the canal</title></head><body>
            <div class="post"><h3 class="post-title">Lock gates replaced at the canal</h3>\(story)</div></body></html>
            """)
        #expect(fuller.title == "Our three oak lock gates replaced at the canal")
        let longName = try Self.read("""
            <html><head><title>Seven things that happened on the canal this week: Lock gates replaced at the canal</title></head>
            <body><div class="post"><h3 class="post-title">Lock gates replaced at the canal</h3>\(story)</div></body></html>
            """)
        #expect(longName.title == "Seven things that happened on the canal this week: Lock gates replaced at the canal")
    }

    @Test func metadataNeverCarriesControlCharacters() throws {
        let document = try Self.read("""
            <html><head><meta property="og:title" content="Cranes &#27;[2J back&#7;"><meta name="author" content="Ed&#9;Ward"></head>
            <body><p>A paragraph of text long enough to count as the story of this small page, with a comma, and a full stop.</p></body></html>
            """)
        #expect(document.title?.unicodeScalars.contains { $0.value < 0x20 } == false)
        #expect(document.title?.hasPrefix("Cranes") == true)
        #expect(document.byline == "Ed Ward")
    }

    @Test func dateFromURLWhenNothingElse() throws {
        let document = try Self.read("""
            <html><head><link rel="canonical" href="https://x.example/news/2021/07/30/story-slug"></head>
            <body><p>A paragraph of text long enough to count as the story of this small page, with a comma, and a full stop.</p></body></html>
            """)
        #expect(document.date == ArticleDate(year: 2021, month: 7, day: 30))
    }

    @Test func decodesDeclaredLatin1AndWindows1252Quotes() throws {
        let document = try HTMLArticleReader().document(from: Self.fixture("latin1.html"), source: "latin1.html")
        #expect(document.title == "Café owners")
        #expect(document.blocks.first?.text.contains("The café on the square") == true)
        #expect(document.blocks.first?.text.contains("naïve customers still order the “special”") == true)
    }

    @Test(arguments: [
        ("<meta charset=\"Shift_JIS\">", "shift_jis"),
        ("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-2'>", "iso-8859-2"),
        ("<meta charset=utf-8 />", "utf-8"),
        ("<p>charset=koi8-r is only text here</p>", nil),
    ])
    func findsTheDeclaredCharset(head: String, expected: String?) {
        #expect(HTMLCharsetDecoder.declaredCharset(in: Array("<html><head>\(head)</head>".utf8)) == expected)
    }

    @Test func repairsInvalidUTF8AndDropsControlCharacters() throws {
        var bytes = Array("<html><body><p>Bad bytes \u{1B}[31m here: ".utf8)
        bytes += [0xFF, 0xC3, 0x28, 0xE2, 0x82]
        bytes += Array(" and the story goes on, with enough words to be kept as the text of the page.</p></body></html>".utf8)
        let document = try HTMLArticleReader().document(from: Data(bytes), source: "bad.html")
        let text = try #require(document.blocks.first?.text)
        #expect(text.contains("the story goes on"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func decodesUTF16WithBOM() throws {
        let html = "<html><body><p>Texte en UTF-16 : les grues du port fonctionnent à nouveau depuis lundi matin.</p></body></html>"
        var data = Data([0xFF, 0xFE])
        data.append(html.data(using: .utf16LittleEndian)!)
        let document = try HTMLArticleReader().document(from: data, source: "utf16.html")
        #expect(document.blocks.first?.text.contains("fonctionnent à nouveau") == true)
    }

    @Test func refusesEmptyAndOversizedInput() {
        #expect(throws: ReadError.self) { try HTMLArticleReader().document(from: Data(), source: "empty.html") }
        let huge = Data(repeating: UInt8(ascii: "a"), count: HTMLArticleReader.maximumInputSize + 1)
        #expect(throws: ReadError.self) { try HTMLArticleReader().document(from: huge, source: "huge.html") }
    }

    @Test func survivesTagSoupAndDeepNesting() throws {
        let soup = "<html><body><div><p>Unclosed <b>bold <i>italic <p>next paragraph with words enough to be read as text, and more."
            + String(repeating: "<div>", count: 5000) + "deep text" + "</table></tr></td>"
        let document = try Self.read(soup)
        #expect(document.blocks.contains { $0.text.contains("next paragraph") })
    }

    @Test func aLongDiscussionStaysRemovedAndLayoutWordsDoNotHideTheStory() throws {
        let story = (1...4).map { "<p>Paragraph \($0) of the story about the harbour, with a comma, a full stop, and enough words to count as prose.</p>" }
        let comments = (1...12).map { "<p>Comment \($0): I have lived near the harbour for years, and honestly, the cranes were never this quiet before.</p>" }
        let document = try Self.read("""
            <html><body><div class="layout-two-col-sidebar">\(story.joined())</div>
            <section id="comments">\(comments.joined())</section></body></html>
            """)
        #expect(document.blocks.count == 4)
        #expect(document.blocks.allSatisfy { $0.text.hasPrefix("Paragraph") })
        #expect(document.removed.filter { $0.reason == .comments }.count == 12)
    }

    /// A video card set between the story's paragraphs: its label and the video's title are no
    /// story text (a terminal plays no video).
    @Test func aVideoCardInTheStoryIsNotItsText() throws {
        let story = (1...4).map { "<p>Paragraph \($0) of the story about the harbour, with a comma, a full stop, and enough words to count as prose.</p>" }
        let document = try Self.read("""
            <html><body><article>\(story[0])\(story[1])
            <div class="embed embed--video video-card"><div class="video-card__label">WATCH</div>
            <div class="video-card__title">Why the harbour cranes fell silent this spring</div></div>
            \(story[2])\(story[3])</article></body></html>
            """)
        #expect(document.blocks.map(\.text).allSatisfy { $0.hasPrefix("Paragraph") })
        #expect(document.removed.contains { $0.text == "Why the harbour cranes fell silent this spring" && $0.reason == .boilerplate })
    }

    /// However a site names its video box (`inline-video`, `media-video`, `VideoTile`), its title,
    /// length and blurb are the video's, not the story's; a story told on a video's page stays.
    @Test(arguments: [
        #"<div class="inline-video"><span class="inline-video__duration">02:14</span><h3 class="inline-video__headline">Harbour officials brace for a slow spring</h3><p class="inline-video__dek">Crane operators say they need more time to clear the backlog of ships.</p></div>"#,
        #"<div class="media-video"><span class="media-video-play">Lecture</span><p class="media-video-title">VIDEO. Les grues du port restent à l'arrêt</p></div>"#,
        #"<div class="InlineElement InlineElement--video"><div class="VideoTile"><h4 class="VideoTile__Title">Families wait as the harbour stays shut</h4></div></div>"#,
        // "container" and "wrapper" protect a weak name, but a video's container is still the video's.
        #"<div class="video-container"><div class="video-container__header"><span class="video-container__tag">Video</span><p class="video-container__title">Así trabajan las grúas del puerto</p></div></div>"#,
    ])
    func aVideoBoxInTheStoryIsNotItsText(box: String) throws {
        let story = (1...4).map { "<p>Paragraph \($0) of the story about the harbour, with a comma, a full stop, and enough words to count as prose.</p>" }
        let document = try Self.read("<html><body><article>\(story[0])\(story[1])\(box)\(story[2])\(story[3])</article></body></html>")
        #expect(document.blocks.map(\.text) == story.map { String($0.dropFirst(3).dropLast(4)) })

        let videoPage = try Self.read("""
            <html><body><nav><a href="/">Home</a></nav><div class="video-page"><div class="video-player"></div>
            <div class="video-description">\(story.joined())</div></div></body></html>
            """)
        #expect(videoPage.blocks.map(\.text) == story.map { String($0.dropFirst(3).dropLast(4)) })
    }

    /// A box named for other articles beside the story under the headline keeps its name's verdict
    /// however much prose it holds: a longer story's opening paragraphs, then "Continue reading".
    @Test func aRelatedExcerptBesideAShortStoryIsNotItsText() throws {
        let story = (1...4).map { "<p>Paragraph \($0) of the short story about the harbour cranes, with a comma, and a stop.</p>" }
        let excerpt = (1...6).map {
            "<p>Excerpt paragraph \($0) of a longer article on the league standings and the tiebreakers, which could fill a whiteboard, as coaches insist.</p>"
        }
        let document = try Self.read("""
            <html><body><div class="col-a"><article><header><h1>Harbour cranes fall silent</h1></header>
            <div class="article-body">\(story.joined())</div></article>
            <section class="related-excerpt"><h2><a href="/league">Why the league race could come down to the final week</a></h2>
            <div>\(excerpt.joined())</div><a href="/league">Continue reading</a></section></div></body></html>
            """)
        #expect(document.blocks.map(\.text) == story.map { String($0.dropFirst(3).dropLast(4)) })
        #expect(document.removed.filter { $0.text.hasPrefix("Excerpt") }.allSatisfy { $0.reason == .unrelatedHeadline })
    }

    /// A region named for screen readers (`aria-label="Comments"`) is what its name says, though its
    /// class names are abbreviations (`gnt_cmt`); a label on the story's own container names no chrome.
    @Test func aRegionsAccessibleNameJudgesItAsAClassNameWould() throws {
        let story = (1...4).map { "<p>Paragraph \($0) of the story about the harbour, with a comma, a full stop, and enough words to count as prose.</p>" }
        let document = try Self.read("""
            <html><body><article aria-label="Article body">\(story.joined())
            <section class="gnt_cmt" aria-label="Comments"><h2 class="gnt_cmt_h">Conversation</h2>
            <p class="gnt_cmt_p">Share your thoughts. Comments are moderated and may take time to appear.</p></section>
            </article></body></html>
            """)
        #expect(document.blocks.map(\.text) == story.map { String($0.dropFirst(3).dropLast(4)) })
        #expect(document.removed.contains { $0.text == "Conversation" && $0.reason == .comments })
    }

    /// Austrian and German sites call readers' comments "Postings" in a "Forum" under the story.
    @Test func aForumOfReadersPostingsUnderTheStoryGoesAsComments() throws {
        let story = (1...4).map { "<p>Paragraph \($0) of the story about the harbour, with a comma, a full stop, and enough words to count as prose.</p>" }
        let postings = (1...3).map {
            "<li class=\"forum-posting\"><span class=\"posting-user\">reader\($0)</span><p class=\"posting-text\">Gut so, aber wer kontrolliert das eigentlich im Hafen?</p></li>"
        }
        let document = try Self.read("""
            <html><body><article>\(story.joined())
            <section class="forum-teaser"><h2>Forum</h2><p class="forum-count">312 Postings</p>
            <ol class="forum-postings">\(postings.joined())</ol></section></article></body></html>
            """)
        #expect(document.blocks.map(\.text).allSatisfy { $0.hasPrefix("Paragraph") })
        #expect(document.removed.contains { $0.text == "Gut so, aber wer kontrolliert das eigentlich im Hafen?" && $0.reason == .comments })
    }

    @Test func fallsBackWhenTheBestContainerHoldsTooLittle() throws {
        let document = try Self.read("<html><body><div><p>abc</p><p>def</p></div></body></html>")
        #expect(document.blocks.map(\.text) == ["abc", "def"])
    }

    @Test func detectsHTMLAndFeedsByContent() {
        #expect(FormatDetector.detect(Data("<!DOCTYPE html><html></html>".utf8), source: "page.txt") == .html)
        #expect(FormatDetector.detect(Data("\u{FEFF}  <html lang=en>".utf8), source: "page") == .html)
        #expect(FormatDetector.detect(Data("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">".utf8), source: "x") == .feed)
        #expect(FormatDetector.detect(Data("<feed xmlns=\"http://www.w3.org/2005/Atom\">".utf8), source: "x") == .feed)
        #expect(FormatDetector.detect(Data("Title\nDec 9, 2023\nBody text.".utf8), source: "a.txt") == .text)
        #expect(FormatDetector.reader(for: .text) is TextArticleReader)
        #expect(FormatDetector.reader(for: .pageText) is TextArticleReader)
    }

    @Test func aPageWithAFewBytesOfJunkBeforeItsDoctypeIsHTML() {
        // A byte-order mark that a tool turned into "?" or "ï»¿": browsers render the page all the same.
        #expect(FormatDetector.detect(Data("?\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">\n<html>".utf8), source: "a.html") == .html)
        #expect(FormatDetector.detect(Data("ï»¿<html><body><p>Text</p>".utf8), source: "page") == .html)
        // Text that merely mentions markup stays text.
        #expect(FormatDetector.detect(Data("? <html> is the root element of a page.".utf8), source: "a.txt") == .text)
        #expect(FormatDetector.detect(Data("Notes\n<html> is the root element.".utf8), source: "a.txt") == .text)
        #expect(FormatDetector.detect(Data("\"Quoted\" title\nDec 9, 2023\nBody text.".utf8), source: "a.txt") == .text)
    }

    @Test func classTokensJudgeChromeButProtectStoryContainers() {
        let rules = HTMLBoilerplateRules.shared
        #expect(rules.verdict(classValue: "social-share", idValue: nil, role: nil).removal == .share)
        #expect(rules.verdict(classValue: "relatedArticles", idValue: nil, role: nil).removal == .unrelatedHeadline)
        #expect(rules.verdict(classValue: nil, idValue: "comments", role: nil).removal == .comments)
        #expect(rules.verdict(classValue: "story-body-supplemental", idValue: nil, role: nil).removal == nil)
        #expect(rules.verdict(classValue: "post type-post tag-advertising category-comments", idValue: nil, role: nil).removal == nil)
        #expect(rules.verdict(classValue: nil, idValue: "sharing-with-a-single-developer", role: nil).removal == nil)
        #expect(rules.verdict(classValue: "entry-content", idValue: nil, role: nil).positive)
        #expect(rules.verdict(classValue: nil, idValue: nil, role: "navigation").removal == .navigation)
    }

    @Test func thePipelineHandsItsHTMLSettingsToTheReader() throws {
        let prose = String(repeating: "The harbour authority said the new cranes would double the port's capacity by spring. ", count: 4)
        let page = """
            <html><head><title>Cranes</title></head><body><article><h1>Cranes</h1>
            <p>\(prose)</p><figure><img src="crane.jpg"><figcaption>A crane at dawn in the outer basin.</figcaption></figure>
            <p>\(prose)</p></article></body></html>
            """
        var keepingCaptions = HTMLExtractionSettings.standard
        keepingCaptions.keepsCaptions = true
        let standard = try #require(try ArticlePipeline().articles(from: Data(page.utf8), source: "cranes.html").first)
        let tuned = try #require(try ArticlePipeline(html: keepingCaptions).articles(from: Data(page.utf8), source: "cranes.html").first)
        #expect(!standard.paragraphs.contains { $0.contains("crane at dawn") })
        #expect(standard.removed.contains { $0.text.contains("crane at dawn") && $0.reason == .caption })
        #expect(tuned.paragraphs.contains { $0.contains("crane at dawn") })
    }
}
