// The compiled form of a set of topics: every term form indexed by its first word, for one pass per article.

/// Counts the occurrences of every topic term in a text in one pass over its words.
///
/// The text is first coded: each word becomes the number of the term word it is (or -1), found
/// by hashing its bytes into a precompiled table, so no string is made for a word; the prefix
/// forms (`cyber*`) are looked up with the same running hash at each prefix length in use.
/// Single-word terms are then an array index per word, phrases are looked up by their first
/// word and compared by number. Cost is linear in the text, whatever the number of topics.
///
/// A class: the classifier hands it to every sentence, and a struct of this many tables was
/// copied (a retain and a release per table) each time.
final class TopicMatcher: Sendable {
    /// What a term does for its topic.
    enum Role: Sendable {
        /// Evidence on its own (`strong` and `terms`).
        case evidence
        /// Evidence only beside other evidence (`context`).
        case context
        /// Another sense: its sentence gives the topic no evidence (`against`).
        case against
    }

    /// One term of one topic; the index into the counts array.
    struct Term: Sendable {
        var topic: Int
        var text: String
        var weight: Double
        var role: Role
    }

    /// A text coded for matching: how many words it has and, in position order, the words some
    /// term uses (by word number) and the prefix forms words begin with; a paragraph also has its
    /// sentences. Most words of a text are no term's word: only the few that are take room.
    struct CodedText {
        var wordCount = 0
        /// (word position, word number) of every word some term uses.
        var hits: [(position: Int, word: Int32)] = []
        /// (word position, prefix number).
        var prefixHits: [(position: Int, prefix: Int32)] = []
        /// A paragraph's sentences, in order (none for a text coded whole).
        var sentences: [Sentence] = []
        /// While coding: the UTF-8 offsets where the sentences end, and where the sentence being
        /// gathered starts. State of the value, not of the closure: captured variables cost an
        /// exclusivity check per access.
        fileprivate var sentenceOffsets: [Int] = []
        private var sentenceStart = (word: 0, hit: 0, prefixHit: 0)

        /// The whole text as one sentence (the title).
        var whole: Sentence { Sentence(words: 0..<wordCount, hits: 0..<hits.count, prefixHits: 0..<prefixHits.count) }

        mutating func removeAll() {
            wordCount = 0
            hits.removeAll(keepingCapacity: true)
            prefixHits.removeAll(keepingCapacity: true)
            sentences.removeAll(keepingCapacity: true)
            sentenceOffsets.removeAll(keepingCapacity: true)
            sentenceStart = (0, 0, 0)
        }

        /// Closes the sentences that end before a word ending at the UTF-8 offset `wordEnd`: a word
        /// belongs to the first sentence that ends at or after it does.
        @inline(__always)
        fileprivate mutating func endSentences(before wordEnd: Int) {
            while sentences.count < sentenceOffsets.count, wordEnd > sentenceOffsets[sentences.count] {
                sentences.append(Sentence(words: sentenceStart.word..<wordCount, hits: sentenceStart.hit..<hits.count,
                                          prefixHits: sentenceStart.prefixHit..<prefixHits.count))
                sentenceStart = (wordCount, hits.count, prefixHits.count)
            }
        }
    }

    /// One sentence of a coded text: its word positions and the indices of its hits.
    struct Sentence {
        var words: Range<Int>
        var hits: Range<Int>
        var prefixHits: Range<Int>

        /// Whether some word of the sentence is a term's word or begins with a prefix form.
        var mayMatch: Bool { !hits.isEmpty || !prefixHits.isEmpty }
    }

    private struct Phrase: Sendable {
        /// Word numbers of the words after the first; the last is a prefix number when `lastIsPrefix`.
        var rest: [Int32]
        var lastIsPrefix: Bool
        var term: Int
    }

    /// What a word starts: the single-word terms it is, the phrases it begins.
    private struct Entry: Sendable {
        var terms: [Int] = []
        var phrases: [Phrase] = []
    }

    let terms: [Term]
    /// By word number.
    private let entries: [Entry]
    private let words: ByteTable
    /// By prefix number: the single-word prefix forms' terms (empty for a phrase's last word).
    private let prefixTerms: [[Int]]
    private let prefixes: ByteTable
    /// `isPrefixLength[n]`: some prefix form is `n` bytes long.
    private let isPrefixLength: [Bool]
    /// Which words may be a term's word or begin a prefix form, so most words skip the lookups.
    private let filter: WordFilter

    init(topics: [TopicDefinition], scoring: TopicScoring) {
        var tables = Tables()
        for (topicIndex, topic) in topics.enumerated() { tables.add(topic, number: topicIndex, scoring: scoring) }
        let longest = tables.prefixNumbers.keys.map(\.count).max() ?? 0
        var isPrefixLength = [Bool](repeating: false, count: longest + 1)
        var filter = WordFilter()
        for key in tables.prefixNumbers.keys {
            isPrefixLength[key.count] = true
            filter.addPrefix(key)
        }
        for key in tables.wordNumbers.keys { filter.addWord(key) }
        terms = tables.terms
        entries = tables.entries
        prefixTerms = tables.prefixTerms
        words = ByteTable(tables.wordNumbers)
        prefixes = ByteTable(tables.prefixNumbers)
        self.isPrefixLength = isPrefixLength
        self.filter = filter
    }

