// The one non-cryptographic hash of the code base: 64-bit FNV-1a.

/// FNV-1a over bytes or small integers, 64 bits. Fast and well spread for short keys; not for
/// anything an attacker chooses to collide (nothing here depends on it: a collision costs a
/// lookup a second probe, or a changed file one more parse).
package enum FNV1a {
    package static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    package static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Mixes one value (a byte, a scalar, a word's key) into a running hash.
    @inline(__always)
    package static func mix(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        (hash ^ value) &* prime
    }

    /// The hash of `bytes`, continuing from `start`.
    package static func hash(_ bytes: UnsafeBufferPointer<UInt8>, from start: UInt64 = offsetBasis) -> UInt64 {
        var hash = start
        for byte in bytes { hash = mix(hash, UInt64(byte)) }
        return hash
    }

    /// The hash of a string's UTF-8 bytes.
    package static func hash(_ text: String) -> UInt64 {
        var hash = offsetBasis
        for byte in text.utf8 { hash = mix(hash, UInt64(byte)) }
        return hash
    }
}
