// A fast 64-bit content hash (FNV-1a) to tell a changed file from a touched one.

/// Not cryptographic: it only has to notice that a file's bytes changed between two runs.
struct ContentHash {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func update(_ bytes: some Sequence<UInt8>) {
        // Byte by byte through a contiguous buffer when there is one (a file's Data): its
        // iterator costs several times the hashing.
        let start = state
        state = bytes.withContiguousStorageIfAvailable { Self.hash($0, from: start) }
            ?? Array(bytes).withUnsafeBufferPointer { Self.hash($0, from: start) }
    }

    private static func hash(_ buffer: UnsafeBufferPointer<UInt8>, from start: UInt64) -> UInt64 {
        var h = start
        for byte in buffer {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }

    var hexDigest: String {
        let hex = String(state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func of(_ bytes: some Sequence<UInt8>) -> String {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.hexDigest
    }
}
