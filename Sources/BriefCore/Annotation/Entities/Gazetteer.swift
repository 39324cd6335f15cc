// The word lists and phrase tables behind entity recognition, loaded once from the bundled data files.
import Foundation

/// What a gazetteer phrase names.
enum PhraseKind: UInt8, Sendable {
    case place, organization, nationality, person
    /// A person's title or role (`President`, `National Security Adviser`, `striker`):
    /// not an entity itself, but the name after it is a person.
    case personTitle
    /// Capitalized but no name: a product, software, vehicle, unit, event, law or work.
    case notName

    var entityType: EntityType? {
        switch self {
        case .place: .place
        case .organization: .organization
        case .nationality: .nationality
        case .person: .person
        case .personTitle, .notName: nil
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
    /// Written in capitals in the gazetteer (`UN`, `США`): in another language's text it must be too.
    var acronym = false
    /// A company (companies.txt): an unknown word right after it names its product (`Chevrolet Volt`).
    var company = false
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
///
/// A class, so that what holds it holds one reference: a document's recognizer state held the
/// ~1.5 KB of tables inline, and every helper its mutating scan called was handed a copy of all
/// of it (a memcpy per call, several per token).
final class Gazetteer: Sendable {
    /// The bundled gazetteer, loaded on first use.
    static let shared = Gazetteer.loadBundled()

    let tokenizer: EntityTokenizer
    /// Every phrase, read in English text.
    let phrases: PhraseTable
    /// Keys of the words a person's title (`President`, `Vice President`) opens with, and a name
    /// that is no entity (`iPhone`, `Formula One`). Both are looked for at most words of a text;
    /// most words open neither, and these small sets say so without probing the phrase table,
    /// whose size makes each probe a cache miss.
    let personTitleOpenings: KeySet
    let notNameOpenings: KeySet
    /// Countries, capitals and international organizations in the common languages: all that
    /// is read in text in another language.
    let internationalNames: PhraseTable

    let firstNames: KeySet
    /// Words that are capitalized only because they start a sentence or a headline.
    let commonWords: KeySet
    /// Last words that make a name an organization (`Inc.`, `Ministry`, `Council`).
    let organizationSuffixes: KeySet
    /// First words that make a multi-word name an organization (`Real Madrid`).
    let organizationPrefixes: KeySet
    /// First words that make `X of Y` an organization (`Bank of`, `University of`).
    let organizationHeads: KeySet
    /// Last words that make a name a place (`Strait`, `Sea`, `River`).
    let placeSuffixes: KeySet
    /// Plural place suffixes that allow `East and South China Seas`.
    let pluralPlaceSuffixes: KeySet
    /// First words that make a name a place (`Mount`, `Lake`, `Gulf of`).
    let placeHeads: KeySet
    /// Lowercase words that may sit inside a name (`of`, `de`, `van`).
    let connectors: KeySet
    /// Words a Title-Case headline leaves in lowercase (`of`, `to`, `with`).
    let functionWords: KeySet
    /// Capitalized words that open a run without belonging to the name (`The`).
    let leadingArticles: KeySet
    /// Lowercase particles inside personal names (`de`, `van`, `bin`).
    let nameParticles: KeySet
    /// `and`, `or`: coordination, as in `East and South China Seas`.
    let conjunctions: KeySet
    /// Verbs of saying: `X said` makes X a person.
    let speechVerbs: KeySet
    /// Lowercase last parts that make a hyphenated word a modifier (`-born`, `-led`), not a given name.
    let modifierTails: KeySet
    /// Nouns for kinds of place: `the city of X` makes X a place.
    let placeNouns: KeySet
    /// Prepositions after which an unknown name is most likely a place.
    let placePrepositions: KeySet
    let months: KeySet
    /// Month names that are also ordinary words (`May`, `March`): dates only next to a number.
    let ambiguousMonths: KeySet
    let weekdays: KeySet
    /// Last words that make a name an event, prize or law (`Cup`, `Festival`, `Act`): no entity.
    let eventSuffixes: KeySet
    /// Words that continue a product's model name (`Pro`, `Ultra`): dropped with the product.
    let modelWords: KeySet
    /// One to three lowercase words right before a name that make it an organization
    /// (`the carmaker X`, `chief executive of X`), as chained keys.
    let organizationCuesBefore: KeySet
    /// Words right after a name that make it an organization (`X spokesman`, `X shares`).
    let organizationCuesAfter: KeySet
    /// Words right after a place that make it a sports team (`England coach`).
    let teamCuesAfter: KeySet
    /// One to three lowercase words right before a place that make it a sports team (`played for X`).
    let teamCuesBefore: KeySet
    /// Prefixes of ships' names (`USS`, `HMS`): the ship after them is no entity.
    let shipPrefixes: KeySet
    /// Words of sports reporting (`striker`, `innings`, `playoffs`): enough of them make a sports story.
    let sportsWords: KeySet
    /// In a sports story, words right after a place that make it the team (`X beat`, `X boss`).
    let sportsTeamCuesAfter: KeySet
    /// In a sports story, one to three lowercase words before a place that make it the team (`against X`).
    let sportsTeamCuesBefore: KeySet
    /// In a sports story, words before a place that keep it a place (`in X`, `to X`).
    let sportsPlacePrepositions: KeySet
    /// One or two lowercase words after an unknown name that make it an event, no entity
    /// (`X military exercise`), as chained keys.
    let eventCuesAfter: KeySet
    /// One to three lowercase words before an unknown name that make it an event (`a drill named X`).
    let eventCuesBefore: KeySet
    /// First words that make a name an event, no entity (`Operation …`, `Exercise …`).
    let eventPrefixes: KeySet
    /// Last parts of web addresses (`com`, `co`, `uk`): `Goal.com` is the site's organization.
    let webDomains: KeySet

    /// Loads the files shipped in the module bundle; an unreadable file leaves its table empty.
    static func loadBundled() -> Gazetteer {
        Gazetteer(file: bundledFile)
    }

    /// The text of one shipped gazetteer file; a missing one stops the program with its name.
    static func bundledFile(_ name: String) -> String? {
        BundledData.text("gazetteer/\(name)")
    }

    /// Builds the tables from file contents given by name (tests can pass their own).
    ///
    /// Every line is tokenized into the same two buffers, and lines stay substrings of their
    /// file: a String and two arrays per line were most of the ~19 ms each process spent here.
    init(file: (String) -> String?) {
        func lines(_ name: String) -> [Substring] {
            file(name).map { DataFileLines.lines($0) } ?? []
        }
        var abbreviations = KeySet()
        for line in lines("abbreviations.txt") { abbreviations.insert(ScalarKey.word(line.unicodeScalars)) }
        let tokenizer = EntityTokenizer(abbreviations: abbreviations,
                                        particles: KeySet(lines("name-particles.txt").map { ScalarKey.word($0.unicodeScalars) }),
                                        numberAbbreviations: KeySet(lines("abbreviations-before-numbers.txt").map { ScalarKey.word($0.unicodeScalars) }))
        self.tokenizer = tokenizer

        var buffers = LineTokens(tokenizer: tokenizer)
        func words(_ name: String) -> KeySet {
            let list = lines(name)
            var keys = KeySet(minimumCapacity: list.count)
            for line in list { keys.insert(buffers.phraseKey(line)) }
            return keys
        }
        firstNames = words("first-names.txt")
        commonWords = words("common-words.txt")
        organizationSuffixes = words("organization-suffixes.txt")
        organizationHeads = words("organization-heads.txt")
        organizationPrefixes = words("organization-prefixes.txt")
        var placeSuffixes = words("place-suffixes.txt")
        pluralPlaceSuffixes = words("place-suffixes-plural.txt")
        placeSuffixes.formUnion(pluralPlaceSuffixes)
        self.placeSuffixes = placeSuffixes
        placeHeads = words("place-heads.txt")
        connectors = words("connectors.txt")
        leadingArticles = words("leading-articles.txt")
        functionWords = words("function-words.txt")
        speechVerbs = words("speech-verbs.txt")
        modifierTails = KeySet(lines("modifier-tails.txt").map { ScalarKey.word($0.unicodeScalars) })
        nameParticles = words("name-particles.txt")
        conjunctions = words("conjunctions.txt")
        placePrepositions = words("place-prepositions.txt")
        placeNouns = words("place-nouns.txt")
        var months = words("months.txt")
        ambiguousMonths = words("months-ambiguous.txt")
        months.formUnion(ambiguousMonths)
        self.months = months
        weekdays = words("weekdays.txt")
        modelWords = words("model-words.txt")
        eventSuffixes = words("event-suffixes.txt")
        organizationCuesBefore = words("organization-cues-before.txt")
        organizationCuesAfter = words("organization-cues-after.txt")
        teamCuesAfter = words("team-cues-after.txt")
        teamCuesBefore = words("team-cues-before.txt")
        shipPrefixes = words("ship-prefixes.txt")
        sportsWords = words("sports-words.txt")
        sportsTeamCuesAfter = words("sports-team-cues-after.txt")
        sportsTeamCuesBefore = words("sports-team-cues-before.txt")
        sportsPlacePrepositions = words("sports-place-prepositions.txt")
        eventCuesAfter = words("event-cues-after.txt")
        eventCuesBefore = words("event-cues-before.txt")
        eventPrefixes = words("event-prefixes.txt")
        webDomains = words("web-domains.txt")

        var phrases = PhraseTable()
        for (name, kind) in Self.phraseFiles {
            Self.addEntries(lines(name), from: name, kind, to: &phrases, &buffers)
        }
        self.phrases = phrases
        personTitleOpenings = phrases.openingKeys(of: .personTitle)
        notNameOpenings = phrases.openingKeys(of: .notName)
        var internationalNames = PhraseTable()
        for (name, kind) in Self.internationalFiles {
            Self.addEntries(lines(name), from: name, kind, to: &internationalNames, &buffers)
        }
        self.internationalNames = internationalNames
    }

    /// The phrase files and the kind each lists. Earlier files win when a phrase appears twice.
    private static let phraseFiles: [(String, PhraseKind)] = [
        ("person-titles.txt", .personTitle),
        ("nationalities.txt", .nationality),
        ("places-countries.txt", .place),
        ("organizations.txt", .organization),
        ("companies.txt", .organization),
        ("sports-teams.txt", .organization),
        ("places-water.txt", .place),
        ("places-regions.txt", .place),
        ("places-cities.txt", .place),
        ("places-landmarks.txt", .place),
        ("places-astronomical.txt", .place),
        ("people.txt", .person),
        // Last: a name listed anywhere above keeps its type (`BP` the company, not the unit).
        ("not-names-products.txt", .notName),
        ("not-names-software.txt", .notName),
        ("not-names-vehicles.txt", .notName),
        ("not-names-units.txt", .notName),
        ("not-names-events.txt", .notName),
    ]

    /// Names written in other languages and scripts, kept apart from the English phrases.
    private static let internationalFiles: [(String, PhraseKind)] = [
        ("multilingual-places.txt", .place),
        ("multilingual-organizations.txt", .organization),
        ("places-countries.txt", .place),
    ]

    /// Adds the entries of one phrase file: each line is a canonical name and its variants, split by `|`.
    private static func addEntries(_ lines: [Substring], from name: String, _ kind: PhraseKind,
                                   to table: inout PhraseTable, _ buffers: inout LineTokens) {
        let national = name == "places-countries.txt", company = name == "companies.txt"
        for line in lines {
            var canonical: Substring?
            var canonicalName: String?
            // Cut at the `|` bytes: splitting by Character walked grapheme boundaries, a third of the loading.
            var rest = line
            while !rest.isEmpty {
                let bar = rest.utf8.firstIndex(of: UInt8(ascii: "|")) ?? rest.endIndex
                let variant = DataFileLines.trim(rest[..<bar])
                rest = bar < rest.endIndex ? rest[rest.utf8.index(after: bar)...] : rest[rest.endIndex...]
                guard !variant.isEmpty else { continue }
                if canonical == nil { canonical = variant; canonicalName = String(variant) }
                let entry = PhraseEntry(kind: kind, canonical: variant == canonical ? nil : canonicalName,
                                        national: national, acronym: isAcronym(variant), company: company)
                table.add(buffers.tokens(variant), entry)
            }
        }
    }

    /// Two letters or more and none lowercase (`NATO`, `BP`). ASCII is tested without a Unicode
    /// property lookup: for every variant of every phrase, they were a sixth of loading the tables.
    private static func isAcronym(_ text: Substring) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                if (0x61...0x7A).contains(scalar.value) { return false }
                if (0x41...0x5A).contains(scalar.value) { letters += 1 }
            } else {
                if scalar.properties.isLowercase { return false }
                if scalar.properties.isAlphabetic { letters += 1 }
            }
        }
        return letters >= 2
    }

