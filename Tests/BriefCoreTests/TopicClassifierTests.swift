// Topics: the built-in definitions, inflections, scoring, explanations and the user's file.
import Foundation
import Testing
@testable import BriefCore

@Suite("Topic classifier")
struct TopicClassifierTests {
    /// The seed's six body paragraphs, as the cleaner keeps them.
    static let seedBody: [String] = {
        let url = Bundle.module.url(forResource: "seed", withExtension: "txt", subdirectory: "Fixtures")!
        let lines = (try! String(contentsOf: url, encoding: .utf8)).split(separator: "\n").map(String.init)
        // Line 0 is the title, 1 the date, 3–6 the promo block.
        return [lines[2]] + lines[7...].filter { !$0.isEmpty }
    }()
    static let seedTitle = "US, South Korea and Japan to step up their actions on North Korea cyber threats"

    func ids(_ matches: [TopicMatch]) -> Set<String> { Set(matches.map(\.id)) }

    @Test func builtInTopicsCoverTheRequiredSubjects() {
        let ids = Set(TopicClassifier.builtIn.topics.map(\.id))
        for required in ["cyber", "missiles", "supply-chain", "nuclear", "space", "crypto-finance", "maritime",
                         "diplomacy", "sanctions", "military"] {
            #expect(ids.contains(required), "missing built-in topic \(required)")
        }
        #expect(TopicClassifier.builtIn.topics.first?.id == "cyber", "topics keep the file's order")
    }

    @Test func seedIsCyberMissilesAndSupplyChain() throws {
        #expect(Self.seedBody.count == 6)
        let matches = TopicClassifier.builtIn.classify(title: Self.seedTitle, paragraphs: Self.seedBody)
        #expect(ids(matches).isSuperset(of: ["cyber", "missiles", "supply-chain"]))
        let supply = try #require(matches.first { $0.id == "supply-chain" })
        #expect(supply.terms.contains("supply chain"), "supply-chain as written matches the term 'supply chain'")
        #expect(supply.name == "Supply chain")
        let missiles = try #require(matches.first { $0.id == "missiles" })
        #expect(missiles.terms.contains("missile"))
        #expect(matches.map(\.score) == matches.map(\.score).sorted(by: >), "best first")
    }

    @Test func removedPromoContributesNothing() {
        let document = RawDocument(
            source: "promo.txt", format: .text, title: "Harbour festival draws record crowds",
            blocks: [Block(kind: .paragraph, text: "Thousands of visitors came to the harbour festival on Saturday.")],
            removed: [RemovedBlock(text: "Ransomware gang hits hospital; hackers demand bitcoin", reason: .unrelatedHeadline, position: 1)])
        let article = ArticlePipeline().process(document)
        #expect(!ids(article.topics).contains("cyber"))
        #expect(!ids(article.topics).contains("crypto-finance"))
    }

    @Test func pluralsHyphensAndPrefixesMatch() {
        let classifier = TopicClassifier(topics: [
            TopicDefinition(id: "t", name: "T", strong: ["supply chain", "battery", "cyber*", "launder|laundered|laundering"]),
        ])
        func terms(_ text: String) -> [String] { classifier.classify(title: "", paragraphs: [text]).first?.terms ?? [] }
        #expect(terms("Supply chains were strained.") == ["supply chain"])
        #expect(terms("a supply-chain alert") == ["supply chain"])
        #expect(terms("rechargeable batteries") == ["battery"])
        #expect(terms("CYBERSECURITY experts") == ["cyber*"])
        #expect(terms("funds were laundered") == ["launder"], "alternative forms report the first form")
        #expect(terms("Nothing relevant here.") == [])
    }

    @Test func closedCompoundOfAHyphenatedTermMatches() {
        let classifier = TopicClassifier(topics: [TopicDefinition(id: "t", name: "T", strong: ["cyber-attack"])])
        for text in ["a cyber-attack", "a cyber attack", "a cyberattack", "two cyberattacks"] {
            #expect(!classifier.classify(title: "", paragraphs: [text]).isEmpty, "\(text)")
        }
    }

    @Test func termsMatchWholeWordsOnly() {
        let classifier = TopicClassifier(topics: [TopicDefinition(id: "t", name: "T", strong: ["port"])])
        #expect(classifier.classify(title: "", paragraphs: ["An important airport report in the portfolio"]).isEmpty)
        #expect(!classifier.classify(title: "", paragraphs: ["The port's cranes", "PORT closed"]).isEmpty)
    }

