// Facet counts in memory: each article's topics, entities and day, loaded once, counted per result.
import BriefCore
import Foundation
import GRDB
import GRDBSQLite

/// How an article's topic keys and entity ids are packed into `article.facets`:
/// little-endian UInt32s, the topic count first, then the topic keys, then the entity ids.
/// The key of a topic the article only mentions carries `mentionFlag`.
enum PackedFacets {
    /// Marks a topic key of a topic mentioned in passing (the article is not about it). Such
    /// a value is above every real key, so counting by key skips it.
    static let mentionFlag: UInt32 = 1 << 31

    static func pack(topics: [UInt32], entities: [UInt32]) -> Data {
        var words = [UInt32(topics.count).littleEndian]
        words += topics.map(\.littleEndian)
        words += entities.map(\.littleEndian)
        return words.withUnsafeBytes { Data($0) }
    }
}

/// Counting facets in SQL means grouping every entity mention of the result (millions of rows
/// at 100,000 articles); here it is a loop over small integer arrays. The database still says
/// which articles match; this index only says what each article contains.
///
/// Rows are loaded incrementally: article rowids and entity ids are never reused, so rows
/// above the highest loaded one are exactly the new ones, and entries of deleted articles are
/// never asked for again (their rowids no longer match any query).
final class FacetIndex: @unchecked Sendable {
    // Everything below is guarded by `lock`.
    private let lock = NSLock()
    private var loadedRowid: Int64 = 0
    private var loadedEntity: Int64 = 0
    /// Per rowid: the article's day (Int32.min when undated) and its range in `values`.
    private var day: [Int32] = [Int32.min]
    /// The earliest and latest day loaded (only widened), for counting days in an array.
    private var lowestDay = Int32.max
    private var highestDay = Int32.min
    private var start: [Int32] = [0]
    private var topicEnd: [Int32] = [0]
    private var end: [Int32] = [0]
    private var values: [UInt32] = []
    /// Per entity id: type and canonical name (`nil` for ids never loaded).
    private var entityType: [EntityType?] = [nil]
    private var entityName: [String] = [""]
    /// Entity ids by their case- and diacritic-folded name (`entity.fold`), as entity filters match them.
    private var entitiesByFold: [String: [Int]] = [:]
    /// Every loaded rowid, newest first (day descending, undated last, then rowid descending),
    /// and the highest rowid it includes.
    private var newestOrder: [Int32] = []
    private var orderedThrough: Int64 = -1
    /// Every loaded rowid in each other order (title, source, oldest), asked of the database
    /// the first time that order is used and again after new articles arrive; with the highest
    /// rowid it includes. Re-parsed articles get new rowids, so a title never changes under one.
    private var otherOrders: [ResultOrder: (through: Int64, rowids: [Int32])] = [:]
    /// Bitmaps for counting large results and answering topic leaves, rebuilt when rows were loaded since.
    private var bitmaps: FacetBitmaps?
    /// Every article in the cache, and when that was true.
    private var universe: (stamp: UniverseStamp, bits: RowidBitmap)?
    /// Leaves evaluated under the universe's stamp, oldest first.
    private var leaves: (stamp: UniverseStamp?, bits: [FilterExpression: RowidBitmap], order: [FilterExpression]) = (nil, [:], [])
    /// Absolute paths of the files and directories whose articles queries see; empty: every article.
    let scope: [String]
    /// The articles in `scope`, and when that was true.
    private var scoped: (stamp: UniverseStamp, bits: RowidBitmap)?

    init(scope: [String] = []) {
        self.scope = scope
    }

    /// The matching rowids in `order` and their facets, under one lock (what a keystroke needs).
    func query(_ db: Database, matching filter: FilterExpression, order: ResultOrder, readMarks: RowidBitmap?,
               entitiesPerType: Int, entityTypes: Set<EntityType>?) throws -> (rowids: [Int64], facets: Facets) {
        lock.lock()
        defer { lock.unlock() }
        try catchUp(db)
        let topics = try TopicRow.fetchAll(db)
        let (rowids, bits) = try matches(db, filter, order: order, readMarks: readMarks, topics: topics)
        return (rowids, countFacets(result: bits, count: rowids.count, topics: topics, entitiesPerType: entitiesPerType,
                                        entityTypes: entityTypes))
    }

