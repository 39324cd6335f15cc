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
    /// Per rowid: the article's day, topic keys and entity ids.
    private var rows = FacetRows()
    /// Per entity id: type and canonical name (`nil` for ids never loaded).
    private var entityType: [EntityType?] = [nil]
    private var entityName: [String] = [""]
    /// Entity ids by their case- and diacritic-folded name (`entity.fold`), as entity filters match them.
    private var entitiesByFold: [String: [Int]] = [:]
    /// Every loaded rowid, newest first (day descending, undated last, then rowid descending),
    /// and the highest rowid it includes.
    private var newestOrder: [Int32] = []
    private var orderedThrough: Int64 = -1
    /// Every loaded rowid in each other order (title, source, oldest), made the first time that
    /// order is used and again after new articles arrive; with the highest rowid it includes. Re-parsed articles get new rowids, so a title never changes under one.
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
    /// The articles marked read, and when that was true (with the state database's `data_version`).
    private var marked: (stamp: UniverseStamp, stateVersion: Int64, bits: RowidBitmap)?
    /// The snapshot's `TermBitmaps` words (each one's slot among the bitmaps) and its stamp: its
    /// bitmaps are read one at a time, while the snapshot is still that one.
    private var savedTerms: (stamp: ReaderSnapshot.Stamp, slots: [String: Int])?

    /// Articles per part of a walk split over the cores (see `rowsPerWalkPart`).
    private var splitRows = FacetIndex.rowsPerWalkPart

    /// Whether the first load starts from the indexer's `ReaderSnapshot` when it is valid.
    private let restoringSnapshot: Bool
    /// The highest rowid the first load took from a snapshot (0: none was used).
    private var restoredThrough: Int64 = 0
    var rowsRestoredThrough: Int64 { lock.withLock { restoredThrough } }

    init(scope: [String] = [], restoringSnapshot: Bool = true) {
        self.scope = scope
        self.restoringSnapshot = restoringSnapshot
    }

    /// The rows loaded, the highest rowid among them and the articles present, loaded first if
    /// need be: what `ReaderSnapshot.save` writes.
    func snapshot(_ db: Database) throws -> FacetSnapshot {
        lock.lock()
        defer { lock.unlock() }
        try catchUp(db)
        let present = try liveUniverse(db)
        return FacetSnapshot(rows: rows, through: loadedRowid, universe: present, articleCount: present.memberCount, bitmaps: currentBitmaps())
    }

    /// The matching rows, every loaded row in `order` (the list is those rows along it) and
    /// the matches' facets, under one lock (what a keystroke needs). Nothing here is per match
    /// in order: the list's rows are found along the order only as far as a page asks.
    func query(_ db: Database, matching filter: FilterExpression, order: ResultOrder, readMarks: RowidBitmap?,
               entitiesPerType: Int, entityTypes: Set<EntityType>?) throws -> (matches: RowidBitmap, order: [Int32], facets: Facets) {
        lock.lock()
        defer { lock.unlock() }
        try catchUp(db)
        let topics = try TopicRow.fetchAll(db)
        let global = try globalOrder(db, order)
        var evaluator = FilterBitmapEvaluator(db: db, capacity: rows.count, readMarks: readMarks, memory: try memoryLeaves(db, topics: topics))
        var bits = try evaluator.evaluate(filter)
        if !scope.isEmpty { bits.formIntersection(try scopeBits(db)) }
        // Every loaded row (1..<rows.count) is in each order, and only those are listed.
        bits.keepRows(below: rows.count)
        return (bits, global, countFacets(result: bits, count: bits.memberCount, topics: topics, entitiesPerType: entitiesPerType,
                                          entityTypes: entityTypes))
    }

    /// Every loaded rowid in `order`. Newest and oldest first come from the days in memory;
    /// the others are asked of the database once, and again after new articles arrive.
    private func globalOrder(_ db: Database, _ order: ResultOrder) throws -> [Int32] {
        if order == .newest || order == .oldest, orderedThrough != loadedRowid {
            newestOrder = newestFirstOrder()
            orderedThrough = loadedRowid
        }
        if order == .newest { return newestOrder }
        if let kept = otherOrders[order], kept.through == loadedRowid { return kept.rowids }
        let rowids = order == .oldest ? oldestFirstOrder()
            : try savedOrder(db, order) ?? Self.allRowids(db, orderedBy: LibraryStore.orderSQL(order))
        otherOrders[order] = (loadedRowid, rowids)
        return rowids
    }

    /// The order as the indexer saved it (`ReaderSnapshot`), when it was saved with the rows
    /// loaded now: an article present now with a rowid up to the snapshot's was present then
    /// (rowids are never reused), so the saved order holds every loaded article. Walking the
    /// title index instead was the first `o` of a session (a fifth of a second at 1,000,000).
    private func savedOrder(_ db: Database, _ order: ResultOrder) throws -> [Int32]? {
        guard let part = ReaderSnapshot.Part(order: order), let stamp = try ReaderSnapshot.savedStamp(db),
              stamp.through == loadedRowid, let rowids = try ReaderSnapshot.read(db, part, as: Int32.self),
              rowids.allSatisfy({ $0 > 0 && Int64($0) <= stamp.through }) else { return nil }
        return rowids
    }

    /// Every loaded rowid, day ascending, undated last, rowid ascending within a day: the newest
    /// order's dated rowids backwards, then its undated ones backwards (SQL sorted the whole
    /// library for it, as `day IS NULL` first cannot walk the day index).
    private func oldestFirstOrder() -> [Int32] {
        let days = rows.day
        let undated = newestOrder.reversed().prefix { days[Int($0)] == Int32.min }.count
        let backwards = Array(newestOrder.reversed())
        return Array(backwards[undated...] + backwards[..<undated])
    }

    /// The bitmaps for the rows loaded now.
    private func currentBitmaps() -> FacetBitmaps {
        if let bitmaps, bitmaps.builtThrough == loadedRowid { return bitmaps }
        let built = FacetBitmaps(builtThrough: loadedRowid, rows: rows, entityTypes: entityType,
                                 frequentFraction: FacetIndex.frequentEntityFraction)
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
            var result = (frequent: RowidBitmap(words: words), rare: [Int]())
            for id in entitiesByFold[NameFolding.fold(name)] ?? [] where type == nil || entityType[id] == type {
                if let bits = maps.entityBitmap(id, words: words) { result.frequent.formUnion(bits) } else { result.rare.append(id) }
            }
            return result
        }, day: rows.day, read: { [self] in
            // Called during the query, under the lock.
            try readArticles(db)
        }, term: { [self] word, prefix in
            // Called during the query, under the lock.
            try termBitmap(db, word, prefix: prefix, universe: universe)
        }, remembered: { [self] expression, compute in
            // Called during the query, under the lock.
            if let known = leaves.bits[expression] { return known }
            let bits = try compute()
            if leaves.order.count >= FacetIndex.rememberedLeaves { leaves.bits[leaves.order.removeFirst()] = nil }
            leaves.bits[expression] = bits
            leaves.order.append(expression)
            return bits
        })
    }

    /// The articles holding `word` (or, with `prefix`, a word starting with it): the snapshot's
    /// bitmap less the articles deleted since, with those added since from the full-text index;
    /// nil when it has no bitmap or the snapshot was replaced since this index read its keys.
    private func termBitmap(_ db: Database, _ word: String, prefix: Bool, universe: RowidBitmap) throws -> RowidBitmap? {
        guard let terms = savedTerms, let key = TermBitmaps.key(word, prefix: prefix), let slot = terms.slots[key],
              try ReaderSnapshot.savedStamp(db) == terms.stamp else { return nil }
        let wordCount = Int(terms.stamp.through) / 64 + 1
        guard let saved = try ReaderSnapshot.read(db, .termBits, as: UInt64.self,
                                                  elements: slot * wordCount..<(slot + 1) * wordCount) else { return nil }
        var result = RowidBitmap(words: universe.words.count)
        for index in 0..<min(wordCount, result.words.count) { result.words[index] = saved[index] }
        if loadedRowid > terms.stamp.through {
            let added = try RowidBitmap.fetch(db, TermBitmaps.matching(key, above: terms.stamp.through), capacity: rows.count)
            for index in 0..<min(added.words.count, result.words.count) { result.words[index] |= added.words[index] }
        }
        result.formIntersection(universe)
        return result
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
        let bits = try RowidBitmap.fetch(db, FilterSetCompiler.rowids(for: .all), capacity: rows.count)
        universe = (stamp, bits)
        return bits
    }

    /// The articles marked read, fetched again when the cache or the marks changed: a join of
    /// every mark with the articles (a third of a query with `unread` at 100,000 articles).
    private func readArticles(_ db: Database) throws -> RowidBitmap {
        let stamp = try stamp(db)
        let stateVersion = try Int64.fetchOne(db, sql: "PRAGMA state.data_version") ?? -1
        if let marked, marked.stamp == stamp, marked.stateVersion == stateVersion { return marked.bits }
        let bits = try RowidBitmap.fetch(db, SQLCondition(FilterSetCompiler.readArticles), capacity: rows.count)
        marked = (stamp, stateVersion, bits)
        return bits
    }

    /// The articles of files under `scope`, fetched again when the database changed. A path
    /// range per root (`root/` up to `root0`, the next byte) walks the file table's path index.
    private func scopeBits(_ db: Database) throws -> RowidBitmap {
        let stamp = try stamp(db)
        if let scoped, scoped.stamp == stamp { return scoped.bits }
        guard let condition = Self.articlesInScope(scope) else { return try liveUniverse(db) }
        let bits = try RowidBitmap.fetch(db, condition, capacity: rows.count)
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
    private func stamp(_ db: Database) throws -> UniverseStamp {
        UniverseStamp(connection: db.sqliteConnection.map { UInt(bitPattern: $0) } ?? 0,
                      version: try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? -1, loadedRowid: loadedRowid)
    }

    /// Every loaded rowid, day descending, undated last, rowid descending within a day: a
    /// counting sort over the library's days (linear; a comparison sort of 100,000 rowids was a
    /// tenth of a warm start).
    private func newestFirstOrder() -> [Int32] {
        let span = rows.daySpan
        let days = rows.day
        guard span <= FacetIndex.maximumDenseDaySpan else {
            return (1..<Int32(days.count)).sorted { a, b in
                days[Int(a)] != days[Int(b)] ? days[Int(a)] > days[Int(b)] : a > b
            }
        }
        let highest = Int(rows.highestDay)
        // Slot per day counted from the newest; the last slot holds the undated.
        var starts = [Int](repeating: 0, count: span + 2)
        days.withUnsafeBufferPointer { day in
            for row in 1..<day.count {
                let slot = day[row] == Int32.min ? span : highest - Int(day[row])
                starts[slot + 1] += 1
            }
        }
        for slot in 1..<starts.count { starts[slot] += starts[slot - 1] }
        var order = [Int32](repeating: 0, count: max(0, days.count - 1))
        days.withUnsafeBufferPointer { day in
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
    static func allRowids(_ db: Database, orderedBy orderSQL: String) throws -> [Int32] {
        let statement = try db.makeStatement(sql: "SELECT a.rowid FROM article a ORDER BY \(orderSQL)")
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        var rowids: [Int32] = []
        while try SQLiteRows.step(sqlite, db) {
            rowids.append(Int32(truncatingIfNeeded: sqlite3_column_int64(sqlite, 0)))
        }
        return rowids
    }

    /// Facets for the articles whose rowids are given, read in the caller's transaction.
    func facets(_ db: Database, rowids: [Int64], entitiesPerType: Int) throws -> Facets {
        lock.lock()
        defer { lock.unlock() }
        try catchUp(db)
        var bits = RowidBitmap(capacity: rows.count)
        var count = 0
        bits.words.withUnsafeMutableBufferPointer { words in
            for rowid in rowids where rowid > 0 && Int(rowid) < rows.count {
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
        var tally = FacetTally(topicKeys: (topicRows.map(\.key).max() ?? 0) + 1, entityIDs: entityType.count,
                               daySpan: rows.daySpan, lowestDay: rows.lowestDay)
        var plan = FacetWalk()
        if count >= (rows.count - 1) / FacetIndex.largeResultFraction {
            plan = countFromBitmaps(result, count: count, topics: &tally.topics, entitiesPerType: entitiesPerType,
                                    entityTypes: entityTypes)
        }
        let parts = min(CoreSplit.cores, max(1, count / max(1, splitRows)))
        rows.withBuffers { rows in tally.walk(result, plan, rows, parts: parts) }
        if plan.complement { tally.subtractEntities(from: plan.totals) }

        let topics = topicRows.map { row in Facets.TopicCount(id: row.id, name: row.name, count: tally.topics[row.key]) }
        let entities = (plan.best ?? topEntities(tally.entities, perType: entitiesPerType, types: entityTypes)).mapValues { list in
            list.map { Facets.EntityCount(name: entityName[$0.id], type: entityType[$0.id]!, count: Int($0.count)) }
        }
        let days = tally.dayCounts().map { Facets.DayCount(date: ArticleDate(daysSinceEpoch: Int($0.day)), count: $0.count) }
        return Facets(total: count, topics: topics, entities: entities, days: days)
    }

    /// A large result's topics and frequent entities, counted by popcount into `topicCounts`,
    /// and what a walk must still count. The entities' top lists are exact when every type
    /// whose list a rare entity could join has its N-th count at the threshold or above.
    private func countFromBitmaps(_ result: RowidBitmap, count: Int, topics topicCounts: inout [Int], entitiesPerType: Int,
                                  entityTypes: Set<EntityType>?) -> FacetWalk {
        let maps = currentBitmaps()
        // Every bitmap is a pass over the result's words: the topics' then the frequent entities',
        // in consecutive shares per core once the bitmaps are as long as a walk worth splitting.
        let topicKeys = topicCounts.count
        let bitmaps = topicKeys + maps.frequentIDs.count
        let parts = maps.wordCount * 64 >= splitRows * 2 ? CoreSplit.cores : 1
        let counts = CoreSplit.map(parts: parts) { part in
            (bitmaps * part / parts..<bitmaps * (part + 1) / parts).map { index in
                index < topicKeys ? maps.topicCount(index, in: result) : Int(maps.frequentEntityCount(index - topicKeys, in: result))
            }
        }.flatMap { $0 }
        for key in 0..<topicKeys { topicCounts[key] = counts[key] }
        var frequentCounts = [Int32](repeating: 0, count: entityType.count)
        for (slot, id) in maps.frequentIDs.enumerated() { frequentCounts[id] = Int32(counts[topicKeys + slot]) }
        let top = topEntities(frequentCounts, perType: entitiesPerType, types: entityTypes)
        let exact = maps.typesWithRareEntities.filter { entityTypes?.contains($0) ?? true }.allSatisfy { type in
            guard let list = top[type], list.count == entitiesPerType else { return false }
            return list[list.count - 1].count >= maps.frequentThreshold
        }
        if exact { return FacetWalk(topics: false, entities: false, best: top) }
        // Entities walked over the smaller side: the result, or the rest of the library.
        return FacetWalk(topics: false, entities: true, complement: count > (rows.count - 1) / 2, totals: maps.articleCount)
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

    /// A walk is split over the cores when each part would visit at least this many articles
    /// (below, starting the threads costs more than they save).
    static let rowsPerWalkPart = 8_192
    /// `rowsPerWalkPart`, unless a test splits small walks to check the parts add up.
    var walkRowsPerPart: Int {
        get { lock.withLock { splitRows } }
        set { lock.withLock { splitRows = newValue } }
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
        var restored: ReaderSnapshot.Stamp?
        if loadedRowid == 0, restoringSnapshot, let saved = try restoreSnapshot(db) {
            restored = saved.stamp
            // The rows above the snapshot's are the articles added since; unless some were
            // deleted too, the articles present are the snapshot's and those.
            var present = saved.articles
            let added = try loadArticles(db, markingRowids: true)
            if try ReaderSnapshot.currentStamp(db).articles == saved.stamp.articles + Int64(added.memberCount) {
                present.words += repeatElement(0, count: max(0, added.words.count - present.words.count))
                present.formUnion(added)
                universe = (try stamp(db), present)
            }
        } else {
            // Loading from scratch reads every article: that is the universe of this read, kept.
            let fromScratch = loadedRowid == 0
            let loaded = try loadArticles(db, markingRowids: fromScratch)
            if fromScratch {
                universe = (try stamp(db), loaded)
            }
        }
        try loadEntities(db)
        // Nothing added since the snapshot: its bitmaps are those of the rows loaded.
        if let restored, restored.through == loadedRowid { bitmaps = try restoreBitmaps(db) }
    }

    /// The snapshot's `FacetBitmaps` for the rows loaded, or nil (built on first use) when they do not fit.
    private func restoreBitmaps(_ db: Database) throws -> FacetBitmaps? {
        guard let topicArticles = try ReaderSnapshot.read(db, .bitmapTopicArticles, as: Int32.self),
              let entityArticles = try ReaderSnapshot.read(db, .bitmapEntityArticles, as: Int32.self),
              let topicBits = try ReaderSnapshot.read(db, .bitmapTopicBits, as: UInt64.self),
              let entityBits = try ReaderSnapshot.read(db, .bitmapEntityBits, as: UInt64.self) else { return nil }
        return FacetBitmaps(builtThrough: loadedRowid, rowCount: rows.count, topicArticles: topicArticles, entityArticles: entityArticles,
                            topicBits: topicBits, entityBits: entityBits, entityTypes: entityType,
                            frequentFraction: FacetIndex.frequentEntityFraction)
    }

    /// Puts the rows of a valid `ReaderSnapshot` in place; returns its stamp and the articles
    /// present then, or nil (nothing changed) when there is none or it does not fit.
    private func restoreSnapshot(_ db: Database) throws -> (stamp: ReaderSnapshot.Stamp, articles: RowidBitmap)? {
        guard let stamp = try ReaderSnapshot.savedStamp(db), stamp.through > 0,
              let day = try ReaderSnapshot.read(db, .facetDay, as: Int32.self), day.count == Int(stamp.through) + 1,
              let topicEnd = try ReaderSnapshot.read(db, .facetTopicEnd, as: Int32.self),
              let end = try ReaderSnapshot.read(db, .facetEnd, as: Int32.self),
              let values = try ReaderSnapshot.read(db, .facetValues, as: UInt32.self),
              let words = try ReaderSnapshot.read(db, .articles, as: UInt64.self), words.count * 64 > Int(stamp.through),
              let restored = FacetRows(day: day, topicEnd: topicEnd, end: end, values: values) else { return nil }
        rows = restored
        loadedRowid = stamp.through
        restoredThrough = stamp.through
        if let names = try ReaderSnapshot.read(db, .termNames, as: UInt8.self) {
            let terms = TermBitmaps.terms(from: names)
            savedTerms = (stamp, Dictionary(terms.enumerated().map { ($1, $0) }) { first, _ in first })
        }
        return (stamp, RowidBitmap(words: words))
    }

    /// Appends the articles above `loadedRowid`; with `markingRowids`, returns their rowids as a bitmap.
    private func loadArticles(_ db: Database, markingRowids: Bool) throws -> RowidBitmap {
        // Straight through the SQLite C API: at 100,000 rows GRDB's Row decoding is most of the
        // cost of a warm start.
        let statement = try db.makeStatement(sql: "SELECT article, day, facets FROM article_facet WHERE article > ? ORDER BY article")
        try statement.setArguments([loadedRowid])
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        // Worked on as a local value, put back at the end: appending to a class's stored arrays
        // checks exclusive access on every call (a third of a warm start at 100,000).
        var (rows, loadedRowid) = (self.rows, self.loadedRowid)
        self.rows = FacetRows()
        defer { (self.rows, self.loadedRowid) = (rows, loadedRowid) }
        let highestRowid = Int(try Int64.fetchOne(db, sql: "SELECT max(article) FROM article_facet") ?? 0)
        let rowsExpected = max(0, highestRowid - rows.count)
        rows.reserve(throughRowid: highestRowid)
        var loaded = RowidBitmap(capacity: markingRowids ? highestRowid + 1 : 0)
        let valuesBefore = rows.valueCount
        var rowsRead = 0
        while try SQLiteRows.step(sqlite, db) {
            let rowid = sqlite3_column_int64(sqlite, 0)
            if markingRowids { loaded.words[Int(rowid) >> 6] |= 1 << UInt64(rowid & 63) }
            let day = sqlite3_column_type(sqlite, 1) == SQLITE_NULL ? Int32.min : Int32(sqlite3_column_int64(sqlite, 1))
            let blob = sqlite3_column_blob(sqlite, 2)
            rows.append(rowid: Int(rowid), day: day, packed: UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(sqlite, 2))))
            loadedRowid = rowid
            rowsRead += 1
            if rowsRead == FacetIndex.rowsBeforeSizingValues, rowsExpected > rowsRead {
                // The facets per article of the first rows stand for the rest.
                let perRow = Double(rows.valueCount - valuesBefore) / Double(rowsRead)
                rows.reserveValues(Int(perRow * Double(rowsExpected - rowsRead) * 1.05))
            }
        }
        return loaded
    }

    /// Appends the entities above `loadedEntity`: type, name, and folded name for entity filters.
    private func loadEntities(_ db: Database) throws {
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

/// What a walk over articles must count once `FacetBitmaps` counted what it could.
private struct FacetWalk {
    /// Whether topic keys and entity ids are counted by walking (days always are).
    var topics = true
    var entities = true
    /// Entities counted over the rest of the library rather than the result, then subtracted from `totals`.
    var complement = false
    var totals: [Int32] = []
    /// Each type's top entities, when the bitmaps decided them exactly.
    var best: [EntityType: [(id: Int, count: Int32)]]?
}

/// The topic, entity and day counts of one result, as the walk makes them.
private struct FacetTally {
    var topics: [Int]
    var entities: [Int32]
    /// Per day from `lowestDay`, when the library's days fit an array; else `dayMap` counts them
    /// (a stray year 1 or 9999 in a date should not cost megabytes per keystroke).
    var perDay: [Int32]
    var dayMap: [Int32: Int] = [:]
    let lowestDay: Int
    let dense: Bool

    init(topicKeys: Int, entityIDs: Int, daySpan: Int, lowestDay: Int32) {
        topics = [Int](repeating: 0, count: topicKeys)
        entities = [Int32](repeating: 0, count: entityIDs)
        dense = daySpan <= FacetIndex.maximumDenseDaySpan
        perDay = [Int32](repeating: 0, count: dense ? daySpan : 0)
        self.lowestDay = Int(lowestDay)
    }

    /// The walk below in `parts` parts over consecutive rowids, run on the cores at once, each
    /// counting into a tally of its own; the parts' counts are added to this one.
    mutating func walk(_ result: RowidBitmap, _ plan: FacetWalk, _ rows: FacetRowBuffers, parts: Int) {
        guard parts > 1 else { return walk(result, plan, rows, words: result.words.indices) }
        let ranges = result.words.withUnsafeBufferPointer { words in
            // A complement walk visits every row of a word, in the result or not.
            CoreSplit.ranges(of: words, parts: parts) { plan.complement ? 64 : $0.nonzeroBitCount }
        }
        let empty = FacetTally(zeroedLike: self)
        let tallies = CoreSplit.map(parts: ranges.count) { part in
            var tally = empty
            tally.walk(result, plan, rows, words: ranges[part])
            return tally
        }
        for tally in tallies { add(tally) }
    }

    /// Empty counts of the same shape as `other`'s.
    private init(zeroedLike other: FacetTally) {
        topics = [Int](repeating: 0, count: other.topics.count)
        entities = [Int32](repeating: 0, count: other.entities.count)
        perDay = [Int32](repeating: 0, count: other.perDay.count)
        (lowestDay, dense) = (other.lowestDay, other.dense)
    }

    /// Adds the counts of `other`, of the same shape.
    private mutating func add(_ other: FacetTally) {
        for key in topics.indices { topics[key] += other.topics[key] }
        for id in entities.indices { entities[id] &+= other.entities[id] }
        for offset in perDay.indices { perDay[offset] &+= other.perDay[offset] }
        dayMap.merge(other.dayMap, uniquingKeysWith: +)
    }

    /// Counts the day of every article of `result` within `wordRange` (64 rowids a word), its
    /// topics and entities as `plan` says, or the entities of the rest of the library for a
    /// complement walk. Rowid order: the rows are laid out by rowid, so the walk streams through memory.
    private mutating func walk(_ result: RowidBitmap, _ plan: FacetWalk, _ rows: FacetRowBuffers, words wordRange: Range<Int>) {
        let (walkTopics, walkResultEntities) = (plan.topics, plan.entities && !plan.complement)
        let walkRestEntities = plan.entities && plan.complement
        let (lowest, dense, count) = (lowestDay, self.dense, rows.count)
        topics.withUnsafeMutableBufferPointer { topicCounts in
        entities.withUnsafeMutableBufferPointer { entityCounts in
        perDay.withUnsafeMutableBufferPointer { perDay in
        result.words.withUnsafeBufferPointer { words in
            for index in wordRange {
                let word = words[index]
                var inResult = word
                while inResult != 0 {
                    let row = index << 6 | inResult.trailingZeroBitCount
                    inResult &= inResult - 1
                    guard row > 0, row < count else { continue }
                    let articleDay = rows.day[row]
                    if articleDay != Int32.min {
                        if dense { perDay[Int(articleDay) - lowest] &+= 1 } else { dayMap[articleDay, default: 0] += 1 }
                    }
                    // Mentioned topics' keys carry `PackedFacets.mentionFlag`: past the counts, not counted.
                    if walkTopics { Self.count(rows.topics(row), of: rows, into: topicCounts) }
                    if walkResultEntities { Self.count(rows.entities(row), of: rows, into: entityCounts) }
                }
                guard walkRestEntities else { continue }
                // The rest of the library: loaded rowids (1..<count) not in the result.
                var rest = ~word
                if index == 0 { rest &= ~1 }
                let firstRow = index << 6
                if firstRow + 64 > count { rest &= count > firstRow ? (1 << UInt64(count - firstRow)) &- 1 : 0 }
                while rest != 0 {
                    let row = index << 6 | rest.trailingZeroBitCount
                    rest &= rest - 1
                    Self.count(rows.entities(row), of: rows, into: entityCounts)
                }
            }
        }}}}
    }

    /// Adds one to the count of each value at `range` (values past the counts are skipped).
    @inline(__always)
    private static func count<Count: FixedWidthInteger>(_ range: Range<Int>, of rows: FacetRowBuffers,
                                                        into counts: UnsafeMutableBufferPointer<Count>) {
        for index in range {
            let value = Int(rows.values[index])
            if value < counts.count { counts[value] &+= 1 }
        }
    }

    /// After a complement walk: each entity's count in the result is its total less the rest's.
    mutating func subtractEntities(from totals: [Int32]) {
        for id in entities.indices { entities[id] = (id < totals.count ? totals[id] : 0) - entities[id] }
    }

    /// Every counted day with its count, earliest first: the array's days are in order already
    /// (sorting them through a dictionary was a twentieth of a keystroke matching most articles).
    func dayCounts() -> [(day: Int32, count: Int)] {
        if dayMap.isEmpty {
            return perDay.enumerated().compactMap { offset, count in count > 0 ? (Int32(lowestDay + offset), Int(count)) : nil }
        }
        var counts = dayMap
        for (offset, count) in perDay.enumerated() where count > 0 { counts[Int32(lowestDay + offset)] = Int(count) }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
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
