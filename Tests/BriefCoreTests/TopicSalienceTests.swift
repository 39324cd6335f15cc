// Topics at two levels: what an article is about versus what it mentions, and words used in another sense.
import Testing
@testable import BriefCore

@Suite("Topic salience")
struct TopicSalienceTests {
    let classifier = TopicClassifier.builtIn

    func level(_ id: String, title: String, _ paragraphs: [String]) -> TopicLevel? {
        classifier.classify(title: title, paragraphs: paragraphs).first { $0.id == id }?.level
    }

    /// Paragraphs about something else (a city budget), to make an article long.
    static let budget: [String] = (1...12).map { number in
        "The council debated item \(number) of the city budget on Tuesday. Members asked about road repairs, "
            + "library hours and the cost of new street lights. The mayor said a final vote would come next month."
    }

    // MARK: mention versus about

    @Test func oneStrongTermInALongArticleIsAMention() {
        var paragraphs = Self.budget
        paragraphs.insert("One member said a ransomware attack on a nearby town had cost it dearly.", at: 6)
        #expect(level("cyber", title: "Council delays budget vote", paragraphs) == .mention)
    }

    @Test func aStoryToldAboutTheTopicIsAbout() {
        let paragraphs = [
            "Hackers broke into the network of a regional hospital and encrypted its records with ransomware.",
            "The attackers demanded a ransom; investigators said the malware spread through a phishing email.",
            "The hospital restored its systems from backups, and the data breach is being investigated.",
        ] + Self.budget.prefix(2)
        #expect(level("cyber", title: "Ransomware attack shuts hospital systems", paragraphs) == .about)
    }

    @Test func evidenceSpreadThroughTheBodyMakesItAboutEvenWithoutTheTitle() {
        let paragraphs = [
            "The navy said a destroyer and two warships sailed through the strait on Monday.",
            "Fighter jets and artillery units joined the military exercise, the defence ministry said.",
            "The armed forces have held drills every month this year.",
            "Troops on the island were put on alert.",
        ]
        #expect(level("military", title: "Drills near the island", paragraphs) == .about)
    }