    /// The filter as a bitmap (see `FilterBitmapEvaluator`), and its set bits collected along the
    /// global `order` kept in memory: linear in the library, no sort per keystroke.
    private func matches(_ db: Database, _ filter: FilterExpression, order: ResultOrder,
                         readMarks: RowidBitmap?, topics: [TopicRow]) throws -> (rowids: [Int64], bits: RowidBitmap) {
        let global: [Int32]
        if order == .newest {
            if orderedThrough != loadedRowid {
                newestOrder = newestFirstOrder()
                orderedThrough = loadedRowid
            }
            global = newestOrder
        } else if let kept = otherOrders[order], kept.through == loadedRowid {
            global = kept.rowids
        } else {
            global = try Self.allRowids(db, orderedBy: LibraryStore.orderSQL(order))
            otherOrders[order] = (loadedRowid, global)
        }
        var evaluator = FilterBitmapEvaluator(db: db, capacity: day.count, readMarks: readMarks, memory: try memoryLeaves(db, topics: topics))
        var bits = try evaluator.evaluate(filter)
        if !scope.isEmpty { bits.formIntersection(try scopeBits(db)) }
        var result: [Int64] = []
        bits.words.withUnsafeBufferPointer { words in
            for rowid in global where Int(rowid) < words.count * 64 && words[Int(rowid) >> 6] & (1 << UInt64(rowid & 63)) != 0 {
                result.append(Int64(rowid))
            }
        }
        return (result, bits)
    }

    /// The bitmaps for the rows loaded now.
    private func currentBitmaps() -> FacetBitmaps {
        if let bitmaps, bitmaps.builtThrough == loadedRowid { return bitmaps }
        let built = FacetBitmaps(builtThrough: loadedRowid, start: start, topicEnd: topicEnd, end: end, values: values,
                                 entityTypes: entityType, frequentFraction: FacetIndex.frequentEntityFraction)
        bitmaps = built
        return built
    }

    /// Every article, topic and day leaf from memory: what the database said, for as long as
    /// it has not changed.
    private func memoryLeaves(_ db: Database, topics: [TopicRow]) throws -> MemoryLeaves {
        let maps = currentBitmaps()
        let universe = try liveUniverse(db)
        var keys: [String: Int] = [:]
        for topic in topics { keys[topic.id.lowercased()] = topic.key }
        let words = universe.words.count
        if self.universe?.stamp != leaves.stamp {
            leaves = (self.universe?.stamp, [:], [])
        }
        return MemoryLeaves(universe: universe, topic: { id, includingMentions in
            // SQLite's NOCASE folds ASCII only: other ids are matched by SQL.
            guard id.allSatisfy(\.isASCII) else { return nil }
            guard let key = keys[id.lowercased()] else { return RowidBitmap(words: words) }
            return maps.topicBitmap(key, words: words, includingMentions: includingMentions)
        }, entity: { [entityType, entitiesByFold] type, name in
            var result = RowidBitmap(words: words)
            for id in entitiesByFold[NameFolding.fold(name)] ?? [] where type == nil || entityType[id] == type {
                guard let bits = maps.entityBitmap(id, words: words) else { return nil }
                result.formUnion(bits)
            }
            return result
        }, day: day, remembered: { [self] expression, compute in
            // Called during the query, under the lock.
            if let known = leaves.bits[expression] { return known }
            let bits = try compute()
            if leaves.order.count >= FacetIndex.rememberedLeaves { leaves.bits[leaves.order.removeFirst()] = nil }
            leaves.bits[expression] = bits
            leaves.order.append(expression)
            return bits
        })
    }

    /// Text and entity leaves kept while the library is unchanged (a few KB each at 100,000 articles).
    static let rememberedLeaves = 32
    /// Rows loaded before the facet values' array is sized for the rest.
    static let rowsBeforeSizingValues = 1_024

    /// Every article in the cache, as of this read. Fetched again when the database changed:
    /// SQLite's `data_version` of a connection changes when another connection commits, so an
    /// unchanged value on the connection that fetched it means nothing was added or deleted.
    private func liveUniverse(_ db: Database) throws -> RowidBitmap {
        let stamp = try stamp(db)
        if let universe, universe.stamp == stamp { return universe.bits }
        let bits = try RowidBitmap.fetch(db, FilterSetCompiler.rowids(for: .all), capacity: day.count)
        universe = (stamp, bits)
        return bits
    }

