// One evaluated query: every matching article in order (as keys), and its facets, for fast paging.
import BriefCore
import GRDB

/// The answer to one filter, computed in one read: the ordered matches (rowids only, 8 bytes an
/// article) and the facet counts. Pages are then cut from it by position, without re-running
/// the filter or scanning with OFFSET.
public struct LibraryResult: Sendable {
    public let filter: FilterExpression
    public let order: ResultOrder
    public let facets: Facets
    let rowids: [Int64]

    /// Articles in the result.
    public var count: Int { rowids.count }
}

extension LibraryStore {
    /// Evaluates `filter` once: ordered matches and facets, as the reader needs on each keystroke.
    public func query(_ filter: FilterExpression, order: ResultOrder = .newest, entitiesPerType: Int = 10) throws -> LibraryResult {
        return try read { db in
            let rowids: [Int64]
            if order == .newest {
                // Each leaf is selected by the database from an index; the boolean structure and
                // the newest-first order are applied in memory.
                rowids = try facetIndex.newestFirst(db, matching: filter)
            } else {
                let condition = FilterSQLCompiler.condition(for: filter)
                rowids = try Int64.fetchAll(
                    db, sql: "SELECT a.rowid FROM article a WHERE \(condition.sql) ORDER BY \(Self.orderSQL(order))",
                    arguments: condition.arguments)
            }
            let facets = try facetIndex.facets(db, rowids: rowids, entitiesPerType: entitiesPerType)
            return LibraryResult(filter: filter, order: order, facets: facets, rowids: rowids)
        }
    }

    /// The summaries at `positions` of a result (positions past the end are ignored). An
    /// article deleted since the query was made is left out.
    public func summaries(of result: LibraryResult, _ positions: Range<Int>) throws -> [ArticleSummary] {
        let clamped = positions.clamped(to: 0..<result.rowids.count)
        guard !clamped.isEmpty else { return [] }
        let keys = Array(result.rowids[clamped])
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
        return result.rowids.firstIndex(of: rowid)
    }

    /// How many articles of `result` are not marked read: the result's rowids against the
    /// (usually far fewer) read marks, without touching the article rows.
    public func unreadCount(in result: LibraryResult) throws -> Int {
        guard !result.rowids.isEmpty else { return 0 }
        let capacity = Int(result.rowids.max() ?? 0) + 1
        var inResult = RowidBitmap(capacity: capacity)
        for rowid in result.rowids { inResult.words[Int(rowid) >> 6] |= 1 << UInt64(rowid & 63) }
        let read = try self.read { db in
            try RowidBitmap.fetch(db, SQLCondition(FilterSetCompiler.readArticles), capacity: capacity)
        }
        var readInResult = 0
        for (mine, theirs) in zip(inResult.words, read.words) { readInResult += (mine & theirs).nonzeroBitCount }
        return result.rowids.count - readInResult
    }
}
