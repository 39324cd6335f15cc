// The story index's postings: member slots by key, as sorted arrays for the members a cache
// held (built at once) and a dictionary for those added after.

/// Member slots by key, each key's in the order they were added.
///
/// Loading a large cache into a dictionary of arrays made one array per key (twenty LSH band
/// keys per member, nearly all distinct: at 100,000 members two million allocations, most of
/// a re-index's story step). The members loaded at once are kept instead as one key-sorted
/// array; the few added afterwards go into a dictionary, and come after them in each key's list,
/// as they came after them.
struct SlotLists: Sendable {
    /// Keys of the loaded members, sorted; `loadedSlots` in the same order.
    private var loadedKeys: [UInt64] = []
    private var loadedSlots: [Int32] = []
    private var added: [UInt64: [Int32]] = [:]

    init() {}

    /// Lists of the (key, slot) pairs given in the order the slots were added.
    init(keys: [UInt64], slots: [Int32]) {
        (loadedKeys, loadedSlots) = RadixSort.byKey(keys, slots)
    }

    mutating func append(_ slot: Int32, to key: UInt64) {
        added[key, default: []].append(slot)
    }

    /// The slots of a key, in the order they were added.
    func slots(of key: UInt64) -> Run {
        let range = SortedKeys.range(of: key, in: loadedKeys)
        return Run(loaded: loadedSlots[range], added: added[key] ?? [])
    }

    /// The slots of one key: the loaded ones, then the added ones.
    struct Run: Sequence {
        let loaded: ArraySlice<Int32>
        let added: [Int32]

        var count: Int { loaded.count + added.count }

        func makeIterator() -> Iterator { Iterator(loaded: loaded.makeIterator(), added: added.makeIterator()) }

        struct Iterator: IteratorProtocol {
            var loaded: IndexingIterator<ArraySlice<Int32>>
            var added: IndexingIterator<[Int32]>

            mutating func next() -> Int32? { loaded.next() ?? added.next() }
        }
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
