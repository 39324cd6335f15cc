// Which language an article is written in: the function words of its text, else the language it declares.
import Foundation

/// Thresholds of `LanguageIdentifier`.
struct LanguageSettings: Sendable {
    /// The text decides only when its leading language has at least this many function-word hits.
    var minimumHits = 4
    /// … and at least this many times the hits of the runner-up (function words shared by
    /// several languages, `de` or `in`, count for each of them).
    var dominance = 1.5
    /// … and those hits must be at least this share of the words read: prose is a third function
    /// words or more, a results table or a list of names hardly any.
    var minimumShare = 0.05
    /// Words read from the start of the text: enough to decide, cheap on long articles.
    var wordsRead = 600

    static let standard = LanguageSettings()
}

/// Identifies a text's language by counting the function words of each language it knows
/// (`Resources/Data/languages/<code>.txt`); a text too short or too mixed to decide falls back
/// on the declared language (`<html lang>`, a feed's language), reduced to its primary subtag.
public struct LanguageIdentifier: Sendable {
    /// The identifier built from the shipped lists, loaded on first use.
    public static let shared = LanguageIdentifier.loadBundled()

    /// The code of English, the language whose capitalization rules the recognizer knows.
    public static let english = "en"

    /// Language codes, in the order of the bits of `languagesOfWord`.
    let codes: [String]
    /// For each function word's `ScalarKey`, one bit per language that uses it.
    let languagesOfWord: [UInt64: UInt32]
    let settings: LanguageSettings

    /// Languages whose function-word list ships with Brief.
    static let bundledCodes = ["en", "de", "fr", "es", "it", "pt", "nl", "ru", "id", "pl", "sv", "tr"]

    static func loadBundled() -> LanguageIdentifier {
        LanguageIdentifier(lists: bundledCodes.map { ($0, BundledData.text("languages/\($0).txt")) })
    }

    /// - Parameter lists: per language, its code and the text of its word list (one word a
    ///   line, `#` starts a comment).
    init(lists: [(code: String, text: String)], settings: LanguageSettings = .standard) {
        var languagesOfWord: [UInt64: UInt32] = [:]
        for (bit, list) in lists.prefix(32).enumerated() {
            for word in DataFileLines.lines(list.text) {
                languagesOfWord[ScalarKey.word(word.unicodeScalars), default: 0] |= 1 << UInt32(bit)
            }
        }
        codes = lists.prefix(32).map(\.code)
        self.languagesOfWord = languagesOfWord
        self.settings = settings
    }

    /// The article's language: what its text says when it says it clearly, else what it
    /// declares, else nil.
    public func language(declared: String?, title: String?, paragraphs: [String]) -> String? {
        var counter = HitCounter(languages: codes.count)
        if let title { count(title, into: &counter) }
        for paragraph in paragraphs where counter.words < settings.wordsRead { count(paragraph, into: &counter) }
        return decide(counter) ?? Self.primarySubtag(of: declared)
    }

    /// `en-US` → `en`, `pt_BR` → `pt`; nil for a tag that is empty or not letters.
    static func primarySubtag(of tag: String?) -> String? {
        guard let tag else { return nil }
        let primary = tag.trimmingCharacters(in: .whitespaces).prefix { $0 != "-" && $0 != "_" }.lowercased()
        guard (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return primary
    }

    struct HitCounter {
        var hits: [Int]
        var words = 0
        init(languages: Int) { hits = Array(repeating: 0, count: languages) }
    }

    /// Counts the function words of `text` per language, word by word, without building strings.
    func count(_ text: String, into counter: inout HitCounter) {
        var hash = ScalarKey.offsetBasis
        var inWord = false
        // Only words written in lowercase count: a capital marks a name or a heading (`Men`), where
        // a word that is another language's function word proves nothing.
        var lowercase = false
        func close(_ counter: inout HitCounter) {
            counter.words += 1
            guard lowercase, var bits = languagesOfWord[hash] else { return }
            while bits != 0 {
                counter.hits[bits.trailingZeroBitCount] += 1
                bits &= bits - 1
            }
        }
        for scalar in text.unicodeScalars {
            if EntityTokenizer.isLetter(scalar.value) {
                // An ASCII letter's case is its range: the property lookup costs more than the rest of the word.
                if !inWord { lowercase = scalar.value < 0x80 ? !(0x41...0x5A).contains(scalar.value) : !scalar.properties.isUppercase }
                hash = ScalarKey.mix(hash, ScalarKey.folded(scalar.value))
                inWord = true
            } else if inWord {
                close(&counter)
                hash = ScalarKey.offsetBasis
                inWord = false
                if counter.words >= settings.wordsRead { return }
            }
        }
        if inWord { close(&counter) }
    }

    /// The language with clearly the most hits, or nil.
    func decide(_ counter: HitCounter) -> String? {
        var best = -1, bestHits = 0, secondHits = 0
        for (index, hits) in counter.hits.enumerated() {
            if hits > bestHits {
                secondHits = bestHits
                bestHits = hits
                best = index
            } else if hits > secondHits {
                secondHits = hits
            }
        }
        guard best >= 0, bestHits >= settings.minimumHits, Double(bestHits) >= Double(secondHits) * settings.dominance,
              Double(bestHits) >= Double(counter.words) * settings.minimumShare
        else { return nil }
        return codes[best]
    }
}
