// Behaviour of the shipped recognizer on text it has never seen: patterns, casing, consistency.
import Testing
@testable import BriefCore

struct EntityRecognizerTests {
    let recognizer = GazetteerEntityRecognizer.shared

    func spans(_ paragraphs: [String], title: String? = nil) -> [EntitySpan] {
        recognizer.entities(title: title, paragraphs: paragraphs)
    }

    func type(of text: String, in spans: [EntitySpan]) -> EntityType? {
        spans.first { $0.text == text }?.type
    }

    @Test func aTitleBeforeAnUnknownNameMakesAPerson() {
        let found = spans(["The talks were led by Foreign Minister Aldo Vrenkova and coach Tamsin Oduya."])
        #expect(type(of: "Aldo Vrenkova", in: found) == .person)
        #expect(type(of: "Tamsin Oduya", in: found) == .person)
        #expect(type(of: "Foreign Minister", in: found) == nil)
    }

    @Test func organizationSuffixesAndHeads() {
        let found = spans(["Analysts at Korvanta Holdings and the Bank of Ruritania expect a cut, the Velmar Agency said."])
        #expect(type(of: "Korvanta Holdings", in: found) == .organization)
        #expect(type(of: "Bank of Ruritania", in: found) == .organization)
        #expect(type(of: "Velmar Agency", in: found) == .organization)
    }

    @Test func someoneWhoSpeaksIsAPerson() {
        let found = spans(["The plan is sound, Okonkwo said on Tuesday."])
        #expect(type(of: "Okonkwo", in: found) == .person)
        #expect(type(of: "Tuesday", in: found) == .date)
    }

    @Test func anAnswerIsNoNameAndNoEndsASentenceUnlessANumberFollows() {
        // "No." abbreviates "number" only before one; otherwise its dot ends a sentence, and the
        // capital after it opens the next. An answer quoted after "said" is no one.
        let found = spans(["Q: Will fares rise? A: No. Fares stay the same, said Tamsin Oduya, and she said Yes when asked again.",
                           "Coaches ranked Ohio No. 1 and Texas No.2 at the end of the season."])
        #expect(Set(found.filter { $0.type != .date }.map(\.text)) == ["Tamsin Oduya", "Ohio", "Texas"], "\(found.map(\.text))")
    }

    @Test func aLaterSurnameTakesTheFullName() {
        let found = spans(["Defence Secretary Halvard Brenne arrived on Monday.", "Brenne left a day later."])
        let later = found.filter { $0.text == "Brenne" }
        #expect(later.count == 1)
        #expect(later.first?.type == .person)
        #expect(later.first?.canonical == "Halvard Brenne")
    }

    @Test func aSurnameSharedByTwoPeopleIsStillAPerson() {
        let found = spans(["Tommy Vardell coaches the home side; his brother Terry Vardell once coached the visitors.",
                           "Fans still argue over which Vardell was the better coach."])
        let lone = found.filter { $0.text == "Vardell" }
        #expect(lone.count == 1)
        #expect(lone.first?.type == .person)
        // Neither brother's full name: the mention stands for itself.
        #expect(lone.first?.canonical == "Vardell")
    }

    @Test func aRomanizedHyphenatedGivenNameStaysWithTheSurname() {
        let found = spans(["\"It is a warning shot,\" said Chen Wei-lin, a trade economist.",
                           "Colonel Ahn Hye-jin said the ships sailed side by side.",
                           "Later, Chen added that prices would rise."])
        #expect(type(of: "Chen Wei-lin", in: found) == .person)
        #expect(type(of: "Ahn Hye-jin", in: found) == .person)
        // The surname alone later in the story is the same person, not a second one named "Chen".
        #expect(found.filter { $0.text == "Chen" }.allSatisfy { $0.canonical == "Chen Wei-lin" })
        #expect(!found.contains { $0.canonical == "Ahn" || $0.canonical == "Chen" })
    }