    @Test func theExplanationSaysWhereTheTermsStand() throws {
        var paragraphs = Self.budget
        paragraphs.insert("One member said a ransomware attack on a nearby town had cost it dearly.", at: 6)
        let cyber = try #require(classifier.classify(title: "Council delays budget vote", paragraphs: paragraphs)
            .first { $0.id == "cyber" })
        #expect(cyber.terms == ["ransomware"])
        #expect(!cyber.evidence.inTitle && !cyber.evidence.inLead)
        #expect(cyber.evidence.paragraphs == 1 && cyber.evidence.sentencesWithEvidence == 1)
        #expect(cyber.evidence.sentences == Self.budget.count * 3 + 1)
    }

    @Test func thePipelineKeepsTheLevelsApart() {
        var paragraphs = Self.budget
        paragraphs.insert("One member said a ransomware attack on a nearby town had cost it dearly.", at: 6)
        let document = RawDocument(source: "council.txt", format: .text, title: "Council delays budget vote",
                                   blocks: paragraphs.map { Block(kind: .paragraph, text: $0) })
        let article = ArticlePipeline().process(document)
        #expect(!article.topics.contains { $0.id == "cyber" })
        #expect(article.mentions.map(\.id).contains("cyber"))
        #expect(article.topics.allSatisfy { $0.level == .about } && article.mentions.allSatisfy { $0.level == .mention })
    }

    @Test func theSeedIsAboutCyberMissilesAndSupplyChain() {
        let about = classifier.classify(title: TopicClassifierTests.seedTitle, paragraphs: TopicClassifierTests.seedBody)
            .filter { $0.level == .about }.map(\.id)
        #expect(Set(about).isSuperset(of: ["cyber", "missiles", "supply-chain"]), "\(about)")
    }

    @Test func twoStrongTermsInOneSentenceAreMoreThanAMention() {
        func paragraphs(_ outcome: String) -> [String] {
            ["Officials met on Monday.", "They talked about roads.", "Then about schools.", outcome, "Lunch followed."]
        }
        #expect(level("supply-chain", title: "Officials meet",
                      paragraphs("They agreed a supply-chain early warning system for critical minerals.")) == .about)
        #expect(level("supply-chain", title: "Officials meet",
                      paragraphs("They agreed a supply-chain early warning system for roads.")) == .mention)
    }

    // MARK: words in another sense

    @Test func spaceAsRoomIsNotSpace() {
        let paragraphs = ["The new office space has room for forty desks.", "There is more space for parking too."]
        #expect(level("space", title: "Firm moves to bigger space", paragraphs) == nil)
        #expect(level("space", title: "Satellite reaches orbit", ["The space agency said the satellite entered orbit."]) == .about)
    }

    @Test func aProductLaunchIsNotSpaceOrMissiles() {
        let paragraphs = ["The company will launch its streaming service next week.", "The launch follows a year of delays."]
        #expect(level("space", title: "Streaming service launch set", paragraphs) == nil)
        #expect(level("missiles", title: "Streaming service launch set", paragraphs) == nil)
    }

    @Test func anArmyOfFansIsNotMilitary() {
        let paragraphs = ["An army of fans followed the band to the stadium.", "The army of fans sang every song."]
        #expect(level("military", title: "Band brings its army of fans", paragraphs) == nil)
        #expect(level("military", title: "Army moves troops", ["The army moved troops and artillery to the border."]) == .about)
    }

    @Test func aChipShotIsNotSupplyChain() {
        let paragraphs = ["His chip shot landed a foot from the hole.", "The golf crowd cheered the chip."]
        #expect(level("supply-chain", title: "Chip shot wins the open", paragraphs) == nil)
    }

    @Test func aShortageOfGoalsIsNotSupplyChain() {
        let paragraphs = ["The club's shortage of goals cost it the league.", "The striker blamed a shortage of chances."]
        #expect(level("supply-chain", title: "Shortage of goals sinks the club", paragraphs) == nil)
        #expect(level("supply-chain", title: "Chip shortage hits carmakers",
                      ["A semiconductor shortage halted factories.", "Suppliers cannot meet demand."]) == .about)
    }

    @Test func aTeamsVisitIsNotDiplomacy() {
        let paragraphs = ["The visiting team won the match 3-1.", "The coach said the visit to the stadium was a test."]
        #expect(level("diplomacy", title: "Visitors win the match", paragraphs) == nil)
        let state = ["The foreign minister will visit Beijing for talks with her counterpart.",
                     "The visit is the first by a foreign minister in five years, the embassy said."]
        #expect(level("diplomacy", title: "Foreign minister to visit Beijing", state) == .about)
    }

    @Test func talksAndMeetingsAloneAreNotDiplomacy() {
        let paragraphs = ["Studios and the writers' union resumed talks on Monday.",
                          "The meeting ended with an agreement on pay."]
        #expect(level("diplomacy", title: "Writers and studios reach agreement", paragraphs) == nil)
    }

    // MARK: user topics score the same way

    @Test func userTopicsUseContextAgainstAndAbout() throws {
        let text = """
            [energy]
            name = "Energy"
            strong = ["pipeline"]
            terms = ["oil price"]
            context = ["barrel"]
            against = ["sales pipeline"]
            about = 3.5
            """
        let topics = try TopicFile.parse(text, file: "topics.toml")
        #expect(topics.first?.context == ["barrel"])
        #expect(topics.first?.against == ["sales pipeline"])
        #expect(topics.first?.about == 3.5)
        let classifier = TopicClassifier(topics: topics)
        func level(_ title: String, _ paragraphs: [String]) -> TopicLevel? {
            classifier.classify(title: title, paragraphs: paragraphs).first?.level
        }
        #expect(level("", ["A barrel of rain water.", "Another barrel."]) == nil, "context alone never matches")
        #expect(level("", ["The sales pipeline grew."]) == nil, "another sense")
        #expect(level("Pipeline opens", ["The pipeline opened."]) == .mention, "below its own about threshold")
        #expect(level("Pipeline opens as oil price falls",
                      ["The pipeline opened.", "Each barrel costs less.", "Oil prices fell.", "The pipeline runs north."])
                == .about)
    }

    @Test(arguments: [
        ("[space]\nname = \"Space\"\nstrong = [\"x\"]\nabout = 0\n", "'about' must be a positive number"),
        ("[space]\nname = \"Space\"\nstrong = [\"x\"]\ncontext = \"y\"\n", "'context' must be an array of strings"),
        ("[space]\nname = \"Space\"\nstrong = [\"x\"]\nagainst = [\"--\"]\n", "has no words"),
    ])
    func malformedNewKeysNameTheProblem(text: String, fragment: String) {
        #expect {
            _ = try TopicFile.parse(text, file: "topics.toml")
        } throws: { error in
            (error as? TopicFileError)?.description.contains(fragment) ?? false
        }
    }

    @Test func aPhraseDoesNotRunAcrossSentences() {
        let classifier = TopicClassifier(topics: [TopicDefinition(id: "chains", name: "Chains", strong: ["supply chain"])])
        #expect(classifier.classify(title: "", paragraphs: ["Demand outran supply. Chain stores closed early."]).isEmpty)
        #expect(!classifier.classify(title: "", paragraphs: ["Demand outran supply. The supply chain broke."]).isEmpty)
    }

    @Test func sentenceEndsAreFoundWhereverTheyStandInTheText() {
        // The splitter skips eight bytes at a time: every end must be found at every alignment.
        for padding in 0..<17 {
            let lead = String(repeating: "w", count: padding)
            #expect(SentenceSplitter.sentences(in: lead + " ran. Then it rained!” Who knew? Nobody.")
                    == [lead[...] + " ran.", "Then it rained!”", "Who knew?", "Nobody."])
        }
    }

    @Test func sentencesSplitAtEndsNotAtAbbreviations() {
        let sentences = SentenceSplitter.sentences(in: "Mr. Smith met U.S. officials. They talked! \"Why?\" he asked. 3 left.")
        #expect(sentences == ["Mr. Smith met U.S. officials.", "They talked!", "\"Why?\" he asked.", "3 left."])
    }
}
