// Per-topic and per-entity bitmaps over the loaded articles: large results are counted by popcount.
import BriefCore

/// What `FacetIndex` needs to count a large result without visiting its articles.
///
/// Walking a result of 60,000 articles touches every article's topic and entity ids (over a
/// million memory reads scattered over megabytes, most of a keystroke at 100,000 articles).
/// Intersecting the result's bitmap with one bitmap per topic and per frequent entity is a
/// few thousand word operations each, streamed. Rare entities get no bitmap: an entity in fewer
/// articles than `frequentThreshold` cannot outrank one counted at or above it, so the top
/// entities of a large result come out exact whenever the N-th best frequent count reaches the
/// threshold; otherwise the caller walks the articles as before.
struct FacetBitmaps {
    /// The highest rowid included (rowids above it were loaded after the build).
    let builtThrough: Int64
    /// Words per bitmap: one bit per rowid up to the highest loaded.
    let wordCount: Int
    /// Topic key × 2 (+ 1 for the articles that only mention it) → index of its bitmap in
    /// `topicBits` (-1: no article carries it so).
    private var topicSlot: [Int32] = []
    private var topicBits: [UInt64] = []
    /// Articles (loaded, including any deleted since) that mention each entity id.
    private(set) var articleCount: [Int32]
    /// Entities in at least this many articles have a bitmap.
    let frequentThreshold: Int32
    /// Entity ids with a bitmap, in bitmap order.
    private(set) var frequentIDs: [Int] = []
    private var entityBits: [UInt64] = []
    /// Per entity id, its row in `entityBits`; -1 when it is not frequent.
    private var entitySlots: [Int32] = []
    /// Entity types with at least one entity below the threshold (their top list may need a walk).
    private(set) var typesWithRareEntities: Set<EntityType> = []

    /// One pass to count, one to set bits: linear in the topic and entity ids loaded.
    init(builtThrough: Int64, start: [Int32], topicEnd: [Int32], end: [Int32], values: [UInt32],
         entityTypes: [EntityType?], frequentFraction: Int) {
        self.builtThrough = builtThrough
        let rows = start.count
        wordCount = rows / 64 + 1
        // Topic keys are small integers (the topic table's), so per-key arrays rather than maps.
        var topicArticles: [Int32] = []
        var counts = [Int32](repeating: 0, count: entityTypes.count)
        start.withUnsafeBufferPointer { start in
        topicEnd.withUnsafeBufferPointer { topicEnd in
        end.withUnsafeBufferPointer { end in
        values.withUnsafeBufferPointer { values in
        counts.withUnsafeMutableBufferPointer { counts in
            for row in 1..<rows {
                for index in Int(start[row])..<Int(topicEnd[row]) {
                    let key = Self.topicIndex(values[index])
                    if key >= topicArticles.count { topicArticles += [Int32](repeating: 0, count: key + 1 - topicArticles.count) }
                    topicArticles[key] &+= 1
                }
                for index in Int(topicEnd[row])..<Int(end[row]) where Int(values[index]) < counts.count {
                    counts[Int(values[index])] &+= 1
                }
            }
        }}}}}
        articleCount = counts
        frequentThreshold = Int32(max(1, (rows - 1) / frequentFraction))
        var entitySlot = [Int32](repeating: -1, count: entityTypes.count)
        for id in 1..<max(1, counts.count) where counts[id] > 0 {
            if counts[id] >= frequentThreshold {
                entitySlot[id] = Int32(frequentIDs.count)
                frequentIDs.append(id)
            } else if let type = entityTypes[id] {
                typesWithRareEntities.insert(type)
            }
        }
        entitySlots = entitySlot
        var topicSlots = [Int32](repeating: -1, count: topicArticles.count)
        var topicsWithArticles = 0
        for key in topicArticles.indices where topicArticles[key] > 0 {
            topicSlots[key] = Int32(topicsWithArticles)
            topicsWithArticles += 1
        }
        topicSlot = topicSlots
        topicBits = [UInt64](repeating: 0, count: topicsWithArticles * wordCount)
        entityBits = [UInt64](repeating: 0, count: frequentIDs.count * wordCount)
        let words = wordCount
        start.withUnsafeBufferPointer { start in
        topicEnd.withUnsafeBufferPointer { topicEnd in
        end.withUnsafeBufferPointer { end in
        values.withUnsafeBufferPointer { values in
        topicSlots.withUnsafeBufferPointer { topicSlots in
        entitySlot.withUnsafeBufferPointer { entitySlot in
        topicBits.withUnsafeMutableBufferPointer { topicBits in
        entityBits.withUnsafeMutableBufferPointer { entityBits in
            for row in 1..<rows {
                let word = row >> 6
                let bit: UInt64 = 1 << UInt64(row & 63)
                for index in Int(start[row])..<Int(topicEnd[row]) {
                    let slot = Int(topicSlots[Self.topicIndex(values[index])])
                    if slot >= 0 { topicBits[slot * words + word] |= bit }
                }
                for index in Int(topicEnd[row])..<Int(end[row]) where Int(values[index]) < entitySlot.count {
                    let slot = Int(entitySlot[Int(values[index])])
                    if slot >= 0 { entityBits[slot * words + word] |= bit }
                }
            }
        }}}}}}}}
    }

