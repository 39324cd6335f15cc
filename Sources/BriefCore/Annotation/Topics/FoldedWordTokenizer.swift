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
        var text = String(text)
        text.withUTF8 { bytes in tokenize(bytes) { token, _ in body(String(decoding: token, as: UTF8.self)) } }
    }

    /// Calls `body` with the lowercased UTF-8 bytes of each token of `text` (valid only during
    /// the call) and a UTF-8 offset at or past its end and before the next token's start: where
    /// the text can be cut (into sentences) between tokens. The topic matcher's way in: it
    /// makes no string for an ASCII word.
    package static func forEachTokenBytes(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        var text = text
        text.withUTF8 { bytes in tokenize(bytes, body) }
    }

    /// `forEachTokenBytes(in:_:)` over the valid UTF-8 `bytes` of a string the caller holds open.
    package static func forEachTokenBytes(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        tokenize(bytes, body)
    }

    /// The tokenizer proper, over valid UTF-8 (what a Swift string holds): ASCII is handled
    /// byte by byte; other scalars are decoded and classified by their Unicode properties.
    private static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        var word = WordBuffer()
        // After an apostrophe that follows a word, the `s` of a possessive is passed over.
        var skippingPossessive = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if !skippingPossessive && isASCIIWordByte(byte) {
                    index = word.appendASCIIRun(of: bytes, from: index)
                    continue
                }
                index += 1
                if isASCIIWordByte(byte) { continue }  // the `s` of a possessive
                let afterWord = word.flush(endingAt: index, body)
                skippingPossessive = byte == 0x27 && afterWord && isPossessiveS(bytes, at: index)  // ' as an apostrophe
                continue
            }
            let (scalar, length) = decode(bytes, at: index)
            let start = index
            index += length
            if scalar.value == 0x2019 {  // ’ as an apostrophe
                skippingPossessive = word.flush(endingAt: index, body) && isPossessiveS(bytes, at: index)
            } else if isIdeographic(scalar.value) {
                word.flush(endingAt: index, body)
                skippingPossessive = false
                body(UnsafeBufferPointer(rebasing: bytes[start..<index]), index)
            } else if isWordScalar(scalar) {
                if !skippingPossessive { word.append(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            } else {
                word.flush(endingAt: index, body)
                skippingPossessive = false
            }
        }
        word.flush(endingAt: index, body)
    }

    /// The word being gathered, in a buffer of its own: an array's uniqueness check on every
    /// byte appended was a good part of the topic matcher's time.
    private struct WordBuffer: ~Copyable {
        private var scratch: UnsafeMutablePointer<UInt8>
        private var capacity = 64
        private var count = 0
        private var hasNonASCII = false

        init() { scratch = .allocate(capacity: capacity) }
        deinit { scratch.deallocate() }

        /// Makes room for `needed` bytes in all.
        private mutating func reserve(_ needed: Int) {
            guard needed > capacity else { return }
            while capacity < needed { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: scratch, count: count)
            scratch.deallocate()
            scratch = grown
        }

        /// Most of a text is runs of ASCII letters and digits: the run starting at `start` is
        /// lowercased into the word in one tight loop. Returns where the run ends.
        mutating func appendASCIIRun(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            var end = start + 1
            while end < bytes.count && isASCIIWordByte(bytes[end]) { end += 1 }
            reserve(count + end - start)
            for offset in start..<end { scratch[count + offset - start] = bytes[offset] | 0x20 }
            count += end - start
            return end
        }

        /// Appends the bytes of one word scalar outside ASCII (lowercased when the word is emitted).
        mutating func append(_ scalarBytes: UnsafeBufferPointer<UInt8>) {
            reserve(count + scalarBytes.count)
            for (offset, byte) in scalarBytes.enumerated() { scratch[count + offset] = byte }
            count += scalarBytes.count
            hasNonASCII = true
        }

        /// Emits the word gathered so far, if any, with `index` (at or past its end); returns
        /// whether there was one.
        @discardableResult
        mutating func flush(endingAt index: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> Bool {
            guard count > 0 else { return false }
            let word = UnsafeBufferPointer(start: scratch, count: count)
            if hasNonASCII {
                var lowered = String(decoding: word, as: UTF8.self).lowercased()
                lowered.withUTF8 { body($0, index) }
            } else {
                body(word, index)
            }
            count = 0
            hasNonASCII = false
            return true
        }
    }

    /// An ASCII letter or digit; `byte | 0x20` is its lowercase.
    @inline(__always)
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    /// The scalar starting at `index` and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return ("\u{FFFD}", bytes.count - index) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// True when the bytes from `index` are `s` (or `S`) followed by a non-word scalar or the end.
    private static func isPossessiveS(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count, bytes[index] == 0x73 || bytes[index] == 0x53 else { return false }
        let next = index + 1
        return next == bytes.count || !isWordScalar(decode(bytes, at: next).0)
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
        Script.kana.contains(value) || Script.isHan(value)
    }
}
