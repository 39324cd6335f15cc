// The named settings that turn counted terms into a topic score.
import Foundation

/// How term occurrences become a topic score.
///
/// A term that fired contributes `weight × (1 + ln(occurrences))`, where a mention in the
/// title counts as `titleOccurrences` mentions; an ordinary term contributes at most
/// `termCap`, so that one generic word repeated ("software", "war") never makes a topic alone.
/// The topic matches when the sum reaches its threshold, raised for long texts by
/// `sqrt(words / referenceWords)` so that a long page mentioning everything once does not
/// match every topic. With the defaults one strong term is enough in a news-length article;
/// ordinary terms need a second, different one.
public struct TopicScoring: Hashable, Sendable {
    /// Weight of a term listed under `strong`.
    public var strongWeight: Double
    /// Weight of a term listed under `terms`.
    public var termWeight: Double
    /// How many body mentions one title mention is worth.
    public var titleOccurrences: Int
    /// The most one ordinary term can contribute, however often it occurs.
    public var termCap: Double
    /// The score a topic must reach unless its definition sets its own.
    public var threshold: Double
    /// Texts up to this many words use the plain threshold; longer ones a higher one.
    public var referenceWords: Int

    public init(strongWeight: Double = 2, termWeight: Double = 1, titleOccurrences: Int = 2, termCap: Double = 1.5,
                threshold: Double = 2, referenceWords: Int = 800) {
        self.strongWeight = strongWeight
        self.termWeight = termWeight
        self.titleOccurrences = titleOccurrences
        self.termCap = termCap
        self.threshold = threshold
        self.referenceWords = referenceWords
    }

    public static let standard = TopicScoring()

    /// The contribution of one term with `occurrences` weighted mentions.
    func contribution(weight: Double, occurrences: Int) -> Double {
        guard occurrences > 0 else { return 0 }
        let raw = weight * (1 + log(Double(occurrences)))
        return weight < strongWeight ? min(raw, termCap) : raw
    }

    /// The threshold for a text of `words` words.
    func threshold(_ base: Double, words: Int) -> Double {
        words <= referenceWords ? base : base * (Double(words) / Double(referenceWords)).squareRoot()
    }
}
