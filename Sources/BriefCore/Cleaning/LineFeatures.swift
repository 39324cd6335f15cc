// What the cleaner measures on one line: its shape (headline, prose, list item) and its content words.
import Foundation

/// Measures of one block's text, computed once per block.
package struct LineFeatures: Sendable, Equatable {
    package var words: Int
    package var isCJK: Bool
    /// Lowercased content words (function words dropped, light plural folding) and, for CJK text, characters.
    package var contentTokens: Set<String>
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
    package var hasCodeSigns = false

    /// Blocks longer than this (in UTF-8 bytes) are measured on their opening only.
    static let maximumSampledBytes = 64 * 1024

    package init(_ text: String, stopwords: Set<String>) {
        let trimmed = String(TextMeasure.trim(text))
        // Most lines are ASCII with a few quotes and dashes: measured on one-byte codes, with the same results as below.
        if let measured = Self(simpleText: trimmed, stopwords: stopwords) {
            self = measured
            return
        }
        self.init(general: trimmed, stopwords: stopwords)
    }

    /// The measures of a trimmed line in any script, character by character.
    package init(general trimmed: String, stopwords: Set<String>) {
        isCJK = TextMeasure.isCJKHeavy(trimmed)
        words = TextMeasure.wordCount(trimmed)
        let last = trimmed.last(where: { !"\"'”’)]»".contains($0) })
        endsSentence = last.map { ".!?。！？".contains($0) } ?? false
        let firstLetter = trimmed.first(where: { $0.isLetter || $0.isNumber })
        startsUppercase = firstLetter.map { $0.isUppercase || $0.isNumber || !$0.isCased } ?? false
        startsListMarker = HardWrapJoiner.startsListItem(trimmed)
        var visible = 0, letters = 0
        // 0: nothing, 1: after a letter or digit, 2: after a letter or digit and an underscore.
        var identifier = 0
        for scalar in trimmed.unicodeScalars.prefix(Self.maximumSampledBytes) {
            if scalar.isASCII {
                let value = scalar.value
                let isAlphanumeric = (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || (0x30...0x39).contains(value)
                if identifier == 2 && isAlphanumeric { hasCodeSigns = true }
                identifier = isAlphanumeric ? 1 : (value == 0x5F && identifier == 1 ? 2 : 0)
                guard value > 0x20 else { continue }
                visible += 1
                if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) { letters += 1 }
                // { } < = >
                if value == 0x7B || value == 0x7D || (0x3C...0x3E).contains(value) { hasCodeSigns = true }
            } else if !scalar.properties.isWhitespace {
                identifier = 0
                visible += 1
                if scalar.properties.isAlphabetic { letters += 1 }
            }
        }
        letterShare = visible == 0 ? 0 : Double(letters) / Double(visible)
        let quotes: Set<Character> = ["\"", "“", "”", "„", "«", "»", "'", "‘", "’", "「", "」", "『", "』"]
        let closing = trimmed.last(where: { !".!?,".contains($0) })
        hasCJKPunctuation = isCJK && trimmed.contains(where: { "。、，！？".contains($0) })
        isQuoted = trimmed.count > 2 && trimmed.first.map(quotes.contains) == true && closing.map(quotes.contains) == true
        var tokens = Set<String>()
        var total = 0, stops = 0
        var cjkRun: [Character] = []
        // CJK text is compared by characters: lines of one Chinese article share many, an English
        // article shares none with a Chinese headline.
        func flushCJK() {
            for character in cjkRun { tokens.insert(String(character)) }
            cjkRun.removeAll(keepingCapacity: true)
        }
        // Content words of a very long block come from its opening: enough to tell what it is about,
        // and a 10 MB one-line file stays fast.
        let sample = trimmed.utf8.count > Self.maximumSampledBytes ? Substring(trimmed.prefix(Self.maximumSampledBytes / 4)) : Substring(trimmed)
        var lowered = sample.lowercased()
        if lowered.unicodeScalars.contains("\u{2019}") { lowered = lowered.replacingOccurrences(of: "’", with: "'") }
        for word in lowered.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") }) {
            total += 1
            let lower = String(word)
            if lower.contains(where: Self.isDigit) { continue }
            if stopwords.contains(lower) { stops += 1; continue }
            if word.unicodeScalars.contains(where: TextMeasure.isCJK) {
                for character in word {
                    if character.unicodeScalars.first.map(TextMeasure.isCJK) == true {
                        cjkRun.append(character)
                    } else {
                        flushCJK()
                    }
                }
                flushCJK()
                continue
            }
            guard lower.count >= 3 else { continue }
            tokens.insert(Self.fold(lower))
        }
        contentTokens = tokens
        stopwordShare = total == 0 ? 0 : Double(stops) / Double(total)
        // Digits are counted per written word, so "1.8" or "12.1%" is one number, not two.
        let written = sample.split(separator: " ").filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
        digitShare = written.isEmpty ? 0 : Double(written.filter { $0.contains(where: Self.isDigit) }.count) / Double(written.count)
    }

    /// Punctuation common in English news beside ASCII: none is a letter, digit, space or
    /// case-mapped, and none joins a neighbour into one character.
    static let simplePunctuation: Set<Unicode.Scalar> = [
        "\u{2019}", "\u{2018}", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{2013}",
        "\u{2014}", "\u{2026}", "\u{2022}", "\u{00A9}", "\u{00AE}", "\u{2122}", "\u{20AC}", "\u{00A3}",
    ]
    /// The quotation marks `init(general:)` treats as quotes, and the closers it skips before a sentence end.
    private static let quoteScalars: Set<UInt32> = [0x22, 0x27, 0x201C, 0x201D, 0x201E, 0xAB, 0xBB, 0x2018, 0x2019]
    private static let closerScalars: Set<UInt32> = [0x22, 0x27, 0x29, 0x5D, 0x201D, 0x2019, 0xBB]

    /// Letters that are one character whatever their neighbours in `simpleText`, with simple case:
    /// precomposed Latin-1 letters, and Han, Hangul syllables, hiragana and katakana (uncased).
    static func isSimpleLatinLetter(_ value: UInt32) -> Bool { value >= 0xC0 && value <= 0xFF && value != 0xD7 && value != 0xF7 }
    static func isSimpleCJKLetter(_ value: UInt32) -> Bool {
        Script.han.contains(value) || Script.hangulSyllables.contains(value) || Script.hanExtensionA.contains(value)
            || Script.hiraganaLetters.contains(value) || Script.katakanaLetters.contains(value)
    }

    /// True for the scalars `simpleText` measures: printable ASCII, `simplePunctuation` and the simple letters.
    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x20 && value <= 0x7E }
        return isSimpleLatinLetter(value) || isSimpleCJKLetter(value) || simplePunctuation.contains(scalar)
    }

    /// The measures of a trimmed line made only of `isSimple` scalars, where one scalar is one
    /// character: the same values as `init(general:)`, with few Unicode property lookups and no
    /// string per word except for the words kept. Nil for any other line.
    init?(simpleText trimmed: String, stopwords: Set<String>) {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(trimmed.utf8.count)
        for scalar in trimmed.unicodeScalars {
            guard Self.isSimple(scalar) else { return nil }
            scalars.append(scalar.value)
        }
        self = scalars.withUnsafeBufferPointer { LineFeatures(scalars: $0, trimmed: trimmed, stopwords: stopwords) }
    }

    private init(scalars: UnsafeBufferPointer<UInt32>, trimmed: String, stopwords: Set<String>) {
        @inline(__always) func isASCIILetter(_ value: UInt32) -> Bool { value < 0x80 && (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        @inline(__always) func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }
        @inline(__always) func isLetter(_ value: UInt32) -> Bool {
            value < 0x80 ? isASCIILetter(value) : Self.isSimpleLatinLetter(value) || Self.isSimpleCJKLetter(value)
        }
        @inline(__always) func lowercased(_ value: UInt32) -> UInt32 {
            (value >= 0x41 && value <= 0x5A) || (value >= 0xC0 && value <= 0xDE && value != 0xD7) ? value + 0x20 : value
        }
        let apostrophe: UInt32 = 0x27, rightQuote: UInt32 = 0x2019
        // Alphabetic scalars among the first 400, and how many are CJK (`TextMeasure.isCJKHeavy`).
        var alphabetic = 0, cjk = 0
        for value in scalars.prefix(400) where isLetter(value) {
            alphabetic += 1
            if Self.isSimpleCJKLetter(value) { cjk += 1 }
        }
        isCJK = alphabetic > 0 && cjk * 3 >= alphabetic
        // CJK full stops and commas are not simple scalars.
        hasCJKPunctuation = false
        words = TextMeasure.wordCount(trimmed)
        let last = scalars.last(where: { !Self.closerScalars.contains($0) })
        endsSentence = last.map { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F } ?? false
        let firstLetter = scalars.first(where: { isLetter($0) || isDigit($0) })
        // Uppercase, a digit, or an uncased (CJK) letter.
        startsUppercase = firstLetter.map { !(($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0xDF && $0 <= 0xFF && $0 != 0xF7)) } ?? false
        startsListMarker = HardWrapJoiner.startsListItem(trimmed)
        var visible = 0, letters = 0
        // Code signs as in `init(general:)`: braces, `<`, `=`, `>`, and `letter_letter` identifiers.
        var identifier = 0
        for value in scalars.prefix(Self.maximumSampledBytes) {
            if value < 0x80 {
                let isAlphanumeric = isASCIILetter(value) || isDigit(value)
                if identifier == 2 && isAlphanumeric { hasCodeSigns = true }
                identifier = isAlphanumeric ? 1 : (value == 0x5F && identifier == 1 ? 2 : 0)
                if value == 0x7B || value == 0x7D || (0x3C...0x3E).contains(value) { hasCodeSigns = true }
            } else {
                identifier = 0
            }
            guard value > 0x20 else { continue }
            visible += 1
            if isLetter(value) { letters += 1 }
        }
        letterShare = visible == 0 ? 0 : Double(letters) / Double(visible)
        let closing = scalars.last(where: { $0 != 0x2E && $0 != 0x21 && $0 != 0x3F && $0 != 0x2C })
        isQuoted = scalars.count > 2 && Self.quoteScalars.contains(scalars[0]) && closing.map(Self.quoteScalars.contains) == true

        // Content words: lowercased runs of letters, digits and apostrophes (’ counts as one).
        let sample = trimmed.utf8.count > Self.maximumSampledBytes
            ? UnsafeBufferPointer(rebasing: scalars.prefix(Self.maximumSampledBytes / 4)) : scalars
        var tokens = Set<String>()
        var total = 0, stops = 0
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var wordLength = 0
        var wordHasDigit = false, wordHasCJK = false
        func endWord() {
            guard wordLength > 0 else { return }
            total += 1
            defer {
                word.removeAll(keepingCapacity: true)
                wordLength = 0
                wordHasDigit = false
                wordHasCJK = false
            }
            if wordHasDigit { return }
            let lower = String(decoding: word, as: UTF8.self)
            if stopwords.contains(lower) { stops += 1; return }
            if wordHasCJK {
                // CJK text is compared by characters; other letters in such a word are dropped.
                for scalar in lower.unicodeScalars where TextMeasure.isCJK(scalar) { tokens.insert(String(scalar)) }
                return
            }
            guard wordLength >= 3 else { return }
            tokens.insert(Self.foldASCII(word) ?? Self.fold(lower))
        }
        for value in sample {
            if isLetter(value) {
                Self.appendUTF8(lowercased(value), to: &word)
                if Self.isSimpleCJKLetter(value) { wordHasCJK = true }
            } else if isDigit(value) {
                word.append(UInt8(value))
                wordHasDigit = true
            } else if value == apostrophe || value == rightQuote {
                word.append(UInt8(apostrophe))
            } else {
                endWord()
                continue
            }
            wordLength += 1
        }
        endWord()
        contentTokens = tokens
        stopwordShare = total == 0 ? 0 : Double(stops) / Double(total)
        // Digits are counted per space-separated word that holds a letter or digit.
        var written = 0, withDigits = 0
        var hasAlphanumeric = false, hasDigit = false
        for value in sample {
            if value == 0x20 {
                if hasAlphanumeric { written += 1; if hasDigit { withDigits += 1 } }
                hasAlphanumeric = false
                hasDigit = false
            } else if isDigit(value) {
                hasAlphanumeric = true
                hasDigit = true
            } else if isLetter(value) {
                hasAlphanumeric = true
            }
        }
        if hasAlphanumeric { written += 1; if hasDigit { withDigits += 1 } }
        digitShare = written == 0 ? 0 : Double(withDigits) / Double(written)
    }

    /// Appends the UTF-8 encoding of a scalar value below U+10000.
    @inline(__always)
    static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
        if value < 0x80 {
            bytes.append(UInt8(value))
        } else if value < 0x800 {
            bytes.append(UInt8(0xC0 | value >> 6))
            bytes.append(UInt8(0x80 | value & 0x3F))
        } else {
            bytes.append(UInt8(0xE0 | value >> 12))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        }
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

    /// `fold` of a word's lowercased UTF-8 bytes when they are all ASCII (nearly every word):
    /// the same string, without slicing characters. Nil for any other word.
    static func foldASCII(_ bytes: [UInt8]) -> String? {
        let apostrophe = UInt8(ascii: "'"), s = UInt8(ascii: "s")
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        var start = 0, end = bytes.count
        if end >= 2, bytes[end - 2] == apostrophe, bytes[end - 1] == s { end -= 2 }
        while start < end, bytes[start] == apostrophe { start += 1 }
        while end > start, bytes[end - 1] == apostrophe { end -= 1 }
        let count = end - start
        func endsWith(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard count >= length else { return false }
            return (0..<length).allSatisfy { bytes[end - length + $0] == suffix.utf8Start[$0] }
        }
        if count > 4, endsWith("ies") { return String(decoding: bytes[start..<end - 3], as: UTF8.self) + "y" }
        if count > 3, endsWith("s"), !endsWith("ss"), !endsWith("us"), !endsWith("is") {
            return String(decoding: bytes[start..<end - 1], as: UTF8.self)
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Shaped like a headline: a few words, no sentence end (a question or exclamation may end one),
    /// a capital or digit first, not a list item or a table row.
    package func isHeadlineShaped(_ settings: CleaningSettings, text: String) -> Bool {
        guard words >= settings.headlineMinimumWords, words <= settings.headlineMaximumWords,
              startsUppercase, isPlainText(settings) else { return false }
        let trimmed = String(TextMeasure.trim(text))
        guard let last = trimmed.last else { return false }
        if last == "." {
            // "…Underneath N.Y.C." ends in an abbreviation, not a sentence.
            let lastWord = trimmed.split(separator: " ").last ?? ""
            return lastWord.dropLast().contains(".") && lastWord.count <= 8 && lastWord.allSatisfy { $0.isLetter || $0 == "." }
        }
        if last == ":" { return trimmed.hasSuffix("::") }
        return !";,。".contains(last)
    }

    /// Loosely headline-shaped, as a line in a list announced by a marker: a few words, no sentence
    /// end, but a lowercase start is fine ("standalone WebAssembly binaries…").
    package func isListedHeadlineShaped(_ settings: CleaningSettings, text: String) -> Bool {
        guard words >= settings.headlineMinimumWords, words <= settings.headlineMaximumWords, isPlainText(settings) else { return false }
        let last = String(TextMeasure.trim(text)).last
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

/// The words an article is about, gathered from its title and all its lines, to judge other lines against.
///
/// Prose lines and the title vouch for a word on their own; short lines only in pairs, so a list of
/// other articles' headlines cannot vouch for itself, while the items of a list about the story,
/// which repeat each other's words, can.
package struct ArticleVocabulary: Sendable {
    /// Support a word needs from lines other than the one being judged.
    static let requiredSupport = 2
    private var support: [String: Int] = [:]

    package init() {}

    /// Adds a line's words; `strong` for the title and prose.
    package mutating func add(_ tokens: Set<String>, strong: Bool) {
        let weight = strong ? Self.requiredSupport : 1
        for token in tokens { support[token, default: 0] += weight }
    }

    package var isEmpty: Bool { support.isEmpty }

    /// Share of the line's content words that the rest of the article uses; nil when the line has none to judge by.
    /// `ownWeight` is what the line itself added (0 if it was not added).
    package func relatedness(_ tokens: Set<String>, ownWeight: Int) -> Double? {
        guard !tokens.isEmpty else { return nil }
        let shared = tokens.filter { (support[$0] ?? 0) - ownWeight >= Self.requiredSupport }.count
        return Double(shared) / Double(tokens.count)
    }
}
