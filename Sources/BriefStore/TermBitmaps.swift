// The words most articles contain, as bitmaps saved with the reader's snapshot.
import BriefCore
import Foundation
import GRDB
import GRDBSQLite

/// Typing a word searches for each prefix typed so far as a whole word, and the first letters of
/// many words are words most articles contain: the `s` of every possessive, `a`, `at`, `out`. The
/// full-text index answers such a word by stepping through most of the library's rowids (a tenth
/// of a second at 1,000,000 articles). The indexer saves, with the reader's snapshot, a bitmap
/// per word found in at least `1/frequentFraction` of the articles: found in a sample of the
/// articles, then counted exactly by the full-text index over every article up to the snapshot's
/// highest rowid. A reader takes a word's bitmap, less the articles deleted since, plus those
/// added since as the full-text index gives them.
///
/// Only words of ASCII letters and digits are kept: for them the full-text tokenizer's token is
/// the lowercased word, so the bitmap holds exactly what the index would match.
enum TermBitmaps {
    /// Words in at least this fraction of the articles get a bitmap.
    static let frequentFraction = 4
    /// Articles read to find the candidates.
    static let sampleSize = 1_000

    /// The saved words, one per line, and their bits: `wordCount` words per word, in its order.
    struct Saved {
        var terms: [String]
        var bits: [UInt64]
        var wordCount: Int
    }

    /// The lowercased key of `word` when it can have a bitmap (ASCII letters and digits only).
    static func key(_ word: String) -> String? {
        guard !word.isEmpty, word.utf8.allSatisfy({ isWordByte($0) }) else { return nil }
        return word.lowercased()
    }

    /// The bitmaps for the articles present (`universe`, `articles` of them, rowids through
    /// `through`). When `previous` describes the articles up to an earlier rowid and none was
    /// deleted since, its words are kept and only the rows above it are asked of the index.
    static func build(_ db: Database, universe: RowidBitmap, articles: Int, through: Int64,
                      previous: (saved: Saved, through: Int64)?) throws -> Saved {
        let wordCount = Int(through) / 64 + 1
        if let previous {
            var bits = [UInt64](repeating: 0, count: previous.saved.terms.count * wordCount)
            for (slot, term) in previous.saved.terms.enumerated() {
                let old = previous.saved.wordCount
                for index in 0..<min(old, wordCount) { bits[slot * wordCount + index] = previous.saved.bits[slot * old + index] }
                let added = try RowidBitmap.fetch(db, matching(term, above: previous.through), capacity: Int(through) + 1)
                for index in 0..<min(added.words.count, wordCount) { bits[slot * wordCount + index] |= added.words[index] }
            }
            return Saved(terms: previous.saved.terms, bits: bits, wordCount: wordCount)
        }
        let threshold = max(1, articles / frequentFraction)
        var terms: [String] = []
        var bits: [UInt64] = []
        for term in try candidates(db, universe: universe) {
            let found = try RowidBitmap.fetch(db, matching(term, above: 0), capacity: Int(through) + 1)
            guard found.memberCount >= threshold else { continue }
            terms.append(term)
            bits += found.words.prefix(wordCount)
            bits += repeatElement(0, count: max(0, wordCount - found.words.count))
        }
        return Saved(terms: terms, bits: bits, wordCount: wordCount)
    }

    /// The rowids above `rowid` whose title or text holds the word `term`.
    static func matching(_ term: String, above rowid: Int64) -> SQLCondition {
        SQLCondition("SELECT rowid FROM article_fts WHERE article_fts MATCH ? AND rowid > ?", ["\"\(term)\"", rowid])
    }

    /// The words in at least a fraction of a sample of the articles (three quarters of the
    /// fraction kept, so a word near it is counted exactly rather than missed), in order.
    private static func candidates(_ db: Database, universe: RowidBitmap) throws -> [String] {
        let present = universe.memberCount
        guard present > 0 else { return [] }
        let stride = max(1, present / sampleSize)
        var sample: [Int64] = []
        var seen = 0
        for (index, word) in universe.words.enumerated() {
            var bits = word
            while bits != 0 {
                if seen % stride == 0 { sample.append(Int64(index << 6 | bits.trailingZeroBitCount)) }
                seen += 1
                bits &= bits - 1
            }
        }
        let statement = try db.cachedStatement(sql: "SELECT title, \(StoredText.functionName)(text) FROM article WHERE rowid = ?")
        var articlesWith: [String: Int] = [:]
        for rowid in sample {
            guard let row = try Row.fetchOne(statement, arguments: [rowid]) else { continue }
            var words: Set<String> = []
            for column in 0..<2 {
                guard let text = row[column] as String? else { continue }
                forEachWord(text) { words.insert($0) }
            }
            for word in words { articlesWith[word, default: 0] += 1 }
        }
        let least = max(1, sample.count * 3 / (frequentFraction * 4))
        return articlesWith.filter { $0.value >= least }.keys.sorted()
    }

    /// Each word of `text` as the full-text tokenizer splits it (runs of letters and digits;
    /// any non-ASCII byte is part of a word), lowercased; words with non-ASCII bytes are left out.
    private static func forEachWord(_ text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var ascii = true
            for index in 0...bytes.count {
                let byte: UInt8 = index < bytes.count ? bytes[index] : 0x20
                if isWordByte(byte) || byte >= 0x80 {
                    if byte >= 0x80 { ascii = false }
                    continue
                }
                if index > start, ascii {
                    body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self).lowercased())
                }
                start = index + 1
                ascii = true
            }
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// The terms and bits of the saved snapshot (`ReaderSnapshot`), nil when missing or malformed.
    static func read(_ db: Database, through: Int64) throws -> Saved? {
        guard let names = try ReaderSnapshot.read(db, .termNames, as: UInt8.self) else { return nil }
        let terms = terms(from: names)
        let wordCount = Int(through) / 64 + 1
        guard let bits = try ReaderSnapshot.read(db, .termBits, as: UInt64.self), bits.count == terms.count * wordCount else { return nil }
        return Saved(terms: terms, bits: bits, wordCount: wordCount)
    }

    /// The saved words, from the bytes of `ReaderSnapshot.Part.termNames`.
    static func terms(from names: [UInt8]) -> [String] {
        names.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes `ReaderSnapshot.Part.termNames` holds for `terms`.
    static func names(of terms: [String]) -> [UInt8] {
        Array(terms.joined(separator: "\n").utf8)
    }
}
