// The coded matcher: words found by hashing their bytes must match exactly what the terms say.
import Testing
@testable import BriefCore

@Suite("Topic matcher")
struct TopicMatcherTests {
    func terms(_ topic: TopicDefinition, _ text: String) -> [String] {
        TopicClassifier(topics: [topic], scoring: TopicScoring(threshold: 0.5))
            .classify(title: "", paragraphs: [text]).first?.terms.sorted() ?? []
    }

    @Test func aPhraseMayEndInAPrefix() {
        let topic = TopicDefinition(id: "grid", name: "Grid", strong: ["power grid*"])
        #expect(terms(topic, "The power gridlock eased.") == ["power grid*"])
        #expect(terms(topic, "The power grid failed.") == ["power grid*"])
        #expect(terms(topic, "The power went out; the grid held.").isEmpty)
        #expect(terms(topic, "The power line failed.").isEmpty)
    }

    @Test func aPrefixMatchesTheWholeWordAndLongerOnesOnly() {
        let topic = TopicDefinition(id: "cyber", name: "Cyber", strong: ["cyber*", "cyberattack"])
        #expect(terms(topic, "A cyberattack.") == ["cyber*", "cyberattack"])
        #expect(terms(topic, "Cyber week.") == ["cyber*"])
        #expect(terms(topic, "A cybe of cyb.").isEmpty)
    }

    @Test func nonASCIIWordsAreFoldedBeforeTheyAreLookedUp() {
        let topic = TopicDefinition(id: "watch", name: "Watch", strong: ["überwachung", "ÉNERGIE*"])
        #expect(terms(topic, "Die ÜBERWACHUNG wächst.") == ["überwachung"])
        #expect(terms(topic, "L'énergienucléaire.") == ["ÉNERGIE*"])
        #expect(terms(topic, "Überwachungen und Energie.").isEmpty)
        #expect(terms(topic, "Überwachungen und Énergies.") == ["ÉNERGIE*"])
    }

    @Test func aPhrasesWordsMustFollowOneAnotherDirectly() {
        let topic = TopicDefinition(id: "apt", name: "APT", strong: ["advanced persistent threat", "threat actor*"],
                                    terms: ["persistent"])
        // "persistent" counts on its own too, inside the phrase or not.
        #expect(terms(topic, "An advanced persistent threat group.") == ["advanced persistent threat", "persistent"])
        #expect(terms(topic, "Advanced, persistent and a threat.") == ["persistent"])
        #expect(terms(topic, "An advanced persistent cyber threat; a persistent threat.") == ["persistent"])
        #expect(terms(topic, "The advanced advanced persistent threat actors.") ==
                ["advanced persistent threat", "persistent", "threat actor*"])
        #expect(terms(topic, "A threat. Actors met.") == [])
    }

    @Test func oneLetterAndVeryLongTermsAreFoundAndNothingElse() {
        let long = String(repeating: "x", count: 70)
        let topic = TopicDefinition(id: "odd", name: "Odd", strong: ["q", "z*", "é", long])
        #expect(terms(topic, "Q and é; Zed, \(long.uppercased()).") == ["q", "z*", "é", long].sorted())
        #expect(terms(topic, "Qq, e, \(long)x, \(long.dropLast()), az.").isEmpty)
    }

    @Test func wordsSharingAHashBucketAreToldApartByTheirBytes() {
        // Many terms in a small table: every one is found, and no other word is.
        let words = (0..<300).map { "term\($0)" }
        let topic = TopicDefinition(id: "many", name: "Many", strong: words)
        #expect(terms(topic, words.joined(separator: " ")) == words.sorted())
        #expect(terms(topic, "term300 term-1 ter term01").isEmpty)
    }
}
