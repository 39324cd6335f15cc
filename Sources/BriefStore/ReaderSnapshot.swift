// What a reader loads at open, saved by the indexer as one blob per array and read back whole.
import Foundation
import GRDB
import GRDBSQLite

/// At 1,000,000 articles a reader's first query spent most of a second loading every article's
/// facets row by row, and grouping by story as long again. The indexer saves those arrays at the
/// end of a run (`save`), one blob each, and a reader reads each back with one blob read
/// straight into its array; only the articles indexed since are loaded row by row.
///
/// Each part carries the rows it describes: the highest rowid and the number of articles then.
/// Rowids are never reused, so the rows above it are exactly the new ones; an article count
/// other than the snapshot's plus the new rows means articles were deleted since (by another
/// writer), and the articles present are then asked of the database, as without a snapshot.
/// A missing, partial or malformed snapshot is ignored: the arrays are loaded from the tables.
enum ReaderSnapshot {
    /// The arrays saved, one row of `reader_snapshot` each.
    enum Part: Int64, CaseIterable {
        case facetDay = 1, facetTopicEnd, facetEnd, facetValues, articles
        case storyNumber, storyLength, storyDay, storyMembers
        /// Every article's rowid by title, and by source (`LibraryStore.orderSQL`).
        case titleOrder, sourceOrder
        /// `FacetBitmaps`: articles per topic index and per entity id, and the bits.
        case bitmapTopicArticles, bitmapEntityArticles, bitmapTopicBits, bitmapEntityBits
        /// `TermBitmaps`: the words most articles contain, one per line, and a bitmap per word.
        case termNames, termBits
        /// The number of articles when `TermBitmaps` chose its words and prefixes.
        case termsChosenAt

        /// The part holding the rowids in `order`, for the orders asked of the database.
        init?(order: ResultOrder) {
            switch order {
            case .title: self = .titleOrder
            case .source: self = .sourceOrder
            case .newest, .oldest: return nil
            }
        }
    }

    /// The layout of the parts; a snapshot of another layout is ignored (and replaced by `save`).
    /// 6: `TermBitmaps` holds frequent prefixes too, and when its keys were chosen. 7: prefixes
    /// down to a sixth of the articles (a quarter before), chosen again.
    static let layout: Int64 = 7

    /// The rows a snapshot describes.
    struct Stamp: Equatable {
        /// The highest article rowid included.
        var through: Int64
        /// Articles in the cache then.
        var articles: Int64
    }

    /// The articles the facet index would see now.
    static func currentStamp(_ db: Database) throws -> Stamp {
        Stamp(through: try Int64.fetchOne(db, sql: "SELECT max(article) FROM article_facet") ?? 0,
              articles: try Int64.fetchOne(db, sql: "SELECT count(*) FROM article_facet") ?? 0)
    }

    /// The stamp shared by every part, or nil when a part is missing, of another layout, or of another stamp.
    static func savedStamp(_ db: Database) throws -> Stamp? {
        guard try db.tableExists("reader_snapshot") else { return nil }
        let rows = try Row.fetchAll(db, sql: "SELECT part, through, articles, layout FROM reader_snapshot ORDER BY part")
        guard rows.count == Part.allCases.count, let first = rows.first else { return nil }
        let stamp = Stamp(through: first[1], articles: first[2])
        for (row, part) in zip(rows, Part.allCases) {
            guard row[0] == part.rawValue, row[3] == layout, Stamp(through: row[1], articles: row[2]) == stamp else { return nil }
        }
        return stamp
    }

    /// Articles above `through` (what a catch-up after the snapshot loads).
    static func articles(above through: Int64, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT count(*) FROM article_facet WHERE article > ?", arguments: [through]) ?? 0
    }

    /// One part as an array of `T`, read straight into the array; nil when its size is not a whole number of `T`s.
    /// With `elements`, only those elements are read (nil when the part does not hold them).
    static func read<T: BitwiseCopyable>(_ db: Database, _ part: Part, as: T.Type, elements: Range<Int>? = nil) throws -> [T]? {
        var handle: OpaquePointer?
        let opened = sqlite3_blob_open(db.sqliteConnection, "main", "reader_snapshot", "data", part.rawValue, 0, &handle)
        defer { sqlite3_blob_close(handle) }
        guard opened == SQLITE_OK, let handle else { return nil }
        let stride = MemoryLayout<T>.stride
        let total = Int(sqlite3_blob_bytes(handle))
        guard total % stride == 0 else { return nil }
        let wanted = elements ?? 0..<total / stride
        guard wanted.lowerBound >= 0, wanted.upperBound <= total / stride else { return nil }
        let bytes = wanted.count * stride
        var status = SQLITE_OK
        let values = [T](unsafeUninitializedCapacity: wanted.count) { buffer, count in
            if bytes > 0 { status = sqlite3_blob_read(handle, buffer.baseAddress, Int32(bytes), Int32(wanted.lowerBound * stride)) }
            count = status == SQLITE_OK ? buffer.count : 0
        }
        guard status == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return values
    }

