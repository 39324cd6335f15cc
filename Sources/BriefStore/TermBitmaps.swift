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
/// A prefix search (`comp*`) is the same problem made worse: the index merges the lists of every
/// word that starts with the prefix (a million entries and a tenth of a second for `comp*` at
/// 1,000,000 articles). Prefixes found in at least `1/prefixFraction` of the articles get a
/// bitmap too, saved under the key `prefix*`; the bitmap is what the index answers, so it is
/// exactly its matches.
///
/// Only words of ASCII letters and digits are kept: for them the full-text tokenizer's token is
/// the lowercased word, so the bitmap holds exactly what the index would match.
enum TermBitmaps {
    /// Words in at least this fraction of the articles get a bitmap.
    static let frequentFraction = 4
    /// Prefixes in at least this fraction of the articles get a bitmap. At a quarter, the
    /// prefixes of four letters or more in a fifth of the articles (`stud*`, `fire*`, `relat*`)
    /// were the slowest keystrokes at 1,000,000 articles: 20-30 ms of merging in the index alone.
    static let prefixFraction = 6
    /// The shortest prefix given a bitmap.
    static let shortestPrefix = 3
    /// Articles read to find the candidates.
    static let sampleSize = 1_000
    /// Candidates are the words and prefixes in this share of their fraction of the sample, so
    /// one near the fraction is counted exactly rather than missed; each costs a query of the
    /// full-text index, and at 3/4 half the prefixes counted were below their fraction.
    static let sampleMargin = (numerator: 7, denominator: 8)
    /// A snapshot's words and prefixes are kept while the library has grown or shrunk by less than
    /// this factor since they were chosen (their bitmaps are updated); beyond it they are chosen again.
    static let keysKeptWithin = 2

    /// Whether the keys chosen at `before` articles still serve at `after`.
    static func keepsKeys(from before: Int64, to after: Int64) -> Bool {
        after <= before * Int64(keysKeptWithin) && before <= after * Int64(keysKeptWithin)
    }

    /// The saved words, one per line, and their bits: `wordCount` words per word, in its order.
    struct Saved {
        var terms: [String]
        var bits: [UInt64]
        var wordCount: Int
        /// The number of articles when the words were chosen.
        var chosenAt: Int64
    }

    /// The lowercased key of `word`, or of the prefix `word*`, when it can have a bitmap (ASCII
    /// letters and digits only).
    static func key(_ word: String, prefix: Bool = false) -> String? {
        guard !word.isEmpty, word.utf8.allSatisfy({ isWordByte($0) }) else { return nil }
        return prefix ? word.lowercased() + "*" : word.lowercased()
    }

    /// The bitmaps for the articles present (`universe`, `articles` of them, rowids through
    /// `through`). When `previous` describes the articles up to an earlier rowid, its keys are
    /// kept: its bits less the articles deleted since (rowids are never reused, so a row at or
    /// below it is the article it was), and the rows above it asked of the index.
    static func build(_ db: Database, universe: RowidBitmap, articles: Int, through: Int64,
                      previous: (saved: Saved, through: Int64)?) throws -> Saved {
        let wordCount = Int(through) / 64 + 1
        let fetcher = MatchFetcher(db, capacity: Int(through) + 1, expecting: (articles, through))
        if let previous {
            var bits = [UInt64](repeating: 0, count: previous.saved.terms.count * wordCount)
            let present = universe.words + repeatElement(0, count: max(0, wordCount - universe.words.count))
            let addedSince = try matchesAmongAdded(db, previous.saved.terms, above: previous.through, capacity: Int(through) + 1,
                                                   articles: articles) ?? fetcher.matches(of: previous.saved.terms, above: previous.through)
            for (slot, added) in addedSince.enumerated() {
                let old = previous.saved.wordCount
                for index in 0..<min(old, wordCount) {
                    bits[slot * wordCount + index] = previous.saved.bits[slot * old + index] & present[index]
                }
                for index in 0..<min(added.words.count, wordCount) { bits[slot * wordCount + index] |= added.words[index] }
            }
            return Saved(terms: previous.saved.terms, bits: bits, wordCount: wordCount, chosenAt: previous.saved.chosenAt)
        }
        var terms: [String] = []
        var bits: [UInt64] = []
        let candidates = try candidates(db, universe: universe)
        for (term, found) in zip(candidates, try fetcher.matches(of: candidates, above: 0)) {
            guard found.memberCount >= max(1, articles / fraction(of: term)) else { continue }
            terms.append(term)
            bits += found.words.prefix(wordCount)
            bits += repeatElement(0, count: max(0, wordCount - found.words.count))
        }
        return Saved(terms: terms, bits: bits, wordCount: wordCount, chosenAt: Int64(articles))
    }

