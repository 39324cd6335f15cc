// Cleaning: short lines that continue the story's own structure (a timed listing, an interview) stay.
import Foundation
import Testing
@testable import BriefCore

extension CleaningTests {
    @Test func anInterviewQuestionBeforeARunOfHeadlinesIsNoMarker() {
        let interview = ["Q: Was the town warned in time?", "A: Yes, the sirens sounded an hour before the gates opened.",
                         "Q: Did you expect this?"]
        let run = ["Celebrity Chef Opens Third Restaurant in Lisbon", "Ten Gadgets Worth Buying This Winter",
                   "Football Club Signs Striker on Record Deal"]
        let cleaned = clean([body[0], body[1]] + interview + run + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == [body[0], body[1]] + interview + [body[2], body[3]])
        #expect(cleaned.removed.map(\.text) == run)
    }

    @Test func aQuestionPrintedWithAPointAfterARunOfHeadlinesIsTheInterviews() {
        // "Q." as newspapers print it: after other articles' headlines, the short question goes on the
        // interview with the answer under it, and is no headline of the run.
        let run = ["Celebrity Chef Opens Third Restaurant in Lisbon", "Ten Gadgets Worth Buying This Winter",
                   "Football Club Signs Striker on Record Deal"]
        let question = "Q. Is a second spillway coming anytime soon?"
        let answer = "A. Not before 2030, the operator says, though the design work has already started."
        let cleaned = clean([body[0], body[1]] + run + [question, answer, body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == [body[0], body[1], question, answer, body[2], body[3]])
        #expect(cleaned.removed.map(\.text) == run)
    }

    @Test func aTimedListingUnderDayHeadingsIsTheStorysOwn() {
        // Each entry is short, headline-shaped and shares few words with the story: opening alike,
        // they are one listing, not a run of other articles' headlines.
        let listing = ["Here is what is happening at the dam open day:", "Saturday",
                       "10:00–16:00 Farmers' market, Town Square (free)", "14:00 Puppet theatre for children, Park Stage, €5",
                       "20:00 Choir concert, St Mary's Church, €12", "Sunday",
                       "11:00 Vintage car parade, Main Street (free)", "15:00 Jazz brunch, Riverside Café, €20"]
        let lines = [body[0], body[1]] + listing + [body[2], body[3]]
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == lines)
    }

    @Test func aListingOfNamedDaysUnderAHeadingIsTheStorysOwn() {
        // The entries open with a weekday or a date, not a clock time; their heading stays with them.
        let byWeekday = ["What's on this weekend", "Saturday 10:00 – Harbour walk, free",
                         "Saturday 19:30 – Brass band concert, £12", "Sunday 14:00 – Boat parade, £5 for adults"]
        let byDate = ["Dates for the diary", "12 December – Lantern parade through the old town",
                      "Dec 14: Carol service at St Mary's, collection for the food bank", "December 20 – Midnight swim at the lido"]
        for listing in [byWeekday, byDate] {
            let lines = [body[0], body[1]] + listing + [body[2], body[3]]
            #expect(clean(lines).paragraphs.map(\.text) == lines)
        }
    }

