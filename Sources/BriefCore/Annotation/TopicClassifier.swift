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
        do {
            return try TopicFile.parse(BundledData.text("topics.toml"), file: "topics.toml")
        } catch {
            preconditionFailure("Brief's bundled data file topics.toml is malformed: \(error)")
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

    /// The topics the text matches at either level, best score first, each with the terms that
    /// fired and where.
    public func classify(title: String, paragraphs: [String]) -> [TopicMatch] {
        var tally = Tally(terms: matcher.terms.count, topics: topics.count)
        // One coding of the words per paragraph, into one reused buffer; sentences are ranges of it.
        var coded = TopicMatcher.CodedText()
        matcher.code(title, splittingSentences: false, into: &coded)
        tally.add(coded, coded.whole, paragraph: nil, occurrences: scoring.titleOccurrences, matcher)
        for (index, paragraph) in paragraphs.enumerated() {
            matcher.code(paragraph, splittingSentences: true, into: &coded)
            for sentence in coded.sentences {
                // Most sentences hold no word any term uses: they count, and need no matching.
                if sentence.mayMatch {
                    tally.add(coded, sentence, paragraph: index, occurrences: 1, matcher)
                } else {
                    tally.addSentenceWithoutTerms(words: sentence.words.count)
                }
            }
        }
        var fired = [[(term: String, contribution: Double)]](repeating: [], count: topics.count)
        var hasEvidence = [Bool](repeating: false, count: topics.count)
        var strongTerms = [Int](repeating: 0, count: topics.count)
        for (index, count) in tally.counts.enumerated() where count > 0 {
            let term = matcher.terms[index]
            if term.role == .evidence { hasEvidence[term.topic] = true }
            if term.weight >= scoring.strongWeight { strongTerms[term.topic] += 1 }
            fired[term.topic].append((term.text, scoring.contribution(weight: term.weight, occurrences: count)))
        }
        var matches: [TopicMatch] = []
        for (index, topic) in topics.enumerated() where hasEvidence[index] {
            let score = fired[index].reduce(0) { $0 + $1.contribution }
            let threshold = topic.threshold ?? scoring.threshold
            guard score >= scoring.threshold(threshold, words: tally.words) else { continue }
            var evidence = tally.evidence[index]
            evidence.inLead = tally.firstParagraph[index].map { $0 < scoring.leadParagraphs } ?? false
            evidence.sentences = tally.sentences
            let salience = scoring.salience(evidence, titleWeight: tally.titleWeight[index], distinctTerms: fired[index].count,
                                             distinctStrongTerms: strongTerms[index])
            let isAbout = salience >= (topic.about ?? scoring.aboutThreshold) && score >= scoring.aboutEvidence * threshold
            let level: TopicLevel = isAbout ? .about : .mention
            let terms = fired[index].sorted { ($0.contribution, $1.term) > ($1.contribution, $0.term) }.map(\.term)
            matches.append(TopicMatch(id: topic.id, name: topic.name, score: (score * 100).rounded() / 100, terms: terms,
                                      level: level, evidence: evidence))
        }
        return matches.sorted { ($0.score, $1.id) > ($1.score, $0.id) }
    }

    /// What one pass over the text found: occurrences per term, and per topic where they stand.
    private struct Tally {
        var counts: [Int]
        var evidence: [TopicEvidence]
        /// The sum of the weights of the distinct terms in the title, per topic.
        var titleWeight: [Double]
        var firstParagraph: [Int?]
        var lastParagraph: [Int]
        var words = 0
        var sentences = 0
        /// Scratch: the terms of the sentence being added, and the topics it speaks against.
        private var sentenceTerms: [Int] = []
        private var against: [Int] = []

        init(terms: Int, topics: Int) {
            counts = [Int](repeating: 0, count: terms)
            evidence = [TopicEvidence](repeating: TopicEvidence(), count: topics)
            titleWeight = [Double](repeating: 0, count: topics)
            firstParagraph = [Int?](repeating: nil, count: topics)
            lastParagraph = [Int](repeating: -1, count: topics)
        }

        /// Counts a paragraph's sentence in which no word is any term's word.
        mutating func addSentenceWithoutTerms(words count: Int) {
            words += count
            sentences += 1
        }

        /// Counts one sentence of `coded` (the title when `paragraph` is nil); a sentence holding a
        /// topic's `against` word gives that topic nothing.
        mutating func add(_ coded: TopicMatcher.CodedText, _ sentence: TopicMatcher.Sentence, paragraph: Int?,
                          occurrences: Int, _ matcher: TopicMatcher) {
            words += sentence.words.count
            if paragraph != nil { sentences += 1 }
            sentenceTerms.removeAll(keepingCapacity: true)
            against.removeAll(keepingCapacity: true)
            matcher.forEachMatch(in: coded, sentence) { term in
                if matcher.terms[term].role == .against {
                    against.append(matcher.terms[term].topic)
                } else {
                    sentenceTerms.append(term)
                }
            }
            var lastTopic = -1
            sentenceTerms.sort()
            for term in sentenceTerms {
                let topic = matcher.terms[term].topic
                guard !against.contains(topic) else { continue }
                let isNewTerm = counts[term] == 0
                counts[term] += occurrences
                guard let paragraph else {
                    if isNewTerm { titleWeight[topic] += matcher.terms[term].weight }
                    evidence[topic].inTitle = true
                    continue
                }
                // Terms are numbered topic by topic, so a topic's terms come together.
                guard topic != lastTopic else { continue }
                lastTopic = topic
                evidence[topic].sentencesWithEvidence += 1
                if firstParagraph[topic] == nil { firstParagraph[topic] = paragraph }
                if lastParagraph[topic] != paragraph {
                    lastParagraph[topic] = paragraph
                    evidence[topic].paragraphs += 1
                }
            }
        }
    }
}
