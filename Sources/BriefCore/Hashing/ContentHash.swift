// A running FNV-1a hash (see FNV1a): changed files in the cache, shingles of story grouping.

/// Not cryptographic: it tells a changed file from a touched one, and keys word shingles.
package struct ContentHash {
    private var state = FNV1a.offsetBasis

    package init() {}

    package mutating func update(_ bytes: some Sequence<UInt8>) {
        // Byte by byte through a contiguous buffer when there is one (a file's Data): its
        // iterator costs several times the hashing.
        let start = state
        state = bytes.withContiguousStorageIfAvailable { FNV1a.hash($0, from: start) }
            ?? Array(bytes).withUnsafeBufferPointer { FNV1a.hash($0, from: start) }
    }

    /// Mixes one byte (a separator between words, say).
    package mutating func update(byte: UInt8) {
        state = FNV1a.mix(state, UInt64(byte))
    }

    /// The hash so far.
    package var value: UInt64 { state }

    package var hexDigest: String {
        let hex = String(state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    package static func of(_ bytes: some Sequence<UInt8>) -> String {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.hexDigest
    }

    package static func value(of bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.value
    }
}
