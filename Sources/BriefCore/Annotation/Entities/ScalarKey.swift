// Case-folded 64-bit keys for words and phrases, so gazetteer lookups never build Strings.

/// Hashing of Unicode scalars into lookup keys.
///
/// A word's key is FNV-1a over its lowercased scalars (curly apostrophes folded to
/// straight ones); a phrase's key chains its words' keys, so a phrase can be looked up
/// one word at a time while scanning tokens.
enum ScalarKey {
    static let offsetBasis = FNV1a.offsetBasis

    /// The key of the empty phrase; extend it with `appending(_:to:)`.
    static let emptyPhrase: UInt64 = 0x9e37_79b9_7f4a_7c15

    /// Folds one scalar for hashing: lowercase, and ’ as '.
    @inline(__always)
    static func folded(_ value: UInt32) -> UInt32 {
        if value < 0x80 {
            return (value >= 0x41 && value <= 0x5A) ? value | 0x20 : value
        }
        if value == 0x2019 || value == 0x2018 { return 0x27 }
        guard let scalar = Unicode.Scalar(value), scalar.properties.isUppercase else { return value }
        return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? value
    }

    /// Mixes one folded scalar into a running word hash.
    @inline(__always)
    static func mix(_ hash: UInt64, _ folded: UInt32) -> UInt64 {
        FNV1a.mix(hash, UInt64(folded))
    }

    /// The key of a word given as scalars.
    static func word(_ scalars: some Sequence<Unicode.Scalar>) -> UInt64 {
        var hash = offsetBasis
        for scalar in scalars { hash = mix(hash, folded(scalar.value)) }
        return hash
    }

    /// The key of a word given as a string.
    static func word(_ text: String) -> UInt64 { word(text.unicodeScalars) }

    /// Extends a phrase key by one word key.
    @inline(__always)
    static func appending(_ wordKey: UInt64, to phrase: UInt64) -> UInt64 {
        var h = (phrase ^ wordKey) &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h &+ 0x2545_f491_4f6c_dd1d
    }
}