    /// The rowids above `rowid` whose title or text holds the word `term`, or a word starting
    /// with the prefix of the key `prefix*`.
    static func matching(_ term: String, above rowid: Int64) -> SQLCondition {
        SQLCondition("SELECT rowid FROM article_fts WHERE article_fts MATCH ? AND rowid > ?", [ftsQuery(term), rowid])
    }

    /// The full-text query of a key: the word, or the prefix of `prefix*`.
    private static func ftsQuery(_ term: String) -> String {
        term.hasSuffix("*") ? "\"\(term.dropLast())\"*" : "\"\(term)\""
    }

    /// Rows added since the keys' bitmaps were saved are asked of a temporary index of theirs
    /// alone when they are at most this fraction of the articles.
    static let addedIndexFraction = 16

    /// For each key, the articles above `rowid` it matches, asked of a temporary full-text index
    /// of those articles alone: the same tokenizer over the same title and text as the library's
    /// index, so the same matches. The library's index merges the lists of every word a prefix
    /// starts however few rows are asked for (12-30 ms a key at 1,000,000 articles, for each of
    /// hundreds of keys at every `brief index`); a small index does it at once. Nil when the
    /// added articles are too many to index again cheaply.
    private static func matchesAmongAdded(_ db: Database, _ terms: [String], above rowid: Int64, capacity: Int,
                                          articles: Int) throws -> [RowidBitmap]? {
        let added = try Int.fetchOne(db, sql: "SELECT count(*) FROM article WHERE rowid > ?", arguments: [rowid]) ?? 0
        guard added * addedIndexFraction <= articles else { return nil }
        try db.execute(sql: "DROP TABLE IF EXISTS temp.added_fts")
        try db.execute(sql: """
            CREATE VIRTUAL TABLE temp.added_fts USING fts5(title, text, content = '', tokenize = '\(FullTextSettings.tokenizer)')
            """)
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.added_fts") }
        try db.execute(sql: """
            INSERT INTO temp.added_fts (rowid, title, text)
            SELECT rowid, title, \(StoredText.functionName)(text) FROM article WHERE rowid > ?
            """, arguments: [rowid])
        return try terms.map { term in
            try RowidBitmap.fetch(db, SQLCondition("SELECT rowid FROM temp.added_fts WHERE added_fts MATCH ?", [ftsQuery(term)]),
                                  capacity: capacity)
        }
    }

    /// Asks the full-text index for the matches of many keys, half of them on a read-only
    /// connection of its own on the other core: each key is a query of its own (a prefix merges
    /// the lists of every word it starts, tens of milliseconds at 1,000,000 articles), so the
    /// snapshot's keys took half a minute on one core.
    ///
    /// The other connection must see what `db` sees. `db` is in the indexer's write transaction
    /// and has not written yet, so it does, unless this transaction changed articles before:
    /// then its article count or highest rowid differs, and `db` answers every key.
    private struct MatchFetcher {
        let db: Database
        let capacity: Int
        let expecting: (articles: Int, through: Int64)

        init(_ db: Database, capacity: Int, expecting: (articles: Int, through: Int64)) {
            (self.db, self.capacity, self.expecting) = (db, capacity, expecting)
        }

