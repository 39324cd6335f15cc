// What the cleaner measures on one line: its shape (headline, prose, list item) and its content words.
import Foundation

/// Measures of one block's text, computed once per block.
package struct LineFeatures: Sendable, Equatable {
    package var words: Int
    package var isCJK: Bool
    /// Lowercased content words (function words dropped, light plural folding) and, for CJK text, characters.
    package var contentTokens: WordKeys
    /// Share of the words that are function words.
    package var stopwordShare: Double
    package var endsSentence: Bool
    package var startsUppercase: Bool
    package var startsListMarker: Bool
    /// Share of words that contain digits (table rows, scores, dates).
    package var digitShare: Double
    /// Share of non-space characters that are letters; low in formulas and code.
    package var letterShare: Double
    /// Opens and closes with quotation marks: a quoted line.
    package var isQuoted: Bool
    /// Contains the full stop or commas of CJK prose.
    package var hasCJKPunctuation: Bool
    /// Contains signs of source code (braces, `=`, angle brackets, `snake_case`), never of a headline.
    package var hasCodeSigns: Bool

    /// Blocks longer than this (in UTF-8 bytes) are measured on their opening only.
    static let maximumSampledBytes = 64 * 1024

    package init(_ text: String, stopwords: StopwordSet) {
        // Most lines are ASCII with a few quotes and dashes: measured on their scalars, with the same results as below.
        if let measured = Self(simpleUntrimmed: text, stopwords: stopwords) {
            self = measured
            return
        }
        // A line opening or closing with other whitespace than spaces may still be simple once trimmed.
        let trimmed = String(TextMeasure.trim(text))
        if trimmed.utf8.count != text.utf8.count, let measured = Self(simpleText: trimmed, stopwords: stopwords) {
            self = measured
            return
        }
        self.init(general: trimmed, stopwords: stopwords)
    }

    /// The measures gathered by the stages of either path.
    init(words: Int, isCJK: Bool, hasCJKPunctuation: Bool, startsListMarker: Bool, edges: Edges, mix: CharacterMix,
         content: ContentWords, digitShare: Double) {
        self.words = words
        self.isCJK = isCJK
        self.hasCJKPunctuation = hasCJKPunctuation
        self.startsListMarker = startsListMarker
        endsSentence = edges.endsSentence
        startsUppercase = edges.startsUppercase
        isQuoted = edges.isQuoted
        letterShare = mix.letterShare
        hasCodeSigns = mix.hasCodeSigns
        contentTokens = WordKeys(unsorted: content.keys)
        stopwordShare = content.stopwordShare
        self.digitShare = digitShare
    }

    /// The measures of a trimmed line in any script, character by character.
    package init(general trimmed: String, stopwords: StopwordSet) {
        let isCJK = TextMeasure.isCJKHeavy(trimmed)
        // Content words and digits of a very long block come from its opening: enough to tell what
        // it is about, and a 10 MB one-line file stays fast.
        let sample = trimmed.utf8.count > Self.maximumSampledBytes ? Substring(trimmed.prefix(Self.maximumSampledBytes / 4)) : Substring(trimmed)
        self.init(words: TextMeasure.wordCount(trimmed), isCJK: isCJK,
                  hasCJKPunctuation: isCJK && trimmed.contains(where: { "。、，！？".contains($0) }),
                  startsListMarker: HardWrapJoiner.startsListItem(trimmed), edges: Edges(general: trimmed),
                  mix: CharacterMix(general: trimmed), content: ContentWords(general: sample, stopwords: stopwords),
                  digitShare: Self.digitShare(general: sample))
    }

    /// How a line opens and closes: sentence end, capital start, quotation marks around it.
    struct Edges {
        var endsSentence: Bool
        var startsUppercase: Bool
        var isQuoted: Bool

        static let quotes: Set<Character> = ["\"", "“", "”", "„", "«", "»", "'", "‘", "’", "「", "」", "『", "』"]
        /// What may close a sentence after its stop: a quotation's end, a bracket ("… a release.\"").
        static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»"]

        init(endsSentence: Bool, startsUppercase: Bool, isQuoted: Bool) {
            self.endsSentence = endsSentence
            self.startsUppercase = startsUppercase
            self.isQuoted = isQuoted
        }

        init(general trimmed: String) {
            let last = Self.beforeReferenceMarks(trimmed).last(where: { !Self.closers.contains($0) })
            endsSentence = last.map { ".!?。！？".contains($0) } ?? false
            let firstLetter = trimmed.first(where: { $0.isLetter || $0.isNumber })
            startsUppercase = firstLetter.map { $0.isUppercase || $0.isNumber || !$0.isCased } ?? false
            let closing = trimmed.last(where: { !".!?,".contains($0) })
            isQuoted = trimmed.count > 2 && trimmed.first.map(Self.quotes.contains) == true && closing.map(Self.quotes.contains) == true
        }

        /// Superscript digits, which mark a footnote after a sentence ("… at any time.¹").
        static let superscriptDigits: Set<Character> = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        /// Most digits a bracketed footnote number has ("[12]").
        static let referenceMaximumDigits = 3

        /// `text` without the footnote references that close it ("….[1]", "….[2][3]", "….¹"): the
        /// sentence ends before them, and a sentence whose end they hid read as a headline.
        static func beforeReferenceMarks(_ text: String) -> Substring {
            var rest = Substring(text)
            while let last = rest.last {
                if superscriptDigits.contains(last) {
                    rest = rest.dropLast()
                } else if last == "]", let open = rest.lastIndex(of: "["),
                          case let digits = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)],
                          (1...referenceMaximumDigits).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    rest = rest[..<open]
                } else {
                    break
                }
            }
            return rest
        }
    }

    /// What a line is written with: the share of letters among visible characters, and signs of code.
    struct CharacterMix {
        var visible = 0
        var letters = 0
        var hasCodeSigns = false
        /// 0: nothing, 1: after an ASCII letter or digit, 2: after one and an underscore (`snake_case`).
        private var identifier = 0

        var letterShare: Double { visible == 0 ? 0 : Double(letters) / Double(visible) }

        init() {}

        init(general trimmed: String) {
            for scalar in trimmed.unicodeScalars.prefix(LineFeatures.maximumSampledBytes) {
                if scalar.isASCII {
                    add(ascii: scalar.value)
                } else if !scalar.properties.isWhitespace {
                    add(otherVisible: scalar.properties.isAlphabetic)
                }
            }
        }

        /// An ASCII scalar: part of an identifier, a code sign, a letter, or space.
        @inline(__always)
        mutating func add(ascii value: UInt32) {
            let isLetter = (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A
            let isAlphanumeric = isLetter || (value >= 0x30 && value <= 0x39)
            if identifier == 2 && isAlphanumeric { hasCodeSigns = true }
            identifier = isAlphanumeric ? 1 : (value == 0x5F && identifier == 1 ? 2 : 0)
            guard value > 0x20 else { return }
            visible += 1
            if isLetter { letters += 1 }
            // { } < = >
            if value == 0x7B || value == 0x7D || (0x3C...0x3E).contains(value) { hasCodeSigns = true }
        }

        /// A visible scalar beyond ASCII, which ends any identifier.
        @inline(__always)
        mutating func add(otherVisible isLetter: Bool) {
            identifier = 0
            visible += 1
            if isLetter { letters += 1 }
        }
    }

    /// A line's content words (their `WordKeys` keys, repeats and all) and how many of its words are function words.
    struct ContentWords {
        var keys: [UInt64] = []
        var total = 0
        var stops = 0

        var stopwordShare: Double { total == 0 ? 0 : Double(stops) / Double(total) }

        init() {}

        init(general sample: Substring, stopwords: StopwordSet) {
            var lowered = sample.lowercased()
            if lowered.unicodeScalars.contains("\u{2019}") { lowered = lowered.replacingOccurrences(of: "’", with: "'") }
            for word in lowered.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") }) {
                total += 1
                let lower = String(word)
                if lower.contains(where: LineFeatures.isDigit) { continue }
                if stopwords.contains(lower) { stops += 1; continue }
                if word.unicodeScalars.contains(where: TextMeasure.isCJK) {
                    addCJKCharacters(of: word)
                    continue
                }
                guard lower.count >= 3 else { continue }
                keys.append(WordKeys.key(of: LineFeatures.fold(lower)))
            }
        }

        /// CJK text is compared by characters: lines of one Chinese article share many, an English
        /// article shares none with a Chinese headline. Other letters in such a word are dropped.
        private mutating func addCJKCharacters(of word: Substring) {
            for character in word where character.unicodeScalars.first.map(TextMeasure.isCJK) == true {
                keys.append(WordKeys.key(of: String(character)))
            }
        }
    }

    /// Share of the space-separated words holding a letter or digit that hold a digit: "1.8" or
    /// "12.1%" is one number, not two.
    static func digitShare(general sample: Substring) -> Double {
        let written = sample.split(separator: " ").filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
        return written.isEmpty ? 0 : Double(written.filter { $0.contains(where: Self.isDigit) }.count) / Double(written.count)
    }

    /// A decimal digit in any script; Han numerals such as 两 are words, not digits.
    static func isDigit(_ character: Character) -> Bool {
        character.unicodeScalars.first?.properties.generalCategory == .decimalNumber
    }

    /// Light folding so `missiles` meets `missile` and `korea's` meets `korea`.
    static func fold(_ word: String) -> String {
        var word = Substring(word)
        if word.hasSuffix("'s") { word.removeLast(2) }
        while word.first == "'" { word.removeFirst() }
        while word.last == "'" { word.removeLast() }
        let folded = String(word)
        if folded.count > 4, folded.hasSuffix("ies") { return String(folded.dropLast(3)) + "y" }
        if folded.count > 3, folded.hasSuffix("s"), !folded.hasSuffix("ss"), !folded.hasSuffix("us"), !folded.hasSuffix("is") {
            return String(folded.dropLast())
        }
        return folded
    }

    /// Shaped like a headline: a few words, no sentence end (a question or exclamation may end one),
    /// a capital or digit first, not a list item or a table row.
    package func isHeadlineShaped(_ settings: CleaningSettings, text: String) -> Bool {
        guard words >= settings.headlineMinimumWords, words <= settings.headlineMaximumWords,
              startsUppercase, isPlainText(settings) else { return false }
        // A footnote mark after the stop ("….[1]") hides the sentence end.
        let trimmed = Edges.beforeReferenceMarks(String(TextMeasure.trim(text)))
        // A sentence may end inside its quotation ("… no evidence of an intentional release.\"").
        guard let last = trimmed.last(where: { !Edges.closers.contains($0) }) else { return false }
        if last == "." {
            // "…Underneath N.Y.C." ends in an abbreviation, not a sentence; so does "…NHL Network-U.S.".
            let lastWord = trimmed.split(separator: " ").last?.split(separator: "-").last ?? ""
            if lastWord.dropLast().contains(".") && lastWord.count <= 8 && lastWord.allSatisfy({ $0.isLetter || $0 == "." }) { return true }
            // A headline in title case may end with a stop ("Dead Phone Battery? Just Burn Something."):
            // as headline styles do, every word of four letters or more opens with a capital.
            return words >= settings.unmarkedHeadlineMinimumWords && Self.isTitleCase(trimmed)
        }
        if last == ":" { return trimmed.hasSuffix("::") }
        // Two full sentences, a question or exclamation first ("Does your green thumb start twitching
        // when the weather turns cool? Are you a yard-less soul, yearning for a place to till?"), in
        // sentence case open a story; a headline of two is short or in title case ("Dead Phone
        // Battery? Just Burn Something!"), and a prompt ends on a few words ("Check below!").
        if last == "?" || last == "!", Self.isTwoSentences(trimmed, minimumWords: settings.proseSentenceMinimumWords) {
            return Self.isTitleCase(trimmed)
        }
        return !";,。".contains(last)
    }

    /// Whether a question or exclamation ends a sentence inside the line, before one that opens with
    /// a capital, and both the line's first and last sentences have at least `minimumWords` words.
    static func isTwoSentences(_ text: Substring, minimumWords: Int) -> Bool {
        var first: String.Index?, last: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "?" || text[index] == "!", next < text.endIndex, text[next] == " ",
               let opening = text[next...].first(where: { $0 != " " }), opening.isUppercase {
                if first == nil { first = next }
                last = next
            }
            index = next
        }
        guard let first, let last else { return false }
        return TextMeasure.wordCount(text[..<first]) >= minimumWords && TextMeasure.wordCount(text[last...]) >= minimumWords
    }

    /// What opens the rest of a sentence, never a headline; a stop does too unless a word follows it
    /// at once (".NET 5 is out").
    static let continuationOpeners: Set<Character> = [",", ";", ":", ")", "，", "、"]

    /// Every word of four letters or more opens with a capital, and one such word at least.
    static func isTitleCase(_ text: Substring) -> Bool {
        var long = 0
        for word in text.split(separator: " ") {
            let letters = word.drop { !$0.isLetter }
            guard letters.prefix(while: \.isLetter).count >= 4, let first = letters.first else { continue }
            guard first.isUppercase else { return false }
            long += 1
        }
        return long > 0
    }

    /// Loosely headline-shaped, as a line in a list announced by a marker: a few words, no sentence
    /// end, but a lowercase start is fine ("standalone WebAssembly binaries…"). A line opening with
    /// a comma or a stop (", it would be this: …") is the rest of a sentence that a link broke.
    package func isListedHeadlineShaped(_ settings: CleaningSettings, text: String) -> Bool {
        guard words >= settings.headlineMinimumWords, words <= settings.headlineMaximumWords, isPlainText(settings) else { return false }
        let trimmed = TextMeasure.trim(text)
        if let first = trimmed.first, Self.continuationOpeners.contains(first)
            || (first == "." && trimmed.dropFirst().first.map({ !$0.isLetter }) ?? true) { return false }
        let last = trimmed.last
        return (!endsSentence && last.map { !":;,".contains($0) } ?? false) || isHeadlineShaped(settings, text: text)
    }

    /// Not a list item, a table row, a formula, code or a quotation: what a headline is made of.
    func isPlainText(_ settings: CleaningSettings) -> Bool {
        !startsListMarker && !isQuoted && !hasCodeSigns && digitShare <= settings.headlineMaximumDigitShare
            && letterShare >= settings.headlineMinimumLetterShare
    }

    /// Prose: long enough and ending a sentence; its words tell what the article is about.
    package func isAnchor(_ settings: CleaningSettings) -> Bool {
        words >= settings.anchorMinimumWords && (endsSentence || words >= 2 * settings.anchorMinimumWords)
    }
}
