// The gazetteer's key sets and phrase table answer as Swift's Set and Dictionary would.
@testable import BriefCore
import Testing

@Suite struct KeySetTests {
    /// Keys as the gazetteer makes them, plus the awkward ones: 0 (the free-slot marker),
    /// all ones, and keys that differ only in their high bits (same low bits).
    static let keys: [UInt64] = (0..<5_000).map { ScalarKey.word("word\($0)") }
        + [0, .max, 1, 1 << 63, (1 << 63) | 1, 1 << 40, 1 << 41]

    @Test func holdsExactlyWhatWasInsertedThroughEveryGrowth() {
        var set = KeySet()
        var reference = Set<UInt64>()
        for key in Self.keys {
            set.insert(key)
            reference.insert(key)
            #expect(set.contains(key))
        }
        #expect(set.count == reference.count)
        for key in Self.keys { #expect(set.contains(key)) }
        for probe in (0..<5_000).map({ ScalarKey.word("absent\($0)") }) {
            #expect(set.contains(probe) == reference.contains(probe))
        }
        #expect(!set.contains(2) && !set.contains(.max - 1))
    }

    @Test func insertingTwiceAndUnionCountKeysOnce() {
        var set: KeySet = [7, 7, 0, 0]
        #expect(set.count == 2 && set.contains(0) && set.contains(7))
        set.formUnion(KeySet([7, 8, 0, 9]))
        #expect(set.count == 4 && set.contains(8) && set.contains(9))
        #expect(KeySet().isEmpty && !KeySet().contains(0))
    }

    @Test func tableKeepsTheFirstValueOfAKeyAndFindsEveryOne() {
        var table = KeyTable<String>()
        for (index, key) in Self.keys.enumerated() { table.insertIfAbsent(key, "v\(index)") }
        table.insertIfAbsent(Self.keys[3], "later")
        table.insertIfAbsent(0, "later")
        #expect(table.count == Self.keys.count)
        for (index, key) in Self.keys.enumerated() { #expect(table[key] == "v\(index)") }
        #expect(table[ScalarKey.word("absent")] == nil && table[2] == nil)
    }
}