    @Test func headlinesDatedNewestFirstAreNoListing() {
        let feed = ["December 20 – Celebrity Chef Opens Third Restaurant in Lisbon", "Dec 14: Ten Gadgets Worth Buying This Winter",
                    "12 December – Pop Star Announces Farewell Tour of Stadiums"]
        let cleaned = clean([body[0], body[1]] + feed + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
    }

    @Test func headlinesAllStampedWithTheDayAreNoListing() {
        // A news list dates every headline of the day alike; a listing moves on from day to day.
        let feed = ["January 15, 2008 Celebrity Chef Starts Third Restaurant in Lisbon",
                    "January 15, 2008 Ten Gadgets Worth Buying This Winter",
                    "January 15, 2008 Pop Star Announces Farewell Tour of Stadiums"]
        let cleaned = clean([body[0], body[1]] + feed + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
    }

    @Test func anInterviewEndingTheStoryIsNotATrailingPrompt() {
        let interview = ["Q: Busy summer?", "A: The busiest yet.", "Q: What worries you most?", "A: Fog, always fog.",
                         "Q: And after that?", "A: Retirement, maybe."]
        let lines = [body[0], body[1], body[2]] + interview
        let cleaned = clean(lines)
        #expect(cleaned.paragraphs.map(\.text) == lines)
    }

    @Test func unrelatedHeadlinesStillGoBesideAListing() {
        let listing = ["14:00 Puppet theatre for children, Park Stage, €5", "20:00 Choir concert, St Mary's Church, €12"]
        let promo = ["Celebrity Chef Opens Third Restaurant in Lisbon", "Ten Gadgets Worth Buying This Winter"]
        let cleaned = clean([body[0]] + listing + [body[1]] + promo + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == [body[0]] + listing + [body[1], body[2], body[3]])
        #expect(cleaned.removed.map(\.reason) == [.unrelatedHeadline, .unrelatedHeadline])
    }

    @Test func aFeedOfTimestampedHeadlinesNewestFirstIsNoListing() {
        let feed = ["13:54 Celebrity Chef Opens Third Restaurant in Lisbon", "13:43 Ten Gadgets Worth Buying This Winter",
                    "13:08 Pop Star Announces Farewell Tour of Stadiums"]
        let cleaned = clean([body[0], body[1]] + feed + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == body)
    }

    @Test func leadingShapesAreReadFromTheFirstBytes() {
        #expect(LeadingShape("19:00 Opening concert, €25") == .clockTime(minutes: 1140))
        #expect(LeadingShape("  09.30 Doors open") == .clockTime(minutes: 570))
        #expect(LeadingShape("9:30 Doors open") == .clockTime(minutes: 570))
        #expect(LeadingShape("10:00–16:00 Market") == .clockTime(minutes: 600))
        #expect(LeadingShape("Q: Why now?") == .speakerLabel)
        #expect(LeadingShape("JS: Yes.") == .speakerLabel)
        #expect(LeadingShape("Q. Why now?") == .speakerLabel)
        #expect(LeadingShape("A. Because the river rose.") == .speakerLabel)
        #expect(LeadingShape("J. Smith said so.") == nil)
        #expect(LeadingShape("3.25 percent of voters") == nil)
        #expect(LeadingShape("25:00 is no time") == nil)
        #expect(LeadingShape("Opinion: the dam is too old") == nil)
        #expect(LeadingShape("Q") == nil)
        #expect(LeadingShape("Saturday 10:00 – Harbour walk") == .weekday(order: 6 * 1440 + 600))
        #expect(LeadingShape("Sun, 14.00 Boat parade") == .weekday(order: 7 * 1440 + 840))
        #expect(LeadingShape("12 December – Lantern parade") == .calendarDay(order: 12 * 32 + 12))
        #expect(LeadingShape("3. März Konzert") == .calendarDay(order: 3 * 32 + 3))
        #expect(LeadingShape("Dec. 14: Carol service") == .calendarDay(order: 12 * 32 + 14))
        #expect(LeadingShape("May 2019 was the wettest month") == nil)
        #expect(LeadingShape("In 2019 the dam was rebuilt") == nil)
        #expect(LeadingShape("10 people were rescued") == nil)
        #expect(LeadingShape("Saturday") == nil)
        #expect(LeadingShape("Saturday afternoon 10:00 Parade") == nil)
        #expect(LeadingShape("  Sat,  10:00 Parade") == .weekday(order: 6 * 1440 + 600))
        #expect(LeadingShape("Tuesday: the ministry's answer") == .weekday(order: 2 * 1440))
        #expect(LeadingShape("Tuesdays: market day") == nil)
    }

    @Test func aScheduleOfDaysUnderAHeadingThatSoundsLikeAMarkerStays() {
        let schedule = ["What to watch next", "Tuesday: the operator's report to the county council",
                        "Friday: engineers inspect the spillway gates again"]
        let cleaned = clean([body[0], body[1]] + schedule + [body[2], body[3]])
        #expect(cleaned.paragraphs.map(\.text) == [body[0], body[1]] + schedule + [body[2], body[3]])
    }
}
