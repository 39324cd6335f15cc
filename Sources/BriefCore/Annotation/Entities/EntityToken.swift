// Tokens for entity recognition: scalar offsets, a case-folded key and a shape, nothing allocated per token.

/// The casing and kind of a token, as bit flags.
struct TokenShape: OptionSet, Sendable {
    let rawValue: UInt16
    /// Contains at least one letter.
    static let word = TokenShape(rawValue: 1 << 0)
    /// Starts with an uppercase letter.
    static let capitalized = TokenShape(rawValue: 1 << 1)
    /// Has two or more letters and none of them is lowercase.
    static let allCaps = TokenShape(rawValue: 1 << 2)
    /// Starts with a lowercase letter.
    static let lowercase = TokenShape(rawValue: 1 << 3)
    /// Contains a digit.
    static let digit = TokenShape(rawValue: 1 << 4)
    /// A single punctuation or symbol scalar.
    static let punctuation = TokenShape(rawValue: 1 << 5)
    /// The first word of a sentence (set by the recognizer, not the tokenizer).
    static let sentenceStart = TokenShape(rawValue: 1 << 6)
    /// Hyphenated with a lowercase last part (`Dublin-born`, `U.S.-based`): a modifier, not a name.
    static let lowercaseTail = TokenShape(rawValue: 1 << 7)
    /// An initial or dotted acronym: `J.`, `U.S.`.
    static let initial = TokenShape(rawValue: 1 << 8)
}

/// One token of a line, by scalar offsets into that line.
struct EntityToken: Sendable {
    var start: Int
    var end: Int
    /// `ScalarKey` of the lowercased text.
    var key: UInt64
    var shape: TokenShape
    /// `ScalarKey` of the part before the first hyphen (`Jean` in `Jean-Michel`); `key` when there is none.
    var headKey: UInt64
    /// For punctuation tokens, the scalar; 0 otherwise.
    var symbol: UInt32

    @inline(__always) func has(_ flag: TokenShape) -> Bool { shape.contains(flag) }
    var isWord: Bool { shape.contains(.word) }
    var isCapitalized: Bool { shape.contains(.capitalized) }
}

/// Splits a line of scalars into word, number and punctuation tokens.
///
/// Words keep inner hyphens and apostrophes (`Rolls-Royce`, `O'Brien`) but a
/// possessive `'s` is split off, so `North Korea's` yields `North`, `Korea`, `'`, `s`.
/// Initials and dotted acronyms keep their dots (`U.S.`, `J.`), as do the
/// abbreviations the gazetteer lists (`Inc.`, `Mr.`).
struct EntityTokenizer: Sendable {
    /// Keys of abbreviations written with their final dot (`inc.`, `mr.`).
    let abbreviations: KeySet
    /// Keys of name particles written with a hyphen before a capitalized name (`al-`, `el-`, `bin-`).
    var particles: KeySet = []
    /// Keys of abbreviations that keep their dot only before a number (`No. 2`): elsewhere the dot
    /// ends a sentence ("A: No. Fares stay the same"), and the next word opens one.
    var numberAbbreviations: KeySet = []