    @Test func aHyphenatedModifierDoesNotJoinAName() {
        let found = spans(["The Tokyo-born engineer Mara Velkin joined a Velkin-led delegation in Seoul."])
        #expect(!found.contains { $0.text.contains("born") || $0.text.contains("led") })
        #expect(type(of: "Mara Velkin", in: found) == .person)
    }

    @Test func possessivesAndCountryVariants() {
        let found = spans(["North Korea’s envoy met U.S. officials and the United Kingdom's ambassador."])
        #expect(type(of: "North Korea", in: found) == .place)
        #expect(found.first { $0.text == "U.S." }?.canonical == "United States")
        #expect(type(of: "United Kingdom", in: found) == .place)
        #expect(!found.contains { $0.text.hasSuffix("s") && $0.text.contains("’") })
    }

    @Test func sentenceStartsAndHeadlineCapitalsAreNotNames() {
        let found = spans(["Buried Bomb Explodes Near Runway During Night Shift",
                           "Meanwhile the crews said the bomb exploded near the runway during a night shift."])
        #expect(found.isEmpty, "got \(found.map(\.text))")
    }

    @Test func anAllCapsHeadlineIsReadThroughTheBody() {
        let found = spans(["Prime Minister Aldo Vrenkova resigned on Friday in Lisbon."], title: "VRENKOVA QUITS IN LISBON")
        let headline = found.filter { $0.paragraph == -1 }
        #expect(headline.contains { $0.text == "VRENKOVA" && $0.type == .person && $0.canonical == "Aldo Vrenkova" })
        #expect(headline.contains { $0.text == "LISBON" && $0.type == .place })
        #expect(!headline.contains { $0.text == "QUITS" })
    }

    @Test func nationalitiesAndDates() {
        let found = spans(["South Korean and Japanese officials met on December 9, 2023 and again on 2024-01-15."])
        #expect(type(of: "South Korean", in: found) == .nationality)
        #expect(type(of: "Japanese", in: found) == .nationality)
        #expect(type(of: "December 9, 2023", in: found) == .date)
        #expect(type(of: "2024-01-15", in: found) == .date)
    }

    @Test func teamsInAResultsTable() {
        let found = spans(["Results on Saturday:", "Brackwell 3 Denmoor 1", "Germany 2 Portugal 0"])
        #expect(type(of: "Brackwell", in: found) == .organization)
        #expect(type(of: "Denmoor", in: found) == .organization)
        #expect(type(of: "Germany", in: found) == .place, "national teams stay places")
    }

    @Test func offsetsCountUnicodeScalars() {
        let text = "🇰🇷 윤석열 met President Aldo Vrenkova in Seoul."
        let found = spans([text])
        let scalars = Array(text.unicodeScalars)
        for span in found {
            #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.text)
        }
        #expect(type(of: "Aldo Vrenkova", in: found) == .person)
        #expect(type(of: "Seoul", in: found) == .place)
    }

    @Test func oddInputDoesNotCrash() {
        #expect(spans([]).isEmpty)
        #expect(spans(["", "   ", "\u{0}\u{7}\u{1B}[31m"]).isEmpty)
        let long = String(repeating: "Alpha Beta said gamma. ", count: 5_000)
        #expect(!spans([long]).isEmpty)
        _ = spans(["U.S.", "A.", "'s", "-", "Inc.", "of the", "Mr.", "\u{FEFF}Seoul"])
    }
}

struct EntityTextTests {
    @Test func offsetsRunOverTheWholeTextAcrossLines() {
        let text = "🙂 Talks in Seoul.\r\nPresident Aldo Vrenkova said no.\n\nVrenkova left for Tokyo."
        let spans = GazetteerEntityRecognizer.shared.entities(inText: text)
        let scalars = Array(text.unicodeScalars)
        for span in spans {
            #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.text)
        }
        #expect(spans.map(\.text) == ["Seoul", "Aldo Vrenkova", "Vrenkova", "Tokyo"])
        #expect(spans.map(\.paragraph) == [0, 1, 3, 3])
        #expect(spans[2].canonical == "Aldo Vrenkova")
    }
}
