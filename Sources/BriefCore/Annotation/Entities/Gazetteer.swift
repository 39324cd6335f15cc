// The word lists and phrase tables behind entity recognition, loaded once from the bundled data files.
import Foundation

/// What a gazetteer phrase names.
enum PhraseKind: UInt8, Sendable {
    case place, organization, nationality, person
    /// A person's title or role (`President`, `National Security Adviser`, `striker`):
    /// not an entity itself, but the name after it is a person.
    case personTitle

    var entityType: EntityType? {
        switch self {
        case .place: .place
        case .organization: .organization
        case .nationality: .nationality
        case .person: .person
        case .personTitle: nil
        }
    }
}

/// One phrase of the gazetteer and the name it stands for.
struct PhraseEntry: Sendable {
    var kind: PhraseKind
    /// `U.S.` → `United States`; nil when the phrase is its own canonical name.
    var canonical: String?
    /// A country or territory: in a results table it is a national team, still a place.
    var national = false
}

/// The longest gazetteer phrase starting at a token.
struct PhraseMatch {
    var entry: PhraseEntry
    /// Token index one past the phrase.
    var end: Int
}

/// Phrase tables and word sets keyed by `ScalarKey`, built from `Resources/Data/gazetteer`.
///
/// Phrase files hold one entity per line, `Canonical | variant | variant`; word files one
/// word or phrase per line. `#` starts a comment. Files are read once per process.
struct Gazetteer: Sendable {
    /// The bundled gazetteer, loaded on first use.
    static let shared = Gazetteer.loadBundled()

    let tokenizer: EntityTokenizer
    private(set) var phrases: [UInt64: PhraseEntry] = [:]
    /// Keys of every proper prefix of a phrase, so a longest match can stop early.
    private(set) var phrasePrefixes: Set<UInt64> = []
    private(set) var maxPhraseTokens = 1

    private(set) var firstNames: Set<UInt64> = []
    /// Words that are capitalized only because they start a sentence or a headline.
    private(set) var commonWords: Set<UInt64> = []
    /// Last words that make a name an organization (`Inc.`, `Ministry`, `Council`).
    private(set) var organizationSuffixes: Set<UInt64> = []
    /// First words that make a multi-word name an organization (`Real Madrid`).
    private(set) var organizationPrefixes: Set<UInt64> = []
    /// First words that make `X of Y` an organization (`Bank of`, `University of`).
    private(set) var organizationHeads: Set<UInt64> = []
    /// Last words that make a name a place (`Strait`, `Sea`, `River`).
    private(set) var placeSuffixes: Set<UInt64> = []
    /// Plural place suffixes that allow `East and South China Seas`.
    private(set) var pluralPlaceSuffixes: Set<UInt64> = []
    /// First words that make a name a place (`Mount`, `Lake`, `Gulf of`).
    private(set) var placeHeads: Set<UInt64> = []
    /// Lowercase words that may sit inside a name (`of`, `de`, `van`).
    private(set) var connectors: Set<UInt64> = []
    /// Words a Title-Case headline leaves in lowercase (`of`, `to`, `with`).
    private(set) var functionWords: Set<UInt64> = []
    /// Capitalized words that open a run without belonging to the name (`The`).
    private(set) var leadingArticles: Set<UInt64> = []
    /// Lowercase particles inside personal names (`de`, `van`, `bin`).
    private(set) var nameParticles: Set<UInt64> = []
    /// `and`, `or`: coordination, as in `East and South China Seas`.
    private(set) var conjunctions: Set<UInt64> = []
    /// Verbs of saying: `X said` makes X a person.
    private(set) var speechVerbs: Set<UInt64> = []
    /// Lowercase last parts that make a hyphenated word a modifier (`-born`, `-led`), not a given name.
    private(set) var modifierTails: Set<UInt64> = []
    /// Nouns for kinds of place: `the city of X` makes X a place.
    private(set) var placeNouns: Set<UInt64> = []
    /// Prepositions after which an unknown name is most likely a place.
    private(set) var placePrepositions: Set<UInt64> = []
    private(set) var months: Set<UInt64> = []
    /// Month names that are also ordinary words (`May`, `March`): dates only next to a number.
    private(set) var ambiguousMonths: Set<UInt64> = []
    private(set) var weekdays: Set<UInt64> = []

    /// Loads the files shipped in the module bundle; an unreadable file leaves its table empty.
    static func loadBundled() -> Gazetteer {
        Gazetteer(file: bundledFile)
    }

