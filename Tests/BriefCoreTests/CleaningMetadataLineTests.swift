// Date lines and picture credits among the paragraphs: removed with their reasons, in every format.
import Foundation
import Testing
@testable import BriefCore

@Suite struct CleaningMetadataLineTests {
    let cleaner = ArticleCleaner()

    let body = [
        "Engineers at the Hollow Creek dam began releasing water on Monday after the reservoir rose to its highest level in forty years.",
        "The dam operator said the spillway gates would stay open until the reservoir level dropped below the flood line.",
        "Residents downstream in Millbrook were told to move vehicles away from the riverbank as the river rose overnight.",
    ]

    func clean(_ lines: [String], format: ArticleFormat) -> CleanedDocument {
        cleaner.clean(RawDocument(source: "t", format: format, title: "Hollow Creek dam opens spillway",
                                  blocks: lines.map { Block(kind: .paragraph, text: $0) }))
    }

    @Test(arguments: [ArticleFormat.text, .html, .pageText, .feed])
    func labelledDateLinesGoAsMetadataAndGiveTheDate(format: ArticleFormat) {
        let lines = ["Published Tuesday, March 5, 2024 10:32 AM EST · Updated 2 hours ago", body[0],
                     "New Delhi, PTI | Updated : 12 Mar 2024, 10:45 AM", body[1], body[2]]
        let cleaned = clean(lines, format: format)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata, .metadata])
        #expect(cleaned.date == ArticleDate(year: 2024, month: 3, day: 5))
        #expect(cleaned.agency == "PTI")
    }

    /// A date the parser cannot read (a two-digit year) under a label still goes when the line states
    /// a time, written "15h22" as French and Portuguese sites do; labels come in the languages of
    /// the Low Countries and Scandinavia too. A model's name is no time.
    @Test(arguments: ["Publié le 14/05/19 à 15h22 — Mis à jour le 14/05/19 à 17h51", "Atualizado: 18.set.2019 às 12h31",
                      "Gepubliceerd: 27 november 2019 14:32 Bijgewerkt: 27 november 2019 16:05",
                      "Publicerad 3 mars 2020 kl 08.14 · Uppdaterad 3 mars 2020"])
    func aLabelledDateLineWithATimeGoes(line: String) {
        let cleaned = clean([line, body[0], body[1], body[2]], format: .html)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata])
        let model = "Updated A4h20 firmware"
        #expect(clean([model] + body, format: .html).paragraphs.map(\.text) == [model] + body)
    }

    /// A wire editor's note on what a new version changed goes; a parenthesis of the story's, or a
    /// verb and a name, stays.
    @Test func aWireEditorsNoteGoesAsMetadata() {
        let notes = ["(Updates with share trading in third paragraph)", "(Corrects spelling of operator's name in paragraph 2)"]
        let cleaned = clean([notes[0], body[0], body[1], notes[1], body[2]], format: .feed)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata, .metadata])
        let kept = [body[0], "(Adds Jones)", body[1], "(The dam was built in 1952.)", body[2]]
        #expect(clean(kept, format: .feed).paragraphs.map(\.text) == kept)
    }

    @Test func aDateLinesBylineMayNameItsHelpers() {
        // The byline segment is longer than a place or an agency; it opens with "Par", "By".
        let lines = ["Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin Untersinger (avec Damien Leloup et Morgane Tual)",
                     body[0], "Published March 5, 2024 | By Jane Doe and John Roe with additional reporting", body[1], body[2]]
        let cleaned = clean(lines, format: .html)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata, .metadata])
        // Another long segment is a sentence of the story's.
        let sentence = "Updated March 5, 2024 | The dam's operator said the gates would stay open all week"
        #expect(clean([sentence] + body, format: .html).paragraphs.map(\.text) == [sentence] + body)
    }

    /// The writer's name or the place of filing before the date line, on the same line.
    @Test(arguments: [("Tariq Habib Khan Published June 18, 2019 Updated about 2 hours ago", ArticleDate(year: 2019, month: 6, day: 18)),
                      ("Ashley Goh 07 Jul 2020 06:41PM (Updated: 07 Jul 2020 08:15PM)", ArticleDate(year: 2020, month: 7, day: 7)),
                      ("CHENNAI, JULY 08, 2019 00:32 IST Updated: July 08, 2019 00:32 IST", ArticleDate(year: 2019, month: 7, day: 8)),
                      ("Par Pierre-Antoine Gressier Publié le 18/02/2020 à 17:24, mis à jour le 18/02/2020 à 19:03",
                       ArticleDate(year: 2020, month: 2, day: 18))])
    func aDateLineUnderANameOrPlaceGoesAndGivesTheDate(line: String, date: ArticleDate) {
        let cleaned = clean([line, body[0], body[1], body[2]], format: .html)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata])
        #expect(cleaned.date == date)
    }

    /// A date and then a labelled update with nothing between, as a page's layout alone set them
    /// apart: the line goes, and the date without a label is the one published.
    @Test(arguments: [("14/05/2020 06:00 Actualizado a 14/05/2020 09:12", ArticleDate(year: 2020, month: 5, day: 14)),
                      ("05.03.2020, 07:00 Uhr Aktualisiert 06.03.2020, 09:12 Uhr", ArticleDate(year: 2020, month: 3, day: 5)),
                      ("Dec. 6, 2024, 10:00 PM UTC Updated Dec. 7, 2024, 12:43 PM UTC", ArticleDate(year: 2024, month: 12, day: 6)),
                      ("March 5, 2020 Updated 2 hours ago", ArticleDate(year: 2020, month: 3, day: 5))])
    func aDateThenALabelledUpdateGoesAndGivesThePublishedDate(line: String, date: ArticleDate) {
        let cleaned = clean([body[0], line, body[1], body[2]], format: .html)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata])
        #expect(cleaned.date == date)
        // A labelled date line that names its writer after a second label is one segment.
        let posted = "Posted on: 07-16-2012 Posted by: Bob Walsh"
        #expect(clean([body[0], posted, body[1]], format: .html).removed.map(\.text) == [posted])
    }

    /// A sentence naming someone and then a label's word written small is the story's, and so is a
    /// line the date parser reads whole: its month is no name.
    @Test func aSentenceWithALabelsWordAfterANameStays() {
        let lines = ["Curry posted a $600 bond and was released from jail at 4:00 a.m. on Sunday.",
                     "I stand by my May 31st 2008 comment.", "Nachtrag 22.04.2020 10:30 Uhr:"]
        let cleaned = clean([body[0]] + lines + [body[1], body[2]], format: .html)
        #expect(cleaned.paragraphs.map(\.text) == [body[0]] + lines + [body[1], body[2]])
        let dated = clean(["April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm", body[0], body[1]], format: .html)
        #expect(dated.date == ArticleDate(year: 2019, month: 4, day: 28))
    }

    @Test func aDateLineNamesAnAgencyOnlyAfterAPlaceAndItsComma() {
        #expect(clean(["New Delhi | Updated : 12 Mar 2024, 10:45 AM", body[0], body[1]], format: .html).agency == nil)
        #expect(clean(["Mumbai, Press Trust of India | Updated : 12 Mar 2024", body[0], body[1]], format: .html).agency
            == "Press Trust of India")
        #expect(clean(["Published Tuesday, March 5, 2024 · Updated 2 hours ago", body[0], body[1]], format: .html).agency == nil)
    }

    @Test(arguments: [("The Associated Press", "The Associated Press"), ("- Reuters", "Reuters"),
                      ("By Agence France-Presse", "Agence France-Presse"), ("Source: dpa", "dpa"),
                      ("Article from: Agence France-Presse", "Agence France-Presse")])
    func aLineNamingOnlyTheAgencyGoesAndNamesIt(line: String, agency: String) {
        let cleaned = clean([body[0], body[1], line, body[2]], format: .html)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata])
        #expect(cleaned.agency == agency)
    }

    @Test(arguments: [("Associated Press - January 11, 2008 4:13 PM ET", "Associated Press", ArticleDate(year: 2008, month: 1, day: 11)),
                      ("Staff and agencies 30 December, 2007", "Staff and agencies", ArticleDate(year: 2007, month: 12, day: 30)),
                      ("Press Association Friday January 18, 2008 6:08 PM", "Press Association", ArticleDate(year: 2008, month: 1, day: 18))])
    func anAgencyAndTheDateItFiledGoAndGiveBoth(line: String, agency: String, date: ArticleDate) {
        let cleaned = clean([line, body[0], body[1], body[2]], format: .html)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata])
        #expect(cleaned.agency == agency)
        #expect(cleaned.date == date)
    }

    @Test(arguments: ["Reuters reported on January 5, 2008", "AP January 5 2008 marked a turning point for the dam",
                      "Associated Press photographers, January 2008"])
    func anAgencyFollowedByMoreThanADateStays(line: String) {
        let cleaned = clean([body[0], line, body[1], body[2]], format: .html)
        #expect(cleaned.paragraphs.map(\.text).contains(line))
    }

    @Test(arguments: ["Associated Press coverage", "Reuters reported the figures on Monday.", "Associated Press photographers"])
    func aLineSayingMoreThanTheAgencyStays(line: String) {
        let cleaned = clean([body[0], line, body[1], body[2]], format: .html)
        #expect(cleaned.paragraphs.map(\.text).contains(line))
        #expect(cleaned.agency == nil)
    }

    @Test(arguments: ["Tags: Sri Lanka", "Filed Under: Politics, World", "tags: timberlake • appearing • super • bowl",
                      "Tagged jobs, stack overflow", "Posted in News", "Themen:", "Mots-clés : Genève, ONU"])
    func theSitesTagsAndCategoriesGoAsMetadata(line: String) {
        for format in [ArticleFormat.text, .html, .pageText] {
            let cleaned = clean([body[0], body[1], body[2], line], format: format)
            #expect(cleaned.paragraphs.map(\.text) == body, "\(format)")
            #expect(cleaned.removed.map(\.reason) == [.metadata], "\(format)")
        }
    }

    @Test(arguments: ["Topics: the meeting covered the dam, the spillway and the roads.", "Tagged as a traitor by the press",
                      "Category: Is this the wettest spring yet?", "Posted in Millbrook for three years, she knows the river"])
    func aSentenceOpeningWithATaxonomyLabelStays(line: String) {
        let cleaned = clean([body[0], line, body[1], body[2]], format: .text)
        #expect(cleaned.paragraphs.map(\.text).contains(line))
    }

    /// A jury's prizes, each with its category: a listing's field, not the site's taxonomy.
    @Test func aLabelOpeningLineAfterLineIsAListingsFieldAndStays() {
        let listing = ["Kategorie: Kinderbuch", "Kategorie: Beste Fernsehshow", "Kategorie: Bestes Kinderspiel"]
        let cleaned = clean([body[0], listing[0], body[1], listing[1], body[2], listing[2]], format: .html)
        #expect(cleaned.paragraphs.map(\.text) == [body[0], listing[0], body[1], listing[1], body[2], listing[2]])
    }

    /// A page's date line under a label of its own ("Article Launched:") goes and gives the date.
    @Test(arguments: [ArticleFormat.html, .pageText])
    func aDateLineUnderASitesOwnLabelGoes(format: ArticleFormat) {
        let cleaned = clean(["Article Launched: 03/05/2024 09:37:25 PM PST", body[0], body[1], body[2]], format: format)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata])
        #expect(cleaned.date == ArticleDate(year: 2024, month: 3, day: 5))
    }

    /// Events each with their date under one label: a listing's field, the story's, and no date of the article.
    @Test func datesUnderOneLabelLineAfterLineAreAListingAndStay() {
        let listing = ["Termin: 08.05.2024, 19 Uhr", "Termin: 27.03.2024, 18:30 Uhr", "Termin: 21.02.2024, 19 Uhr"]
        let lines = [body[0], listing[0], body[1], listing[1], body[2], listing[2]]
        let cleaned = clean(lines, format: .html)
        #expect(cleaned.paragraphs.map(\.text) == lines)
        #expect(cleaned.date == nil)
    }

    /// Readers' posts each under a header of the same label: comments, and none of them the byline.
    @Test(arguments: [ArticleFormat.html, .pageText])
    func headersOfPostsUnderOneLabelAreComments(format: ArticleFormat) {
        let headers = ["Posted by: jim | March 5, 2024 07:20 PM", "Posted by: Lucky Lakeshore | March 5, 2024 07:24 PM",
                       "Posted by: thecrisis | March 6, 2024 08:12 AM"]
        let cleaned = clean(body + headers, format: format)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.comments, .comments, .comments])
        #expect(cleaned.byline == nil)
    }

    @Test func bylinesLineAfterLineGiveTheStoryNoByline() {
        let teasers = ["By Jane Doe, March 5, 2024", "By John Roe, March 4, 2024", "By Ann Poe, March 3, 2024"]
        let cleaned = clean(body + teasers, format: .html)
        #expect(cleaned.byline == nil)
        #expect(clean([teasers[0]] + body, format: .html).byline == "Jane Doe")
    }

    @Test(arguments: [("GENEVA, March 12 (Reuters) - ", "Reuters"), ("KIEV, Ukraine (AP) — ", "AP"),
                      ("Berlin (dpa) - ", "dpa"), ("RAMALLAH, West Bank, Dec. 5 (AP) — ", "AP"),
                      ("MOSCOW (AP)\u{A0}— ", "AP")])
    func aWireDatelineOpeningTheStoryNamesItsAgencyAndStays(dateline: String, agency: String) {
        let lines = [dateline + body[0], body[1], body[2]]
        let cleaned = clean(lines, format: .text)
        #expect(cleaned.agency == agency)
        #expect(cleaned.paragraphs.map(\.text) == lines)
    }

    @Test(arguments: [
        "The operator (which runs three dams) - and the council - disagreed about the gates.",
        "\"We will open them (eventually) - no doubt,\" the operator said.",
        "In 2024 (the wettest year on record) - the reservoir rose twice.",
        "Engineers opened the gates on Monday after the reservoir rose (by two metres) - a record.",
        "(Leipzig) - the place alone in the parenthesis.",
    ])
    func parenthesesInAnOpeningSentenceNameNoAgency(opening: String) {
        #expect(clean([opening, body[1], body[2]], format: .text).agency == nil)
    }

    @Test(arguments: ["By Jane Doe, August 14, 2020 2:30 pm", "By Jane Doe | 14/08/2020", "By Jane Doe - August 14, 2020",
                      "By Jane Doe on August 14, 2020"])
    func aDateAfterTheNameInAPageBylineIsTheDate(line: String) {
        let cleaned = clean([line, body[0], body[1], body[2]], format: .html)
        #expect(cleaned.byline == "Jane Doe")
        #expect(cleaned.date == ArticleDate(year: 2020, month: 8, day: 14))
    }

    /// The names end where the date, a place, a label or a handle starts, however many words follow.
    @Test(arguments: [("By Jane Doe • Aug 14, 2020 • New York City", "Jane Doe"),
                      ("By Jane Doe August 14, 2020 11:00 PM PST", "Jane Doe"),
                      ("by Jane Doe Published Aug. 14, 2020 12:20 pm Updated Aug. 14, 2020 12:50 pm", "Jane Doe"),
                      ("By Jane Doe posted on August 14, 2020 6:00 pm", "Jane Doe"),
                      ("By Jane Doe and John Roe Friday, August 14th 2020, 11:33 GMT", "Jane Doe and John Roe"),
                      ("By Jane Doe @janedoe August 14, 2020", "Jane Doe"),
                      ("BY DAMWATCHER77 AT 08/14/2020 05:58 PM", "DAMWATCHER77")])
    func aBylinesNamesEndWhereItsDateStarts(line: String, name: String) {
        let cleaned = clean([line, body[0], body[1], body[2]], format: .html)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.byline == name)
        #expect(cleaned.date == ArticleDate(year: 2020, month: 8, day: 14))
    }

    @Test(arguments: [("Written by Jane Doe", "Jane Doe"), ("Written By: Jane Doe", "Jane Doe"), ("Words by Jane Doe", "Jane Doe"),
                      ("Story by Jane Doe on August 14, 2020", "Jane Doe"), ("Par Clémence Aubrac", "Clémence Aubrac"),
                      ("Por Juliet Jiménez 5 mayo, 2022, 6:12 pm", "Juliet Jiménez"), ("Di Marco Rossi", "Marco Rossi")])
    func aBylineMayOpenWithWhatTheAuthorDid(line: String, name: String) {
        let cleaned = clean([line, body[0], body[1], body[2]], format: .html)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.byline == name)
    }

    @Test(arguments: [ArticleFormat.html, .pageText])
    func aLineNamingOtherStaffGoesAndNamesNoAuthor(format: ArticleFormat) {
        let credits = ["Edited by Rahul Sharma", "Medically reviewed by Jane Doe, MD", "Fact checked by John Roe", "Video by Ann Poe",
                       "Mit Informationen von Svenja Harms, NDR", "(Edited by Neha Mahajan)"]
        let cleaned = clean([body[0], credits[0], credits[1], body[1], credits[2], body[2], credits[3], credits[4], credits[5]], format: format)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata, .metadata, .metadata, .metadata, .metadata, .metadata])
        #expect(cleaned.byline == nil)
        // The same words opening the story's sentence stay.
        let sentence = "Edited by hand over two winters, the flood maps were finished in March."
        #expect(clean([body[0], sentence, body[1]], format: format).paragraphs.map(\.text) == [body[0], sentence, body[1]])
    }

    /// German opens its nouns with a capital: "Von" before capitalized words opens a heading as
    /// often as a byline, and names no author.
    @Test func aGermanHeadingOpeningWithVonStays() {
        let heading = "Von Risiken und Nebenwirkungen"
        let cleaned = clean([body[0], heading, body[1], body[2]], format: .html)
        #expect(cleaned.paragraphs.map(\.text).contains(heading))
        #expect(cleaned.byline == nil)
    }

    @Test func aSentenceOpeningWithByAndADayStays() {
        let sentence = "By Monday, officials said 12 people had died in the floods downstream."
        #expect(clean([body[0], sentence, body[1], body[2]], format: .html).paragraphs.map(\.text).contains(sentence))
    }

    @Test func anAgencyAfterTheNameStaysInTheByline() {
        #expect(clean(["By Jane Doe, Reuters", body[0], body[1], body[2]], format: .html).byline == "Jane Doe, Reuters")
    }

    @Test(arguments: [ArticleFormat.text, .html])
    func pictureCreditsGoAsCredits(format: ArticleFormat) {
        let lines = [body[0], "(Photo Credit : PTI)", body[1], "Main image credit: Getty Images", "© Reuters", body[2]]
        let cleaned = clean(lines, format: format)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.credit, .credit, .credit])
        #expect(cleaned.removed.map(\.position) == [1, 2, 2])
    }

    /// An ASCII line is judged on its bytes; the same line with no-break spaces for its spaces
    /// (so no longer ASCII) goes the character path and must be judged alike, whatever it is.
    @Test func asciiLinesAreJudgedAsTheirCharactersAre() {
        let rules = MetadataLineRules.builtIn
        let lines = [
            "Published Tuesday, March 5, 2024 10:32 AM EST | Updated 2 hours ago", "Updated : 12 Mar 2024, 10:45 AM",
            "PUBLISHED: 09:15 EST, 3 March 2024", "Last updated on March 5, 2024", "Posted 3 hours ago",
            "Photo Credit : PTI", "Main image credit: Getty Images", "(c) Reuters", "(C) 2024 Example Media", "(c)",
            "Photo: Reuters", "Photo by Jane Doe", "Photo courtesy of the Millbrook Gazette", "Credit:", ": Reuters",
            "Published in 1998, the report warned that the spillway would not cope.", "The operator gave credit: the engineers",
            "Updated flood maps show the river", "published updated posted", "Posted on", "10:45", "Photo", "",
            "Water pours through the gates on Monday. (Jane Doe/Millbrook Gazette)",
            String(repeating: "published 2024 ", count: 20), "a:b:c Photo: x",
        ]
        var judged = 0
        for line in lines {
            let spaced = line.replacingOccurrences(of: " ", with: "\u{00A0}")
            for findingCaptions in [false, true] {
                let verdict = rules.judge(line, findingCaptions: findingCaptions)
                #expect(verdict == rules.judge(spaced, findingCaptions: findingCaptions), "\(line)")
                if verdict != nil { judged += 1 }
            }
        }
        #expect(judged >= 20)
    }

    @Test func sentencesThatMentionPublishingOrCreditStay() {
        let lines = [
            "Published in 1998, the report warned that the spillway would not cope with a flood of this size.",
            "Updated flood maps show the river reaching the school for the first time since the dam was built.",
            "The operator gave credit: the engineers who worked through the night kept the town dry, he said.",
            "© 2024 Hollow Creek Water Authority",
        ]
        let cleaned = clean(lines, format: .text)
        #expect(cleaned.paragraphs.map(\.text) == Array(lines.prefix(3)))
        // A copyright line with a year is the page's footer, not a picture's credit.
        #expect(cleaned.removed.map(\.reason) == [.footer])
    }

    @Test func germanDateLinesAndAPortugueseCreditGo() {
        let lines = ["Publiziert: 03.04.2020, 12:35", body[0], "Erstellt am: 01.11.2023", body[1],
                     "(crédito: Minervino Júnior/CB/D.A.Press)", body[2]]
        let cleaned = clean(lines, format: .html)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata, .metadata, .credit])
        #expect(cleaned.date == ArticleDate(year: 2020, month: 4, day: 3))
    }

    @Test func pictureCreditsLabelledInOtherLanguagesGoAsCredits() {
        // "Title picture", "picture credits", "post picture": the credit of a page's lead picture.
        let lines = [body[0], "Titelbild: Jane Doe/ABACA/picture-alliance", body[1], "Bildnachweis: Quelle, cc-Lizenz",
                     "Beitragsbild: Titelseite vom 2.4.2019, Ausriss.", body[2]]
        let cleaned = clean(lines, format: .html)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.credit, .credit, .credit])
    }

    @Test(arguments: [ArticleFormat.text, .html, .pageText])
    func copyrightNoticesLongerThanAMarkerLineGoAsFooter(format: ArticleFormat) {
        let lines = [body[0], body[1], body[2],
                     "Copyright © 2008 Example Media Inc., a division of Example Publishing Group Ltd. All rights reserved.",
                     "This material may not be published, broadcast, rewritten, or redistributed."]
        let cleaned = clean(lines, format: format)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.footer, .footer])
    }

    @Test func aLongSentenceQuotingARightsNoticeStays() {
        let sentence = "The authority's lawyers argued in court that the flood maps, marked all rights reserved by the surveyor who drew them "
            + "in 1998, could still be shown to residents downstream because the public paid for every one of them, and the judge agreed."
        let cleaned = clean([body[0], sentence, body[1]], format: .html)
        #expect(cleaned.paragraphs.map(\.text) == [body[0], sentence, body[1]])
    }

    static let captions = [
        "Water pours through the open spillway gates at Hollow Creek on Monday. (Jane Doe/Millbrook Gazette)",
        "Sandbags line the riverbank in Millbrook. Photograph: John Roe/Example Press",
        "The dam operator Ann Smith (Photo by Tom Brown)",
        "Volunteers fill sandbags near the school. (AP Photo/Jane Doe)",
        "(Jane Doe/Millbrook Gazette)",
        "Photo courtesy of the Millbrook Gazette",
    ]

    @Test func captionsEndingWithAPictureCreditGoAsCaptionsFromAPage() {
        let captions = Self.captions
        let lines = [body[0], captions[0], body[1], captions[1], captions[2], body[2], captions[3], captions[4], captions[5]]
        let cleaned = clean(lines, format: .html)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.caption, .caption, .caption, .caption, .credit, .credit])
    }

    @Test(arguments: [
        "Engineers inspect the spillway gates on Monday in Millbrook (Photo: Jane Doe/Reuters).",
        "The dam operator opened the gates on Monday. | © Millbrook Gazette/Getty Images",
        "A heron waits below the spillway for fish. (janedoe / iStock.com)",
        "Water pours over the dam wall. © zvg",
        // A credit that says it is one ends a caption without a stop before it.
        "Engineers inspect the spillway gates on Monday in Millbrook (Photo: Jane Doe/Getty Images)",
        "La diga di Hollow Creek durante la piena (foto Ansa)",
    ])
    func captionsCreditedInParenthesesAfterAStopOrAfterACopyrightSignGo(caption: String) {
        let cleaned = clean([body[0], caption, body[1], body[2]], format: .html)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.caption])
    }

    @Test func aTextArticleKeepsTheCaptionsItsAuthorWrote() {
        let lines = [body[0], Self.captions[0], body[1], Self.captions[4], Self.captions[5], body[2]]
        #expect(clean(lines, format: .text).paragraphs.map(\.text) == lines)
    }

    @Test func sentencesEndingInAParenthesisOrALabelStay() {
        let lines = [
            // The sentence runs on into the parenthesis: the story's own aside, not a credit.
            "The operator said the gates would stay open until the level dropped below the line (Photo sensors confirm it)",
            "Readings from the gauges were shared between two agencies (Flood Office/River Board).",
            "The report had one line on the matter. Photo: none of the gauges worked that night, it said, and nobody knew why.",
            "The water authority published its figures on Monday. (Reuters)",
            "Photos by the hundred were sent in by residents.",
        ]
        let cleaned = clean(lines, format: .html)
        #expect(cleaned.paragraphs.map(\.text) == lines)
    }

    @Test(arguments: [ArticleFormat.html, .pageText])
    func aPagesBylineAndDateLinesFillTheFieldsTheReaderLeftEmpty(format: ArticleFormat) {
        let cleaned = clean(["By Jane Doe", "March 5, 2024", body[0], body[1], body[2]], format: format)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata, .metadata])
        #expect(cleaned.byline == "Jane Doe")
        #expect(cleaned.date == ArticleDate(year: 2024, month: 3, day: 5))
    }

    @Test(arguments: [ArticleFormat.text, .html, .pageText])
    func aDateLinesFieldsMayStandBetweenSlashes(format: ArticleFormat) {
        let lines = [body[0], "March 5, 2024 / 10:32 AM / Updated 2 hours ago", body[1], body[2]]
        let cleaned = clean(lines, format: format)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata])
        // A byline's slash ends the names; the line is one field, its date the article's.
        let byline = clean(["Posted by Jane Doe / March 5, 2024", body[0], body[1]], format: format)
        #expect(byline.paragraphs.map(\.text) == [body[0], body[1]])
        #expect(byline.date == ArticleDate(year: 2024, month: 3, day: 5))
        // A slash between a sentence and a date is no field's.
        let sentence = "Gauges showed the level fell by half / March 5, 2024 was the driest day of the month"
        #expect(clean([body[0], sentence, body[1]], format: format).paragraphs.map(\.text) == [body[0], sentence, body[1]])
    }

    @Test(arguments: [ArticleFormat.text, .html, .pageText])
    func aLineNamingOnlyPictureLibrariesIsACredit(format: ArticleFormat) {
        let credits = ["Getty Images", "GETTY", "AFP/Getty Images", "AFP via Getty Images", "Getty Images/iStockphoto", "Shutterstock"]
        let cleaned = clean([body[0], credits[0], credits[1], body[1], credits[2], credits[3], credits[4], credits[5], body[2]], format: format)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == Array(repeating: .credit, count: credits.count))
        // An agency alone names the story's source; a library in a sentence is the story's.
        let lines = [body[0], "Getty Images sold the archive to a museum in 2019.", "Reuters", body[1]]
        let kept = clean(lines, format: format)
        #expect(kept.paragraphs.map(\.text) == [body[0], lines[1], body[1]])
        #expect(kept.agency == "Reuters")
    }

    @Test(arguments: [ArticleFormat.text, .html, .pageText])
    func aLabelledCaptionIsACaptionInAnyFormat(format: ArticleFormat) {
        let captions = ["Image caption Water pours through the open spillway gates", "Media caption \"We were not warned,\" one resident says",
                        "Caption: Sandbags line the riverbank in Millbrook", "Bildunterschrift: Die Schleusen sind offen"]
        let cleaned = clean([body[0], captions[0], body[1], captions[1], captions[2], body[2], captions[3]], format: format)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.caption, .caption, .caption, .caption])
        // Without its colon a label needs the caption's capital: this is a sentence about captions.
        let sentences = ["Image caption contests drew hundreds of entries from residents.", "Caption writers were not told."]
        #expect(clean([body[0]] + sentences + [body[1]], format: format).paragraphs.map(\.text) == [body[0]] + sentences + [body[1]])
    }

    @Test(arguments: [ArticleFormat.html, .pageText])
    func theAuthorsNameAloneOnALineGoesOnceABylineNamedThem(format: ArticleFormat) {
        let lines = ["By Jane Doe | March 5, 2024", "Jane Doe", body[0], body[1], body[2], "Jane Doe, Millbrook Gazette"]
        let cleaned = clean(lines, format: format)
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.metadata, .metadata, .metadata])
        // The page's own byline counts too; a sentence opening with the name stays.
        let document = RawDocument(source: "t", format: format, title: "Hollow Creek dam opens spillway", byline: "Jane Doe",
                                   blocks: ["JANE DOE", body[0], "Jane Doe, who lives by the dam, said the water rose fast.", body[1]]
                                       .map { Block(kind: .paragraph, text: $0) })
        #expect(cleaner.clean(document).paragraphs.map(\.text) == [body[0], "Jane Doe, who lives by the dam, said the water rose fast.", body[1]])
        // Without a byline a name on its own line may be the story's (a speaker, a list of names).
        #expect(clean([body[0], "Jane Doe", body[1]], format: format).paragraphs.map(\.text) == [body[0], "Jane Doe", body[1]])
    }

    @Test func aDateFromTheReaderWins() {
        let document = RawDocument(source: "t", format: .html, title: "Dam", date: ArticleDate(year: 2023, month: 1, day: 2),
                                   blocks: ["Updated : 12 Mar 2024, 10:45 AM", body[0]].map { Block(kind: .paragraph, text: $0) })
        #expect(cleaner.clean(document).date == ArticleDate(year: 2023, month: 1, day: 2))
    }
}
