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

    /// A text coded for matching: per word, its word number (-1 for a word no term uses) and
    /// the offset a sentence may be cut after; and the prefix forms each word begins with.
    struct CodedText {
        var words: [Int32] = []
        var ends: [Int] = []
        /// (word position, prefix number), in position order.
        var prefixHits: [(position: Int, prefix: Int32)] = []

        mutating func removeAll() {
            words.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            prefixHits.removeAll(keepingCapacity: true)
        }
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
    /// First bytes of the prefix forms, so most words skip the prefix lookups.
    private let prefixFirstBytes: [Bool]

    init(topics: [TopicDefinition], scoring: TopicScoring) {
        var terms: [Term] = []
        var entries: [Entry] = []
        var prefixTerms: [[Int]] = []
        var wordNumbers: [[UInt8]: Int32] = [:]
        var prefixNumbers: [[UInt8]: Int32] = [:]
        func word(_ text: String) -> Int32 {
            let bytes = Array(text.utf8)
            if let number = wordNumbers[bytes] { return number }
            let number = Int32(entries.count)
            wordNumbers[bytes] = number
            entries.append(Entry())
            return number
        }
        func prefix(_ text: String) -> Int32 {
            let bytes = Array(text.utf8)
            if let number = prefixNumbers[bytes] { return number }
            let number = Int32(prefixTerms.count)
            prefixNumbers[bytes] = number
            prefixTerms.append([])
            return number
        }
        for (topicIndex, topic) in topics.enumerated() {
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
                for form in TermVariants.forms(of: text) {
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
                        var rest = form.tokens.dropFirst().dropLast().map(word)
                        let last = form.tokens[form.tokens.count - 1]
                        rest.append(form.isPrefix ? prefix(last) : word(last))
                        entries[first].phrases.append(Phrase(rest: rest, lastIsPrefix: form.isPrefix, term: termIndex))
                    }
                }
            }
        }
        let longest = prefixNumbers.keys.map(\.count).max() ?? 0
        var isPrefixLength = [Bool](repeating: false, count: longest + 1)
        var prefixFirstBytes = [Bool](repeating: false, count: 256)
        for key in prefixNumbers.keys {
            isPrefixLength[key.count] = true
            if let first = key.first { prefixFirstBytes[Int(first)] = true }
        }
        self.terms = terms
        self.entries = entries
        self.prefixTerms = prefixTerms
        words = ByteTable(wordNumbers)
        prefixes = ByteTable(prefixNumbers)
        self.isPrefixLength = isPrefixLength
        self.prefixFirstBytes = prefixFirstBytes
    }

    /// Codes `text` into `coded` (emptied first): one pass of the tokenizer, one hash per word.
    func code(_ text: String, into coded: inout CodedText) {
        coded.removeAll()
        // The tables as locals: read through `self` in the closure, each was retained per word.
        let (words, prefixes, isPrefixLength, prefixFirstBytes) = (words, prefixes, isPrefixLength, prefixFirstBytes)
        FoldedWordTokenizer.forEachTokenBytes(in: text) { bytes, end in
            let position = coded.words.count
            var hash = ByteTable.seed
            let checksPrefixes = prefixFirstBytes[Int(bytes[0])]
            for offset in 0..<bytes.count {
                hash = ByteTable.hash(hash, bytes[offset])
                let length = offset + 1
                if checksPrefixes, length < isPrefixLength.count, isPrefixLength[length] {
                    let number = prefixes.find(UnsafeBufferPointer(rebasing: bytes[..<length]), hash: hash)
                    if number >= 0 { coded.prefixHits.append((position, number)) }
                }
            }
            coded.words.append(words.find(bytes, hash: hash))
            coded.ends.append(end)
        }
    }

    /// Calls `body` with the index of the term of every term occurrence among the words of
    /// `coded` in `range` (a phrase does not run past the range).
    func forEachMatch(in coded: CodedText, _ range: Range<Int>, _ body: (Int) -> Void) {
        for position in range {
            let number = coded.words[position]
            guard number >= 0 else { continue }
            let entry = entries[Int(number)]
            for term in entry.terms { body(term) }
            for phrase in entry.phrases where matches(phrase, in: coded, after: position, before: range.upperBound) {
                body(phrase.term)
            }
        }
        var hit = firstHit(in: coded, atOrAfter: range.lowerBound)
        while hit < coded.prefixHits.count, coded.prefixHits[hit].position < range.upperBound {
            for term in prefixTerms[Int(coded.prefixHits[hit].prefix)] { body(term) }
            hit += 1
        }
    }

    private func firstHit(in coded: CodedText, atOrAfter position: Int) -> Int {
        var low = 0
        var high = coded.prefixHits.count
        while low < high {
            let middle = (low + high) / 2
            if coded.prefixHits[middle].position < position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func matches(_ phrase: Phrase, in coded: CodedText, after position: Int, before end: Int) -> Bool {
        let rest = phrase.rest
        guard position + rest.count < end else { return false }
        for (offset, expected) in rest.enumerated() {
            let at = position + 1 + offset
            if phrase.lastIsPrefix && offset == rest.count - 1 {
                var hit = firstHit(in: coded, atOrAfter: at)
                var found = false
                while hit < coded.prefixHits.count, coded.prefixHits[hit].position == at {
                    if coded.prefixHits[hit].prefix == expected { found = true }
                    hit += 1
                }
                if !found { return false }
            } else if coded.words[at] != expected {
                return false
            }
        }
        return true
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