    /// Saves the facet and story arrays of the articles in the cache, unless the snapshot
    /// already describes them; returns whether it wrote. Run in a write transaction (the
    /// indexer's, at the end of a run): the rows read and the stamp are of one moment.
    ///
    /// When the saved snapshot differs only by articles added since, it is read and the new
    /// rows appended; when articles were deleted, the arrays are loaded from the tables afresh
    /// (the deleted articles' rows go).
    @discardableResult
    static func save(_ db: Database) throws -> Bool {
        guard try db.tableExists("reader_snapshot") else { return false }
        let current = try currentStamp(db)
        let saved = try savedStamp(db)
        if saved == current { return false }
        let onlyAdded = try saved.map { try $0.articles + articles(above: $0.through, db) == current.articles && $0.through <= current.through } ?? false
        let facets = try FacetIndex(restoringSnapshot: onlyAdded).snapshot(db)
        let stories = try StoryRows(restoringSnapshot: onlyAdded).snapshot(db)
        let stamp = Stamp(through: facets.through, articles: Int64(facets.articleCount))
        let previousTerms = try saved.flatMap { saved -> (TermBitmaps.Saved, Int64)? in
            guard saved.through <= current.through, let terms = try TermBitmaps.read(db, through: saved.through),
                  TermBitmaps.keepsKeys(from: terms.chosenAt, to: current.articles) else { return nil }
            return (terms, saved.through)
        }
        let terms = try TermBitmaps.build(db, universe: facets.universe, articles: facets.articleCount, through: facets.through,
                                          previous: previousTerms)
        try db.execute(sql: "DELETE FROM reader_snapshot")
        let insert = try db.makeStatement(sql: "INSERT INTO reader_snapshot (part, through, articles, layout, data) VALUES (?, ?, ?, ?, ?)")
        func write<T>(_ part: Part, _ values: [T]) throws {
            let sqlite = insert.sqliteStatement
            defer { sqlite3_reset(sqlite) }
            for (index, value) in [part.rawValue, stamp.through, stamp.articles, layout].enumerated() {
                sqlite3_bind_int64(sqlite, Int32(index + 1), value)
            }
            // Bound without a copy (tens of megabytes at 1,000,000 articles), stepped while the bytes are valid.
            let done = values.withUnsafeBytes { bytes in
                sqlite3_bind_blob64(sqlite, 5, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), sqlite3_uint64(bytes.count), nil) == SQLITE_OK
                    && sqlite3_step(sqlite) == SQLITE_DONE
            }
            guard done else {
                throw DatabaseError(resultCode: ResultCode(rawValue: sqlite3_errcode(db.sqliteConnection)),
                                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
        let (day, topicEnd, end, values) = facets.rows.arrays
        try write(.facetDay, day)
        try write(.facetTopicEnd, topicEnd)
        try write(.facetEnd, end)
        try write(.facetValues, values)
        try write(.articles, facets.universe.words)
        try write(.storyNumber, stories.story)
        try write(.storyLength, stories.length)
        try write(.storyDay, stories.day)
        try write(.storyMembers, stories.members)
        try write(.bitmapTopicArticles, facets.bitmaps.topicArticles)
        try write(.bitmapEntityArticles, facets.bitmaps.articleCount)
        try write(.bitmapTopicBits, facets.bitmaps.bitArrays.topics)
        try write(.bitmapEntityBits, facets.bitmaps.bitArrays.entities)
        for order in [ResultOrder.title, .source] {
            try write(Part(order: order)!, try FacetIndex.allRowids(db, orderedBy: LibraryStore.orderSQL(order)))
        }
        try write(.termNames, TermBitmaps.names(of: terms.terms))
        try write(.termBits, terms.bits)
        try write(.termsChosenAt, [terms.chosenAt])
        return true
    }
}

/// The facet index's arrays as `ReaderSnapshot` saves them.
struct FacetSnapshot {
    var rows: FacetRows
    /// The highest rowid loaded.
    var through: Int64
    /// The articles present among them.
    var universe: RowidBitmap
    var articleCount: Int
    var bitmaps: FacetBitmaps
}

/// Story grouping's arrays as `ReaderSnapshot` saves them (see `StoryRows`).
struct StorySnapshot {
    var through: Int64
    var story: [Int32]
    var length: [Int32]
    var day: [Int32]
    var members: [Int32]
}

extension LibraryStore {
    /// Saves what a reader loads at open (see `ReaderSnapshot`) when the cache holds articles it
    /// does not describe; returns whether it wrote. `brief index` does it at the end of each run.
    package func saveReaderSnapshot() throws -> Bool {
        try withStoreErrors(path: path) { try pool.write { db in try ReaderSnapshot.save(db) } }
    }
}