    /// The matcher's tables as they are built: terms, and words and prefix forms numbered in
    /// the order they first appear.
    private struct Tables {
        var terms: [Term] = []
        var entries: [Entry] = []
        var prefixTerms: [[Int]] = []
        var wordNumbers: [[UInt8]: Int32] = [:]
        var prefixNumbers: [[UInt8]: Int32] = [:]

        /// Adds a topic's terms (strong, ordinary, context, against), each once by its name,
        /// with every form `TermVariants` gives it.
        mutating func add(_ topic: TopicDefinition, number topicIndex: Int, scoring: TopicScoring) {
            let weighted = topic.strong.map { ($0, scoring.strongWeight, Role.evidence) }
                + topic.terms.map { ($0, scoring.termWeight, Role.evidence) }
                + topic.context.map { ($0, scoring.termWeight, Role.context) }
                + topic.against.map { ($0, 0, Role.against) }
            var seenTerms = Set<String>()
            for (text, weight, role) in weighted {
                let name = text.split(separator: "|").first.map { String(DataFileLines.trim($0)) } ?? text
                guard seenTerms.insert(name.lowercased()).inserted else { continue }
                let termIndex = terms.count
                terms.append(Term(topic: topicIndex, text: name, weight: weight, role: role))
                for form in TermVariants.forms(of: text) { add(form, of: termIndex) }
            }
        }

        private mutating func add(_ form: TermVariants.Form, of termIndex: Int) {
            // Numbers first: `word` and `prefix` grow the tables indexed here.
            if form.tokens.count == 1 {
                if form.isPrefix {
                    let number = Int(prefix(form.tokens[0]))
                    prefixTerms[number].append(termIndex)
                } else {
                    let number = Int(word(form.tokens[0]))
                    entries[number].terms.append(termIndex)
                }
            } else {
                let first = Int(word(form.tokens[0]))
                var rest = form.tokens.dropFirst().dropLast().map { word($0) }
                let last = form.tokens[form.tokens.count - 1]
                rest.append(form.isPrefix ? prefix(last) : word(last))
                entries[first].phrases.append(Phrase(rest: rest, lastIsPrefix: form.isPrefix, term: termIndex))
            }
        }

        private mutating func word(_ text: String) -> Int32 {
            let bytes = Array(text.utf8)
            if let number = wordNumbers[bytes] { return number }
            let number = Int32(entries.count)
            wordNumbers[bytes] = number
            entries.append(Entry())
            return number
        }

        private mutating func prefix(_ text: String) -> Int32 {
            let bytes = Array(text.utf8)
            if let number = prefixNumbers[bytes] { return number }
            let number = Int32(prefixTerms.count)
            prefixNumbers[bytes] = number
            prefixTerms.append([])
            return number
        }
    }

    /// Codes `text` into `coded` (emptied first): one pass of the tokenizer, one hash per word.
    /// With `splittingSentences`, `coded.sentences` are the text's sentences (`SentenceSplitter`).
    func code(_ text: String, splittingSentences: Bool, into coded: inout CodedText) {
        coded.removeAll()
        // The tables as locals: read through `self` in the closure, each was retained per word.
        let (words, prefixes, isPrefixLength, filter) = (words, prefixes, isPrefixLength, filter)
        var text = text
        text.withUTF8 { bytes in
            if splittingSentences { SentenceSplitter.forEachEnd(in: bytes) { coded.sentenceOffsets.append($0) } }
            FoldedWordTokenizer.forEachTokenBytes(in: bytes) { bytes, end in
                coded.endSentences(before: end)
                let position = coded.wordCount
                coded.wordCount += 1
                let (checksWord, checksPrefixes) = filter.mayMatch(bytes)
                guard checksWord || checksPrefixes else { return }
                var hash = ByteTable.seed
                for offset in 0..<bytes.count {
                    hash = ByteTable.hash(hash, bytes[offset])
                    let length = offset + 1
                    if checksPrefixes, length < isPrefixLength.count, isPrefixLength[length] {
                        let number = prefixes.find(UnsafeBufferPointer(rebasing: bytes[..<length]), hash: hash)
                        if number >= 0 { coded.prefixHits.append((position, number)) }
                    }
                }
                if checksWord {
                    let number = words.find(bytes, hash: hash)
                    if number >= 0 { coded.hits.append((position, number)) }
                }
            }
            coded.endSentences(before: Int.max)
        }
    }