    @inline(__always)
    static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
    }

    @inline(__always)
    static func isDigit(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return Unicode.Scalar(v)?.properties.numericType == .decimal
    }

    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool { isLetter(v) || isDigit(v) }

    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return Unicode.Scalar(v)?.properties.isWhitespace ?? false
    }

    @inline(__always)
    static func isApostrophe(_ v: UInt32) -> Bool { v == 0x27 || v == 0x2019 }

    @inline(__always)
    static func isUpper(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return Unicode.Scalar(v)?.properties.isUppercase ?? false
    }

    @inline(__always)
    static func isLower(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return Unicode.Scalar(v)?.properties.isLowercase ?? false
    }

    /// Tokenizes `s` (scalar values of one line).
    func tokenize(_ s: [UInt32], into tokens: inout [EntityToken]) {
        tokens.removeAll(keepingCapacity: true)
        var i = 0
        while i < s.count {
            let c = s[i]
            if Self.isSpace(c) { i += 1; continue }
            guard Self.isWordScalar(c) else {
                tokens.append(EntityToken(start: i, end: i + 1, key: ScalarKey.mix(ScalarKey.offsetBasis, ScalarKey.folded(c)),
                                          shape: .punctuation, headKey: 0, symbol: c))
                i += 1
                continue
            }
            var scan = scanWord(s, from: i)
            takeFinalDot(s, from: i, &scan)
            tokens.append(Self.token(scan, start: i, first: c))
            i = scan.end
        }
    }

    /// What scanning one word found, before its shape is decided.
    private struct WordScan {
        var end: Int
        var hash = ScalarKey.offsetBasis
        var letters = 0
        var uppers = 0
        var lowers = 0
        var hasDigit = false
        /// The hash of the part before the first inner hyphen.
        var headHash: UInt64?
        /// The part after the last inner hyphen starts in lowercase.
        var lowercaseTail = false
        /// A lowercase particle hyphenated to a capitalized name (`al-Saadani`).
        var particleName = false
        var initial = false
    }

    /// Scans the word starting at `i`: letters and digits, inner hyphens (`Rolls-Royce`), inner
    /// apostrophes (`O'Brien`, but a possessive `'s` ends the word) and number separators (`1,000.5`).
    @inline(__always)
    private func scanWord(_ s: [UInt32], from i: Int) -> WordScan {
        let n = s.count
        let c = s[i]
        var scan = WordScan(end: i)
        var j = i
        while j < n {
            let v = s[j]
            if Self.isLetter(v) {
                scan.letters += 1
                if Self.isUpper(v) { scan.uppers += 1 } else if Self.isLower(v) { scan.lowers += 1 }
            } else if Self.isDigit(v) {
                scan.hasDigit = true
            } else if j + 1 < n, Self.isWordScalar(s[j + 1]) {
                if v == 0x2D || v == 0x2010 || v == 0x2011 {
                    // inner hyphen: one token, as in `Rolls-Royce`
                    if scan.headHash == nil {
                        scan.headHash = scan.hash
                        // `al-Saadani`, `el-Sisi`: a short lowercase particle before a capitalized name.
                        if Self.isLower(c), Self.isUpper(s[j + 1]), particles.contains(scan.hash) { scan.particleName = true }
                    }
                    scan.lowercaseTail = Self.isLower(s[j + 1])
                } else if Self.isApostrophe(v) {
                    // a possessive `'s` ends the word; `O'Brien` stays whole
                    let next = s[j + 1]
                    if (next == 0x73 || next == 0x53), j + 2 >= n || !Self.isWordScalar(s[j + 2]) { break }
                } else if (v == 0x2E || v == 0x2C || v == 0x3A), scan.hasDigit, Self.isDigit(s[j + 1]) {
                    // 1,000.5 and 10:30
                } else { break }
            } else { break }
            scan.hash = ScalarKey.mix(scan.hash, ScalarKey.folded(v))
            j += 1
        }
        scan.end = j
        return scan
    }

    /// Keeps the dot of an initial, a dotted acronym (`U.S.`) or a known abbreviation (`Inc.`).
    @inline(__always)
    private func takeFinalDot(_ s: [UInt32], from i: Int, _ scan: inout WordScan) {
        let n = s.count
        var j = scan.end
        guard j < n, s[j] == 0x2E else { return }
        if scan.letters == 1, j - i == 1, Self.isUpper(s[i]) {
            scan.initial = true
            scan.hash = ScalarKey.mix(scan.hash, 0x2E)
            j += 1
            while j + 1 < n, Self.isLetter(s[j]), s[j + 1] == 0x2E, j + 2 >= n || !Self.isLetter(s[j + 2]) {
                scan.letters += 1
                if Self.isUpper(s[j]) { scan.uppers += 1 }
                scan.hash = ScalarKey.mix(ScalarKey.mix(scan.hash, ScalarKey.folded(s[j])), 0x2E)
                j += 2
            }
        } else {
            let dotted = ScalarKey.mix(scan.hash, 0x2E)
            if abbreviations.contains(dotted) || (numberAbbreviations.contains(dotted) && Self.numberFollows(s, after: j)) {
                scan.hash = dotted
                j += 1
            }
        }
        scan.end = j
    }

    /// Whether a number comes next after the dot at `dot`, past spaces (`No. 2`, `No.2`), or
    /// nothing does (the word as a gazetteer lists it, `No.`).
    private static func numberFollows(_ s: [UInt32], after dot: Int) -> Bool {
        var k = dot + 1
        while k < s.count, isSpace(s[k]) { k += 1 }
        return k == s.count || isDigit(s[k])
    }

    @inline(__always)
    private static func token(_ scan: WordScan, start: Int, first c: UInt32) -> EntityToken {
        var shape: TokenShape = scan.initial ? .initial : []
        if scan.letters > 0 {
            shape.insert(.word)
            if isUpper(c) || scan.particleName { shape.insert(.capitalized) } else if isLower(c) { shape.insert(.lowercase) }
            if scan.lowers == 0, scan.uppers >= 2 { shape.insert(.allCaps) }
        }
        if scan.hasDigit { shape.insert(.digit) }
        if scan.lowercaseTail { shape.insert(.lowercaseTail) }
        return EntityToken(start: start, end: scan.end, key: scan.hash, shape: shape, headKey: scan.headHash ?? scan.hash, symbol: 0)
    }
}
