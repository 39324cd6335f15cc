// Cleaning: prompts known by what they ask the reader to do, and the story's own lines that look alike.
import Foundation
import Testing
@testable import BriefCore

extension CleaningTests {
    @Test func promptsInWordsNoMarkerListsAreRemovedWhereverTheyStand() {
        let prompts = ["Enjoyed this? Join 40,000 readers who get our weekly digest",
                       "Tap the bell to get notified when we publish"]
        let cleaned = clean([body[0], body[1], prompts[0], body[2], prompts[1], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
        #expect(cleaned.removed.map(\.reason) == [.newsletter, .boilerplate])
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

    @Test func interviewLinesAndQuotedSpeechAreNotPrompts() {
        let lines = [body[0], "Q: Do you have an app for the reservoir level?", "A: Not yet.",
                     "“Follow us on the river,” the dam operator told residents on Facebook.", body[1], body[2]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == lines)
    }
}
