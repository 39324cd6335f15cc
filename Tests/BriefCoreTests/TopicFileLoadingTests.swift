// A large user topics file loads in file order, merges by id, and errors still name the topic's line.
import Testing
@testable import BriefCore

@Suite("Topic file loading")
struct TopicFileLoadingTests {
    static func topics(_ count: Int, broken: Int? = nil) -> String {
        (0..<count).map { index in
            let key = index == broken ? "strng" : "strong"
            return "[topic-\(index)]\nname = \"Topic \(index)\"\n\(key) = [\"alpha\(index) beta\"]\nterms = [\"gamma\(index)\"]\n"
        }.joined(separator: "\n")
    }

    @Test func aThousandTopicsLoadInFileOrderAndMergeOnceEach() throws {
        let topics = try TopicFile.parse(Self.topics(1000), file: "topics.toml")
        #expect(topics.map(\.id) == (0..<1000).map { "topic-\($0)" })
        let builtIn = TopicClassifier.builtIn.topics
        let override = TopicDefinition(id: try #require(builtIn.first?.id), name: "Mine", strong: ["mine"], terms: [])
        let merged = TopicClassifier.merge(builtIn, with: topics + [override, topics[0]])
        #expect(merged.count == builtIn.count + 1000, "an id given twice is one topic")
        #expect(merged.first?.name == "Mine", "an override keeps the built-in topic's place")
        #expect(merged.suffix(1000).map(\.id) == topics.map(\.id))
    }

    @Test func anErrorInTheLastOfAThousandTopicsNamesItsHeaderLine() {
        do {
            _ = try TopicFile.parse(Self.topics(1000, broken: 999), file: "topics.toml")
            Issue.record("an unknown key is an error")
        } catch {
            // Five lines a topic: the 1,000th header is line 4,996.
            #expect(error.description.contains("topics.toml:4996"), "\(error.description)")
            #expect(error.description.contains("topic 'topic-999'"))
        }
    }

    @Test func headersWithQuotesCommentsOrIndentationAreFound() {
        let text = "# topics\n  [\"chips\"]  # quoted\nname = \"Chips\"\nstrng = [\"wafer\"]\n"
        do {
            _ = try TopicFile.parse(text, file: "t.toml")
            Issue.record("an unknown key is an error")
        } catch {
            #expect(error.description.contains("t.toml:2"), "\(error.description)")
        }
    }
}
