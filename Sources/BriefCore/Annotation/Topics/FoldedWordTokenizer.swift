// Splits text into case-folded words: the one notion of "a word" shared by topic matching and the filter language.

/// Splits text into lowercase word tokens, so that a term, a query word and the article text
/// agree on where words begin and end.
///
/// Letters, digits and combining marks make words; everything else separates them, so
/// `supply-chain` and `supply chain` give the same tokens. A possessive `'s` is dropped
/// (`Korea's` → `korea`). Han ideographs and kana are one token each, because those scripts
/// do not separate words with spaces; a term written in them matches as a sequence.
package enum FoldedWordTokenizer {
    /// The tokens of `text`, lowercased, in order.
    package static func tokens(_ text: some StringProtocol) -> [String] {
        var result: [String] = []
        result.reserveCapacity(text.utf8.count / 5)
        forEachToken(in: text) { result.append($0) }
        return result
    }

    /// Calls `body` with each token of `text`, lowercased, in order.
    package static func forEachToken(in text: some StringProtocol, _ body: (String) -> Void) {
        var scratch: [UInt8] = []
        scratch.reserveCapacity(32)
        var hasNonASCII = false
        var skippingPossessive = false

        func flush() {
            guard !scratch.isEmpty else { return }
            let token = String(decoding: scratch, as: UTF8.self)
            body(hasNonASCII ? token.lowercased() : token)
            scratch.removeAll(keepingCapacity: true)
            hasNonASCII = false
        }

        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            index += 1
            if value < 0x80 {
                let byte = UInt8(value)
                if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    if skippingPossessive { continue }
                    scratch.append(byte)
                } else if byte >= 0x41 && byte <= 0x5A {
                    if skippingPossessive { continue }
                    scratch.append(byte + 0x20)
                } else if byte == 0x27 {  // ' as an apostrophe
                    let afterWord = !scratch.isEmpty
                    flush()
                    skippingPossessive = afterWord && isPossessiveS(scalars, at: index)
                } else {
                    flush()
                    skippingPossessive = false
                }
                continue
            }
            if value == 0x2019 {  // ’ as an apostrophe
                let afterWord = !scratch.isEmpty
                flush()
                skippingPossessive = afterWord && isPossessiveS(scalars, at: index)
                continue
            }
            if isIdeographic(value) {
                flush()
                skippingPossessive = false
                var single: [UInt8] = []
                single.append(contentsOf: scalar.utf8)
                body(String(decoding: single, as: UTF8.self))
                continue
            }
            if isWordScalar(scalar) {
                if skippingPossessive { continue }
                scratch.append(contentsOf: scalar.utf8)
                hasNonASCII = true
            } else {
                flush()
                skippingPossessive = false
            }
        }
        flush()
    }

    /// True when the scalars from `index` are `s` (or `S`) followed by a non-word scalar or the end.
    private static func isPossessiveS(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index < scalars.count, scalars[index] == "s" || scalars[index] == "S" else { return false }
        let next = index + 1
        return next == scalars.count || !isWordScalar(scalars[next])
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let v = scalar.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .letterNumber: return true
        default: return false
        }
    }

    /// Han ideographs, hiragana and katakana: scripts written without spaces between words.
    private static func isIdeographic(_ value: UInt32) -> Bool {
        (0x3040...0x30FF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0x4E00...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x3134F).contains(value)
    }
}
