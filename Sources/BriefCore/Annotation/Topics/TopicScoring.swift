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
/// ordinary terms need a second, different one. Reaching the threshold means the article
/// *mentions* the topic.
///
/// Whether it is *about* the topic is its salience, a sum of where the evidence stands: in the
/// title (`titleSalience`, in full for a strong term), in the lead paragraphs (`leadSalience`),
/// the share of sentences that carry it (`shareSalience`, in full at `fullShare`), how many
/// paragraphs it spreads over (`spreadSalience`, in full at `fullSpread`), how many distinct
/// terms fired (`varietySalience`, in full at `fullVariety`) and whether several distinct strong
/// terms did (`strongVarietySalience`: a sentence naming a supply chain, critical minerals and
/// batteries is an outcome of the story, not a passing word). One strong term in one sentence of
/// a long article scores little; a story told about the topic scores on most counts. However
/// salient, evidence scoring under `aboutEvidence` times the topic's threshold (with the
/// defaults: one strong term once, two ordinary terms once each) is a mention: in a short
/// article every word stands in the lead.
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

    /// Paragraphs after the title that count as the lead.
    public var leadParagraphs: Int
    /// Salience of evidence in the title (strong-term weight or more in full, less pro rata).
    public var titleSalience: Double
    /// Salience of evidence in the lead paragraphs.
    public var leadSalience: Double
    /// Salience of the share of body sentences carrying evidence, in full at `fullShare`.
    public var shareSalience: Double
    public var fullShare: Double
    /// Salience of evidence spread over paragraphs: none for one, in full at `fullSpread`.
    public var spreadSalience: Double
    public var fullSpread: Int
    /// Salience of distinct terms: none for one, in full at `fullVariety`.
    public var varietySalience: Double
    public var fullVariety: Int
    /// Salience of distinct strong terms: none for one, in full at `fullStrongVariety`.
    public var strongVarietySalience: Double
    public var fullStrongVariety: Int
    /// The salience at which an article is about a topic unless its definition sets its own.
    public var aboutThreshold: Double
    /// The least score of an article about a topic, whatever its salience, as a multiple of the
    /// topic's threshold (its own or `threshold`).
    public var aboutEvidence: Double

    public init(strongWeight: Double = 2, termWeight: Double = 1, titleOccurrences: Int = 2, termCap: Double = 1.5,
                threshold: Double = 2, referenceWords: Int = 800, leadParagraphs: Int = 2, titleSalience: Double = 1,
                leadSalience: Double = 0.5, shareSalience: Double = 1, fullShare: Double = 0.3, spreadSalience: Double = 1,
                fullSpread: Int = 4, varietySalience: Double = 0.5, fullVariety: Int = 4, strongVarietySalience: Double = 0.6,
                fullStrongVariety: Int = 2, aboutThreshold: Double = 1.2, aboutEvidence: Double = 1.5) {
        self.strongWeight = strongWeight
        self.termWeight = termWeight
        self.titleOccurrences = titleOccurrences
        self.termCap = termCap
        self.threshold = threshold
        self.referenceWords = referenceWords
        self.leadParagraphs = leadParagraphs
        self.titleSalience = titleSalience
        self.leadSalience = leadSalience
        self.shareSalience = shareSalience
        self.fullShare = fullShare
        self.spreadSalience = spreadSalience
        self.fullSpread = fullSpread
        self.varietySalience = varietySalience
        self.fullVariety = fullVariety
        self.strongVarietySalience = strongVarietySalience
        self.fullStrongVariety = fullStrongVariety
        self.aboutThreshold = aboutThreshold
        self.aboutEvidence = aboutEvidence
    }

    public static let standard = TopicScoring()

    /// The contribution of one term with `occurrences` weighted mentions.
    func contribution(weight: Double, occurrences: Int) -> Double {
        guard occurrences > 0 else { return 0 }
        let raw = weight * (1 + log(Double(occurrences)))
        return weight < strongWeight ? min(raw, termCap) : raw
    }

    /// How central the evidence described by `evidence` is to the article.
    func salience(_ evidence: TopicEvidence, titleWeight: Double, distinctTerms: Int, distinctStrongTerms: Int) -> Double {
        func ramp(_ value: Double, full: Double) -> Double { full <= 0 ? 1 : min(1, max(0, value / full)) }
        let share = evidence.sentences == 0 ? 0 : Double(evidence.sentencesWithEvidence) / Double(evidence.sentences)
        return titleSalience * ramp(titleWeight, full: strongWeight)
            + (evidence.inLead ? leadSalience : 0)
            + shareSalience * ramp(share, full: fullShare)
            + spreadSalience * ramp(Double(evidence.paragraphs - 1), full: Double(fullSpread - 1))
            + varietySalience * ramp(Double(distinctTerms - 1), full: Double(fullVariety - 1))
            + strongVarietySalience * ramp(Double(distinctStrongTerms - 1), full: Double(fullStrongVariety - 1))
    }

    /// The threshold for a text of `words` words.
    func threshold(_ base: Double, words: Int) -> Double {
        words <= referenceWords ? base : base * (Double(words) / Double(referenceWords)).squareRoot()
    }
}
