// Scores an article against topic definitions and explains each match by the terms that fired.
import Foundation

/// Finds the topics of an article from the terms in its title and kept paragraphs.
///
/// Built-in topics come from `Resources/Data/topics.toml`; a user's topics file adds topics
/// and replaces built-in ones with the same id (`TopicClassifier.load(userFile:)`).
public struct TopicClassifier: Sendable {
    /// The topics, in definition order.
    public let topics: [TopicDefinition]
    public let scoring: TopicScoring
    private let matcher: TopicMatcher

    public init(topics: [TopicDefinition], scoring: TopicScoring = .standard) {
        self.topics = topics
        self.scoring = scoring
        matcher = TopicMatcher(topics: topics, scoring: scoring)
    }

    /// The topics shipped with Brief.
    public static let builtIn = TopicClassifier(topics: builtInTopics)

    /// The shipped topic definitions.
    public static let builtInTopics: [TopicDefinition] = {
        guard let url = Bundle.module.url(forResource: "topics", withExtension: "toml", subdirectory: "Data") else {
            preconditionFailure("BriefCore resource Data/topics.toml is missing from the bundle")
        }
        do {
            return try TopicFile.load(url)
        } catch {
            preconditionFailure("the built-in topics file is malformed: \(error)")
        }
    }()

    /// The built-in topics merged with the user's file, when it exists.
    ///
    /// - Throws: `TopicFileError` naming the file and line when the user's file is malformed.
    public static func load(userFile: URL?) throws(TopicFileError) -> TopicClassifier {
        guard let userFile, FileManager.default.fileExists(atPath: userFile.path) else { return .builtIn }
        return TopicClassifier(topics: merge(builtInTopics, with: try TopicFile.load(userFile)))
    }

    /// `base` with each topic of `overrides` replacing the one with its id, new ids appended.
    public static func merge(_ base: [TopicDefinition], with overrides: [TopicDefinition]) -> [TopicDefinition] {
        var merged = base
        // Positions by id, so a file of many topics merges in one pass.
        var positions = Dictionary(base.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for topic in overrides {
            if let index = positions[topic.id] {
                merged[index] = topic
            } else {
                positions[topic.id] = merged.count
                merged.append(topic)
            }
        }
        return merged
    }

    /// The topics the text matches, best first, each with the terms that fired.
    public func classify(title: String, paragraphs: [String]) -> [TopicMatch] {
        var counts = [Int](repeating: 0, count: matcher.terms.count)
        let titleTokens = FoldedWordTokenizer.tokens(title)
        matcher.count(titleTokens, multiplier: scoring.titleOccurrences, into: &counts)
        var words = titleTokens.count
        for paragraph in paragraphs {
            let tokens = FoldedWordTokenizer.tokens(paragraph)
            words += tokens.count
            matcher.count(tokens, multiplier: 1, into: &counts)
        }
        var fired = [[(term: String, contribution: Double)]](repeating: [], count: topics.count)
        for (index, count) in counts.enumerated() where count > 0 {
            let term = matcher.terms[index]
            fired[term.topic].append((term.text, scoring.contribution(weight: term.weight, occurrences: count)))
        }
        var matches: [TopicMatch] = []
        for (index, topic) in topics.enumerated() where !fired[index].isEmpty {
            let score = fired[index].reduce(0) { $0 + $1.contribution }
            guard score >= scoring.threshold(topic.threshold ?? scoring.threshold, words: words) else { continue }
            let terms = fired[index].sorted { ($0.contribution, $1.term) > ($1.contribution, $0.term) }.map(\.term)
            matches.append(TopicMatch(id: topic.id, name: topic.name, score: (score * 100).rounded() / 100, terms: terms))
        }
        return matches.sorted { ($0.score, $1.id) > ($1.score, $0.id) }
    }
}
