// The shipped entity recognizer: gazetteers, patterns, casing and document-level consistency.

/// Recognizes people, organizations, places, nationalities and dates without a model.
///
/// Gazetteer phrases (countries and their variants, cities, seas, organizations,
/// demonyms) are matched over case-folded token keys; names they do not cover are found
/// as runs of capitalized words, typed by patterns (a title before a name, a first name,
/// an organization or place suffix, `X said`), and settled across the document (a later
/// `Sullivan` is the `Jake Sullivan` named earlier). Headlines in Title Case or capitals
/// are read through what the body establishes rather than through their capitals.
public struct GazetteerEntityRecognizer: EntityRecognizer {
    public static let shared = GazetteerEntityRecognizer()

    let gazetteer: Gazetteer
    let settings: EntitySettings

    public init() {
        self.init(gazetteer: .shared, settings: .standard)
    }

    init(gazetteer: Gazetteer, settings: EntitySettings) {
        self.gazetteer = gazetteer
        self.settings = settings
    }

    public func entities(title: String?, paragraphs: [String]) -> [EntitySpan] {
        var finder = DocumentEntityFinder(gazetteer: gazetteer, settings: settings)
        if let title { finder.addLine(paragraph: -1, text: title) }
        for (index, paragraph) in paragraphs.enumerated() { finder.addLine(paragraph: index, text: paragraph) }
        return finder.spans()
    }
}

extension GazetteerEntityRecognizer {
    /// How many tokens (words, numbers, punctuation marks) the recognizer reads in `text`;
    /// the unit of the speed figure in `brief-bench`.
    package func tokenCount(_ text: String) -> Int {
        var tokens: [EntityToken] = []
        gazetteer.tokenizer.tokenize(text.unicodeScalars.map(\.value), into: &tokens)
        return tokens.count
    }
}
