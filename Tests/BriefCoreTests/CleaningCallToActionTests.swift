// Cleaning: prompts known by what they ask the reader to do, and the story's own lines that look alike.
import Foundation
import Testing
@testable import BriefCore

extension CleaningTests {
    /// Two prompts set among the story's paragraphs go, with these reasons, and the story stays whole.
    private func expectPromptsRemoved(_ prompts: [String], as reasons: [RemovalReason]) {
        let cleaned = clean([body[0], body[1], prompts[0], body[2], prompts[1], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == reasons)
    }

    @Test func promptsInWordsNoMarkerListsAreRemovedWhereverTheyStand() {
        expectPromptsRemoved(["Enjoyed this? Join 40,000 readers who get our weekly digest",
                              "Tap the bell to get notified when we publish"], as: [.newsletter, .boilerplate])
    }

    @Test func promptsOfSeveralSentencesOrAskingInTheMainClauseGo() {
        expectPromptsRemoved(["Get the best of our journalism delivered to your inbox every morning. Sign up today and never miss a story.",
                              "To receive our weekly roundup by email, enter your address below."], as: [.newsletter, .newsletter])
        expectPromptsRemoved(["Sign up to our free newsletter for the latest news and offers from across the county, delivered straight to your inbox.",
                              "Tap the bell to get notified when we publish"], as: [.newsletter, .boilerplate])
    }

    /// A form's consent notice runs longer than a marker; it opens with the sign-up's act and names
    /// the terms agreed to. A sentence of the story opening alike names no terms.
    @Test func aFormsConsentNoticeGoesWithItsForm() {
        expectPromptsRemoved(["By signing up, you will receive newsletters and promotional content and agree to our Terms of Use "
                                + "and acknowledge the data practices in our Privacy Policy.",
                              "By submitting this comment you agree to the Terms and Conditions of this site."],
                             as: [.newsletter, .comments])
        expectPromptsRemoved(["Al suscribirte aceptas la política de privacidad.",
                              "En vous inscrivant, vous acceptez nos conditions générales d’utilisation et notre politique de confidentialité."],
                             as: [.newsletter, .newsletter])
        let story = "By signing up volunteers from three villages, the operator said it could keep the sandbag depots open all night."
        #expect(clean([body[0], story, body[1]]).paragraphs.map(\.text) == [body[0], story, body[1]])
    }

    @Test func politePromptsAndRequestsForTipsGo() {
        expectPromptsRemoved(["Please spare a minute to comment below and tell us how you got on.",
                              "Email your news tips to newsdesk@example.com"], as: [.comments, .newsletter])
    }

    @Test func aPromptIsMeasuredInWordsAsWrittenNotInThePiecesOfItsAddresses() {
        // Handles, a phone number and an address split it into 38 pieces; as written it is 26 words.
        expectPromptsRemoved(["Follow the Courier on Twitter and Instagram @Example_Courier_News and on Facebook @Courier_Example_News. "
                                + "Send us a message on WhatsApp at 1-876-499-0169 or email us at online-news-desk@example-courier.co.uk.",
                              "Tap the bell to get notified when we publish"], as: [.share, .boilerplate])
    }

    /// A paywall's counter, alone or as the hook of a request that leaves the channel unsaid.
    @Test func aHookNamesTheChannelItsRequestLeavesUnsaid() {
        expectPromptsRemoved(["You have 2 free member-only stories left this month. Sign up for Medium and get an extra one",
                              "This is your last free article this month."], as: [.boilerplate, .newsletter])
    }

    @Test func aPromptToSubscribeNamesItsOwnChannel() {
        expectPromptsRemoved(["Subscribe today for your daily dose of gadget news.",
                              "To read the full story, please subscribe."], as: [.boilerplate, .boilerplate])
    }

    @Test func aPromptToReadTheSitesLegalPagesGoes() {
        expectPromptsRemoved(["For more information on this site, please read our Privacy Policy and Terms of Service.",
                              "Tap the bell to get notified when we publish"], as: [.boilerplate, .boilerplate])
    }

    @Test func aPromptToListenGoes() {
        expectPromptsRemoved(["Listen to our podcast wherever you get your podcasts.",
                              "Listen to the morning briefing on our app"], as: [.boilerplate, .newsletter])
    }

    @Test func promptsWrittenWithoutTheirAccentsGo() {
        // The rules say "síguenos" and "téléchargez"; pages often leave the accents out.
        expectPromptsRemoved(["Siguenos en Telegram, Instagram, Facebook y Twitter para recibir todas nuestras actualizaciones",
                              "Telechargez notre app pour recevoir les alertes"], as: [.share, .boilerplate])
    }

    @Test func promptsInGermanFrenchAndSpanishGo() {
        expectPromptsRemoved(["Werden Sie Mitglied und erhalten Sie exklusive Angebote!",
                              "Soutenez notre journalisme indépendant"], as: [.boilerplate, .boilerplate])
        expectPromptsRemoved(["Únete a nuestros miembros y recibe contenido exclusivo",
                              "Unterstützen Sie unseren Journalismus"], as: [.boilerplate, .boilerplate])
    }

    @Test func requestsForLettersAndPurposesWithoutACommaGo() {
        expectPromptsRemoved(["We want to hear what you think about this article. Submit a letter to the editor or write to letters@example.com.",
                              "For the latest stories and breaking news updates download the Example News apps for iOS and Android."],
                             as: [.boilerplate, .boilerplate])
        // A blog's entry footer is the post's metadata.
        expectPromptsRemoved(["Submit your letter to the editor via this form.", "This entry was posted in Allgemein. Bookmark the permalink."],
                             as: [.boilerplate, .metadata])
    }

    @Test func aShortHookBeforeThePromptGoesWithIt() {
        expectPromptsRemoved(["Got a story? Contact our newsroom",
                              "We want to hear from you. Share your experience in the comments below."], as: [.boilerplate, .comments])
        expectPromptsRemoved(["Our journalists work hard to bring you stories like this. Please consider subscribing.",
                              "Tap the bell to get notified when we publish"], as: [.boilerplate, .boilerplate])
    }

    @Test func aLineThatTellsSomethingBesideItsRequestStays() {
        // A sentence that neither asks a question nor speaks to the reader is news, not a hook; a
        // sentence after the request tells something too.
        let lines = ["The council opened a consultation on Monday. Share your views in the comments below.",
                     "Follow the live blog on our website for updates. The city expects to publish the full list of closures before the end of next week."]
        let cleaned = clean([body[0], body[1], lines[0], body[2], lines[1], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == [body[0], body[1], lines[0], body[2], lines[1], body[3]])
    }

    @Test func anInterviewersOneWordRequestIsNoPrompt() {
        let line = "Your website and social media handles, please!"
        let cleaned = clean([body[0], body[1], line, body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text).contains(line))
    }

    @Test func aLongerParagraphThatMentionsANewsletterStays() {
        let line = "The operator sends residents an email bulletin each morning. Get ready, it warned on Monday, for the river to rise again."
        let cleaned = clean([body[0], body[1], line, body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text).contains(line))
    }

    @Test func aReportersNoteEndingWithAFollowPromptStays() {
        let note = "Dana Reyes covers rivers, dams and flood defences for the county news desk. Follow her on Twitter for updates."
        let cleaned = clean([body[0], body[1], body[2], body[3], note])
        #expect(cleaned.paragraphs.map(\.text) == body + [note])
    }

    @Test func aStoryAboutTheChannelKeepsItsOwnLines() {
        // The article is about the app: a line asking to download it shares the article's words.
        let story = [
            "The ferry operator released a timetable app on Monday, so commuters can see each crossing as the ferry leaves the pier.",
            "Download the timetable app from the operator's website before the first crossing.",
            "The operator said the timetable app would also warn commuters when a crossing is cancelled because of the weather.",
        ]
        let cleaned = clean(story, title: "Ferry operator releases a timetable app for commuters")
        #expect(cleaned.paragraphs.map(\.text) == story)
    }

    @Test func aLineAboutTheStoryThatNamesAChannelStays() {
        let line = "Follow the dam operator on Twitter for news of the reservoir level and the spillway gates."
        let cleaned = clean([body[0], body[1], line, body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text).contains(line))
    }

    @Test func theStorysOwnListOfWhatToDoKeepsItsFollowAndSignUpEntries() {
        // Entries of the story's list open with a prompt's verb but name no channel and share the
        // story's words; a prompt with the same opening shares none of them.
        let entries = ["Follow every instruction from the dam operator about moving vehicles.",
                       "Sign up to help the dam operator at the spillway gates."]
        let prompt = "Follow the jump for the full results of the weekend fixtures."
        let cleaned = clean([body[0], body[1], "Residents downstream were told what to do:", entries[0], entries[1], body[2], prompt, body[3]])
        #expect(cleaned.paragraphs.map(\.text) == [body[0], body[1], "Residents downstream were told what to do:"] + entries + [body[2], body[3]])
        #expect(cleaned.removed.map(\.text) == [prompt])
    }

    @Test func interviewLinesAndQuotedSpeechAreNotPrompts() {
        let lines = [body[0], "Q: Do you have an app for the reservoir level?", "A: Not yet.",
                     "“Follow us on the river,” the dam operator told residents on Facebook.", body[1], body[2]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == lines)
    }
}
