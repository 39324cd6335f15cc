// The cleaner's function words, looked up from a word's bytes on the measuring fast path.

/// Function words, lowercased, with a lookup that needs no string for most words.
///
/// Line measuring asks this set about every word of every line. A `Set<String>` lookup needs a
/// `String` and a SipHash of it; on the fast path a word is lowercased UTF-8 bytes already, and
/// a word of at most eight bytes packs into one `UInt64` exactly (its bytes are never zero), so
/// such words are looked up as packed keys. Longer words go through the strings, as before.
package struct StopwordSet: Sendable, ExpressibleByArrayLiteral {
    package let words: Set<String>
    /// The stopwords of at most `packedLength` bytes, packed.
    private let packed: KeySet
    /// True when some stopword is longer than `packedLength` bytes: a longer word may then be one.
    private let hasLongWords: Bool
    private static let packedLength = 8

    package init(_ words: Set<String>) {
        self.words = words
        var packed = KeySet(minimumCapacity: words.count)
        var hasLongWords = false
        for word in words {
            if let key = Self.pack(Array(word.utf8)) { packed.insert(key) } else { hasLongWords = true }
        }
        self.packed = packed
        self.hasLongWords = hasLongWords
    }

    package init(arrayLiteral words: String...) {
        self.init(Set(words))
    }

    package func contains(_ word: String) -> Bool {
        words.contains(word)
    }

    /// True when the word whose UTF-8 bytes are `bytes` is a stopword: the same answer as
    /// `contains` of the string those bytes spell.
    @inline(__always)
    func contains(utf8 bytes: [UInt8]) -> Bool {
        if let key = Self.pack(bytes) { return packed.contains(key) }
        return hasLongWords && words.contains(String(decoding: bytes, as: UTF8.self))
    }

    /// The bytes of a non-empty word of at most `packedLength` bytes, one per byte of a `UInt64`;
    /// nil for any other word. No byte of a word is zero, so two words never pack alike.
    @inline(__always)
    private static func pack(_ bytes: [UInt8]) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= packedLength, !bytes.contains(0) else { return nil }
        var key: UInt64 = 0
        for byte in bytes { key = key << 8 | UInt64(byte) }
        return key
    }
}
