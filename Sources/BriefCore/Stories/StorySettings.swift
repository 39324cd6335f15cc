// The thresholds of story grouping, named (config.toml's [stories] table sets the user-facing ones).

/// How articles are grouped into stories.
///
/// Two rules make two articles one story: their kept texts are near-duplicates (the Jaccard
/// similarity of their word shingles, estimated by MinHash, reaches `nearDuplicateJaccard`),
/// or they tell the same story in other words: dated within `windowDays` of each other, they
/// share `minSharedTitleTerms` title words, and either `sameStoryJaccard` of their shingles or
/// `minSharedEntities` people, places and organizations of which `minSharedDistinctiveEntities`
/// are names few other articles carry.
public struct StorySettings: Hashable, Sendable {
    /// Whether the list shows one row per story (`[stories] group`).
    public var group: Bool
    /// Days between two articles' dates within which different texts may be one story (`[stories] window_days`).
    public var windowDays: Int
    /// Words per shingle: long enough that two unrelated texts rarely share one by chance.
    public var shingleWords: Int
    /// Estimated Jaccard similarity of the shingle sets at and above which two texts are the same.
    /// On the story corpus (Scripts/story-corpus) 0.5 let unrelated articles whose kept text was
    /// mostly one shared paragraph through (precision 0.975); 0.6 kept precision 0.987 and recall
    /// 0.977; 0.7 lost re-issues with a dropped and an added paragraph (recall 0.947).
    public var nearDuplicateJaccard: Double
    /// Title words (not function words) two different texts must share.
    public var minSharedTitleTerms: Int
    /// Of the shorter title's words, the share the other title must have.
    public var minTitleOverlap: Double
    /// People, places and organizations two different texts must share (2 joined twice as many
    /// unrelated articles with a reused headline on the story corpus as 3).
    public var minSharedEntities: Int
    /// Estimated Jaccard similarity of the shingle sets at and above which two texts with a shared
    /// headline share enough body to be one story told again (a version cut to length, a re-issue
    /// with paragraphs dropped and added): a tenth of their shingles is several sentences, where
    /// two unrelated texts share none and a quoted sentence is a few hundredths.
    public var sameStoryJaccard: Double
    /// Shared names that few other articles carry (see `commonEntityShare`) that stand for shared
    /// body text: two outlets writing up one event name the same people and towns, where two
    /// stories that merely share a headline's words share at most a country or a big institution.
    public var minSharedDistinctiveEntities: Int
    /// A name carried by more than this share of the articles grouped so far is common ("United
    /// States", "Reuters") and no evidence that two texts tell one story.
    public var commonEntityShare: Double
    /// Below this many articles carrying a name, it is never common (a small library has no
    /// frequencies to go by).
    public var commonEntityMinArticles: Int
    /// Texts with fewer shingles than this (about 27 words) are too short to call near-duplicates:
    /// feed items whose one-line summaries follow a template ("notice number 4 about …") differ in
    /// a word or two, which MinHash cannot tell from a re-issue.
    public var minShingles: Int

    public init(group: Bool = true, windowDays: Int = 3, shingleWords: Int = 4, nearDuplicateJaccard: Double = 0.6,
                minSharedTitleTerms: Int = 3, minTitleOverlap: Double = 0.5, minSharedEntities: Int = 3,
                minShingles: Int = 24, sameStoryJaccard: Double = 0.1, minSharedDistinctiveEntities: Int = 2,
                commonEntityShare: Double = 0.01, commonEntityMinArticles: Int = 20) {
        self.group = group
        self.windowDays = windowDays
        self.shingleWords = shingleWords
        self.nearDuplicateJaccard = nearDuplicateJaccard
        self.minSharedTitleTerms = minSharedTitleTerms
        self.minTitleOverlap = minTitleOverlap
        self.minSharedEntities = minSharedEntities
        self.minShingles = minShingles
        self.sameStoryJaccard = sameStoryJaccard
        self.minSharedDistinctiveEntities = minSharedDistinctiveEntities
        self.commonEntityShare = commonEntityShare
        self.commonEntityMinArticles = commonEntityMinArticles
    }

    public static let standard = StorySettings()
}

/// The MinHash signature's shape: `bands` × `rowsPerBand` hash functions. Two texts become
/// candidates when one band of their signatures agrees in every row: with 20 bands of 3 rows,
/// texts of Jaccard 0.6 meet with probability 0.99, of 0.5 with 0.93, of 0.1 with 0.02.
package enum MinHashShape {
    package static let bands = 20
    package static let rowsPerBand = 3
    package static var hashes: Int { bands * rowsPerBand }
}