    /// Whether a word heads or ends organization, place or event names (`Council`, `Street`, `Festival`).
    func isNameHeadOrSuffix(_ key: UInt64) -> Bool {
        organizationSuffixes.contains(key) || organizationHeads.contains(key)
            || placeSuffixes.contains(key) || placeHeads.contains(key) || eventSuffixes.contains(key)
    }

    /// The longest phrase starting at `start` and ending at or before `limit`.
    ///
    /// - Parameter accept: whether a token may be part of a phrase at all (casing rules).
    @inline(__always)
    func longestPhrase(in tokens: [EntityToken], at start: Int, limit: Int,
                       accept: (EntityToken) -> Bool) -> PhraseMatch? {
        phrases.longest(in: tokens, at: start, limit: limit, accept: accept)
    }
}

/// The tokens of one gazetteer line at a time, in buffers reused from line to line.
private struct LineTokens {
    let tokenizer: EntityTokenizer
    private var scalars: [UInt32] = []
    private var buffer: [EntityToken] = []

    init(tokenizer: EntityTokenizer) { self.tokenizer = tokenizer }

    /// The tokens of `text`, valid until the next call.
    mutating func tokens(_ text: Substring) -> [EntityToken] {
        scalars.removeAll(keepingCapacity: true)
        for scalar in text.unicodeScalars { scalars.append(scalar.value) }
        tokenizer.tokenize(scalars, into: &buffer)
        return buffer
    }