    /// The articles of files under `scope`, fetched again when the database changed. A path
    /// range per root (`root/` up to `root0`, the next byte) walks the file table's path index.
    private func scopeBits(_ db: Database) throws -> RowidBitmap {
        let stamp = try stamp(db)
        if let scoped, scoped.stamp == stamp { return scoped.bits }
        guard let condition = Self.articlesInScope(scope) else { return try liveUniverse(db) }
        let bits = try RowidBitmap.fetch(db, condition, capacity: day.count)
        scoped = (stamp, bits)
        return bits
    }

    /// The rowids of the articles of files under `scope` (absolute paths), nil for no scope.
    static func articlesInScope(_ scope: [String]) -> SQLCondition? {
        guard !scope.isEmpty else { return nil }
        var arguments: [String] = []
        for root in scope { arguments += [root, root + "/", root + "0"] }
        let paths = Array(repeating: "f.path = ? OR (f.path >= ? AND f.path < ?)", count: scope.count).joined(separator: " OR ")
        return SQLCondition("SELECT a.rowid FROM file f JOIN article a ON a.file = f.id WHERE \(paths)", StatementArguments(arguments))
    }

    /// This read's connection and `data_version`, and the rows loaded.
    private func stamp(_ db: Database, loadedRowid: Int64? = nil) throws -> UniverseStamp {
        UniverseStamp(connection: db.sqliteConnection.map { UInt(bitPattern: $0) } ?? 0,
                      version: try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? -1, loadedRowid: loadedRowid ?? self.loadedRowid)
    }

    /// Every loaded rowid, day descending, undated last, rowid descending within a day: a
    /// counting sort over the library's days (linear; a comparison sort of 100,000 rowids was a
    /// tenth of a warm start).
    private func newestFirstOrder() -> [Int32] {
        let span = highestDay >= lowestDay ? Int(highestDay) - Int(lowestDay) + 1 : 0
        guard span <= FacetIndex.maximumDenseDaySpan else {
            let days = day
            return (1..<Int32(days.count)).sorted { a, b in
                days[Int(a)] != days[Int(b)] ? days[Int(a)] > days[Int(b)] : a > b
            }
        }
        let highest = Int(highestDay)
        // Slot per day counted from the newest; the last slot holds the undated.
        var starts = [Int](repeating: 0, count: span + 2)
        day.withUnsafeBufferPointer { day in
            for row in 1..<day.count {
                let slot = day[row] == Int32.min ? span : highest - Int(day[row])
                starts[slot + 1] += 1
            }
        }
        for slot in 1..<starts.count { starts[slot] += starts[slot - 1] }
        var order = [Int32](repeating: 0, count: max(0, day.count - 1))
        day.withUnsafeBufferPointer { day in
            order.withUnsafeMutableBufferPointer { order in
                for row in stride(from: day.count - 1, through: 1, by: -1) {
                    let slot = day[row] == Int32.min ? span : highest - Int(day[row])
                    order[starts[slot]] = Int32(row)
                    starts[slot] += 1
                }
            }
        }
        return order
    }

