// The cleaning stage: certain markers, unrelated headline runs, lines that look like headlines but belong.
import Foundation
import Testing
@testable import BriefCore

@Suite struct CleaningTests {
    let cleaner = ArticleCleaner()

    let body = [
        "Engineers at the Hollow Creek dam began releasing water on Monday after the reservoir rose to its highest level in forty years.",
        "The dam operator said the spillway gates would stay open until the reservoir level dropped below the flood line.",
        "Residents downstream in Millbrook were told to move vehicles away from the riverbank as the river rose overnight.",
        "The reservoir level is expected to fall by the weekend if the forecast rain holds off, the operator said.",
    ]

    func clean(_ lines: [String], title: String = "Hollow Creek dam opens spillway as reservoir hits record level",
               format: ArticleFormat = .text) -> CleanedDocument {
        cleaner.clean(RawDocument(source: "t.txt", format: format, title: title, blocks: lines.map { Block(kind: .paragraph, text: $0) }))
    }

    @Test func anAffiliateDisclosureAndAnAgencysStandardsLineGo() {
        let disclosure = "We may earn a commission from links on this page."
        let standards = "Our Standards: The Thomson Reuters Trust Principles."
        let cleaned = clean([disclosure, body[0], body[1], body[2], body[3], standards])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.advertisement, .footer])
    }

    @Test func aWireStorysClosingCreditStays() {
        // The last line, short and in words the story does not use, credits its reporters: no prompt.
        let credit = "(Reporting by Susan Cornwell; Editing by Tim Dobbyn)"
        #expect(clean(body + [credit]).paragraphs.map(\.text) == body + [credit])
    }

    @Test func knownMarkerAndItsHeadlinesGo() {
        let lines = [body[0], "Read more", "Celebrity Chef Opens Third Restaurant in Lisbon", "Ten Gadgets Worth Buying This Winter",
                     body[1], body[2], body[3]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.promoMarker, .unrelatedHeadline, .unrelatedHeadline])
        #expect(cleaned.removed.map(\.position) == [1, 1, 1])
    }

    @Test func rowsOfShareButtonsAndReadingTimeGo() {
        let lines = ["Listen to this article · 4 min read", "Facebook  Twitter  Email  Print", body[0], body[1],
                     "🔗 Copy link   ✉ Email   Share on WeChat", body[2], body[3]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata, .share, .share])
    }

    @Test func aRowOfToolButtonsWithTextSizeGoes() {
        let cleaned = clean([body[0], body[1], "Email Print Text Size", body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.share])
    }

    @Test func pictureTextSizeToolAndCommentControlsGo() {
        let controls = ["View larger image", "Font size: Decrease Increase", "Printer friendly version", "Article tools",
                        "Bookmark this page", "Post your comment.", "Quote | Report this post"]
        let cleaned = clean([body[0], controls[0], controls[1], body[1], controls[2], controls[3], body[2], controls[4],
                             body[3], controls[5], controls[6]])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata, .share, .share, .share, .share, .comments, .comments])
    }

    @Test(arguments: [ArticleFormat.html, .text],
          ["© 2008 Example Media. All rights reserved. Reproduction without permission is prohibited.",
           "(Copyright 2008 by The Associated Press. All Rights Reserved.)"])
    func readersPostsAfterTheSitesCopyrightNoticeGo(format: ArticleFormat, notice: String) {
        let posts = ["Posted by: Brad, Glasgow on 11:16am Wed 9 Jan 08",
                     "The operator should have opened the gates a week earlier, when the rain began to fall.",
                     "Quote | Report this post",
                     "Nonsense. Nobody could have known how much rain would fall on the hills that week."]
        let cleaned = clean(body + [notice] + posts, format: format)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.footer, .metadata, .comments, .comments, .comments])
    }

    @Test func aNoticeBeforeTheStoryOrASentenceQuotingOneEndsNothing() {
        let quoting = "Nach dem Motto “some rights reserved” stehen die Lizenzen zwischen dem Copyright (all rights reserved) und der Public Domain."
        let lines = ["© 2024 Example News. All rights reserved.", body[0], body[1], quoting, body[2], body[3]]
        let kept = clean(lines, format: .html).paragraphs.map(\.text)
        #expect(kept == [body[0], body[1], body[2], body[3]])
    }

    @Test func aSentenceNamingSocialNetworksStays() {
        let line = "Officials shared the warning on Facebook and Twitter before the gates opened, the operator said."
        let cleaned = clean([body[0], line, body[1], body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text).contains(line))
    }

    @Test(arguments: [
        "The mayor said the operator's comments on the flood were unfortunate.",
        "The gauge after the first 20 minutes read three metres above normal.",
        "Engineers said they would share their thoughts on the repairs next week.",
        "Officials asked residents to watch video of the evacuation routes before Friday.",
    ])
    func aSentenceMentioningWhatAMarkerNamesStays(_ line: String) {
        let cleaned = clean([body[0], line, body[1], body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text).contains(line))
    }

    @Test(arguments: [
        ("12 Comments", RemovalReason.comments),
        ("There are no comments for this story yet.", .comments),
        ("This entry was posted in News. Bookmark the permalink.", .metadata),
        ("Never miss the latest news by signing up to our newsletter.", .newsletter),
        // A blog platform's trackback section (TypePad, Movable Type): other blogs' replies.
        ("TrackBack", .comments),
        ("TrackBack URL for this entry: http://www.typepad.com/services/trackback/6a00d83451b31569e2", .comments),
        ("Listed below are links to weblogs that reference Spillway opens:", .comments),
        // A video teaser: another story's headline and its player's label.
        ("Drought Empties Reservoir Upstream Watch Video", .navigation),
        ("Refer to a friend", .share),
        ("Click here to sign up", .newsletter),
        // A video player's and a caption's controls, a paywall's counter, an ad blocker notice.
        ("Media playback is unsupported on your device", .navigation),
        ("Your browser does not support the video tag.", .navigation),
        ("Please enable Javascript to watch this video", .navigation),
        ("Loading video...", .navigation),
        ("Please use Chrome browser for a more accessible video player", .navigation),
        ("Story Continued Below", .advertisement),
        ("Thanks for signing up!", .newsletter),
        // A Spanish and a German site's labels over related links, a paywall's and a standards line.
        ("Más información", .promoMarker),
        ("Mehr aus dem Ressort Inland", .promoMarker),
        ("Sie sind bereits Abonnent? Hier anmelden", .newsletter),
        ("Se adhiere a los criterios de The Trust Project", .footer),
        ("Hide caption", .navigation),
        ("Opens in new window", .navigation),
        ("Share full article", .share),
        ("You have 3 free articles remaining this month.", .newsletter),
        ("We've noticed you're using an ad blocker.", .advertisement),
        ("Recommended Video", .promoMarker),
        // Appeals for money and a paywall's offer; a science site's label over its related links.
        ("We rely on your support to make local news available to all", .newsletter),
        ("Please consider making a donation to support our reporting.", .boilerplate),
        ("Instant access to the full article PDF.", .newsletter),
        ("Advertising Disclosure", .advertisement),
        ("Explore further", .promoMarker),
        // A sign-up asked for in a second sentence; a feedback widget's question and its buttons.
        ("Want the best of our culture coverage? Sign up here.", .newsletter),
        ("Click here to get the latest headlines delivered daily", .newsletter),
        ("Was this article helpful? Yes No", .metadata),
        // WordPress's like button as a page copy keeps it.
        ("Like this:", .share),
        ("Like Loading...", .share),
        // A French site's "also read" with the article it names; a financial site's box of the
        // companies a story mentions, over their share prices.
        ("A lire aussi La BD prend le large", .promoMarker),
        ("In this article", .promoMarker),
        // The site's ways to reach the newsroom about the story.
        ("Found a mistake in this article? Report it to us.", .metadata),
        ("Contact the author:", .metadata),
        ("Reportar un error", .metadata),
        // Rows of article tools in other languages: listen, bookmark, print, share.
        ("Hören Merken Drucken Teilen", .share),
        ("Partager Imprimer", .share),
    ])
    func aMarkerInASentenceOrALabelGoes(_ line: String, _ reason: RemovalReason) {
        let cleaned = clean([body[0], line, body[1], body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.first { $0.text == line }?.reason == reason)
    }

    @Test func unmarkedRunOfUnrelatedHeadlinesGoes() {
        let lines = [body[0], body[1], "Celebrity Chef Opens Third Restaurant in Lisbon", "Ten Gadgets Worth Buying This Winter",
                     "Football Club Signs Striker on Record Deal", body[2], body[3]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.allSatisfy { $0.reason == .unrelatedHeadline && $0.position == 2 })
        #expect(cleaned.removed.count == 3)
    }

    /// A run of fuller headlines sharing a word each with the story goes as a whole, though it opens
    /// with an announcement no table knows.
    @Test func aWeaklyRelatedRunAfterItsOwnAnnouncementGoes() {
        let run = ["Top picks", "Rain delays cricket final again", "Level crossing upgrade delayed again",
                   "Rural broadband bill stalls as lawmakers split over maps"]
        let cleaned = clean([body[0], body[1]] + run + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.promoMarker, .unrelatedHeadline, .unrelatedHeadline, .unrelatedHeadline])
    }

    /// A headline opening in lowercase ("iPhone sales …", "la Métropole veut …") joins a run of
    /// unrelated headlines; lines opening in lowercase do not make a run between two names, where
    /// they are a paragraph broken around its links.
    @Test func aHeadlineOpeningInLowercaseJoinsTheRunAroundIt() {
        let run = ["la Métropole veut bannir les véhicules diesel du centre dès 2022", "Ten Gadgets Worth Buying This Winter",
                   "iPhone sales slow as shoppers wait for winter deals", "Football Club Signs Striker on Record Deal"]
        let cleaned = clean([body[0], body[1]] + run + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.text) == run)

        let broken = ["Chris Peterson", "and had overtures turned aside by the coaching staff of", "Mike Bellotti"]
        let kept = clean([body[0], body[1]] + broken + [body[2], body[3]])
        #expect(kept.paragraphs.map(\.text) == Array(body.prefix(2)) + broken + Array(body.dropFirst(2)))

        // A reader's signature with a web address is no headline, between two headlines or not.
        let signature = "http://www.millbrookwatch.blogspot.com Millbrook"
        let signed = clean([body[0], body[1], run[1], signature, run[3], body[2], body[3]])
        #expect(signed.paragraphs.map(\.text).contains(signature))
    }

    @Test func aRunOfHeadlinesSharingAWordEachWithTheStoryGoes() {
        let run = ["Bakery wins weekend prize", "Striker signs Monday contract", "Chef plans riverbank restaurant"]
        let cleaned = clean([body[0], body[1]] + run + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.unrelatedHeadline, .unrelatedHeadline, .unrelatedHeadline])
    }

    @Test func headlinesInTitleCaseThatEndWithAStopStillMakeARun() {
        let run = ["Dead Phone Battery? Just Burn Something.", "Celebrity Chef Opens Third Restaurant in Lisbon",
                   "They Were Laid Off From Their Game Company. Now They Want To Change The Way We Play."]
        let cleaned = clean([body[0], body[1]] + run + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.text) == run)
    }

    @Test func aSentenceEndingInsideItsQuotationIsNoHeadline() {
        let run = ["Celebrity Chef Opens Third Restaurant in Lisbon", "Ten Gadgets Worth Buying This Winter",
                   "Football Club Signs Striker on Record Deal"]
        let quoted = "Police said on Friday that the inquiry had found \"no trace of sabotage.\""
        let cleaned = clean([body[0], body[1]] + run + [quoted, body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == [body[0], body[1], quoted, body[2], body[3]])
        #expect(cleaned.removed.map(\.text) == run)
    }

    @Test func aKickerThatOpensLikeACreditStillMakesAHeadline() {
        let run = ["Celebrity Chef Opens Third Restaurant in Lisbon", "Photo Gallery: Behind the Scenes at Fashion Week",
                   "Football Club Signs Striker on Record Deal"]
        let credit = "Photo: Jane Doe/Reuters"
        let cleaned = clean([body[0], credit, body[1]] + run + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.text) == [credit] + run)
        #expect(cleaned.removed.first?.reason == .credit)
    }

    @Test func unknownMarkerBeforeARunIsFoundByItsPlace() {
        let lines = [body[0], "Elsewhere on our network today", "Celebrity Chef Opens Third Restaurant in Lisbon",
                     "Ten Gadgets Worth Buying This Winter", body[1], body[2], body[3]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.first?.reason == .promoMarker)
    }

    /// "Top picks" is in no table and sounds like nothing; its place tells: a short unrelated line over
    /// another article's headline and one written as a sentence. A short subhead over the story's own
    /// lines, and a fuller headline inside a run, open nothing.
    @Test func aBareMarkerOverTwoUnrelatedLinesGoesWithThem() {
        let promo = ["Top picks", "Celebrity Chef Opens Third Restaurant in Lisbon", "Apple updates Mac Pros, doubles performance."]
        let cleaned = clean([body[0]] + promo + [body[1], body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.promoMarker, .unrelatedHeadline, .unrelatedHeadline])

        let subhead = [body[0], "Gates open", body[1], "Millbrook Residents Move Vehicles", body[2], body[3]]
        #expect(clean(subhead).paragraphs.map(\.text) == subhead)

        let run = ["Celebrity Chef Opens Third Restaurant in Lisbon", "Sports Roundup", "Ten Gadgets Worth Buying This Winter",
                   "Football Club Signs Striker on Record Deal"]
        let inRun = clean([body[0], body[1]] + run + [body[2], body[3]])
        #expect(inRun.paragraphs.map(\.text) == body)
        #expect(inRun.removed.map(\.text) == run)
    }

    @Test func aMarkerThatAddressesTheReaderGoesWithItsRun() {
        let lines = [body[0], body[1], "Before you go", "Celebrity Chef Opens Third Restaurant in Lisbon",
                     "Ten Gadgets Worth Buying This Winter", "Football Club Signs Striker on Record Deal", body[2], body[3]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.promoMarker, .unrelatedHeadline, .unrelatedHeadline, .unrelatedHeadline])
    }

    /// A marker's list ends before a short subhead that shares a word with the paragraph it heads:
    /// the story resumes there. Another article's fuller headline sharing a word stays in the list.
    @Test func aSubheadRightAfterAMarkersListIsTheStoryResuming() {
        let promo = ["Read more", "Celebrity Chef Opens Third Restaurant in Lisbon", "Ten Gadgets Worth Buying This Winter"]
        let subhead = "Lessons from Millbrook"
        let resumed = clean([body[0], body[1]] + promo + [subhead, body[2], body[3]])
        #expect(resumed.paragraphs.map(\.text) == [body[0], body[1], subhead, body[2], body[3]])
        #expect(resumed.removed.map(\.text) == promo)

        let teaser = "Millbrook Bakery Wins Award"
        let listed = clean([body[0], body[1]] + promo + [teaser, body[2], body[3]])
        #expect(listed.paragraphs.map(\.text) == body)
    }

    /// A headline of two sentences ("… buy out the neighbors. Not everyone wants to sell.") is no
    /// headline by its shape; among other articles' headlines, with or without a marker, it is one.
    /// An author's pointer of two sentences stays, and two such lines alone are no run.
    @Test func aTwoSentenceHeadlineGoesWithTheRunAroundIt() {
        let kicker = "Along a quiet Vermont road, a town offers to buy out its orchards. Not every grower wants to sell."
        let headlines = ["Celebrity Chef Opens Third Restaurant in Lisbon", "Ten Gadgets Worth Buying This Winter"]
        let unmarked = clean([body[0], body[1]] + headlines + [kicker, body[2], body[3]])
        #expect(unmarked.paragraphs.map(\.text) == body)
        #expect(unmarked.removed.map(\.text) == headlines + [kicker])

        let marked = clean([body[0], "Before you go", kicker, headlines[0], body[1], body[2], body[3]])
        #expect(marked.paragraphs.map(\.text) == body)
        // Last in a marker's list, before the story resumes, it is the list's last entry.
        let closing = clean([body[0], "Before you go"] + headlines + [kicker, body[1], body[2], body[3]])
        #expect(closing.paragraphs.map(\.text) == body)

        let pointer = "Read Tanaka's post here. See also: Ole Larsen's series on Spring Orchards."
        let note = [body[0], body[1], body[2], body[3], pointer, "Posted by Federico Viticci | Read more at tightwind.net"]
        #expect(clean(note).paragraphs.map(\.text) == note)

        let twoKickers = [body[0], body[1], kicker, "A tiny museum in Oslo reopens its doors. Visitors are queuing again.", body[2], body[3]]
        #expect(clean(twoKickers).paragraphs.map(\.text) == twoKickers)
    }

    @Test func subheadsAndListItemsAboutTheStoryStay() {
        let lines = [body[0], "Spillway Gates Stay Open", body[1], "Millbrook Residents Move Vehicles", "Reservoir Level Forecast",
                     body[2], "- Move vehicles away from the riverbank", "- Check the reservoir level online", body[3],
                     "\u{201C}The Dam Is Safe\u{201D}"]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == lines)
        #expect(cleaned.removed.isEmpty)
    }

    @Test func unknownMarkerWithALowercaseHeadlineStillGoes() {
        let lines = [body[0], "Keep exploring", "standalone binaries for the web, explained", "Ten Gadgets Worth Buying This Winter",
                     body[1], body[2], body[3]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.promoMarker, .unrelatedHeadline, .unrelatedHeadline])
    }

    /// A page copied as text may break a sentence where a link stood: its rest, opening with a
    /// comma, is the story resuming after the list, not one more headline.
    @Test func theRestOfABrokenSentenceAfterAListStays() {
        let rest = ", which a neighbour called the loudest noise she had ever heard"
        let lines = [body[0], body[1], "Top headlines", "Ten Gadgets Worth Buying This Winter", ".NET Core 3.0 Ships With Desktop Support",
                     "Striker Signs Three-Year Deal With Porto", rest, body[2], body[3]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == Array(body.prefix(2)) + [rest] + Array(body.dropFirst(2)))
        #expect(cleaned.removed.map(\.reason) == [.promoMarker, .unrelatedHeadline, .unrelatedHeadline, .unrelatedHeadline])
    }

    /// A sentence ending in a colon leads into the story's own list; its entries stay however few of
    /// the story's words they use, with a promo block right after them or set inside the list.
    @Test func aListAfterALeadInSentenceStaysBesideAPromoBlock() {
        let leadIn = "The dam operator told Millbrook residents to take a few simple precautions:"
        let items = ["Keep sandbags ready at every ground-floor doorway", "Move cars and bicycles to higher streets overnight",
                     "Charge phones and torches before the evening news"]
        let promo = ["Don't miss out", "Ten Gadgets Worth Buying This Winter", "Striker Signs Three-Year Deal With Porto"]
        let cleaned = clean([body[0], body[1], leadIn] + items + promo + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == Array(body.prefix(2)) + [leadIn] + items + Array(body.dropFirst(2)))
        // Entries that open in lowercase go on after a promo block set inside the list.
        let lowercase = ["keep sandbags ready at every ground-floor doorway", "move cars and bicycles to higher streets overnight",
                         "charge phones and torches before the evening news"]
        let split = clean([body[0], body[1], leadIn, lowercase[0]] + promo + [lowercase[1], lowercase[2], body[2], body[3]])
        #expect(split.paragraphs.map(\.text) == Array(body.prefix(2)) + [leadIn] + lowercase + Array(body.dropFirst(2)))
        #expect(split.removed.map(\.reason) == [.promoMarker, .unrelatedHeadline, .unrelatedHeadline])
    }

    /// The lead-in and its list, set between the story's paragraphs, all stay.
    private func expectListKept(after leadIn: String, items: [String]) {
        let cleaned = clean([body[0], body[1], leadIn] + items + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == Array(body.prefix(2)) + [leadIn] + items + Array(body.dropFirst(2)))
    }

    /// A paragraph of two sentences ending in a colon leads into the story's list too ("… The city
    /// said that under the new rules, companies will have to:").
    @Test func aListAfterALeadInOfTwoSentencesStays() {
        expectListKept(after: "The river kept rising after dark. The dam operator told Millbrook residents they would have to:",
                       items: ["Keep sandbags ready at every ground-floor doorway", "Move cars and bicycles to higher streets overnight",
                               "Charge phones and torches before the evening news"])
    }

    /// A lead-in whose last sentence opens the list in so many words ("These include:") leads into
    /// it though it shares only two words with the story.
    @Test func aLeadInEndingTheseIncludeLeadsIntoTheStorysList() {
        expectListKept(after: "The operator urged residents to carry out the Ready Home checks twice a day. These include:",
                       items: ["Turning over pails and wiping their rims", "Loosening hardened soil in potted plants",
                               "Covering bamboo pole holders when not in use"])
    }

    /// Headlines set inside or after a lead-in's list without a marker still go when their shape
    /// breaks the list's: capitals after entries in lowercase, a headline's colon after entries
    /// without one, or after a short subhead that ends a list of sentences.
    @Test func headlinesThatBreakTheShapeOfALeadInsListGo() {
        let leadIn = "The dam operator told Millbrook residents to take a few simple precautions:"
        let headlines = ["Striker signs three-year deal with Porto after long talks", "Celebrity chef opens third restaurant in Lisbon"]
        let lowercase = ["keep sandbags ready at every ground-floor doorway;", "move cars and bicycles to higher streets overnight;"]
        let afterLowercase = clean([body[0], body[1], leadIn, lowercase[0]] + headlines + [lowercase[1], body[2], body[3]])
        #expect(afterLowercase.removed.map(\.text) == headlines)

        let sentences = ["Keep sandbags ready at every ground-floor doorway", "Move cars and bicycles to higher streets overnight"]
        let colonHeadlines = ["No fans, no games, no paychecks: minor league town counts its cost"] + headlines
        let afterColon = clean([body[0], body[1], leadIn, sentences[0]] + colonHeadlines + [sentences[1], body[2], body[3]])
        #expect(afterColon.removed.map(\.text) == colonHeadlines)

        let subhead = "Not just Millbrook"
        let unmarked = headlines + ["Gadget sales slow as shoppers wait for winter deals"]
        let afterSubhead = clean([body[0], body[1], leadIn] + sentences + [subhead] + unmarked + [body[2], body[3]])
        #expect(afterSubhead.paragraphs.map(\.text) == Array(body.prefix(2)) + [leadIn] + sentences + [subhead] + Array(body.dropFirst(2)))
    }

    /// A promo block may sit between a lead-in and its list, with a marker or without one: its
    /// headlines go, and the story's entries after them (sharing the story's words) stay.
    @Test func aPromoBlockBetweenALeadInAndItsListGoesAndTheListStays() {
        let leadIn = "Engineers told Millbrook residents downstream of the dam to take these precautions:"
        let headlines = ["Striker signs three-year deal with Porto after long talks", "Celebrity chef opens third restaurant in Lisbon",
                         "Gadget sales slow as shoppers wait for winter deals"]
        let entries = ["Move vehicles away from the riverbank before the gates open", "Keep sandbags ready at doors facing the river",
                       "Check the reservoir level on the operator's website each morning"]
        for marker in ["Highlights", nil] {
            let cleaned = clean([body[0], body[1], leadIn] + (marker.map { [$0] } ?? []) + headlines + entries + [body[2], body[3]])
            #expect(cleaned.removed.map(\.text) == (marker.map { [$0] } ?? []) + headlines, "\(marker ?? "no marker")")
            #expect(cleaned.paragraphs.map(\.text) == Array(body.prefix(2)) + [leadIn] + entries + Array(body.dropFirst(2)))
        }
    }

    /// A paragraph that ends with a colon after more than one sentence, or a site's line that shares
    /// nothing with the story, leads into no list: other articles' headlines after it still go.
    @Test func headlinesAfterAParagraphEndingInAColonStillGo() {
        let headlines = ["Ten Gadgets Worth Buying This Winter", "Striker Signs Three-Year Deal With Porto",
                         "Celebrity Chef Opens Third Restaurant In Lisbon"]
        for opening in ["The operator opened the gates on Monday. Its engineers then explained what comes next for the reservoir:",
                        "Posted on this day in other years:"] {
            let cleaned = clean([body[0], body[1], opening] + headlines + [body[2], body[3]])
            #expect(!cleaned.paragraphs.contains { headlines.contains($0.text) }, "\(opening)")
        }
    }

    /// "READ MORE: <headline>" promotes the one article it names; the short line after it is the
    /// story's subhead, not a second headline of a list.
    @Test func aMarkerNamingItsArticleAnnouncesNoList() {
        let promo = "READ MORE: Council votes to raise parking fees across the city centre"
        let subhead = "What happens next"
        let cleaned = clean([body[0], body[1], promo, subhead, body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == Array(body.prefix(2)) + [subhead] + Array(body.dropFirst(2)))
        #expect(cleaned.removed.map(\.reason) == [.promoMarker])
    }

    @Test func trailingPromptsInUnknownWordsGo() {
        let cleaned = clean(body + ["Spread the word", "Get Our Weekly Digest Free"])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.count == 2)
    }

    @Test func aClosingLineAboutTheStoryStays() {
        let lines = body + ["Hollow Creek Reservoir Level Updates"]
        #expect(clean(lines).paragraphs.map(\.text) == lines)
    }

    @Test func singleUnrelatedLineWithoutMarkerStays() {
        // One odd short line is more likely a caption or aside of the story than a promo block.
        let lines = [body[0], "Photo Courtesy of the County Archive", body[1], body[2], body[3]]
        #expect(clean(lines).paragraphs.count == 5)
    }

    @Test(arguments: [
        ("Advertisement", RemovalReason.advertisement), ("Story continues below advertisement", .advertisement),
        ("Subscribe to our newsletter", .newsletter), ("Sign up for our daily briefing", .newsletter),
        ("Share this story", .share), ("Follow us on Instagram", .share), ("Leave a comment", .comments),
        ("© 2024 Example Media. All rights reserved.", .footer), ("Skip to main content", .navigation),
        ("Trending now", .promoMarker), ("You may also like", .promoMarker), ("Most popular", .promoMarker),
        ("In other news", .promoMarker), ("Site highlights", .promoMarker),
    ])
    func certainMarkersKeepTheirReason(line: String, reason: RemovalReason) {
        let cleaned = clean([body[0], line, body[1]])
        #expect(cleaned.removed.map(\.reason) == [reason])
        #expect(cleaned.removed.first?.text == line)
    }

    @Test func removalHintsFromTheReaderAreTaken() {
        let blocks = [Block(kind: .paragraph, text: body[0]), Block(kind: .paragraph, text: "Share", removalHint: .share),
                      Block(kind: .paragraph, text: body[1])]
        let cleaned = cleaner.clean(RawDocument(source: "x.html", format: .html, title: "T", blocks: blocks))
        #expect(cleaned.removed == [RemovedBlock(text: "Share", reason: .share, position: 1)])
    }

    @Test func linkListsAreRemovedWhenTheFormatKnowsLinks() {
        let blocks = [Block(kind: .paragraph, text: body[0], linkDensity: 0),
                      Block(kind: .listItem, text: "World Politics Business Sport", linkDensity: 1),
                      Block(kind: .paragraph, text: body[1], linkDensity: 0.1)]
        let cleaned = cleaner.clean(RawDocument(source: "x.html", format: .html, title: "T", blocks: blocks))
        #expect(cleaned.paragraphs.count == 2)
        #expect(cleaned.removed.first?.reason == .navigation)
    }

    @Test func tooLittleLeftUndoesTheJudgementCalls() {
        // A page of nothing but short lines: better to show them all than an empty article.
        let lines = ["Celebrity Chef Opens Third Restaurant in Lisbon", "Ten Gadgets Worth Buying This Winter",
                     "Football Club Signs Striker on Record Deal"]
        #expect(clean(lines).paragraphs.count == 3)
    }

    @Test func pageDumpKeepsTheArticleAndDropsTheChrome() throws {
        var page = "Dam opens spillway | Example News\n\nHome\nWorld\nPolitics\nBusiness\nSport\nWeather\n\nSearch\nMenu\n\n"
        page += "Dam opens spillway\n\n"
        page += body.joined(separator: "\n\n") + "\n\n"
        page += "Share this story\nFacebook\nTwitter\n\nAbout us\nContact us\nCareers\n© 2024 Example News\n"
        let articles = try ArticlePipeline().articles(from: Data(page.utf8), source: "page.txt")
        let article = try #require(articles.first)
        #expect(article.format == .pageText)
        #expect(article.paragraphs == body)
        #expect(article.removed.contains { $0.text == "Politics" && $0.reason == .navigation })
        #expect(article.removed.contains { $0.text == "Share this story" && $0.reason == .share })
        #expect(article.removed.contains { $0.text == "© 2024 Example News" && $0.reason == .footer })
    }

    /// A gallery of other stories' pictures copied under the story: numbered slides ("1/4 …") over
    /// captions and credits, all of it gone. A gallery of the story's own pictures keeps its captions
    /// and loses its bare counters; a recipe's fractions are no slides.
    @Test func aPageDumpsGalleryOfOtherStoriesGoesAndItsOwnLosesItsCounters() throws {
        let slides = [("1/4 Striker signs record deal", "The club paid a record fee for the forward, who joins on a five-year contract."),
                      ("2/4 Bakery wins national prize", "A family bakery in the north took the top award for its sourdough loaf."),
                      ("3/4 Airline adds winter routes", "Three new routes to the south will run twice a week from December."),
                      ("4/4 Chef opens third restaurant", "The chef's new place in Lisbon seats forty and serves a tasting menu only.")]
        let gallery = ["Business news in pictures"] + slides.flatMap { [$0.0, $0.1, "Reuters"] }
        let article = try pageDumpArticle(body + gallery)
        #expect(article.paragraphs == body + ["Business news in pictures"])
        #expect(article.removed.contains { $0.text == "2/4 Bakery wins national prize" && $0.reason == .boilerplate })
        #expect(!article.paragraphs.contains(slides[3].1))

        let own = ["Water pours through the spillway gates at Hollow Creek on Monday.", "Engineers inspect the dam wall as the reservoir rises.",
                   "Residents in Millbrook move their cars away from the riverbank."]
        let ownGallery = own.enumerated().flatMap { ["\($0.offset + 1) of 3", $0.element] }
        let story = try pageDumpArticle(body + ownGallery)
        #expect(story.paragraphs == body + own)
        #expect(story.removed.filter { $0.text.hasSuffix(" of 3") }.map(\.reason) == [.navigation, .navigation, .navigation])

        // Three amounts in quarters are no three slides of four.
        let recipe = ["1/4 cup sugar", "1/4 cup milk, warmed", "3/4 cup flour", "1/2 teaspoon salt"]
        #expect(clean(body + recipe, format: .html).paragraphs.map(\.text) == body + recipe)
    }

    /// The article read from a page dump: a menu and the headline, `blocks` set off by blank lines, a footer.
    func pageDumpArticle(_ blocks: [String]) throws -> Article {
        let page = "Dam opens spillway | Example News\n\nHome\nWorld\nPolitics\n\nDam opens spillway\n\n"
            + blocks.joined(separator: "\n\n") + "\n\nAbout us\nContact us\n"
        return try #require(try ArticlePipeline().articles(from: Data(page.utf8), source: "page.txt").first)
    }

    /// Other stories' headlines, each with its one-line summary, as a news page lists them below a story.
    let teasers = [
        ("Council approves budget for new library wing",
         "Councillors voted seven to two on Tuesday to fund a glass reading room and a children's section, to open next autumn."),
        ("Striker signs three-year deal with city club",
         "The forward, who scored eighteen goals last season, joins on a free transfer after turning down offers from abroad."),
        ("Bakery chain to close two branches in January",
         "The owners blamed rising flour and energy prices and said staff would be offered jobs at their other shops."),
        ("Festival adds late-night film screenings",
         "Organisers said the extra showings sold out within hours, with the horror double bill the first to go."),
        ("School wins national robotics final",
         "A team of six pupils built a machine that sorted coloured bricks faster than any other entry in the contest."),
    ]

    /// A table in the story whose column is headed "Comment" copied with the page: the one word is
    /// a label, not the heading over readers' comments, and the story goes on after it.
    @Test func aTablesCommentColumnDoesNotEndAPageDumpsStory() throws {
        let table = ["Gate", "State", "Comment", "North", "open", "Opened at dawn", "South", "closed", "Opens on Friday"]
        let after = ["The operator said the north gate would stay open through the week while engineers inspected the south gate's seals.",
                     "Farmers downstream welcomed the release, saying their fields had gone without river water since the spring.",
                     "The town council said it would review the flood warnings sent to residents before the gates were opened."]
        let article = try pageDumpArticle(body + table + after)
        #expect(article.paragraphs.contains(after[2]))
        #expect(article.paragraphs.contains("Opened at dawn"))
        // The heading over readers' comments still ends it.
        let comments = try pageDumpArticle(body + ["Comments", "Great news for the town, finally some water in the river again after all these years."])
        #expect(comments.paragraphs == body)
    }

    /// A blog's related posts under their marker: each a headline, its summary cut short and its
    /// date. They share the story's words, being about the same things; the cut summaries say
    /// what they are.
    @Test func relatedPostsWithSummariesCutShortGoAfterTheirMarker() {
        let related = ["Dam operator warns of spillway repairs",
                       "The operator said on Friday that the spillway gates at Hollow Creek would need new seals before the winter, and that…",
                       "March 17, 2024",
                       "Reservoir level rises after a wet spring at Hollow Creek",
                       "Engineers at the dam said the reservoir had risen faster this spring than in any year since the dam opened in…",
                       "April 8, 2023"]
        let cleaned = clean(body + ["Related"] + related, format: .html)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.contains { $0.text == related[4] && $0.reason == .unrelatedHeadline })
        // In a text article a line that trails off is its author's.
        #expect(clean(body + ["Related"] + related, format: .text).paragraphs.map(\.text).contains(related[1]))
    }

    @Test func aPageDumpEndsAtTheMarkerBeforeTeasersOfOtherStories() throws {
        let article = try pageDumpArticle(body + ["More stories"] + teasers.map { "\($0.0)\n\($0.1)" })
        #expect(article.paragraphs == body)
        #expect(article.removed.contains { $0.text == teasers[2].1 && $0.reason == .footer })
    }

    /// An advertisement's slot inside the story parts nothing: the paragraphs under it are the
    /// story's, though they turn to new matters. A label over sponsored links still ends it.
    @Test func aPageDumpStoryGoesOnUnderAnAdvertisement() throws {
        let continuation = ["A local fishing club said its members had lost most of the summer season and asked for help with licence fees.",
                            "Its secretary, Mary Lowe, said anglers would come back in spring once the trout were restocked upstream."]
        let article = try pageDumpArticle(body + ["Advertisement"] + continuation)
        #expect(article.paragraphs == body + continuation)
        let sponsored = try pageDumpArticle(body + ["Sponsored Links"] + teasers.map { "\($0.0)\n\($0.1)" })
        #expect(sponsored.paragraphs == body)
    }

    @Test func aPageDumpEndsBeforeAListOfTeasersWithNoMarker() throws {
        // The list's heading names no promotion; the run of headlines, each with one line of summary, does.
        let article = try pageDumpArticle(body + ["Around the region"] + teasers.map { "\($0.0)\n\($0.1)" })
        #expect(article.paragraphs == body)
        #expect(article.removed.contains { $0.text == "Around the region" })
        #expect(article.removed.contains { $0.text == teasers[0].1 })
    }

    @Test func aPageDumpStoryOfSubheadsAndSingleParagraphsIsNoTeaserList() throws {
        // Each section a subhead and one paragraph, as teasers are: the story's own words keep it whole.
        let sections = [
            "Gates open", "The operator opened all four spillway gates at the Hollow Creek dam before dawn on Monday.",
            "River rises", "The river below the dam rose by a metre overnight as the spillway released water from the reservoir.",
            "Roads closed", "Police closed the river road in Millbrook after water from the dam reached the riverbank car park.",
        ]
        let article = try pageDumpArticle(Array(body.prefix(2)) + sections)
        #expect(article.paragraphs == Array(body.prefix(2)) + sections)
    }

    @Test func aShortStoryUnderItsHeadlineWinsOverLongerCommentsFurtherDown() throws {
        // The page's title holds the headline after the site's name and section; readers' posts in a
        // sidebar, under a heading no rule knows, outweigh the four paragraphs of the story.
        let posts = [
            "Desmond: I have said it before and I will say it again, the council never listens to anyone who lives on the east side of town and never will.",
            "W O, Turramurra: For the record I have never voted for this lot and I never will, whatever they promise us before the next election comes around.",
            "Hendo: Here is the proof of what I have just said about the state schools and the money that was promised to them and never arrived at all.",
            "Hendo: You are the one blaming the federal government for the nurses and the teachers, not me, and everyone with common sense can see it plainly.",
            "Jan, Millbrook: I am not questioning the promise that was broken on this one, only asking why nobody in charge will say so out loud for once.",
        ]
        var page = "Example News > Weather > Dam opens spillway on Hollow Creek\n\nHome\nWorld\nWeather\n\n"
        page += "Dam opens spillway on Hollow Creek\n\n" + body.joined(separator: "\n\n") + "\n\n"
        page += "Reader comments (5)\nPost a comment\n\nMost read\n" + teasers.map(\.0).joined(separator: "\n") + "\n\n"
        page += "Latest\nTraffic lights blamed for crash\nMarket closes higher\nRain expected on Friday\nNew bus timetable\n\n"
        page += "Your say\n\n" + posts.joined(separator: "\n\n") + "\n\nAbout us\nContact us\n"
        let article = try #require(try ArticlePipeline().articles(from: Data(page.utf8), source: "page.txt").first)
        #expect(article.paragraphs == body)
    }

    @Test func aPageDumpStoryStartsUnderItsHeadlineNotAtTheTeasersAboveIt() throws {
        var page = "Dam opens spillway | Example News\n\nHome\nWorld\nPolitics\n\nLatest from the region\n\n"
        page += teasers.prefix(2).map { "\($0.0)\n\($0.1)" }.joined(separator: "\n\n") + "\n\n"
        page += "Dam opens spillway\n\nBy Jane Doe\n\n" + body.joined(separator: "\n\n") + "\n\nAbout us\nContact us\n"
        let article = try #require(try ArticlePipeline().articles(from: Data(page.utf8), source: "page.txt").first)
        #expect(article.paragraphs == body)
    }

    @Test(arguments: [true, false])
    func aStoryUnderItsBylineWinsOverItsTeaserAtTheTopOfThePage(countsComments: Bool) throws {
        // The page opens with a list of stories, this one first with its summary; the story itself
        // stands below under its headline, byline and date. With a comment count under each teaser
        // the story is the heaviest stretch; without, teasers and story read as one.
        let count = countsComments ? "\n\n30 Comments. Click to view comments" : ""
        var page = "Dam opens spillway | Example News\n\nHome\nWorld\nPolitics\n\nDam opens spillway\n\n"
        page += body[0] + count + "\n\n" + teasers.map { "\($0.0)\n\n\($0.1)" + count }.joined(separator: "\n\n") + "\n\n"
        page += "Help\nPrivacy\nTerms\n\nDam opens spillway\n\nBy Jane Doe\nAssociated Press December 2, 2016\n11 Comments\n\n"
        page += body.joined(separator: "\n\n") + "\n\nAbout us\nContact us\n"
        let article = try #require(try ArticlePipeline().articles(from: Data(page.utf8), source: "page.txt").first)
        #expect(article.paragraphs == body, "\(article.paragraphs)")
    }

    @Test func aListOfStoriesNamingThisOneDoesNotMoveItsStart() throws {
        // Under the story, the site's coverage of the flood names it again among earlier reports.
        let coverage = [
            "Engineers at the Hollow Creek dam began releasing water on Monday as the reservoir rose to a record level.",
            "Hollow Creek reservoir rose again on Sunday night, and the dam operator warned residents in Millbrook of a release.",
            "Residents of Millbrook filled sandbags along the riverbank as the reservoir behind the Hollow Creek dam kept rising.",
            "The dam operator said on Saturday that the reservoir level was the highest it had recorded in forty years.",
        ]
        var page = "Dam opens spillway | Example News\n\nHome\nWorld\nPolitics\n\nDam opens spillway\n\n"
        page += body.joined(separator: "\n\n") + "\n\nOur coverage\n\nDam opens spillway\n" + coverage.joined(separator: "\n")
        page += "\n\nAbout us\nContact us\n"
        let article = try #require(try ArticlePipeline().articles(from: Data(page.utf8), source: "page.txt").first)
        #expect(Array(article.paragraphs.prefix(body.count)) == body)
    }

    @Test func aPageDumpStorySplitByAMarkerGoesOnAfterIt() throws {
        let article = try pageDumpArticle(Array(body.prefix(2)) + ["More stories"] + body.dropFirst(2))
        #expect(article.paragraphs == body)
    }

    @Test func aPageDumpStoryGoesOnPastAParagraphOnNewMatters() throws {
        // Between two advertisements, one paragraph turns to something the story has not named yet.
        let aside = "Volunteers from the rowing club handed out sandbags and hot soup to families on Mill Lane all afternoon."
        let article = try pageDumpArticle(Array(body.prefix(2)) + ["Advertisement", aside, "Advertisement"] + body.dropFirst(2))
        #expect(article.paragraphs == Array(body.prefix(2)) + [aside] + Array(body.dropFirst(2)))
    }

    /// Long paragraphs after a newsletter box bring many words the story has not used yet; the
    /// words they share with it, not their share of their own, make them the story's.
    @Test func aPageDumpStoryGoesOnPastANewsletterBoxWithLongParagraphs() throws {
        let opening = body + [
            "Engineers said the concrete of the dam wall had been checked twice since the spring and showed no sign of strain.",
            "The operator said the release would be raised slowly so that the river below the dam did not rise too quickly.",
        ]
        let later = [
            "Hollow Creek's engineers first opened the spillway gates in 1983, when melting snow and a wet spring pushed the reservoir level past the flood line; farmers remember orchards, barns, fences, pastures and roads under brown water for weeks, insurance claims that took years, and a county commission that ordered sturdier levees, deeper culverts, pumping stations and sirens for every village along the valley.",
            "Downstream, Millbrook's residents learned from that flood: the river now has marked evacuation routes, volunteer wardens, a warning app, sandbag depots beside the church, the school and the library, plus a rule that vehicles parked near the riverbank overnight get towed, which shopkeepers, teachers, nurses and bakers grumble about every winter yet accept.",
        ]
        let article = try pageDumpArticle(opening + ["Sign up for our newsletter", "Subscribe"] + later)
        #expect(article.paragraphs == opening + later)
    }

    /// A box of related links in the story's middle, then the rest of the story on new matters,
    /// then other stories' teasers: the rest is heavy and shares the story's words on its own, so
    /// the teasers after it do not end the story at the box.
    @Test func aPageDumpStoryGoesOnPastARelatedBoxWhenTeasersFollowIt() throws {
        let box = ["Related", "Hollow Creek anglers fear for the trout season", "Why the old spillway gates were replaced in 2009",
                   "Map: the villages along the valley at risk"]
        let later = [
            "Farmers along the lower valley said the flood of 1983 still shaped how they plant, keeping orchards on higher ground and barns raised on stone footings.",
            "Insurers have sent assessors to Millbrook, where shop owners on the riverbank moved stock upstairs as the river rose overnight and the water reached the doors.",
            "The county plans a meeting at the town hall next week to hear from families who want compensation, new levees and a faster warning system for the valley.",
        ]
        let sections = ["Weather\nTraffic\nObituaries\nJobs"]
        let article = try pageDumpArticle(body + box + later + ["More stories"] + teasers.map { "\($0.0)\n\($0.1)" } + sections)
        #expect(article.format == .pageText)
        #expect(article.paragraphs == body + later)
        #expect(article.removed.contains { $0.text == teasers[0].1 })
    }

    /// In a page read for its story a picture's caption ending with its credit goes, as in an HTML
    /// page; a text article's author wrote the line into it, and there it stays.
    @Test func aPageDumpsCaptionWithItsCreditGoesAsACaption() throws {
        let caption = "Water pours through the open spillway gates at Hollow Creek on Monday. Picture: Jane Doe/AFP"
        let article = try pageDumpArticle(Array(body.prefix(2)) + [caption] + body.dropFirst(2))
        #expect(article.paragraphs == body)
        #expect(article.removed.contains { $0.text == caption && $0.reason == .caption })
        let text = clean(Array(body.prefix(2)) + [caption] + body.dropFirst(2))
        #expect(text.paragraphs.map(\.text).contains(caption))
    }

    /// A page prints its deck between the headline and the byline, the story under them: in a
    /// page dump that line is the summary. A story's first paragraph with no byline under it, a
    /// wire dateline's, and a row of links set apart are no deck.
    @Test func aPageDumpsDeckAboveTheBylineIsTheSummary() throws {
        let deck = "The operator expects the river to stay high for days as the reservoir drains after a record wet spring."
        let article = try pageDumpArticle([deck, "By Jane Doe", "March 5, 2024"] + body)
        #expect(article.summary == deck)
        #expect(article.paragraphs == body)
        #expect(!article.removed.contains { $0.text == deck })

        let dateline = "HOLLOW CREEK, March 5 (AP) — Engineers opened the spillway gates of the dam on Monday as the reservoir rose."
        let wire = try pageDumpArticle([dateline, "By Jane Doe", "March 5, 2024"] + body)
        #expect(wire.summary == nil)
        #expect(wire.paragraphs.first == dateline)
        let links = "« Council approves library budget for the new wing | Main | Striker signs three-year deal with city club »"
        #expect(try pageDumpArticle([links, "By Jane Doe", "March 5, 2024"] + body).summary == nil)
        #expect(try pageDumpArticle(body).summary == nil)
    }

    @Test func aStorysDateLineCreditAndAgencyKeepItsOpeningInAPageDump() throws {
        var page = "Dam opens spillway | Example News\n\nHome\nWorld\nPolitics\nBusiness\nSport\nWeather\n\n"
        page += "Dam opens spillway\n\n" + body[0] + "\n\n"
        page += "Photo: Jane Doe/Reuters\nPublished 10:32 AM · Updated 2 hours ago\nThe Associated Press\n\n"
        page += body.dropFirst().joined(separator: "\n\n") + "\n\nAbout us\nContact us\n"
        let article = try #require(try ArticlePipeline().articles(from: Data(page.utf8), source: "page.txt").first)
        #expect(article.paragraphs == body)
        #expect(article.agency == "The Associated Press")
    }

    @Test func cleaningDataLoads() {
        #expect(CleaningRules.builtIn.stopwords.contains("the"))
        #expect(CleaningRules.builtIn.match("RELATED STORIES")?.reason == .promoMarker)
        #expect(CleaningRules.builtIn.match("Related coverage of the reservoir and the dam operator's plans for the spring flood season this year") == nil)
    }
}