    /// The chained key of a phrase, tokenized as text will be; a single word's key is the word's own.
    mutating func phraseKey(_ text: Substring) -> UInt64 {
        let tokens = tokens(text)
        var key = ScalarKey.emptyPhrase
        for token in tokens { key = ScalarKey.appending(token.key, to: key) }
        return tokens.count == 1 ? tokens[0].key : key
    }
}

/// Phrases keyed by their chained token keys, with the prefixes that let a scan stop early.
struct PhraseTable: Sendable {
    private(set) var entries = KeyTable<PhraseEntry>()
    /// Keys of every proper prefix of a phrase, so a longest match can stop early.
    private(set) var prefixes: KeySet = []
    private(set) var maxTokens = 1

    /// Keys of the first words of the phrases of `kind` (each phrase's first token's own key).
    private var openings: [PhraseKind: KeySet] = [:]

    /// Keys of the words that open a phrase of `kind`.
    func openingKeys(of kind: PhraseKind) -> KeySet { openings[kind] ?? [] }

    /// Adds a phrase given as tokens; a phrase already present keeps its first entry.
    mutating func add(_ tokens: [EntityToken], _ entry: PhraseEntry) {
        guard !tokens.isEmpty else { return }
        openings[entry.kind, default: []].insert(tokens[0].key)
        var key = ScalarKey.emptyPhrase
        for (index, token) in tokens.enumerated() {
            key = ScalarKey.appending(token.key, to: key)
            if index < tokens.count - 1 { prefixes.insert(key) }
        }
        entries.insertIfAbsent(key, entry)
        maxTokens = max(maxTokens, tokens.count)
    }

    /// The longest phrase starting at `start` and ending at or before `limit`.
    @inline(__always)
    func longest(in tokens: [EntityToken], at start: Int, limit: Int,
                 accept: (EntityToken) -> Bool) -> PhraseMatch? {
        var key = ScalarKey.emptyPhrase
        var best: PhraseMatch?
        var index = start
        while index < limit, index - start < maxTokens {
            let token = tokens[index]
            guard accept(token) else { break }
            key = ScalarKey.appending(token.key, to: key)
            if let entry = entries[key] { best = PhraseMatch(entry: entry, end: index + 1) }
            guard prefixes.contains(key) else { break }
            index += 1
        }
        return best
    }
}
