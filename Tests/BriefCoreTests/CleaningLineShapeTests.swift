// Cleaning: short lines and code lines that sit near promo blocks but belong to the story.
import Foundation
import Testing
@testable import BriefCore

@Suite struct CleaningLineShapeTests {
    let cleaner = ArticleCleaner()

    let body = [
        "Engineers at the Hollow Creek dam began releasing water on Monday after the reservoir rose to its highest level in forty years.",
        "The dam operator said the spillway gates would stay open until the reservoir level dropped below the flood line.",
        "Residents downstream in Millbrook were told to move vehicles away from the riverbank as the river rose overnight.",
        "The reservoir level is expected to fall by the weekend if the forecast rain holds off, the operator said.",
    ]

    func clean(_ lines: [String], title: String = "Hollow Creek dam opens spillway as reservoir hits record level") -> CleanedDocument {
        cleaner.clean(RawDocument(source: "t.txt", format: .text, title: title, blocks: lines.map { Block(kind: .paragraph, text: $0) }))
    }

    @Test func codeLinesAfterARelatedListAreNotHeadlines() {
        let code = ["EXPORT_SYMBOL", "int add (int x, int y) {", "return x + y;", "}"]
        let lines = [body[0], "Related stories", "Celebrity Chef Opens Third Restaurant in Lisbon",
                     "Ten Gadgets Worth Buying This Winter"] + code + [body[1], body[2], body[3]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == [body[0]] + code + [body[1], body[2], body[3]])
        #expect(cleaned.removed.map(\.reason) == [.promoMarker, .unrelatedHeadline, .unrelatedHeadline])
    }

    @Test func codeSignsAreMeasured() {
        let stopwords: StopwordSet = []
        #expect(LineFeatures("MAX_RETRY_COUNT", stopwords: stopwords).hasCodeSigns)
        #expect(LineFeatures("if (a == b) {", stopwords: stopwords).hasCodeSigns)
        #expect(!LineFeatures("Ministers Meet in Brussels Over Fishing Quotas", stopwords: stopwords).hasCodeSigns)
        // An underscore between parts of a page title is a separator, not an identifier.
        #expect(!LineFeatures("两会 _教育频道 _中国青年网", stopwords: stopwords).hasCodeSigns)
    }

