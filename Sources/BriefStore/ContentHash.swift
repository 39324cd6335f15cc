// A fast 64-bit content hash (FNV-1a) to tell a changed file from a touched one.
import BriefCore

/// Not cryptographic: it only has to notice that a file's bytes changed between two runs.
struct ContentHash {
    private var state = FNV1a.offsetBasis

    mutating func update(_ bytes: some Sequence<UInt8>) {
        // Byte by byte through a contiguous buffer when there is one (a file's Data): its
        // iterator costs several times the hashing.
        let start = state
        state = bytes.withContiguousStorageIfAvailable { FNV1a.hash($0, from: start) }
            ?? Array(bytes).withUnsafeBufferPointer { FNV1a.hash($0, from: start) }
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