    /// Every article's rowid in an SQL order (over the table aliased `a`).
    private static func allRowids(_ db: Database, orderedBy orderSQL: String) throws -> [Int32] {
        let statement = try db.makeStatement(sql: "SELECT a.rowid FROM article a ORDER BY \(orderSQL)")
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        var rowids: [Int32] = []
        while true {
            let step = sqlite3_step(sqlite)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: step), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            rowids.append(Int32(truncatingIfNeeded: sqlite3_column_int64(sqlite, 0)))
        }
        return rowids
    }

    /// Facets for the articles whose rowids are given, read in the caller's transaction.
    func facets(_ db: Database, rowids: [Int64], entitiesPerType: Int) throws -> Facets {
        lock.lock()
        defer { lock.unlock() }
        try catchUp(db)
        var bits = RowidBitmap(capacity: day.count)
        var count = 0
        bits.words.withUnsafeMutableBufferPointer { words in
            for rowid in rowids where rowid > 0 && Int(rowid) < day.count {
                let mask: UInt64 = 1 << UInt64(rowid & 63)
                if words[Int(rowid) >> 6] & mask == 0 {
                    words[Int(rowid) >> 6] |= mask
                    count += 1
                }
            }
        }
        return countFacets(result: bits, count: count, topics: try TopicRow.fetchAll(db), entitiesPerType: entitiesPerType,
                               entityTypes: nil)
    }

    /// Topic, entity and day counts of the articles set in `result` (`count` of them).
    ///
    /// A small result is walked article by article. A large one (an eighth of the library or
    /// more) is counted from `FacetBitmaps`: topics and frequent entities by popcount; if a
    /// type's top list could still hold a rare entity, its counts come from walking the
    /// smaller of the result and the rest of the library (subtracted from the totals).
    private func countFacets(result: RowidBitmap, count: Int, topics topicRows: [TopicRow], entitiesPerType: Int,
                             entityTypes: Set<EntityType>?) -> Facets {
        var topicCounts = [Int](repeating: 0, count: (topicRows.map(\.key).max() ?? 0) + 1)
        let rows = day.count
        var best: [EntityType: [(id: Int, count: Int32)]]?
        var walk: (complement: Bool, topics: Bool, entities: Bool) = (false, true, true)
        var totals: [Int32] = []
        if count >= (rows - 1) / FacetIndex.largeResultFraction {
            let maps = currentBitmaps()
            for key in topicCounts.indices { topicCounts[key] = maps.topicCount(key, in: result) }
            var frequentCounts = [Int32](repeating: 0, count: entityType.count)
            for (slot, id) in maps.frequentIDs.enumerated() { frequentCounts[id] = maps.frequentEntityCount(slot, in: result) }
            let top = topEntities(frequentCounts, perType: entitiesPerType, types: entityTypes)
            // Exact when every type whose list a rare entity could join has its N-th count at the threshold or above.
            let exact = maps.typesWithRareEntities.filter { entityTypes?.contains($0) ?? true }.allSatisfy { type in
                guard let list = top[type], list.count == entitiesPerType else { return false }
                return list[list.count - 1].count >= maps.frequentThreshold
            }
            if exact {
                best = top
                walk = (false, false, false)
            } else {
                walk = (count > (rows - 1) / 2, false, true)
                totals = maps.articleCount
            }
        }
        var entityCounts = [Int32](repeating: 0, count: entityType.count)
        // Days counted in an array over the library's date range (a map if the range is absurd).
        let span = highestDay >= lowestDay ? Int(highestDay) - Int(lowestDay) + 1 : 0
        let dense = span <= FacetIndex.maximumDenseDaySpan
        var perDay = [Int32](repeating: 0, count: dense ? span : 0)
        var dayCounts: [Int32: Int] = [:]
        let lowest = Int(lowestDay)
        let walkTopics = walk.topics
        let walkEntities = walk.entities
        let complement = walk.complement
        // Rowid order: the per-article arrays are laid out by rowid, so the walk streams through memory.
        day.withUnsafeBufferPointer { day in
        start.withUnsafeBufferPointer { start in
        topicEnd.withUnsafeBufferPointer { topicEnd in
        end.withUnsafeBufferPointer { end in
        values.withUnsafeBufferPointer { values in
        topicCounts.withUnsafeMutableBufferPointer { topicCounts in
        entityCounts.withUnsafeMutableBufferPointer { entityCounts in
        perDay.withUnsafeMutableBufferPointer { perDay in
        result.words.withUnsafeBufferPointer { words in
            for (index, word) in words.enumerated() {
                var inResult = word
                // The rest of the library: loaded rowids (1..<rows) not in the result.
                var walked = complement ? ~word : word
                if complement {
                    if index == 0 { walked &= ~1 }
                    let firstRow = index << 6
                    if firstRow + 64 > rows { walked &= rows > firstRow ? (1 << UInt64(rows - firstRow)) &- 1 : 0 }
                }
                while inResult != 0 {
                    let row = index << 6 | inResult.trailingZeroBitCount
                    inResult &= inResult - 1
                    guard row > 0, row < day.count else { continue }
                    let articleDay = day[row]
                    if articleDay != Int32.min {
                        if dense { perDay[Int(articleDay) - lowest] &+= 1 } else { dayCounts[articleDay, default: 0] += 1 }
                    }
                    if walkTopics {
                        // Mentioned topics' keys carry `PackedFacets.mentionFlag`: past the counts, not counted.
                        for index in Int(start[row])..<Int(topicEnd[row]) {
                            let key = Int(values[index])
                            if key < topicCounts.count { topicCounts[key] += 1 }
                        }
                    }
                    if walkEntities && !complement {
                        for index in Int(topicEnd[row])..<Int(end[row]) {
                            let id = Int(values[index])
                            if id < entityCounts.count { entityCounts[id] &+= 1 }
                        }
                    }
                }
                guard walkEntities && complement else { continue }
                while walked != 0 {
                    let row = index << 6 | walked.trailingZeroBitCount
                    walked &= walked - 1
                    for index in Int(topicEnd[row])..<Int(end[row]) {
                        let id = Int(values[index])
                        if id < entityCounts.count { entityCounts[id] &+= 1 }
                    }
                }
            }
        }}}}}}}}}
        if complement {
            for id in entityCounts.indices { entityCounts[id] = (id < totals.count ? totals[id] : 0) - entityCounts[id] }
        }
        for (offset, count) in perDay.enumerated() where count > 0 { dayCounts[Int32(lowest + offset)] = Int(count) }

        let topics = topicRows.map { row in Facets.TopicCount(id: row.id, name: row.name, count: topicCounts[row.key]) }
        let entities = (best ?? topEntities(entityCounts, perType: entitiesPerType, types: entityTypes)).mapValues { list in
            list.map { Facets.EntityCount(name: entityName[$0.id], type: entityType[$0.id]!, count: Int($0.count)) }
        }
        let days = dayCounts.sorted { $0.key < $1.key }.map {
            Facets.DayCount(date: ArticleDate(daysSinceEpoch: Int($0.key)), count: $0.value)
        }
        return Facets(total: count, topics: topics, entities: entities, days: days)
    }

    /// The `perType` entities with the highest counts of each type in `types` (all when nil; ties by name): one pass
    /// keeping each type's best N (N is small).
    private func topEntities(_ counts: [Int32], perType: Int, types: Set<EntityType>?) -> [EntityType: [(id: Int, count: Int32)]] {
        var best: [EntityType: [(id: Int, count: Int32)]] = [:]
        guard perType > 0 else { return best }
        for id in 1..<max(1, counts.count) where counts[id] > 0 {
            guard let type = entityType[id], types?.contains(type) ?? true else { continue }
            let count = counts[id]
            var list = best[type, default: []]
            if list.count < perType || count > list[list.count - 1].count
                || (count == list[list.count - 1].count && entityName[id] < entityName[list[list.count - 1].id]) {
                list.append((id, count))
                list.sort { ($0.count, entityName[$1.id]) > ($1.count, entityName[$0.id]) }
                if list.count > perType { list.removeLast() }
                best[type] = list
            }
        }
        return best
    }

    /// Results of at least 1/this of the library are counted from bitmaps.
    static let largeResultFraction = 8
    /// Entities in at least 1/this of the library's articles get a bitmap.
    static let frequentEntityFraction = 64

    /// Days spanned by the library above which day counts use a map rather than an array
    /// (a stray year 1 or 9999 in a date should not cost megabytes per keystroke).
    static let maximumDenseDaySpan = 200_000

    /// Loads articles and entities added since the last call.
    private func catchUp(_ db: Database) throws {
        // Straight through the SQLite C API: at 100,000 rows GRDB's Row decoding is most of the
        // cost of a warm start.
        let statement = try db.makeStatement(sql: "SELECT article, day, facets FROM article_facet WHERE article > ? ORDER BY article")
        try statement.setArguments([loadedRowid])
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        // Loading from scratch reads every article: that is the universe of this read, kept.
        let fromScratch = loadedRowid == 0
        // Worked on as local arrays, put back at the end: appending to a class's stored arrays
        // checks exclusive access on every call (a third of a warm start at 100,000).
        var (day, start, topicEnd, end, values) = (self.day, self.start, self.topicEnd, self.end, self.values)
        (self.day, self.start, self.topicEnd, self.end, self.values) = ([], [], [], [], [])
        var (lowestDay, highestDay, loadedRowid) = (self.lowestDay, self.highestDay, self.loadedRowid)
        defer {
            (self.day, self.start, self.topicEnd, self.end, self.values) = (day, start, topicEnd, end, values)
            (self.lowestDay, self.highestDay, self.loadedRowid) = (lowestDay, highestDay, loadedRowid)
        }
        // Room for every row up front: grown by doubling, the arrays were copied and their new
        // pages faulted in several times over (a third of a warm start in a fresh process).
        let highestRowid = Int(try Int64.fetchOne(db, sql: "SELECT max(article) FROM article_facet") ?? 0)
        let rowsExpected = max(0, highestRowid - day.count)
        day.reserveCapacity(highestRowid + 1)
        start.reserveCapacity(highestRowid + 1)
        topicEnd.reserveCapacity(highestRowid + 1)
        end.reserveCapacity(highestRowid + 1)
        var loaded = RowidBitmap(capacity: fromScratch ? highestRowid + 1 : 0)
        let valuesBefore = values.count
        var rowsRead = 0
        while true {
            let step = sqlite3_step(sqlite)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: step), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            let rowid = sqlite3_column_int64(sqlite, 0)
            if fromScratch { loaded.words[Int(rowid) >> 6] |= 1 << UInt64(rowid & 63) }
            // Rowids skipped (deleted before we saw them) get empty ranges.
            while day.count < Int(rowid) {
                day.append(Int32.min)
                start.append(Int32(values.count)); topicEnd.append(Int32(values.count)); end.append(Int32(values.count))
            }
            let articleDay = sqlite3_column_type(sqlite, 1) == SQLITE_NULL ? Int32.min : Int32(sqlite3_column_int64(sqlite, 1))
            day.append(articleDay)
            if articleDay != Int32.min {
                lowestDay = min(lowestDay, articleDay)
                highestDay = max(highestDay, articleDay)
            }
            start.append(Int32(values.count))
            let byteCount = Int(sqlite3_column_bytes(sqlite, 2))
            if let blob = sqlite3_column_blob(sqlite, 2), byteCount >= 4 {
                let raw = UnsafeRawBufferPointer(start: blob, count: byteCount)
                let words = byteCount / 4
                let topicCount = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
                for index in 1..<words {
                    if index == topicCount + 1 { topicEnd.append(Int32(values.count)) }
                    values.append(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
                }
                if topicCount + 1 >= words { topicEnd.append(Int32(values.count)) }
            } else {
                topicEnd.append(Int32(values.count))
            }
            end.append(Int32(values.count))
            loadedRowid = rowid
            rowsRead += 1
            if rowsRead == FacetIndex.rowsBeforeSizingValues, rowsExpected > rowsRead {
                // The facets per article of the first rows stand for the rest.
                let perRow = Double(values.count - valuesBefore) / Double(rowsRead)
                values.reserveCapacity(values.count + Int(perRow * Double(rowsExpected - rowsRead) * 1.05))
            }
        }
        if fromScratch {
            universe = (try stamp(db, loadedRowid: loadedRowid), loaded)
        }
        let entityRows = try Row.fetchCursor(db, sql: "SELECT id, type, name, fold FROM entity WHERE id > ? ORDER BY id",
                                             arguments: [loadedEntity])
        while let row = try entityRows.next() {
            let id: Int64 = row[0]
            while entityType.count < Int(id) {
                entityType.append(nil)
                entityName.append("")
            }
            entityType.append(EntityType(rawValue: row[1]) ?? .other)
            entityName.append(row[2])
            entitiesByFold[row[3] as String, default: []].append(Int(id))
            loadedEntity = id
        }
    }
}

/// The connection and its `data_version` at a read, and the rows loaded then.
struct UniverseStamp: Equatable {
    var connection: UInt
    var version: Int64
    var loadedRowid: Int64
}

/// A row of the topic table: the key articles' facets carry, the id filters name, the display name.
struct TopicRow {
    var key: Int
    var id: String
    var name: String

    /// Every topic, in id order (the order facets list them in).
    static func fetchAll(_ db: Database) throws -> [TopicRow] {
        try Row.fetchAll(db, sql: "SELECT key, id, name FROM topic ORDER BY id").map { TopicRow(key: $0[0], id: $0[1], name: $0[2]) }
    }
}