        /// For each key, the rowids above `rowid` it matches.
        func matches(of terms: [String], above rowid: Int64) throws -> [RowidBitmap] {
            let path = db.sqliteConnection.flatMap { sqlite3_db_filename($0, "main") }.map { String(cString: $0) } ?? ""
            guard terms.count > 1, CoreSplit.cores > 1, !path.isEmpty else {
                return try terms.map { try RowidBitmap.fetch(db, matching($0, above: rowid), capacity: capacity) }
            }
            // The odd keys on the other connection, the even ones here, at the same time.
            let odd = stride(from: 1, to: terms.count, by: 2).map { terms[$0] }
            let helper = HelperResult()
            let done = DispatchSemaphore(value: 0)
            let (size, present) = (capacity, expecting)
            DispatchQueue.global(qos: .userInitiated).async {
                helper.set(Result { try Self.matches(of: odd, above: rowid, path: path, capacity: size, expecting: present) })
                done.signal()
            }
            let even = try stride(from: 0, to: terms.count, by: 2).map {
                try RowidBitmap.fetch(db, matching(terms[$0], above: rowid), capacity: capacity)
            }
            done.wait()
            // The other connection failed or saw other articles: this one answers its keys too.
            let others = try ((try? helper.get()) ?? nil)
                ?? odd.map { try RowidBitmap.fetch(db, matching($0, above: rowid), capacity: capacity) }
            return terms.indices.map { $0 % 2 == 0 ? even[$0 / 2] : others[$0 / 2] }
        }

        /// The keys' matches read on a connection of their own; nil when it does not see the
        /// articles `expecting` says.
        private static func matches(of terms: [String], above rowid: Int64, path: String, capacity: Int,
                                    expecting: (articles: Int, through: Int64)) throws -> [RowidBitmap]? {
            var configuration = Configuration()
            configuration.readonly = true
            return try DatabaseQueue(path: path, configuration: configuration).read { db in
                let seen = try Row.fetchOne(db, sql: "SELECT count(*), coalesce(max(article), 0) FROM article_facet")
                guard let seen, seen[0] as Int == expecting.articles, seen[1] as Int64 == expecting.through else { return nil }
                return try terms.map { try RowidBitmap.fetch(db, matching($0, above: rowid), capacity: capacity) }
            }
        }
    }

    /// The other connection's answer, handed to the thread that waits for it.
    private final class HelperResult: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<[RowidBitmap]?, Error> = .success(nil)

        func set(_ result: Result<[RowidBitmap]?, Error>) { lock.withLock { self.result = result } }

        func get() throws -> [RowidBitmap]? { try lock.withLock { result }.get() }
    }

    /// The fraction of the articles a key's word or prefix must be in to keep its bitmap.
    private static func fraction(of term: String) -> Int {
        term.hasSuffix("*") ? prefixFraction : frequentFraction
    }

    /// The words and prefixes in at least `sampleMargin` of their fraction of a sample of the articles, in order.
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
                forEachWord(text) { word in
                    words.insert(word)
                    guard word.utf8.count >= shortestPrefix else { return }
                    for end in word.indices.dropFirst(shortestPrefix - 1) { words.insert(String(word[...end]) + "*") }
                }
            }
            for word in words { articlesWith[word, default: 0] += 1 }
        }
        return articlesWith.filter { entry in
            entry.value >= max(1, sample.count * sampleMargin.numerator / (fraction(of: entry.key) * sampleMargin.denominator))
        }.keys.sorted()
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
        guard let bits = try ReaderSnapshot.read(db, .termBits, as: UInt64.self), bits.count == terms.count * wordCount,
              let chosenAt = try ReaderSnapshot.read(db, .termsChosenAt, as: Int64.self)?.first else { return nil }
        return Saved(terms: terms, bits: bits, wordCount: wordCount, chosenAt: chosenAt)
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
