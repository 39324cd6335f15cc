// Named thresholds of the shipped entity recognizer, in one place.

/// Thresholds and defaults of `GazetteerEntityRecognizer`.
struct EntitySettings: Sendable {
    /// A line is a headline in capitals when more than this share of its words are ALL CAPS.
    var allCapsLineShare = 0.5
    /// A line is a Title-Case headline when at least this share of its content words are capitalized…
    var titleCaseLineShare = 0.8
    /// …and it has at least this many content words.
    var titleCaseMinimumWords = 3
    /// Longest run of capitalized words still read as a person's name without other evidence.
    var maximumGuessedNameWords = 3
    /// What a lone capitalized word with no evidence at all is taken to be (nil: dropped).
    var unknownSingleWordType: EntityType? = .person
    /// What two or three capitalized words with no evidence are taken to be.
    var unknownNameType: EntityType = .person

    static let standard = EntitySettings()
}
