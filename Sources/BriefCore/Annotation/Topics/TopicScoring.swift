// The named settings that turn counted terms into a topic score.
import Foundation

/// How term occurrences become a topic score.
///
/// A term that fired contributes `weight × (1 + ln(occurrences))`, where a mention in the
/// title counts as `titleOccurrences` mentions; the topic matches when the sum reaches its
/// threshold. With the defaults one strong term is enough, ordinary terms need company.
public struct TopicScoring: Hashable, Sendable {
    /// Weight of a term listed under `strong`.
    public var strongWeight: Double
    /// Weight of a term listed under `terms`.
    public var termWeight: Double
    /// How many body mentions one title mention is worth.
    public var titleOccurrences: Int
    /// The score a topic must reach unless its definition sets its own.
    public var threshold: Double

    public init(strongWeight: Double = 2, termWeight: Double = 1, titleOccurrences: Int = 2, threshold: Double = 2) {
        self.strongWeight = strongWeight
        self.termWeight = termWeight
        self.titleOccurrences = titleOccurrences
        self.threshold = threshold
    }

    public static let standard = TopicScoring()

    /// The contribution of one term with `occurrences` weighted mentions.
    func contribution(weight: Double, occurrences: Int) -> Double {
        occurrences > 0 ? weight * (1 + log(Double(occurrences))) : 0
    }
}