    /// A packed topic value's index in `topicSlot`: the key's about slot, or its mention slot.
    private static func topicIndex(_ value: UInt32) -> Int {
        Int(value & ~PackedFacets.mentionFlag) * 2 + (value & PackedFacets.mentionFlag != 0 ? 1 : 0)
    }

    /// Articles of `result` about the topic `key`.
    func topicCount(_ key: Int, in result: RowidBitmap) -> Int {
        guard let slot = slot(ofTopic: key * 2) else { return 0 }
        return Self.intersectionCount(topicBits, from: slot * wordCount, wordCount, result)
    }

    /// The articles about the topic `key` (and those that only mention it, if asked), as a
    /// bitmap of `words` words.
    func topicBitmap(_ key: Int, words: Int, includingMentions: Bool) -> RowidBitmap {
        var result = slot(ofTopic: key * 2).map { Self.bitmap(topicBits, slot: $0, wordCount, words: words) }
            ?? RowidBitmap(words: words)
        if includingMentions, let slot = slot(ofTopic: key * 2 + 1) {
            result.formUnion(Self.bitmap(topicBits, slot: slot, wordCount, words: words))
        }
        return result
    }

    /// The articles that mention entity `id`; nil when it has no bitmap (it is not frequent).
    func entityBitmap(_ id: Int, words: Int) -> RowidBitmap? {
        guard id < entitySlots.count, entitySlots[id] >= 0 else { return nil }
        return Self.bitmap(entityBits, slot: Int(entitySlots[id]), wordCount, words: words)
    }

    /// Bitmap `slot` of `bits` (each `wordCount` words long) copied into one of `words` words.
    private static func bitmap(_ bits: [UInt64], slot: Int, _ wordCount: Int, words: Int) -> RowidBitmap {
        var result = RowidBitmap(words: words)
        let shared = min(words, wordCount)
        result.words.withUnsafeMutableBufferPointer { target in
            bits.withUnsafeBufferPointer { bits in
                for index in 0..<shared { target[index] = bits[slot * wordCount + index] }
            }
        }
        return result
    }

    private func slot(ofTopic key: Int) -> Int? {
        key >= 0 && key < topicSlot.count && topicSlot[key] >= 0 ? Int(topicSlot[key]) : nil
    }

    /// Articles of `result` mentioning the `slot`-th frequent entity.
    func frequentEntityCount(_ slot: Int, in result: RowidBitmap) -> Int32 {
        Int32(Self.intersectionCount(entityBits, from: slot * wordCount, wordCount, result))
    }

    private static func intersectionCount(_ bits: [UInt64], from offset: Int, _ count: Int, _ result: RowidBitmap) -> Int {
        let shared = min(count, result.words.count)
        var total = 0
        bits.withUnsafeBufferPointer { bits in
            result.words.withUnsafeBufferPointer { result in
                for index in 0..<shared { total &+= (bits[offset + index] & result[index]).nonzeroBitCount }
            }
        }
        return total
    }
}
