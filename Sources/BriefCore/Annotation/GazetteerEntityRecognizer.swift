// The shipped entity recognizer: gazetteers, patterns, casing and document-level consistency.

/// Recognizes people, organizations, places, nationalities and dates without a model.
///
/// Gazetteer phrases (countries and their variants, cities, seas, organizations,
/// demonyms) are matched over case-folded token keys; names they do not cover are found
/// as runs of capitalized words, typed by patterns (a title before a name, a first name,
/// an organization or place suffix, `X said`), and settled across the document (a later
/// `Sullivan` is the `Jake Sullivan` named earlier). Headlines in Title Case or capitals
/// are read through what the body establishes rather than through their capitals.
///
/// Those rules are English rules: a document in another language (German capitalizes every
/// noun) gets only the names the gazetteer lists in many languages (countries, capitals,
/// international organizations), never a guess from capitals.
public struct GazetteerEntityRecognizer: EntityRecognizer {
    public static let shared = GazetteerEntityRecognizer()

    let gazetteer: Gazetteer
    let settings: EntitySettings
    let languages: LanguageIdentifier

    /// The shipped gazetteer, with `settings` (the standard thresholds unless given).
    public init(settings: EntitySettings = .standard) {
        self.init(gazetteer: .shared, settings: settings, languages: .shared)
    }

    init(gazetteer: Gazetteer, settings: EntitySettings, languages: LanguageIdentifier = .shared) {
        self.gazetteer = gazetteer
        self.settings = settings
        self.languages = languages
    }

    /// Identifies the document's language from its text first.
    public func entities(title: String?, paragraphs: [String]) -> [EntitySpan] {
        entities(title: title, paragraphs: paragraphs,
                 language: languages.language(declared: nil, title: title, paragraphs: paragraphs))
    }

    public func entities(title: String?, paragraphs: [String], language: String?) -> [EntitySpan] {
        // An undecided language is read as English: short English snippets decide nothing.
        let english = language.map { $0 == LanguageIdentifier.english } ?? true
        var finder = DocumentEntityFinder(gazetteer: gazetteer, settings: settings, englishRules: english)
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
