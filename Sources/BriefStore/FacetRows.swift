// Each loaded article's day, topic keys and entity ids, laid out by rowid: what facet counting walks.
import BriefCore

/// The facets of every loaded article in flat arrays indexed by rowid (an object per article
/// would cost a header and a pointer each). An article's values are contiguous in `values`:
/// its topic keys, then its entity ids, starting where the previous rowid's end.
struct FacetRows {
    /// Per rowid: the article's day (Int32.min when undated).
    private(set) var day: [Int32] = [Int32.min]
    /// Per rowid: where its topic keys end in `values` (and its entity ids start).
    private var topicEnd: [Int32] = [0]
    /// Per rowid: where its entity ids end in `values` (and the next rowid's topic keys start).
    private var end: [Int32] = [0]
    private var values: [UInt32] = []
    /// The earliest and latest day loaded (only widened), for counting days in an array.
    private(set) var lowestDay = Int32.max
    private(set) var highestDay = Int32.min

    init() {}

    /// Rows saved by `ReaderSnapshot` (the arrays of `arrays`); nil when they do not describe
    /// rows: the lengths differ, or an article's values are not within `values`.
    init?(day: [Int32], topicEnd: [Int32], end: [Int32], values: [UInt32]) {
        guard !day.isEmpty, day.count == topicEnd.count, day.count == end.count,
              topicEnd[0] == 0, end[0] == 0, Int(end[end.count - 1]) == values.count else { return nil }
        let ordered = topicEnd.withUnsafeBufferPointer { topicEnd in
            end.withUnsafeBufferPointer { end in
                (1..<end.count).allSatisfy { row in end[row - 1] <= topicEnd[row] && topicEnd[row] <= end[row] }
            }
        }
        guard ordered else { return nil }
        (self.day, self.topicEnd, self.end, self.values) = (day, topicEnd, end, values)
        for articleDay in day where articleDay != Int32.min {
            lowestDay = min(lowestDay, articleDay)
            highestDay = max(highestDay, articleDay)
        }
    }

    /// The arrays, as `ReaderSnapshot` saves them.
    var arrays: (day: [Int32], topicEnd: [Int32], end: [Int32], values: [UInt32]) { (day, topicEnd, end, values) }

    /// Rowids covered, 0 (never an article) included.
    var count: Int { day.count }
    /// Values of every loaded article.
    var valueCount: Int { values.count }

    /// Days from the earliest to the latest loaded, both included (0 when none is dated).
    var daySpan: Int { highestDay >= lowestDay ? Int(highestDay) - Int(lowestDay) + 1 : 0 }

    /// Room for every rowid up to `highestRowid`: grown by doubling, the arrays were copied and
    /// their new pages faulted in several times over (a third of a warm start in a fresh process).
    mutating func reserve(throughRowid highestRowid: Int) {
        day.reserveCapacity(highestRowid + 1)
        topicEnd.reserveCapacity(highestRowid + 1)
        end.reserveCapacity(highestRowid + 1)
    }

    /// Room for `count` more values.
    mutating func reserveValues(_ count: Int) {
        values.reserveCapacity(values.count + count)
    }

    /// Appends the article `rowid`, above every loaded one, with its day and its
    /// `PackedFacets` bytes. Rowids skipped (deleted before they were seen) get no values.
    @inline(__always)
    mutating func append(rowid: Int, day articleDay: Int32, packed: UnsafeRawBufferPointer) {
        while day.count < rowid {
            day.append(Int32.min)
            topicEnd.append(Int32(values.count))
            end.append(Int32(values.count))
        }
        day.append(articleDay)
        if articleDay != Int32.min {
            lowestDay = min(lowestDay, articleDay)
            highestDay = max(highestDay, articleDay)
        }
        if packed.count >= 4 {
            let words = packed.count / 4
            let topicCount = Int(UInt32(littleEndian: packed.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
            for index in 1..<words {
                if index == topicCount + 1 { topicEnd.append(Int32(values.count)) }
                values.append(UInt32(littleEndian: packed.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
            }
            if topicCount + 1 >= words { topicEnd.append(Int32(values.count)) }
        } else {
            topicEnd.append(Int32(values.count))
        }
        end.append(Int32(values.count))
    }

    /// The rows as buffers, for loops over many of them (an array's subscript checks its bounds
    /// and its uniqueness on every access).
    func withBuffers<Result>(_ body: (FacetRowBuffers) throws -> Result) rethrows -> Result {
        try day.withUnsafeBufferPointer { day in
            try topicEnd.withUnsafeBufferPointer { topicEnd in
                try end.withUnsafeBufferPointer { end in
                    try values.withUnsafeBufferPointer { values in
                        try body(FacetRowBuffers(day: day, topicEnd: topicEnd, end: end, values: values))
                    }
                }
            }
        }
    }
}

/// `FacetRows` seen through buffers, valid inside `FacetRows.withBuffers`. Read-only: the
/// parts of a walk split over the cores (`CoreSplit`) share them within that call.
struct FacetRowBuffers: @unchecked Sendable {
    let day: UnsafeBufferPointer<Int32>
    let topicEnd: UnsafeBufferPointer<Int32>
    let end: UnsafeBufferPointer<Int32>
    let values: UnsafeBufferPointer<UInt32>

    /// Rowids covered, 0 included.
    var count: Int { day.count }

    /// Where in `values` the topic keys of `row` (1 or above) are; a mentioned topic's key
    /// carries `PackedFacets.mentionFlag`.
    @inline(__always)
    func topics(_ row: Int) -> Range<Int> { Int(end[row &- 1])..<Int(topicEnd[row]) }

    /// Where in `values` the entity ids of `row` are.
    @inline(__always)
    func entities(_ row: Int) -> Range<Int> { Int(topicEnd[row])..<Int(end[row]) }
}
