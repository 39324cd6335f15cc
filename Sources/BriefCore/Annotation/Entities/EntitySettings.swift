// Named thresholds of the shipped entity recognizer, in one place.

/// Thresholds and defaults of `GazetteerEntityRecognizer`.
public struct EntitySettings: Sendable, Equatable {
    /// A line is a headline in capitals when more than this share of its words are ALL CAPS.
    public var allCapsLineShare = 0.5
    /// A line with no lowercase content word is a Title-Case headline when it has at least this
    /// many capitalized words, one of them an ordinary word.
    public var titleCaseMinimumWords = 3
    /// A line with no lowercase content word, a lowercase function word and at least this many
    /// capitalized words is a Title-Case headline even if none of them is known as ordinary.
    public var titleCaseWordsWithoutOrdinary = 5
    /// An ALL-CAPS word in prose of at most this many letters is an acronym (`NATO`), hence an organization.
    public var maximumAcronymLetters = 5
    /// Longest name (in tokens) looked for again in headlines: bounds the work on odd input.
    public var longestRememberedName = 8
    /// Longest run of capitalized words still read as a person's name without other evidence.
    public var maximumGuessedNameWords = 3
    /// What a lone capitalized word with no evidence at all is taken to be (nil: dropped), when the
    /// document confirms it or it reads as a plural name. News introduces people by full name, so
    /// a lone unknown word is more often an organization.
    public var unknownSingleWordType: EntityType? = .organization
    /// Shortest lone unknown word (in letters) read as a plural name (`Rams`), kept without confirmation.
    public var minimumPluralNameLetters = 4
    /// What two or three capitalized words with no evidence are taken to be.
    public var unknownNameType: EntityType = .person
    /// Longest syllable (in letters) on either side of the hyphen of a romanized given name (`Hye-jin`).
    public var romanizedSyllableMaximum = 5

    /// A document with at least this many distinct sports words (`sports-words.txt`) is a sports
    /// story, where a place beside a result or a team word is the team.
    public var sportsStoryMinimumWords = 3
    /// Whether, in a sports story, every city or region not after a place preposition (`in`, `at`)
    /// is the team it names (`Miami` beside `the Heat`); countries need a cue (`Australia boss`).
    public var sportsCitiesAreTeams = true

    public static let standard = EntitySettings()

    public init() {}
}