    @Test func aHeadlineEndingInAnAbbreviationAfterAHyphenIsAHeadline() {
        // "U.S." closes the headline, not a sentence, though a hyphen joins it to the word before.
        let stopwords = ArticleCleaner().rules.stopwords
        #expect(LineFeatures("Catch Super Series games on NHL Network-U.S.", stopwords: stopwords)
            .isHeadlineShaped(CleaningSettings(), text: "Catch Super Series games on NHL Network-U.S."))
        let lines = [body[0], body[1], "Suggested reading", "Bomb blast kills twelve outside clothes factory",
                     "Catch Super Series games on NHL Network-U.S.", body[2], body[3]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.promoMarker, .unrelatedHeadline, .unrelatedHeadline])
    }

    @Test func aHeadlineWrittenAsASentenceAmongListedHeadlinesGoesWithThem() {
        let listed = ["Celebrity Chef Opens Third Restaurant in Lisbon", "Phone maker updates laptops, doubles battery life.",
                      "Ten Gadgets Worth Buying This Winter"]
        let cleaned = clean([body[0], body[1], "Most read"] + listed + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.promoMarker, .unrelatedHeadline, .unrelatedHeadline, .unrelatedHeadline])
    }

    @Test func aShortSentenceAfterAListIsTheStorys() {
        // After the list's last headline, a short sentence is the story resuming, however unrelated
        // its words; one that reads as prose ("It's as simple as that.") stays inside a list too.
        let listed = ["Celebrity Chef Opens Third Restaurant in Lisbon", "Ten Gadgets Worth Buying This Winter"]
        let resumed = ["Phone maker updates laptops, doubles battery life.", "It's as simple as that."]
        for line in resumed {
            let cleaned = clean([body[0], body[1], "Most read"] + listed + [line, body[2], body[3]])
            #expect(cleaned.paragraphs.map(\.text) == [body[0], body[1], line, body[2], body[3]], "\(line)")
        }
        let inside = clean([body[0], body[1], "Most read", listed[0], resumed[1], listed[1], body[2], body[3]])
        #expect(inside.paragraphs.map(\.text).contains(resumed[1]))
    }

    @Test func headlinesStampedWithADateAreHeadlinesNotNumberedItems() {
        // "15.01.08" opens a news list's entry with its date; "15." is no item number.
        let stamped = ["15.01.08 19:45  Two killed, ten wounded in blast north of Beirut",
                       "15.01.08 19:28  Official Baku tries to exchange citizens serving sentences abroad",
                       "15.01.08 19:24  Number of people infected with hepatitis falls"]
        let cleaned = clean([body[0], body[1], body[2], body[3]] + stamped)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.unrelatedHeadline, .unrelatedHeadline, .unrelatedHeadline])
    }

    @Test func markersOfOlderPagesAnnounceTheirLists() {
        // "Related to this story:" (BBC), "Today's Most Read": known markers, in words the tables now
        // hold. The stories they list share a word or two with this one, so only a marker tells.
        let related = ["Reservoir levels fall across the county  (31 Dec 07 | Weather )",
                       "Flood warnings lifted for the riverbank towns  (30 Dec 07 | Weather )"]
        for marker in ["Related to this story:", "Today's Most Read"] {
            let cleaned = clean([body[0], body[1], marker] + related + [body[2], body[3]])
            #expect(cleaned.paragraphs.map(\.text) == body, "\(marker)")
            #expect(cleaned.removed.map(\.reason) == [.promoMarker, .unrelatedHeadline, .unrelatedHeadline], "\(marker)")
        }
    }

    @Test func twoShortUnrelatedLinesWithoutAMarkerStay() {
        // A byline and a credit, or two entries of the story's own list: no marker, too short to be headlines.
        let lines = [body[0], "Herman Melville", "Prepared by Ann Woodlief", body[1], body[2], body[3]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.count == 6)
    }

    @Test func aRunWithShortLinesGoesWhenItIsLonger() {
        let lines = [body[0], body[1], "Cookie Test Page", "Kitten Rescue Update", "Celebrity Chef Opens Third Restaurant in Lisbon",
                     body[2], body[3]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.count == 3)
    }

    @Test func aSentenceClosedByAFootnoteIsNoHeadline() {
        // After a run of unrelated headlines, the story's next sentence ends in a footnote mark.
        let noted = "A spokeswoman said on Friday that a statement would follow at any time.[1]"
        let headlines = ["Celebrity chef opens new restaurant in Paris", "Ten best beaches to visit this summer",
                         "Why your cat ignores you, according to science"]
        let cleaned = clean([body[0], body[1], body[2]] + headlines + [noted, body[3]])
        #expect(cleaned.paragraphs.map(\.text) == [body[0], body[1], body[2], noted, body[3]])
        #expect(cleaned.removed.map(\.text) == headlines)
        let stopwords: StopwordSet = []
        for ending in [".[1]", ".[2][13]", ".²", "!¹"] {
            #expect(LineFeatures("It closed" + ending, stopwords: stopwords).endsSentence, "\(ending)")
        }
        for ending in ["[1]", " [a]", ".[1234]"] {
            #expect(!LineFeatures("It closed" + ending, stopwords: stopwords).endsSentence, "\(ending)")
        }
    }

    @Test func twoFullUnrelatedHeadlinesStillGo() {
        let lines = [body[0], body[1], "Celebrity Chef Opens Third Restaurant in Lisbon", "Ten Gadgets Worth Buying This Winter",
                     body[2], body[3]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == body)
    }

    @Test(arguments: [
        ("Ähnliche Beiträge", RemovalReason.promoMarker), ("Das könnte Sie auch interessieren", .promoMarker),
        ("Articles similaires", .promoMarker), ("Noticias relacionadas", .promoMarker), ("Czytaj także:", .promoMarker),
        ("Mirá también", .promoMarker), ("SEGUÍ LEYENDO:", .promoMarker), ("Läs mer:", .promoMarker),
        ("Approfondimenti", .promoMarker), ("Mer från Sthlm", .promoMarker), ("Contenido patrocinado", .advertisement),
        ("Sponsorisé", .advertisement), ("Annons", .advertisement), ("Comentarios (87)", .comments),
        ("Kommentare (12)", .comments), ("Newsletter de Infobae", .newsletter), ("Nyhetsbrev från DN Sthlm", .newsletter),
        ("Der Presse-Newsletter „Die Presse am Morgen“", .newsletter),
        ("Schreibe einen Kommentar", .comments), ("Über den Autor", .metadata), ("Alle Rechte vorbehalten", .footer),
        ("Zurück zur Übersicht", .navigation), ("Newsletter abonnieren", .newsletter), ("Artikel teilen", .share),
    ])
    func markersInOtherLanguagesAreKnown(line: String, reason: RemovalReason) {
        let cleaned = clean([body[0], body[1], line, body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [reason])
    }

    @Test(arguments: ["weiterlesen 10 Minuten", "Lire la suite 3 min", "Mehr lesen 3 Min. Lesezeit", "Continue reading 4 min read"])
    func aMarkerWithTheReadingTimeOfItsStoryIsAMarker(line: String) {
        let cleaned = clean([body[0], body[1], line, body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.promoMarker])
    }

    @Test func aReadingTimeAloneMakesNoMarker() {
        let rules = CleaningRules.builtIn
        #expect(rules.match("The trip took 10 minutes") == nil)
        #expect(rules.match("10 Minuten") == nil)
    }

    @Test func aListEntryAfterAPromoBlockThatEchoesTheEntriesBeforeItStays() {
        // The promo block sits inside the story's own list; the entries after it say nearly what the
        // ones before it say, though they share little with the story's prose.
        let before = ["The court's sentences were as follows:", "Carl Dunmore received six months of home detention"]
        let after = ["Eric Dunmore received three months of home detention"]
        let promo = ["Editor's Picks", "Celebrity Chef Opens Third Restaurant in Lisbon", "Ten Gadgets Worth Buying This Winter"]
        let cleaned = clean([body[0], body[1]] + before + promo + after + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == [body[0], body[1]] + before + after + [body[2], body[3]])
        #expect(cleaned.removed.map(\.reason) == [.promoMarker, .unrelatedHeadline, .unrelatedHeadline])
    }

    @Test func aPromoHeadlineSharingAFewWordsWithAnEntryBeforeTheMarkerGoes() {
        // Sharing three words but not most of its own, the headline is another article's.
        let before = ["The court's sentences were as follows:", "Carl Dunmore received six months of home detention"]
        let promo = ["Editor's Picks", "Ten Gadgets Worth Buying This Winter",
                     "Carl Dunmore received praise from fans after the Porto concert"]
        let cleaned = clean([body[0], body[1]] + before + promo + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == [body[0], body[1]] + before + [body[2], body[3]])
    }

    @Test func aHeadlinePromotedTwiceIsNoEcho() {
        // A lone headline stays above the story's third paragraph; promoted again after a marker,
        // it goes with that list.
        let repeated = "Ten Gadgets Worth Buying This Winter"
        let lines = [body[0], body[1], repeated, body[2], "Editor's Picks", "Celebrity Chef Opens Third Restaurant in Lisbon",
                     repeated, body[3]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == [body[0], body[1], repeated, body[2], body[3]])
    }

    @Test func anInterviewsQuestionAfterAPromoBlockStays() {
        // Questions on lines of their own, each answered by the paragraph after it: the last one
        // follows a promo block and shares no word with the story, yet it is the interview's.
        let interview = [
            "How did the workshop start?",
            "We began with three volunteers and a borrowed soldering iron in a church basement, and it grew from there.",
            "Who comes to the evenings?",
            "Mostly retired engineers and teenagers, which makes for a surprisingly good mix of patience and curiosity.",
            "What would you tell a newcomer?",
            "Bring a broken radio and an afternoon to spare, because nobody leaves without fixing at least one thing.",
        ]
        let last = ["What's your wildest dream of success?", "To run a repair evening in every town library across the county by next year."]
        let promo = ["Editor's Picks", "Celebrity Chef Opens Third Restaurant in Lisbon", "Ten Gadgets Worth Buying This Winter"]
        let cleaned = clean(interview + promo + last, title: "Volunteers keep old radios working at the repair workshop")
        #expect(cleaned.paragraphs.map(\.text) == interview + last)
        #expect(cleaned.removed.map(\.reason) == [.promoMarker, .unrelatedHeadline, .unrelatedHeadline])
    }

    @Test func theLastHeadlineOfAListMayBeAQuestion() {
        // One question before the story resumes makes no interview: it is the list's last headline.
        let promo = ["Editor's Picks", "Celebrity Chef Opens Third Restaurant in Lisbon", "Is This the Best Winter Coat Ever Made?"]
        let cleaned = clean([body[0], body[1]] + promo + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
    }

    @Test func twoQuestionsInSentenceCaseAreNoHeadline() {
        let stopwords = ArticleCleaner().rules.stopwords
        let settings = CleaningSettings()
        let deck = "Does your basement flood every spring? Are you tired of pumping it out by hand?"
        #expect(!LineFeatures(deck, stopwords: stopwords).isHeadlineShaped(settings, text: deck))
        // A prompt ending on a few words stays headline-shaped, for the list it may stand in.
        for headline in ["Dead Phone Battery? Just Burn Something!", "Is the dam safe? Engineers weigh in",
                         "Will the river rise again tonight?", "Ready for more amazing design ideas? Check below!"] {
            #expect(LineFeatures(headline, stopwords: stopwords).isHeadlineShaped(settings, text: headline), "\(headline)")
        }
        // A story may open with such a deck, sharing no word with what follows; under a short line
        // of the site's, it is no run of two unrelated headlines.
        let opening = "Is your green thumb twitching as the weather turns cool? Are you longing for a place to dig and plant?"
        let cleaned = clean(["Mary Boone writes about homes and gardens weekly", opening] + body)
        #expect(cleaned.paragraphs.map(\.text).contains(opening))
    }

    /// A page's reader that took out the links under "More on this topic" took out the list the
    /// marker announces: the story's subhead after them, then its prose, stays. With the links left
    /// in the page, or with short entries kept after the removed ones, the lines after the marker
    /// are the box's.
    @Test func aSubheadAfterALinkBoxTheReaderTookOutIsTheStorys() {
        let subhead = "Crew union promises resistance"
        let prose = "The crew's representatives said they would oppose any plan to sail with three hands instead of four."
        let links = (1...3).map { RemovedBlock(text: "Council approves harbour budget number \($0)", reason: .boilerplate, position: 4) }
        func cleaned(_ lines: [String], removed: [RemovedBlock]) -> CleanedDocument {
            cleaner.clean(RawDocument(source: "t.html", format: .html, title: "Hollow Creek dam opens spillway as reservoir hits record level",
                                      blocks: lines.map { Block(kind: .paragraph, text: $0, linkDensity: 0) }, removed: removed))
        }
        let lines = Array(body.prefix(3)) + ["More on this topic", subhead, prose, body[3]]
        let spent = cleaned(lines, removed: links)
        #expect(spent.paragraphs.map(\.text) == Array(body.prefix(3)) + [subhead, prose, body[3]])
        #expect(spent.removed.contains { $0.text == "More on this topic" && $0.reason == .promoMarker })
        #expect(!cleaned(lines, removed: []).paragraphs.map(\.text).contains(subhead))
        let entries = Array(body.prefix(3)) + ["More on this topic", "Harbour masters elect new chair", "Ferry fares frozen", prose]
        #expect(!cleaned(entries, removed: links).paragraphs.map(\.text).contains("Harbour masters elect new chair"))
    }

    @Test func whatFollowsARunOfReadersCommentsIsThePagesNotTheStorys() {
        // The reader took the comments out; the sidebar after them stood in the story's container.
        let sidebar = ["Find stories on the Hollow Creek blog about:", "Blogs we watch", "Spot a glitch on our site? Report a bug"]
        let comments = (1...5).map { RemovedBlock(text: "Reader \($0): great piece", reason: .comments, position: 4) }
        let document = RawDocument(source: "t.html", format: .html, title: "Hollow Creek dam opens spillway as reservoir hits record level",
                                   blocks: (body + sidebar).map { Block(kind: .paragraph, text: $0) }, removed: comments)
        let cleaned = cleaner.clean(document)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.filter { $0.reason == .footer }.map(\.text) == sidebar)
        // Fewer comments, or comments before much of a story, end nothing.
        let few = RawDocument(source: "t.html", format: .html, title: document.title, blocks: document.blocks,
                              removed: Array(comments.prefix(4)))
        #expect(cleaner.clean(few).paragraphs.count == body.count + sidebar.count)
        let early = RawDocument(source: "t.html", format: .html, title: document.title, blocks: document.blocks,
                                removed: comments.map { RemovedBlock(text: $0.text, reason: .comments, position: 1) })
        #expect(cleaner.clean(early).paragraphs.count == body.count + sidebar.count)
        // More text after the comments than before (answers under a question) is the page's own.
        let answers = [body[3] + " " + body[0], body[1] + " " + body[2], body[0] + " " + body[1]]
        let thread = RawDocument(source: "t.html", format: .html, title: document.title,
                                 blocks: (body + answers).map { Block(kind: .paragraph, text: $0) }, removed: comments)
        #expect(cleaner.clean(thread).paragraphs.map(\.text) == body + answers)
    }
}
