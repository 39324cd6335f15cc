// The cleaner's fast path: lines of ASCII, common news punctuation and simple letters, measured on their scalar values.
import Foundation

extension LineFeatures {
    /// Punctuation common in English news beside ASCII: none is a letter, digit, space or
    /// case-mapped, and none joins a neighbour into one character.
    static let simplePunctuation: Set<Unicode.Scalar> = [
        "\u{2019}", "\u{2018}", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{2013}",
        "\u{2014}", "\u{2026}", "\u{2022}", "\u{00A9}", "\u{00AE}", "\u{2122}", "\u{20AC}", "\u{00A3}",
    ]

    /// Letters that are one character whatever their neighbours in `simpleText`, with simple case:
    /// precomposed Latin-1 letters, and Han, Hangul syllables, hiragana and katakana (uncased).
    static func isSimpleLatinLetter(_ value: UInt32) -> Bool { value >= 0xC0 && value <= 0xFF && value != 0xD7 && value != 0xF7 }
    /// Letters of Latin Extended-A (Czech, Polish, Latvian, Croatian, Māori…): upper and lower case
    /// in pairs that map one to one. Left out are those whose case leaves the block or the pair:
    /// İ and ı (Turkish dotted and dotless i), ĸ, ŉ, Ÿ and ſ.
    static func isSimpleLatinExtendedLetter(_ value: UInt32) -> Bool {
        value >= 0x100 && value <= 0x17E && value != 0x130 && value != 0x131 && value != 0x138 && value != 0x149 && value != 0x178
    }
    /// Of an `isSimpleLatinExtendedLetter`: whether it is the capital of its pair (the even one,
    /// but the odd one in the runs Ĺ…ň and Ź…ž, which start on an odd value).
    static func isLatinExtendedCapital(_ value: UInt32) -> Bool {
        (value >= 0x139 && value <= 0x148) || (value >= 0x179 && value <= 0x17E) ? value & 1 == 1 : value & 1 == 0
    }
    static func isSimpleCJKLetter(_ value: UInt32) -> Bool {
        Script.han.contains(value) || Script.hangulSyllables.contains(value) || Script.hanExtensionA.contains(value)
            || Script.hiraganaLetters.contains(value) || Script.katakanaLetters.contains(value)
    }

    /// True for the scalars `simpleText` measures: printable ASCII, `simplePunctuation` and the simple letters.
    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x20 && value <= 0x7E }
        return isSimpleLatinLetter(value) || isSimpleLatinExtendedLetter(value) || isSimpleCJKLetter(value)
            || simplePunctuation.contains(scalar)
    }

    /// The measures of a trimmed line made only of `isSimple` scalars, where one scalar is one
    /// character: the same values as `init(general:)`, with few Unicode property lookups and no
    /// string per word except for the words kept. Nil for any other line.
    init?(simpleText trimmed: String, stopwords: StopwordSet) {
        self.init(simpleUntrimmed: trimmed, stopwords: stopwords)
    }

    /// `init(simpleText:)` of a line that may open or close with spaces, trimmed as
    /// `TextMeasure.trim` would: no simple scalar is whitespace or joins a space before it.
    init?(simpleUntrimmed text: String, stopwords: StopwordSet) {
        var text = text
        let measured = text.withUTF8 { bytes -> LineFeatures? in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            // Printable ASCII (most lines) is measured on its bytes, anything else on decoded scalars.
            if line.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) {
                return LineFeatures(simpleScalars: line, utf8Count: line.count, stopwords: stopwords)
            }
            guard let scalars = Self.simpleScalars(line) else { return nil }
            return scalars.withUnsafeBufferPointer { LineFeatures(simpleScalars: $0, utf8Count: line.count, stopwords: stopwords) }
        }
        guard let features = measured else { return nil }
        self = features
    }

    /// The scalar values of UTF-8 text when every one is `isSimple`; nil otherwise.
    private static func simpleScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32]? {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(bytes.count)
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            guard isSimple(scalar) else { return nil }
            scalars.append(scalar.value)
        }
        return scalars
    }

    private init<Scalar: FixedWidthInteger>(simpleScalars scalars: UnsafeBufferPointer<Scalar>, utf8Count: Int, stopwords: StopwordSet) {
        let sample = utf8Count > Self.maximumSampledBytes
            ? UnsafeBufferPointer(rebasing: scalars.prefix(Self.maximumSampledBytes / 4)) : scalars
        self.init(words: SimpleScalar.wordCount(scalars), isCJK: SimpleScalar.isCJKHeavy(scalars),
                  // CJK full stops and commas are not simple scalars.
                  hasCJKPunctuation: false, startsListMarker: SimpleScalar.startsListItem(scalars),
                  edges: Edges(simple: scalars), mix: CharacterMix(simple: scalars),
                  content: ContentWords(simple: sample, stopwords: stopwords), digitShare: SimpleScalar.digitShare(sample))
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

    /// The `WordKeys` key of the `fold` of a word's lowercased UTF-8 bytes when they are all ASCII
    /// (nearly every word): hashed from the bytes, without slicing characters or making a string.
    /// Nil for any other word.
    static func foldedKeyASCII(_ bytes: [UInt8]) -> UInt64? {
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
        return bytes.withUnsafeBufferPointer { bytes in
            func key(upTo stem: Int) -> UInt64 { FNV1a.hash(UnsafeBufferPointer(rebasing: bytes[start..<stem])) }
            if count > 4, endsWith("ies") { return FNV1a.mix(key(upTo: end - 3), UInt64(UInt8(ascii: "y"))) }
            if count > 3, endsWith("s"), !endsWith("ss"), !endsWith("us"), !endsWith("is") { return key(upTo: end - 1) }
            return key(upTo: end)
        }
    }
}

