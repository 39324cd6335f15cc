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
            let (rowids, facets) = try facetIndex.query(db, matching: filter, order: order, readMarks: readMarks?.rowids,
                                                        entitiesPerType: entitiesPerType, entityTypes: entityTypes)
            let shown = groupStories ? try storyRows.bestVersions(db, of: rowids) : rowids
            return LibraryResult(filter: filter, order: order, facets: facets, rowids: shown)
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
        var readInResult = 0
        for rowid in result.rowids where read.rowids.contains(Int(rowid)) { readInResult += 1 }
        return result.rowids.count - readInResult
    }
}

/// The articles marked read when `LibraryStore.readMarks()` was called.
public struct ReadMarks: Sendable {
    let rowids: RowidBitmap
}
