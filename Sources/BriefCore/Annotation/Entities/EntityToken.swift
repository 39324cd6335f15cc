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
    let abbreviations: Set<UInt64>
    /// Keys of name particles written with a hyphen before a capitalized name (`al-`, `el-`, `bin-`).
    var particles: Set<UInt64> = []

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
        let n = s.count
        var i = 0
        while i < n {
            let c = s[i]
            if Self.isSpace(c) { i += 1; continue }
            guard Self.isWordScalar(c) else {
                tokens.append(EntityToken(start: i, end: i + 1, key: ScalarKey.mix(ScalarKey.offsetBasis, ScalarKey.folded(c)),
                                          shape: .punctuation, headKey: 0, symbol: c))
                i += 1
                continue
            }
            var j = i
            var hash = ScalarKey.offsetBasis
            var letters = 0, uppers = 0, lowers = 0
            var hasDigit = false
            var headHash: UInt64? = nil
            var shapeExtras: TokenShape = []
            var lowercaseTail = false
            var particleName = false
            while j < n {
                let v = s[j]
                if Self.isLetter(v) {
                    letters += 1
                    if Self.isUpper(v) { uppers += 1 } else if Self.isLower(v) { lowers += 1 }
                } else if Self.isDigit(v) {
                    hasDigit = true
                } else if j + 1 < n, Self.isWordScalar(s[j + 1]) {
                    if v == 0x2D || v == 0x2010 || v == 0x2011 {
                        // inner hyphen: one token, as in `Rolls-Royce`
                        if headHash == nil {
                            headHash = hash
                            // `al-Saadani`, `el-Sisi`: a short lowercase particle before a capitalized name.
                            if Self.isLower(c), Self.isUpper(s[j + 1]), particles.contains(hash) { particleName = true }
                        }
                        lowercaseTail = Self.isLower(s[j + 1])
                    } else if Self.isApostrophe(v) {
                        // a possessive `'s` ends the word; `O'Brien` stays whole
                        let next = s[j + 1]
                        if (next == 0x73 || next == 0x53), j + 2 >= n || !Self.isWordScalar(s[j + 2]) { break }
                    } else if (v == 0x2E || v == 0x2C || v == 0x3A), hasDigit, Self.isDigit(s[j + 1]) {
                        // 1,000.5 and 10:30
                    } else { break }
                } else { break }
                hash = ScalarKey.mix(hash, ScalarKey.folded(v))
                j += 1
            }
            // Keep the dot of an initial, a dotted acronym or a known abbreviation.
            if j < n, s[j] == 0x2E {
                if letters == 1, j - i == 1, Self.isUpper(c) {
                    shapeExtras.insert(.initial)
                    hash = ScalarKey.mix(hash, 0x2E)
                    j += 1
                    while j + 1 < n, Self.isLetter(s[j]), s[j + 1] == 0x2E, j + 2 >= n || !Self.isLetter(s[j + 2]) {
                        letters += 1
                        if Self.isUpper(s[j]) { uppers += 1 }
                        hash = ScalarKey.mix(ScalarKey.mix(hash, ScalarKey.folded(s[j])), 0x2E)
                        j += 2
                    }
                } else {
                    let dotted = ScalarKey.mix(hash, 0x2E)
                    if abbreviations.contains(dotted) { hash = dotted; j += 1 }
                }
            }
            var shape: TokenShape = shapeExtras
            if letters > 0 {
                shape.insert(.word)
                if Self.isUpper(c) || particleName { shape.insert(.capitalized) } else if Self.isLower(c) { shape.insert(.lowercase) }
                if lowers == 0, uppers >= 2 { shape.insert(.allCaps) }
            }
            if hasDigit { shape.insert(.digit) }
            if lowercaseTail { shape.insert(.lowercaseTail) }
            tokens.append(EntityToken(start: i, end: j, key: hash, shape: shape, headKey: headHash ?? hash, symbol: 0))
            i = j
        }
    }
}
