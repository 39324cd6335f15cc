// Sets and tables of 64-bit keys that are hashes already (word and phrase keys), without SipHash.

/// Where a key starts probing in a table of `1 << bits` slots: the key's bits, multiplied and
/// shifted (Fibonacci hashing), so keys whose low bits agree still spread over the table.
@inline(__always)
private func homeSlot(of key: UInt64, shift: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift)
}

/// A set of `UInt64` keys in one open-addressing array, probed linearly.
///
/// Entity recognition asks the gazetteer's word sets several times per token. Swift's `Set`
/// runs SipHash over every key it looks up; these keys are FNV-1a hashes already, so one
/// multiply places them, and a lookup is a few array reads. Kept at most half full.
struct KeySet: Sendable, ExpressibleByArrayLiteral {
    /// `emptySlot` marks a free slot; the key equal to it is kept aside in `holdsEmptySlotKey`.
    private static let emptySlot: UInt64 = 0
    private var slots: [UInt64]
    private var shift: UInt64
    private var holdsEmptySlotKey = false
    private(set) var count = 0

    init(minimumCapacity: Int = 0) {
        var bits: UInt64 = 3
        while (1 << bits) < minimumCapacity * 2 { bits += 1 }
        slots = Array(repeating: Self.emptySlot, count: 1 << bits)
        shift = 64 - bits
    }

    init(_ keys: some Sequence<UInt64>) {
        self.init(minimumCapacity: keys.underestimatedCount)
        for key in keys { insert(key) }
    }

    init(arrayLiteral keys: UInt64...) {
        self.init(keys)
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        if key == Self.emptySlot { return holdsEmptySlotKey }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = homeSlot(of: key, shift: shift)
            while true {
                let found = slots[slot]
                if found == key { return true }
                if found == Self.emptySlot { return false }
                slot = (slot + 1) & mask
            }
        }
    }

    mutating func insert(_ key: UInt64) {
        if key == Self.emptySlot {
            if !holdsEmptySlotKey { holdsEmptySlotKey = true; count += 1 }
            return
        }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = homeSlot(of: key, shift: shift)
        while true {
            let found = slots[slot]
            if found == key { return }
            if found == Self.emptySlot {
                slots[slot] = key
                count += 1
                return
            }
            slot = (slot + 1) & mask
        }
    }

    mutating func formUnion(_ other: KeySet) {
        if other.holdsEmptySlotKey { insert(Self.emptySlot) }
        for key in other.slots where key != Self.emptySlot { insert(key) }
    }

    private mutating func grow() {
        let old = slots
        var larger = KeySet(minimumCapacity: max(count * 2, 8))
        larger.holdsEmptySlotKey = holdsEmptySlotKey
        larger.count = holdsEmptySlotKey ? 1 : 0
        for key in old where key != Self.emptySlot { larger.insert(key) }
        self = larger
    }
}

/// A table from `UInt64` keys (hashes already) to values, probed like `KeySet`: the phrase
/// table's lookups, one per token of every capitalized run. Values sit in insertion order in
/// their own array; a slot holds a key and its value's index.
struct KeyTable<Value: Sendable>: Sendable {
    private var slotKeys: [UInt64] = Array(repeating: 0, count: 8)
    private var slotIndexes: [Int32] = Array(repeating: -1, count: 8)
    private var shift: UInt64 = 61
    /// The index of the value of key 0 (0 marks a free slot), or -1.
    private var zeroKeyIndex: Int32 = -1
    private var values: [Value] = []

    init() {}

    /// Room for `minimumCapacity` keys, so that adding them does not grow the table step by step.
    init(minimumCapacity: Int) {
        var bits: UInt64 = 3
        while (1 << bits) < minimumCapacity * 2 { bits += 1 }
        slotKeys = Array(repeating: 0, count: 1 << bits)
        slotIndexes = Array(repeating: -1, count: 1 << bits)
        shift = 64 - bits
        values.reserveCapacity(minimumCapacity)
    }

    var count: Int { values.count }

    subscript(key: UInt64) -> Value? {
        let index = index(of: key)
        return index < 0 ? nil : values[Int(index)]
    }

    /// Adds `value` under `key` unless the key has one already.
    mutating func insertIfAbsent(_ key: UInt64, _ value: Value) {
        guard index(of: key) < 0 else { return }
        values.append(value)
        let index = Int32(values.count - 1)
        if key == 0 { zeroKeyIndex = index; return }
        if values.count * 2 > slotKeys.count { grow() }
        place(key, index)
    }

    @inline(__always)
    private func index(of key: UInt64) -> Int32 {
        if key == 0 { return zeroKeyIndex }
        return slotKeys.withUnsafeBufferPointer { slotKeys in
            let mask = slotKeys.count - 1
            var slot = homeSlot(of: key, shift: shift)
            while true {
                let found = slotKeys[slot]
                if found == key { return slotIndexes[slot] }
                if found == 0 { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func place(_ key: UInt64, _ index: Int32) {
        let mask = slotKeys.count - 1
        var slot = homeSlot(of: key, shift: shift)
        while slotKeys[slot] != 0 { slot = (slot + 1) & mask }
        slotKeys[slot] = key
        slotIndexes[slot] = index
    }

    private mutating func grow() {
        let oldKeys = slotKeys, oldIndexes = slotIndexes
        slotKeys = Array(repeating: 0, count: oldKeys.count * 2)
        slotIndexes = Array(repeating: -1, count: oldKeys.count * 2)
        shift -= 1
        for (key, index) in zip(oldKeys, oldIndexes) where key != 0 { place(key, index) }
    }
}

extension KeyTable where Value == Int {
    /// Adds `amount` to the count of `key` (0 before its first), as the cleaner tallies how many of
    /// an article's lines vouch for each of its words.
    mutating func add(_ amount: Int, to key: UInt64) {
        let index = index(of: key)
        if index >= 0 { values[Int(index)] += amount } else { insertIfAbsent(key, amount) }
    }
}
