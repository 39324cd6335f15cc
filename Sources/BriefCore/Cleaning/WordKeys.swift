// The words of a line as the cleaner compares them: hashed once, compared as integers.

/// A set of words held as the sorted, distinct FNV-1a hashes of their UTF-8 bytes.
///
/// The cleaner only asks which words lines share; as strings, every kept word of every line was
/// an allocation and a SipHash, then a string hash again per vocabulary lookup. Two different
/// words of one article with one 64-bit hash would count as one word: practically never.
package struct WordKeys: Sendable, Equatable {
    /// Ascending, no repeats.
    package private(set) var keys: [UInt64]

    package init() { keys = [] }

    /// The set of `keys`, given in any order and with repeats.
    init(unsorted keys: [UInt64]) {
        var keys = keys
        keys.sort()
        var kept = 0
        for index in keys.indices where kept == 0 || keys[kept - 1] != keys[index] {
            keys[kept] = keys[index]
            kept += 1
        }
        keys.removeLast(keys.count - kept)
        self.keys = keys
    }

    /// The key of one word.
    package static func key(of word: String) -> UInt64 { FNV1a.hash(word) }

    package var count: Int { keys.count }
    package var isEmpty: Bool { keys.isEmpty }

    /// Whether no word is in both sets (one merge of the two sorted lists).
    package func isDisjoint(with other: WordKeys) -> Bool {
        var i = 0, j = 0
        while i < keys.count, j < other.keys.count {
            if keys[i] == other.keys[j] { return false }
            if keys[i] < other.keys[j] { i += 1 } else { j += 1 }
        }
        return true
    }

    /// How many words are in both sets (one merge of the two sorted lists).
    package func sharedCount(with other: WordKeys) -> Int {
        var i = 0, j = 0, shared = 0
        while i < keys.count, j < other.keys.count {
            if keys[i] == other.keys[j] {
                shared += 1
                i += 1
                j += 1
            } else if keys[i] < other.keys[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }
}