/// What the simple path knows of a simple scalar's value without a Unicode property lookup.
enum SimpleScalar {
    /// Characters of a line that `HardWrapJoiner.startsListItem` may look at, and some to spare.
    static let listMarkerReach = 8
    @inline(__always) static func isASCIILetter(_ value: UInt32) -> Bool { value < 0x80 && (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }
    @inline(__always) static func isLetter(_ value: UInt32) -> Bool {
        value < 0x80 ? isASCIILetter(value)
            : LineFeatures.isSimpleLatinLetter(value) || LineFeatures.isSimpleLatinExtendedLetter(value) || LineFeatures.isSimpleCJKLetter(value)
    }
    @inline(__always) static func lowercased(_ value: UInt32) -> UInt32 {
        if (value >= 0x41 && value <= 0x5A) || (value >= 0xC0 && value <= 0xDE && value != 0xD7) { return value + 0x20 }
        if LineFeatures.isSimpleLatinExtendedLetter(value), LineFeatures.isLatinExtendedCapital(value) { return value + 1 }
        return value
    }
    /// A lowercase simple letter (CJK letters have no case).
    @inline(__always) static func isLowercase(_ value: UInt32) -> Bool {
        (value >= 0x61 && value <= 0x7A) || (value >= 0xDF && value <= 0xFF && value != 0xF7)
            || (LineFeatures.isSimpleLatinExtendedLetter(value) && !LineFeatures.isLatinExtendedCapital(value))
    }

    /// `TextMeasure.isCJKHeavy`: alphabetic scalars among the first 400, and how many are CJK.
    static func isCJKHeavy<Scalar: FixedWidthInteger>(_ scalars: UnsafeBufferPointer<Scalar>) -> Bool {
        var alphabetic = 0, cjk = 0
        for scalar in scalars.prefix(400) {
            let value = UInt32(truncatingIfNeeded: scalar)
            guard isLetter(value) else { continue }
            alphabetic += 1
            if LineFeatures.isSimpleCJKLetter(value) { cjk += 1 }
        }
        return alphabetic > 0 && cjk * 3 >= alphabetic
    }

    /// `TextMeasure.wordCount`: runs of letters and digits (joined by `'`, `’` and `-`), and a
    /// word for about two CJK letters.
    static func wordCount<Scalar: FixedWidthInteger>(_ scalars: UnsafeBufferPointer<Scalar>) -> Int {
        var words = 0, cjk = 0
        var inWord = false
        for scalar in scalars {
            let value = UInt32(truncatingIfNeeded: scalar)
            if isLetter(value) || isDigit(value) {
                if LineFeatures.isSimpleCJKLetter(value) {
                    cjk += 1
                    inWord = false
                } else {
                    if !inWord { words += 1 }
                    inWord = true
                }
            } else if value != 0x27 && value != 0x2D && value != 0x2019 {
                inWord = false
            }
        }
        return words + (cjk + 1) / 2
    }

    /// `HardWrapJoiner.startsListItem`, which answers at once for a line opening with an ASCII letter.
    /// It reads no further than a line's fifth character (a closing bracket within four, a fourth
    /// digit): it is given the first `listMarkerReach` only, one character a scalar here.
    static func startsListItem<Scalar: FixedWidthInteger>(_ scalars: UnsafeBufferPointer<Scalar>) -> Bool {
        guard let first = scalars.first.map({ UInt32(truncatingIfNeeded: $0) }), !isASCIILetter(first) else { return false }
        var line = String.UnicodeScalarView()
        for scalar in scalars.prefix(listMarkerReach) { line.append(Unicode.Scalar(UInt32(truncatingIfNeeded: scalar))!) }
        return HardWrapJoiner.startsListItem(String(line))
    }

    /// Share of the space-separated words holding a letter or digit that hold a digit.
    static func digitShare<Scalar: FixedWidthInteger>(_ sample: UnsafeBufferPointer<Scalar>) -> Double {
        var written = 0, withDigits = 0
        var hasAlphanumeric = false, hasDigit = false
        for scalar in sample {
            let value = UInt32(truncatingIfNeeded: scalar)
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
        return written == 0 ? 0 : Double(withDigits) / Double(written)
    }
}

extension LineFeatures.Edges {
    /// The quotation marks `init(general:)` treats as quotes, and the closers it skips before a sentence end.
    private static let quoteScalars: Set<UInt32> = [0x22, 0x27, 0x201C, 0x201D, 0x201E, 0xAB, 0xBB, 0x2018, 0x2019]
    private static let closerScalars: Set<UInt32> = [0x22, 0x27, 0x29, 0x5D, 0x201D, 0x2019, 0xBB]

    init<Scalar: FixedWidthInteger>(simple scalars: UnsafeBufferPointer<Scalar>) {
        let values = scalars.lazy.map { UInt32(truncatingIfNeeded: $0) }
        let last = values.prefix(Self.endBeforeReferenceMarks(values)).last(where: { !Self.closerScalars.contains($0) })
        let firstLetter = values.first(where: { SimpleScalar.isLetter($0) || SimpleScalar.isDigit($0) })
        let closing = values.last(where: { $0 != 0x2E && $0 != 0x21 && $0 != 0x3F && $0 != 0x2C })
        self.init(endsSentence: last.map { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F } ?? false,
                  // Uppercase, a digit, or an uncased (CJK) letter.
                  startsUppercase: firstLetter.map { !SimpleScalar.isLowercase($0) } ?? false,
                  isQuoted: scalars.count > 2 && Self.quoteScalars.contains(values[0]) && closing.map(Self.quoteScalars.contains) == true)
    }

    /// `superscriptDigits` as scalar values.
    private static let superscriptScalars = Set(superscriptDigits.flatMap { $0.unicodeScalars.map(\.value) })

    /// Where the text ends before the footnote references closing it, as `beforeReferenceMarks`.
    private static func endBeforeReferenceMarks<Values: RandomAccessCollection<UInt32>>(_ values: Values) -> Int
    where Values.Index == Int {
        var end = values.count
        while end > 0 {
            let last = values[values.startIndex + end - 1]
            if superscriptScalars.contains(last) {
                end -= 1
                continue
            }
            guard last == 0x5D else { break }
            var open = end - 2
            while open >= 0, SimpleScalar.isDigit(values[values.startIndex + open]), end - 2 - open < referenceMaximumDigits { open -= 1 }
            let digits = end - 2 - open
            guard digits >= 1, open >= 0, values[values.startIndex + open] == 0x5B else { break }
            end = open
        }
        return end
    }
}

extension LineFeatures.CharacterMix {
    init<Scalar: FixedWidthInteger>(simple scalars: UnsafeBufferPointer<Scalar>) {
        self.init()
        for scalar in scalars.prefix(LineFeatures.maximumSampledBytes) {
            let value = UInt32(truncatingIfNeeded: scalar)
            if value < 0x80 {
                add(ascii: value)
            } else {
                add(otherVisible: SimpleScalar.isLetter(value))
            }
        }
    }
}

extension LineFeatures.ContentWords {
    /// Content words: lowercased runs of letters, digits and apostrophes (’ counts as one).
    init<Scalar: FixedWidthInteger>(simple sample: UnsafeBufferPointer<Scalar>, stopwords: StopwordSet) {
        self.init()
        var word = SimpleWord()
        for scalar in sample {
            let value = UInt32(truncatingIfNeeded: scalar)
            if !word.add(value) {
                add(&word, stopwords: stopwords)
            }
        }
        add(&word, stopwords: stopwords)
    }

    /// Counts a finished word, keeps it if it is a content word, and empties it.
    private mutating func add(_ word: inout SimpleWord, stopwords: StopwordSet) {
        guard word.length > 0 else { return }
        total += 1
        defer { word.clear() }
        if word.hasDigit { return }
        if stopwords.contains(utf8: word.bytes) { stops += 1; return }
        if word.hasCJK {
            // CJK text is compared by characters; other letters in such a word are dropped.
            let lower = String(decoding: word.bytes, as: UTF8.self)
            for scalar in lower.unicodeScalars where TextMeasure.isCJK(scalar) { keys.append(WordKeys.key(of: String(scalar))) }
            return
        }
        guard word.length >= 3 else { return }
        keys.append(LineFeatures.foldedKeyASCII(word.bytes)
            ?? WordKeys.key(of: LineFeatures.fold(String(decoding: word.bytes, as: UTF8.self))))
    }
}

/// The word being read on the simple path: its lowercased UTF-8 bytes and what they hold.
struct SimpleWord {
    var bytes: [UInt8] = []
    /// In scalars (one scalar is one character on this path).
    var length = 0
    var hasDigit = false
    var hasCJK = false

    init() { bytes.reserveCapacity(64) }

    /// Adds a scalar that continues the word; false for one that ends it.
    @inline(__always)
    mutating func add(_ value: UInt32) -> Bool {
        if SimpleScalar.isLetter(value) {
            LineFeatures.appendUTF8(SimpleScalar.lowercased(value), to: &bytes)
            if LineFeatures.isSimpleCJKLetter(value) { hasCJK = true }
        } else if SimpleScalar.isDigit(value) {
            bytes.append(UInt8(value))
            hasDigit = true
        } else if value == 0x27 || value == 0x2019 {
            bytes.append(0x27)
        } else {
            return false
        }
        length += 1
        return true
    }

    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        length = 0
        hasDigit = false
        hasCJK = false
    }
}