    @Test func ordinaryTermsNeedCompany() {
        let classifier = TopicClassifier(topics: [TopicDefinition(id: "m", name: "Maritime", strong: ["tanker"],
                                                                  terms: ["vessel", "cargo"])])
        #expect(classifier.classify(title: "", paragraphs: ["One vessel."]).isEmpty)
        #expect(!classifier.classify(title: "", paragraphs: ["One vessel with cargo."]).isEmpty)
        #expect(!classifier.classify(title: "", paragraphs: ["A tanker."]).isEmpty)
        #expect(classifier.classify(title: "", paragraphs: ["vessel", "vessel", "vessel", "vessel"]).isEmpty,
                "one ordinary word repeated is not enough")
    }

    @Test func aTitleMentionWeighsMoreThanABodyMention() {
        let classifier = TopicClassifier(topics: [TopicDefinition(id: "m", name: "M", strong: ["tanker"], threshold: 3)])
        #expect(classifier.classify(title: "", paragraphs: ["A tanker."]).isEmpty)
        #expect(!classifier.classify(title: "Tanker seized", paragraphs: ["The crew is safe."]).isEmpty)
    }

    @Test func longTextsNeedMoreThanAPassingMention() {
        let classifier = TopicClassifier(topics: [TopicDefinition(id: "m", name: "M", strong: ["tanker"])])
        let filler = String(repeating: "Words about something else entirely. ", count: 800)
        #expect(!classifier.classify(title: "", paragraphs: ["A tanker ran aground."]).isEmpty)
        #expect(classifier.classify(title: "", paragraphs: [filler, "A tanker ran aground."]).isEmpty)
        let repeated = Array(repeating: "The tanker was towed.", count: 12)
        #expect(!classifier.classify(title: "", paragraphs: [filler] + repeated).isEmpty, "unless the topic recurs")
    }

    @Test func wideScriptTermsMatch() {
        let classifier = TopicClassifier(topics: [
            TopicDefinition(id: "zh", name: "Chinese", strong: ["导弹"]),
            TopicDefinition(id: "ko", name: "Korean", strong: ["미사일"]),
        ])
        #expect(ids(classifier.classify(title: "朝鲜发射弹道导弹", paragraphs: [])) == ["zh"])
        #expect(ids(classifier.classify(title: "북한 미사일 발사", paragraphs: [])) == ["ko"])
        #expect(classifier.classify(title: "导游", paragraphs: []).isEmpty)
    }

    @Test func userFileAddsAndOverridesTopics() throws {
        let text = """
            # mine
            [cyber]
            name = "Hacking only"
            strong = ["ransomware"]

            [energy]
            name = "Energy"
            strong = ["pipeline", "oil price"]
            terms = ["gas"]
            threshold = 1.5
            """
        let user = try TopicFile.parse(text, file: "topics.toml")
        #expect(user.map(\.id) == ["cyber", "energy"])
        #expect(user[1].threshold == 1.5)
        let classifier = TopicClassifier(topics: TopicClassifier.merge(TopicClassifier.builtInTopics, with: user))
        #expect(classifier.topics.filter { $0.id == "cyber" }.map(\.name) == ["Hacking only"])
        #expect(classifier.topics.last?.id == "energy")
        #expect(classifier.topics.count == TopicClassifier.builtIn.topics.count + 1)
        #expect(!ids(classifier.classify(title: "", paragraphs: ["Cybersecurity firms warn"])).contains("cyber"))
        #expect(ids(classifier.classify(title: "", paragraphs: ["Oil prices rose."])).contains("energy"))
    }

    @Test func userFileIsReadFromItsPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-topics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("topics.toml")
        #expect(try TopicClassifier.load(userFile: file).topics == TopicClassifier.builtIn.topics, "no file: built-in")
        try "[chips]\nname = \"Chips\"\nstrong = [\"wafer\"]\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try TopicClassifier.load(userFile: file).topics.last?.id == "chips")
    }

    /// A topics file is checked with `hasWords`, the matcher built with `forms`: they must agree.
    @Test(arguments: ["--", " * ", "a", "x-'s", "'s", "-|cyber", "日本", "*|-", "Korea's", "e-mail*", "  |  ", "’s", "é"])
    func aTermHasWordsExactlyWhenItHasForms(term: String) {
        #expect(TermVariants.hasWords(term) == !TermVariants.forms(of: term).isEmpty)
    }

    @Test(arguments: [
        ("[cyber]\nname = \"Cyber\"\nstrong = [\"a\"\n", 3, "topics.toml:3"),
        ("\n\n[space]\nname = \"Space\"\nstrong = \"satellite\"\n", 3, "'strong' must be an array of strings"),
        ("[space]\nname = \"Space\"\nstrng = [\"satellite\"]\n", 1, "unknown key 'strng'"),
        ("[Space]\nname = \"Space\"\nstrong = [\"satellite\"]\n", 1, "is not a topic id"),
        ("[space]\nstrong = [\"satellite\"]\n", 1, "'name' must be a non-empty string"),
        ("[space]\nname = \"Space\"\n", 1, "needs at least one term"),
        ("[space]\nname = \"Space\"\nstrong = [\"--\"]\n", 1, "has no words"),
        ("[space]\nname = \"Space\"\nstrong = [\"x\"]\nthreshold = -1\n", 1, "'threshold' must be a positive number"),
    ])
    func malformedFilesNameFileAndLine(text: String, line: Int, fragment: String) {
        #expect {
            _ = try TopicFile.parse(text, file: "topics.toml")
        } throws: { error in
            guard let error = error as? TopicFileError else { return false }
            return error.file == "topics.toml" && error.line == line && error.description.contains(fragment)
        }
    }
}
