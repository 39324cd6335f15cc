// One evaluated query: the matching articles as a bitmap with the order to list them in, and their facets.
import BriefCore
import Foundation
import GRDB

/// The answer to one filter, computed in one read: the listed rows (a bitmap) with the order to
/// list them in, and the facet counts. Pages are cut from it by position without re-running the
/// filter: the rows of the first pages are found by walking the order, and every listed rowid is
/// put in order only when a page further down or a position is asked for. Listing the rowids of
/// a keystroke matching 900,000 articles (and grouping and counting them) was most of it.
public struct LibraryResult: Sendable {
    public let filter: FilterExpression
    public let order: ResultOrder
    public let facets: Facets
    let listed: ListedRows

    /// Articles in the result.
    public var count: Int { listed.count }
}

/// The rows a result lists, and every loaded row in the result's order.
final class ListedRows: @unchecked Sendable {
    let rows: RowidBitmap
    let order: [Int32]
    let count: Int
    /// Positions up to this are found by walking the order; past it every rowid is put in order once.
    static let walkedPositions = 1_000
    // Guarded by `lock`.
    private let lock = NSLock()
    private var ordered: [Int64]?

    init(rows: RowidBitmap, order: [Int32]) {
        self.rows = rows
        self.order = order
        count = rows.memberCount
    }

    /// The rowids at `positions` (clamped to the rows).
    func rowids(_ positions: Range<Int>) -> [Int64] {
        let clamped = positions.clamped(to: 0..<count)
        guard !clamped.isEmpty else { return [] }
        if clamped.upperBound > Self.walkedPositions { return Array(all[clamped]) }
        if let ordered = lock.withLock({ ordered }) { return Array(ordered[clamped]) }
        return walk(upTo: clamped.upperBound).suffix(clamped.count)
    }

    /// Every listed rowid, in order.
    var all: [Int64] {
        if let ordered = lock.withLock({ ordered }) { return ordered }
        let all = walk(upTo: count)
        lock.withLock { ordered = all }
        return all
    }

    /// Where `rowid` is listed, if it is: counted along the order up to it.
    func position(of rowid: Int64) -> Int? {
        guard rows.contains(Int(rowid)) else { return nil }
        if let ordered = lock.withLock({ ordered }) { return ordered.firstIndex(of: rowid) }
        var position = 0
        return rows.words.withUnsafeBufferPointer { words in
            for listed in order where Int(listed) < words.count * 64 && words[Int(listed) >> 6] & (1 << UInt64(listed & 63)) != 0 {
                if Int64(listed) == rowid { return position }
                position += 1
            }
            return nil
        }
    }

    /// The first `limit` listed rowids, along the order.
    private func walk(upTo limit: Int) -> [Int64] {
        var result: [Int64] = []
        result.reserveCapacity(limit)
        guard limit > 0 else { return result }
        rows.words.withUnsafeBufferPointer { words in
            for rowid in order where Int(rowid) < words.count * 64 && words[Int(rowid) >> 6] & (1 << UInt64(rowid & 63)) != 0 {
                result.append(Int64(rowid))
                if result.count == limit { break }
            }
        }
        return result
    }
}

extension LibraryStore {
    /// Evaluates `filter` once: the matches, their facets, and how to page them, as the reader needs on each keystroke.
    ///
    /// - Parameters:
    ///   - entityTypes: the entity types whose top lists are wanted (nil: every type); fewer
    ///     types let a large result be counted without visiting its articles.
    ///   - readMarks: the read marks when the caller keeps them between queries (see
    ///     `readMarks()`); `unread` then costs no database work.
    ///   - groupStories: one article per story (its best version among the matches), as the list
    ///     shows them; the facets still count every matching article.
    public func query(_ filter: FilterExpression, order: ResultOrder = .newest, entitiesPerType: Int = 10,
                      entityTypes: Set<EntityType>? = nil, readMarks: ReadMarks? = nil,
                      groupStories: Bool = false) throws -> LibraryResult {
        return try read { db in
            // Each leaf is selected by the database from an index; the boolean structure and the
            // order (kept in memory per order) are applied in memory.
            let (matches, global, facets) = try facetIndex.query(db, matching: filter, order: order, readMarks: readMarks?.rowids,
                                                                 entitiesPerType: entitiesPerType, entityTypes: entityTypes)
            var shown = matches
            if groupStories { try storyRows.keepBestVersions(db, of: &shown) }
            return LibraryResult(filter: filter, order: order, facets: facets, listed: ListedRows(rows: shown, order: global))
        }
    }

    /// The summaries at `positions` of a result (positions past the end are ignored). An
    /// article deleted since the query was made is left out.
    public func summaries(of result: LibraryResult, _ positions: Range<Int>) throws -> [ArticleSummary] {
        let keys = result.listed.rowids(positions)
        guard !keys.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ",")
        let byRowid = try read { db in
            var found: [Int64: ArticleSummary] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT a.rowid, \(Self.summaryColumns) FROM article a WHERE a.rowid IN (\(placeholders))
                """, arguments: StatementArguments(keys)) {
                found[row[0]] = Self.summary(row, from: 1)
            }
            return found
        }
        return keys.compactMap { byRowid[$0] }
    }

    /// Where the article `id` stands in `result`, if it is there (to keep the selection across filters).
    public func position(of id: String, in result: LibraryResult) throws -> Int? {
        guard let rowid = try read({ db in
            try Int64.fetchOne(db, sql: "SELECT rowid FROM article WHERE id = ?", arguments: [id])
        }) else { return nil }
        return result.listed.position(of: rowid)
    }

    /// How many articles of `result` are not marked read.
    public func unreadCount(in result: LibraryResult) throws -> Int {
        unreadCount(in: result, read: try readMarks())
    }

    /// The articles marked read, as a set of rowids: fetched once and reused while no mark
    /// changes, so a keystroke's unread count is one pass over the result.
    public func readMarks() throws -> ReadMarks {
        try read { db in
            let highest = try Int64.fetchOne(db, sql: "SELECT max(article) FROM article_facet") ?? 0
            return ReadMarks(rowids: try RowidBitmap.fetch(db, SQLCondition(FilterSetCompiler.readArticles),
                                                           capacity: Int(highest) + 1))
        }
    }

    /// How many articles of `result` are not among `read`.
    public func unreadCount(in result: LibraryResult, read: ReadMarks) -> Int {
        result.count - result.listed.rows.intersectionCount(read.rowids)
    }
}

/// The articles marked read when `LibraryStore.readMarks()` was called.
public struct ReadMarks: Sendable {
    let rowids: RowidBitmap
}