    /// Calls `body` with the index of the term of every term occurrence in `sentence` of `coded`
    /// (a phrase does not run past the sentence).
    func forEachMatch(in coded: CodedText, _ sentence: Sentence, _ body: (Int) -> Void) {
        for hit in sentence.hits {
            let entry = entries[Int(coded.hits[hit].word)]
            for term in entry.terms { body(term) }
            for phrase in entry.phrases where matches(phrase, in: coded, startingAt: hit, within: sentence) {
                body(phrase.term)
            }
        }
        for hit in sentence.prefixHits {
            for term in prefixTerms[Int(coded.prefixHits[hit].prefix)] { body(term) }
        }
    }

    /// Whether the words after the hit `first` are the rest of `phrase`, inside `sentence`.
    private func matches(_ phrase: Phrase, in coded: CodedText, startingAt first: Int, within sentence: Sentence) -> Bool {
        let rest = phrase.rest
        let position = coded.hits[first].position
        guard position + rest.count < sentence.words.upperBound else { return false }
        // Every word of a phrase is some term's word, so the words after the first are the next hits.
        let wholeWords = phrase.lastIsPrefix ? rest.count - 1 : rest.count
        for offset in 0..<wholeWords {
            let hit = first + 1 + offset
            guard hit < sentence.hits.upperBound, coded.hits[hit].position == position + 1 + offset,
                  coded.hits[hit].word == rest[offset] else { return false }
        }
        guard phrase.lastIsPrefix else { return true }
        let last = position + rest.count
        return sentence.prefixHits.contains { coded.prefixHits[$0].position == last && coded.prefixHits[$0].prefix == rest[rest.count - 1] }
    }
}

/// A quick "no" for most words before they are hashed: per bucket of a word's first two bytes
/// (its only byte and 0 for a one-byte word), bit `n` is set when some term word of `n` bytes
/// (63 or more: bit 63) begins with them, and bit 0 when some prefix form does. A word whose
/// bits are clear is no term's word and begins no prefix form; one whose bit is set may be.
private struct WordFilter: Sendable {
    private var buckets = [UInt64](repeating: 0, count: 1024)

    @inline(__always)
    private static func bucket(_ first: UInt8, _ second: UInt8) -> Int { Int(first & 31) << 5 | Int(second & 31) }

    mutating func addWord(_ word: [UInt8]) {
        guard let first = word.first else { return }
        buckets[Self.bucket(first, word.count > 1 ? word[1] : 0)] |= 1 << UInt64(min(word.count, 63))
    }

    mutating func addPrefix(_ prefix: [UInt8]) {
        guard let first = prefix.first else { return }
        if prefix.count > 1 {
            buckets[Self.bucket(first, prefix[1])] |= 1
        } else {
            // Any word with this first byte begins with a one-byte prefix form.
            for second in UInt8(0)..<32 { buckets[Self.bucket(first, second)] |= 1 }
        }
    }

    /// Whether `word` (not empty) may be a term's word, and whether it may begin a prefix form.
    @inline(__always)
    func mayMatch(_ word: UnsafeBufferPointer<UInt8>) -> (word: Bool, prefix: Bool) {
        let bits = buckets[Self.bucket(word[0], word.count > 1 ? word[1] : 0)]
        return (bits & (1 << UInt64(min(word.count, 63))) != 0, bits & 1 != 0)
    }
}

/// A frozen set of byte strings, each with its number: open addressing over FNV-1a hashes,
/// which the caller computes while it reads the bytes (so a prefix costs no second pass).
private struct ByteTable: Sendable {
    static let seed = FNV1a.offsetBasis

    @inline(__always)
    static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 { FNV1a.mix(hash, UInt64(byte)) }

    /// Per slot: the key's index, or -1 when empty.
    private var slots: [Int32]
    private let mask: Int
    private var keyHashes: [UInt64] = []
    private var keyStarts: [Int] = [0]
    private var keyBytes: [UInt8] = []
    private var numbers: [Int32] = []

    init(_ keys: [[UInt8]: Int32]) {
        var capacity = 16
        while capacity < keys.count * 4 { capacity *= 2 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (bytes, number) in keys {
            let hash = bytes.reduce(Self.seed, Self.hash)
            var slot = Self.slot(hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(numbers.count)
            keyHashes.append(hash)
            keyBytes += bytes
            keyStarts.append(keyBytes.count)
            numbers.append(number)
        }
    }

    @inline(__always)
    private static func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 29)) }

    /// The number of `bytes` (whose hash is `hash`), or -1.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        var slot = Self.slot(hash) & mask
        while true {
            let key = Int(slots[slot])
            guard key >= 0 else { return -1 }
            if keyHashes[key] == hash, keyStarts[key + 1] - keyStarts[key] == bytes.count, equals(key, bytes) {
                return numbers[key]
            }
            slot = (slot + 1) & mask
        }
    }

    private func equals(_ key: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = keyStarts[key]
        for offset in 0..<bytes.count where keyBytes[start + offset] != bytes[offset] { return false }
        return true
    }
}
