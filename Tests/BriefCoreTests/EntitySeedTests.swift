// The seed article's entities, recognized from its title and kept paragraphs.
import Foundation
import Testing
@testable import BriefCore

struct EntitySeedTests {
    /// Title (line 1) and the six body paragraphs (lines 3 and 8–12) of the seed fixture.
    static func seed() throws -> (title: String, paragraphs: [String]) {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/seed", withExtension: "txt"))
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        return (lines[0], [lines[2]] + Array(lines[7...11]))
    }

    static func spans(_ recognizer: GazetteerEntityRecognizer = .shared) throws -> [EntitySpan] {
        let (title, paragraphs) = try seed()
        return recognizer.entities(title: title, paragraphs: paragraphs)
    }

    static func has(_ spans: [EntitySpan], _ text: String, _ type: EntityType) -> Bool {
        spans.contains { $0.text == text && $0.type == type }
    }

    @Test func findsThePeople() throws {
        let spans = try Self.spans()
        for name in ["Jake Sullivan", "Takeo Akiba", "Biden", "Yoon Suk Yeol", "Fumio Kishida"] {
            #expect(Self.has(spans, name, .person), "\(name) should be a person")
        }
        #expect(!spans.contains { $0.type == .person && ["White House", "National Security Adviser", "President"].contains($0.text) })
    }

    @Test func findsThePlaces() throws {
        let spans = try Self.spans()
        for name in ["US", "United States", "South Korea", "Japan", "North Korea", "Seoul", "Pyongyang",
                     "Camp David", "China", "Taiwan Strait"] {
            #expect(Self.has(spans, name, .place), "\(name) should be a place")
        }
        #expect(spans.contains { $0.type == .place && $0.text.hasSuffix("South China Seas") && $0.text.contains("East") })
    }

    @Test func findsTheOrganizationAndNationalities() throws {
        let spans = try Self.spans()
        #expect(Self.has(spans, "White House", .organization))
        #expect(Self.has(spans, "Japanese", .nationality))
        #expect(Self.has(spans, "South Korean", .nationality))
    }

    @Test func laterSurnameIsTheSamePerson() throws {
        let spans = try Self.spans()
        let sullivans = spans.filter { $0.text == "Sullivan" }
        #expect(sullivans.count == 2)
        #expect(sullivans.allSatisfy { $0.type == .person && $0.canonical == "Jake Sullivan" })
    }

    @Test func possessiveAndVariantsAreNormalized() throws {
        let spans = try Self.spans()
        #expect(!spans.contains { $0.text.contains("'s") || $0.text.contains("’s") })
        #expect(spans.first { $0.text == "US" }?.canonical == "United States")
        #expect(spans.filter { $0.text == "North Korea" }.count >= 5)
    }

    @Test func offsetsAreUnicodeScalarsIntoTheirParagraph() throws {
        let (title, paragraphs) = try Self.seed()
        for span in try Self.spans() {
            let text = span.paragraph == -1 ? title : paragraphs[span.paragraph]
            let scalars = Array(text.unicodeScalars)[span.start..<span.end]
            #expect(String(String.UnicodeScalarView(scalars)) == span.text)
        }
    }

    @Test func peopleAreFoundByRulesNotByTheListOfKnownPeople() throws {
        let withoutPeople = Gazetteer { $0 == "people.txt" ? nil : Gazetteer.bundledFile($0) }
        let spans = try Self.spans(GazetteerEntityRecognizer(gazetteer: withoutPeople, settings: .standard))
        for name in ["Jake Sullivan", "Takeo Akiba", "Biden", "Yoon Suk Yeol", "Fumio Kishida"] {
            #expect(Self.has(spans, name, .person), "\(name) should be a person without people.txt")
        }
    }
}
