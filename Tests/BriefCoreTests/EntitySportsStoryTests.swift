// In a sports story, places name teams: `India won`, `beat Wigan`, a city that is not `in` or `at`.
import Testing
@testable import BriefCore

struct EntitySportsStoryTests {
    let recognizer = GazetteerEntityRecognizer.shared

    func types(of text: String, in paragraphs: [String]) -> Set<EntityType> {
        Set(recognizer.entities(title: nil, paragraphs: paragraphs, language: "en").filter { $0.text == text }.map(\.type))
    }

    let cricket = ["India won the toss and batted first, but their batsmen collapsed against Australia.",
                   "The bowlers took six wickets before tea, and the innings ended at 180.",
                   "The tournament moves to Perth, where the series continues next week."]

    @Test func aCountryBesideAResultInASportsStoryIsItsTeam() {
        #expect(types(of: "India", in: cricket) == [.organization])
        #expect(types(of: "Australia", in: cricket) == [.organization])
    }

    @Test func aCityAfterAPlacePrepositionStaysAPlaceInASportsStory() {
        #expect(types(of: "Perth", in: cricket) == [.place])
    }

    @Test func aCityNamedAsASideInASportsStoryIsTheTeam() {
        let football = ["The striker scored twice as the league leaders moved clear.",
                        "His goal came after the goalkeeper fumbled a cross, and the midfielder added a third.",
                        "Next up for the squad is a trip to Leeds, then Sunderland at home.",
                        "Sunderland have not lost since the coach arrived."]
        #expect(types(of: "Sunderland", in: football) == [.organization])
        #expect(types(of: "Leeds", in: football) == [.place])
    }

    @Test func aCountryInANewsStoryStaysAPlaceWhateverTheVerb() {
        let politics = ["India won praise from Australia for its climate pledge, officials said.",
                        "The pledge was announced in Delhi on Monday."]
        #expect(types(of: "India", in: politics) == [.place])
        #expect(types(of: "Australia", in: politics) == [.place])
    }
}

extension EntitySportsStoryTests {
    @Test func aDatelineCityStaysAPlaceInASportsStory() {
        let story = ["MIAMI (AFP) - The coach said his players needed a rest after the playoffs.",
                     "Miami lost again on Tuesday, and the striker-less league rolled on."]
        let found = recognizer.entities(title: nil, paragraphs: story, language: "en")
        let miami = found.filter { $0.text.uppercased() == "MIAMI" }
        #expect(miami.first { $0.text == "MIAMI" }?.type == .place)
        #expect(miami.first { $0.text == "Miami" }?.type == .organization)
    }

    @Test func aPlaceListedBesideATeamIsATeam() {
        let found = recognizer.entities(title: nil, paragraphs: [
            "Before his move he played for Southampton, Blackburn and Norwich, fans recall."
        ], language: "en")
        for name in ["Southampton", "Blackburn", "Norwich"] {
            #expect(Set(found.filter { $0.text == name }.map(\.type)) == [.organization], "\(name)")
        }
    }

    @Test func aHometownBeforeAnAthleteStaysAPlace() {
        let story = ["The Vancouver skier won the downhill, and the coach praised his players.",
                     "Calgary's Jan Hudec missed the season with a knee injury after the tournament."]
        #expect(types(of: "Vancouver", in: story) == [.place])
        #expect(types(of: "Calgary", in: story) == [.place])
    }
}