    /// The text of one shipped gazetteer file, or nil when it is missing or unreadable.
    static func bundledFile(_ name: String) -> String? {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Data/gazetteer", isDirectory: true)
        else { return nil }
        return try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// Builds the tables from file contents given by name (tests can pass their own).
    init(file: (String) -> String?) {
        func lines(_ name: String) -> [String] {
            guard let text = file(name) else { return [] }
            var result: [String] = []
            for raw in text.split(whereSeparator: \.isNewline) {
                var line = Substring(raw)
                if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { result.append(trimmed) }
            }
            return result
        }
        var abbreviations = Set<UInt64>()
        for line in lines("abbreviations.txt") { abbreviations.insert(ScalarKey.word(line)) }
        tokenizer = EntityTokenizer(abbreviations: abbreviations,
                                    particles: Set(lines("name-particles.txt").map { ScalarKey.word($0) }))

        func words(_ name: String) -> Set<UInt64> {
            Set(lines(name).map { phraseKey($0) })
        }
        firstNames = words("first-names.txt")
        commonWords = words("common-words.txt")
        organizationSuffixes = words("organization-suffixes.txt")
        organizationHeads = words("organization-heads.txt")
        organizationPrefixes = words("organization-prefixes.txt")
        placeSuffixes = words("place-suffixes.txt")
        pluralPlaceSuffixes = words("place-suffixes-plural.txt")
        placeSuffixes.formUnion(pluralPlaceSuffixes)
        placeHeads = words("place-heads.txt")
        connectors = words("connectors.txt")
        leadingArticles = words("leading-articles.txt")
        functionWords = words("function-words.txt")
        speechVerbs = words("speech-verbs.txt")
        modifierTails = Set(lines("modifier-tails.txt").map { ScalarKey.word($0) })
        nameParticles = words("name-particles.txt")
        conjunctions = words("conjunctions.txt")
        placePrepositions = words("place-prepositions.txt")
        placeNouns = words("place-nouns.txt")
        months = words("months.txt")
        ambiguousMonths = words("months-ambiguous.txt")
        months.formUnion(ambiguousMonths)
        weekdays = words("weekdays.txt")

        // Earlier files win when a phrase appears twice.
        let phraseFiles: [(String, PhraseKind)] = [
            ("person-titles.txt", .personTitle),
            ("nationalities.txt", .nationality),
            ("places-countries.txt", .place),
            ("organizations.txt", .organization),
            ("companies.txt", .organization),
            ("places-water.txt", .place),
            ("places-regions.txt", .place),
            ("places-cities.txt", .place),
            ("places-landmarks.txt", .place),
            ("people.txt", .person),
        ]
        for (name, kind) in phraseFiles {
            for line in lines(name) {
                let variants = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard let canonical = variants.first else { continue }
                for variant in variants {
                    addPhrase(variant, entry: PhraseEntry(kind: kind, canonical: variant == canonical ? nil : canonical,
                                                          national: name == "places-countries.txt"))
                }
            }
        }
    }

    /// The chained key of a phrase, tokenized as text will be.
    func phraseKey(_ text: String) -> UInt64 {
        var tokens: [EntityToken] = []
        tokenizer.tokenize(text.unicodeScalars.map(\.value), into: &tokens)
        var key = ScalarKey.emptyPhrase
        for token in tokens { key = ScalarKey.appending(token.key, to: key) }
        return tokens.count == 1 ? tokens[0].key : key
    }

    private mutating func addPhrase(_ text: String, entry: PhraseEntry) {
        var tokens: [EntityToken] = []
        tokenizer.tokenize(text.unicodeScalars.map(\.value), into: &tokens)
        guard !tokens.isEmpty else { return }
        var key = ScalarKey.emptyPhrase
        for (index, token) in tokens.enumerated() {
            key = ScalarKey.appending(token.key, to: key)
            if index < tokens.count - 1 { phrasePrefixes.insert(key) }
        }
        if phrases[key] == nil { phrases[key] = entry }
        maxPhraseTokens = max(maxPhraseTokens, tokens.count)
    }

    /// The longest phrase starting at `start` and ending at or before `limit`.
    ///
    /// - Parameter accept: whether a token may be part of a phrase at all (casing rules).
    @inline(__always)
    func longestPhrase(in tokens: [EntityToken], at start: Int, limit: Int,
                       accept: (EntityToken) -> Bool) -> PhraseMatch? {
        var key = ScalarKey.emptyPhrase
        var best: PhraseMatch?
        var index = start
        while index < limit, index - start < maxPhraseTokens {
            let token = tokens[index]
            guard accept(token) else { break }
            key = ScalarKey.appending(token.key, to: key)
            if let entry = phrases[key] { best = PhraseMatch(entry: entry, end: index + 1) }
            guard phrasePrefixes.contains(key) else { break }
            index += 1
        }
        return best
    }
}
