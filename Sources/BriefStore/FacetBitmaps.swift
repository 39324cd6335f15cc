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
    private let topicSlot: [Int32]
    private let topicBits: [UInt64]
    /// Articles (loaded, including any deleted since) that mention each entity id.
    let articleCount: [Int32]
    /// Entities in at least this many articles have a bitmap.
    let frequentThreshold: Int32
    /// Entity ids with a bitmap, in bitmap order.
    let frequentIDs: [Int]
    private let entityBits: [UInt64]
    /// Per entity id, its row in `entityBits`; -1 when it is not frequent.
    private let entitySlots: [Int32]
    /// Entity types with at least one entity below the threshold (their top list may need a walk).
    let typesWithRareEntities: Set<EntityType>

    /// Per topic index (see `topicIndex`), the articles carrying it: what `ReaderSnapshot` saves with the bits.
    let topicArticles: [Int32]

    /// One pass to count, one to set bits: linear in the topic and entity ids loaded.
    init(builtThrough: Int64, rows: FacetRows, entityTypes: [EntityType?], frequentFraction: Int) {
        let (topicArticles, entityArticles) = rows.withBuffers { Self.countArticles($0, entityCount: entityTypes.count) }
        let layout = Layout(rowCount: rows.count, topicArticles: topicArticles, entityArticles: entityArticles,
                            entityTypes: entityTypes, frequentFraction: frequentFraction)
        let bits = rows.withBuffers { rows in
            Self.bits(rows, topicSlot: layout.topicSlot, entitySlots: layout.entitySlots, sizes: layout.sizes, wordCount: layout.wordCount)
        }
        self.init(builtThrough: builtThrough, layout, topicArticles: topicArticles, entityArticles: entityArticles, bits: bits)
    }

    /// Bitmaps `ReaderSnapshot` saved for rows of `rowCount` rowids (the counts per topic index
    /// and per entity id, and the bits); nil when the sizes do not fit those rows and entities.
    init?(builtThrough: Int64, rowCount: Int, topicArticles: [Int32], entityArticles: [Int32],
          topicBits: [UInt64], entityBits: [UInt64], entityTypes: [EntityType?], frequentFraction: Int) {
        guard entityArticles.count == entityTypes.count else { return nil }
        let layout = Layout(rowCount: rowCount, topicArticles: topicArticles, entityArticles: entityArticles,
                            entityTypes: entityTypes, frequentFraction: frequentFraction)
        guard topicBits.count == layout.sizes.topics * layout.wordCount,
              entityBits.count == layout.sizes.entities * layout.wordCount else { return nil }
        self.init(builtThrough: builtThrough, layout, topicArticles: topicArticles, entityArticles: entityArticles,
                  bits: (topicBits, entityBits))
    }

    private init(builtThrough: Int64, _ layout: Layout, topicArticles: [Int32], entityArticles: [Int32],
                 bits: (topics: [UInt64], entities: [UInt64])) {
        self.builtThrough = builtThrough
        wordCount = layout.wordCount
        self.topicArticles = topicArticles
        articleCount = entityArticles
        frequentThreshold = layout.threshold
        (entitySlots, frequentIDs, typesWithRareEntities) = (layout.entitySlots, layout.frequentIDs, layout.typesWithRare)
        topicSlot = layout.topicSlot
        (topicBits, entityBits) = bits
    }

    /// The bits as `ReaderSnapshot` saves them.
    var bitArrays: (topics: [UInt64], entities: [UInt64]) { (topicBits, entityBits) }

    /// Where each topic and frequent entity's bitmap goes, from the article counts: cheap (one
    /// pass over the topics and entities), unlike the counts and the bits.
    private struct Layout {
        let wordCount: Int
        let threshold: Int32
        let entitySlots: [Int32]
        let frequentIDs: [Int]
        let typesWithRare: Set<EntityType>
        let topicSlot: [Int32]
        let sizes: (topics: Int, entities: Int)

        init(rowCount: Int, topicArticles: [Int32], entityArticles: [Int32], entityTypes: [EntityType?], frequentFraction: Int) {
            wordCount = rowCount / 64 + 1
            threshold = Int32(max(1, (rowCount - 1) / frequentFraction))
            (entitySlots, frequentIDs, typesWithRare) = FacetBitmaps.frequentEntities(entityArticles, threshold: threshold, types: entityTypes)
            topicSlot = FacetBitmaps.slots(topicArticles)
            sizes = (topicSlot.lazy.filter { $0 >= 0 }.count, frequentIDs.count)
        }
    }

    /// Per topic index (see `topicIndex`), the articles carrying it; per entity id, the articles mentioning it.
    private static func countArticles(_ rows: FacetRowBuffers, entityCount: Int) -> (topics: [Int32], entities: [Int32]) {
        // Topic keys are small integers (the topic table's), so per-key arrays rather than maps.
        var topicArticles: [Int32] = []
        var counts = [Int32](repeating: 0, count: entityCount)
        counts.withUnsafeMutableBufferPointer { counts in
            for row in 1..<rows.count {
                for index in rows.topics(row) {
                    let key = Self.topicIndex(rows.values[index])
                    if key >= topicArticles.count { topicArticles += [Int32](repeating: 0, count: key + 1 - topicArticles.count) }
                    topicArticles[key] &+= 1
                }
                for index in rows.entities(row) where Int(rows.values[index]) < counts.count {
                    counts[Int(rows.values[index])] &+= 1
                }
            }
        }
        return (topicArticles, counts)
    }

    /// The entities in at least `threshold` articles, each with its bitmap's slot (-1 for the
    /// others, per id), and the types of the others.
    fileprivate static func frequentEntities(_ counts: [Int32], threshold: Int32, types: [EntityType?])
        -> (slots: [Int32], ids: [Int], typesWithRare: Set<EntityType>) {
        var slots = [Int32](repeating: -1, count: types.count)
        var ids: [Int] = []
        var typesWithRare: Set<EntityType> = []
        for id in 1..<max(1, counts.count) where counts[id] > 0 {
            if counts[id] >= threshold {
                slots[id] = Int32(ids.count)
                ids.append(id)
            } else if let type = types[id] {
                typesWithRare.insert(type)
            }
        }
        return (slots, ids, typesWithRare)
    }

    /// A slot per index with articles, in index order; -1 for the others.
    fileprivate static func slots(_ articles: [Int32]) -> [Int32] {
        var slots = [Int32](repeating: -1, count: articles.count)
        var used: Int32 = 0
        for index in articles.indices where articles[index] > 0 {
            slots[index] = used
            used += 1
        }
        return slots
    }

    /// The topic and frequent entity bitmaps, `wordCount` words each, one after another by slot.
    private static func bits(_ rows: FacetRowBuffers, topicSlot: [Int32], entitySlots: [Int32], sizes: (topics: Int, entities: Int),
                             wordCount words: Int) -> (topics: [UInt64], entities: [UInt64]) {
        var topicBits = [UInt64](repeating: 0, count: sizes.topics * words)
        var entityBits = [UInt64](repeating: 0, count: sizes.entities * words)
        topicSlot.withUnsafeBufferPointer { topicSlot in
        entitySlots.withUnsafeBufferPointer { entitySlots in
        topicBits.withUnsafeMutableBufferPointer { topicBits in
        entityBits.withUnsafeMutableBufferPointer { entityBits in
            for row in 1..<rows.count {
                let word = row >> 6
                let bit: UInt64 = 1 << UInt64(row & 63)
                for index in rows.topics(row) {
                    let slot = Int(topicSlot[Self.topicIndex(rows.values[index])])
                    if slot >= 0 { topicBits[slot * words + word] |= bit }
                }
                for index in rows.entities(row) where Int(rows.values[index]) < entitySlots.count {
                    let slot = Int(entitySlots[Int(rows.values[index])])
                    if slot >= 0 { entityBits[slot * words + word] |= bit }
                }
            }
        }}}}
        return (topicBits, entityBits)
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
