// Cuts a paragraph into sentences, so topic evidence can be counted as a share of sentences.

/// Splits a paragraph at `.`, `!` or `?` (and any closing quotes or brackets) followed by
/// space and a capital letter, a digit or an opening quote. A period after a single letter
/// (`U.S.`) or a common title (`Mr.`, `Gen.`) does not end a sentence. Good enough to count
/// sentences; not meant for display. Works on the UTF-8 bytes: it runs on every paragraph the
/// topic classifier sees.
enum SentenceSplitter {
    static func sentences(in paragraph: String) -> [Substring] {
        guard !paragraph.isEmpty else { return [] }
        let utf8 = paragraph.utf8
        var cuts: [(start: Int, end: Int)] = []
        let scanned: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            forEachCut(in: bytes) { cuts.append(($0, $1)) }
        }
        guard scanned != nil, cuts.count > 1 else { return [paragraph[...]] }
        return cuts.map { cut in
            paragraph[utf8.index(utf8.startIndex, offsetBy: cut.start)..<utf8.index(utf8.startIndex, offsetBy: cut.end)]
        }
    }

    /// Calls `body` with the UTF-8 offset where each sentence of the paragraph `bytes` ends (the
    /// last is its length), in order. No array is made: the topic matcher calls this per paragraph.
    static func forEachEnd(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        forEachCut(in: bytes) { _, end in body(end) }
    }

    /// Calls `body` with the byte range (start, end) of each sentence of `bytes`, in order.
    private static func forEachCut(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
        var sentenceStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight bytes at a time past text that holds no `.`, `!` or `?`: most of a paragraph.
            if index + 8 <= count, !mayEndSentence(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            index += 1
            guard byte == 0x2E || byte == 0x21 || byte == 0x3F else { continue }  // . ! ?
            var end = index
            while end < count {
                if bytes[end] == 0x22 || bytes[end] == 0x27 || bytes[end] == 0x29 || bytes[end] == 0x5D {
                    end += 1
                } else if isQuote(bytes, end, last: 0x9D) || isQuote(bytes, end, last: 0x99) {  // ” ’
                    end += 3
                } else {
                    break
                }
            }
            guard end < count, isSpace(bytes[end]) else { continue }
            var next = end
            while next < count, isSpace(bytes[next]) { next += 1 }
            guard next < count, startsSentence(bytes, next) else { continue }
            if byte == 0x2E && isAbbreviation(bytes, before: index - 1) { continue }
            body(sentenceStart, end)
            sentenceStart = next
            index = next
        }
        if sentenceStart < count { body(sentenceStart, count) }
    }

    /// Whether one of the eight bytes of `chunk` is `.`, `!` or `?` (a byte equal to one of them
    /// is a zero byte of the chunk XOR that byte repeated; the zero-byte test has no false
    /// negatives, and a false positive only means those bytes are looked at one by one).
    @inline(__always)
    private static func mayEndSentence(_ chunk: UInt64) -> Bool {
        func hasZeroByte(_ value: UInt64) -> Bool {
            (value &- 0x0101_0101_0101_0101) & ~value & 0x8080_8080_8080_8080 != 0
        }
        return hasZeroByte(chunk ^ 0x2E2E_2E2E_2E2E_2E2E) || hasZeroByte(chunk ^ 0x2121_2121_2121_2121)
            || hasZeroByte(chunk ^ 0x3F3F_3F3F_3F3F_3F3F)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// U+201x quotation marks: E2 80 `last`.
    private static func isQuote(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, last: UInt8) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == last
    }

    /// A capital letter, a digit, an opening quote or bracket; any other script's letter is
    /// decoded and asked whether it is uppercase.
    private static func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 {
            return (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x22 || byte == 0x27 || byte == 0x28
        }
        if isQuote(bytes, index, last: 0x9C) || isQuote(bytes, index, last: 0x98) { return true }  // “ ‘
        var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isUppercase
    }

    private static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep",
                                               "capt", "cmdr", "adm", "maj", "prof", "no", "vs", "jan", "feb", "aug", "sept",
                                               "oct", "nov", "dec"]

    /// Whether the ASCII letters before the period at `period` are a single letter or a title.
    private static func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, before period: Int) -> Bool {
        var start = period
        while start > 0, isLetter(bytes[start - 1]) { start -= 1 }
        let length = period - start
        if length == 1 { return true }
        guard length >= 2 && length <= 4 else { return false }
        return titles.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<period]), as: UTF8.self).lowercased())
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }
}
