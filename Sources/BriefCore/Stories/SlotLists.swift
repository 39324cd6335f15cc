// The story index's postings: member slots by key, as sorted arrays for the members a cache
// held (built at once) and a dictionary for those added after.

/// Member slots by key, each key's in the order they were added.
///
/// Loading a large cache into a dictionary of arrays made one array per key (twenty LSH band
/// keys per member, nearly all distinct: at 100,000 members two million allocations, most of
/// a re-index's story step). The members loaded at once are kept instead as one key-sorted
/// array; those added afterwards go into `AddedSlots`, and come after them in each key's list,
/// as they came after them.
struct SlotLists: Sendable {
    /// Keys of the loaded members, sorted; `loadedSlots` in the same order.
    private var loadedKeys: [UInt64] = []
    private var loadedSlots: [Int32] = []
    private var added = AddedSlots()

    init() {}

    /// Lists of the (key, slot) pairs given in the order the slots were added.
    init(keys: [UInt64], slots: [Int32]) {
        (loadedKeys, loadedSlots) = RadixSort.byKey(keys, slots)
    }

    mutating func append(_ slot: Int32, to key: UInt64) {
        added.append(slot, to: key)
    }

    /// Appends the first `limit` slots of a key, in the order they were added, to `slots`;
    /// returns false when the key has more than `limit`.
    @discardableResult
    func appendSlots(of key: UInt64, upTo limit: Int, to slots: inout [Int32]) -> Bool {
        let range = SortedKeys.range(of: key, in: loadedKeys)
        slots.append(contentsOf: loadedSlots[range].prefix(limit))
        guard range.count <= limit else { return false }
        return added.appendSlots(of: key, upTo: limit - range.count, to: &slots)
    }
}

/// Slots by key, in the order they were added one at a time: an open-addressing table of each
/// key's first and last entry, the entries chained in one array. A dictionary of arrays, at
/// 1,000,000 articles of a cold index (28 million keys), cost three cache misses per lookup
/// (key, value, array) and an allocation per key.
struct AddedSlots: Sendable {
    /// A key and its first and last entry; entry 0 is no entry, so an all-zero head is empty.
    private struct Head {
        var key: UInt64
        var first: Int32
        var last: Int32
    }

    /// 2^(64 - `positionShift`) heads, at most `maximumLoad` of them in use.
    private var heads = [Head](repeating: Head(key: 0, first: 0, last: 0), count: 1 << 10)
    private var positionShift: UInt64 = 64 - 10
    private var keyCount = 0
    /// Per entry (from 1): its slot, and the key's next entry (0 after the last).
    private var entrySlots: [Int32] = [0]
    private var entryNext: [Int32] = [0]
    /// Of the heads, the share in use above which the table doubles (linear probing stays short).
    private static let maximumLoad = 0.7

    mutating func append(_ slot: Int32, to key: UInt64) {
        let entry = Int32(entrySlots.count)
        entrySlots.append(slot)
        entryNext.append(0)
        let position = Self.position(of: key, in: heads, shift: positionShift)
        if heads[position].first == 0 {
            heads[position] = Head(key: key, first: entry, last: entry)
            keyCount += 1
            if Double(keyCount) > Self.maximumLoad * Double(heads.count) { grow() }
        } else {
            entryNext[Int(heads[position].last)] = entry
            heads[position].last = entry
        }
    }

    /// See `SlotLists.appendSlots(of:upTo:to:)`.
    func appendSlots(of key: UInt64, upTo limit: Int, to slots: inout [Int32]) -> Bool {
        var entry = heads[Self.position(of: key, in: heads, shift: positionShift)].first
        var taken = 0
        while entry != 0 {
            guard taken < limit else { return false }
            slots.append(entrySlots[Int(entry)])
            taken += 1
            entry = entryNext[Int(entry)]
        }
        return true
    }

    /// Where `key` is in `heads`, or the empty head where it would go. The key is spread by a
    /// Fibonacci multiply first: band keys are FNV hashes, whose low bits are poor alone.
    private static func position(of key: UInt64, in heads: [Head], shift: UInt64) -> Int {
        heads.withUnsafeBufferPointer { heads in
            let mask = heads.count - 1
            var position = Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift)
            while heads[position].first != 0, heads[position].key != key { position = (position + 1) & mask }
            return position
        }
    }

    private mutating func grow() {
        let old = heads
        heads = [Head](repeating: Head(key: 0, first: 0, last: 0), count: old.count * 2)
        positionShift -= 1
        for head in old where head.first != 0 { heads[Self.position(of: head.key, in: heads, shift: positionShift)] = head }
    }
}

/// How many times each key was counted: the loaded ones as a sorted array, the others in a dictionary.
struct KeyCounts: Sendable {
    private var loaded: [UInt64] = []
    private var added: [UInt64: Int32] = [:]

    init() {}

    init(counting keys: [UInt64]) {
        loaded = RadixSort.byKey(keys, [Int32](repeating: 0, count: keys.count)).keys
    }

    mutating func count(_ key: UInt64) { added[key, default: 0] += 1 }

    subscript(key: UInt64) -> Int {
        SortedKeys.range(of: key, in: loaded).count + Int(added[key] ?? 0)
    }
}

enum SortedKeys {
    /// The positions of `key` in sorted `keys`.
    static func range(of key: UInt64, in keys: [UInt64]) -> Range<Int> {
        let lower = firstIndex(in: keys) { $0 >= key }
        guard lower < keys.count, keys[lower] == key else { return lower..<lower }
        return lower..<firstIndex(in: keys, from: lower) { $0 > key }
    }

    /// The first index from `start` whose key satisfies `isAfter` (false then true along the array).
    private static func firstIndex(in keys: [UInt64], from start: Int = 0, where isAfter: (UInt64) -> Bool) -> Int {
        var (low, high) = (start, keys.count)
        while low < high {
            let middle = (low + high) / 2
            if isAfter(keys[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// A stable least-significant-digit radix sort of 64-bit keys carrying 32-bit values: stable, so
/// the values of one key stay in their given order.
enum RadixSort {
    private static let digitBits = 16

    static func byKey(_ keys: [UInt64], _ values: [Int32]) -> (keys: [UInt64], values: [Int32]) {
        precondition(keys.count == values.count)
        var keys = keys, values = values
        var keyScratch = [UInt64](repeating: 0, count: keys.count)
        var valueScratch = [Int32](repeating: 0, count: values.count)
        var starts = [Int](repeating: 0, count: 1 << digitBits)
        let mask = UInt64(1 << digitBits - 1)
        for shift in stride(from: 0, to: 64, by: digitBits) {
            keys.withUnsafeBufferPointer { keys in
                values.withUnsafeBufferPointer { values in
                    keyScratch.withUnsafeMutableBufferPointer { keyScratch in
                        valueScratch.withUnsafeMutableBufferPointer { valueScratch in
                            starts.withUnsafeMutableBufferPointer { starts in
                                for index in starts.indices { starts[index] = 0 }
                                for key in keys { starts[Int((key >> UInt64(shift)) & mask)] += 1 }
                                var total = 0
                                for index in starts.indices { (starts[index], total) = (total, total + starts[index]) }
                                for index in keys.indices {
                                    let digit = Int((keys[index] >> UInt64(shift)) & mask)
                                    keyScratch[starts[digit]] = keys[index]
                                    valueScratch[starts[digit]] = values[index]
                                    starts[digit] += 1
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &keyScratch)
            swap(&values, &valueScratch)
        }
        return (keys, values)
    }
}
