// A set of article rowids as bits, and the filter evaluated as SQL leaves combined bitwise.
import BriefCore
import GRDB
import GRDBSQLite

/// One bit per rowid up to a capacity: AND, OR and NOT of 100,000 articles are a few
/// thousand word operations.
struct RowidBitmap {
    var words: [UInt64]

    init(capacity: Int) { words = [UInt64](repeating: 0, count: capacity / 64 + 1) }

    init(words count: Int) { words = [UInt64](repeating: 0, count: count) }

    init(words: [UInt64]) { self.words = words }

    var capacity: Int { words.count * 64 }

    /// How many rowids are set.
    var memberCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    mutating func insert(_ rowid: Int) { words[rowid >> 6] |= 1 << UInt64(rowid & 63) }

    mutating func remove(_ rowid: Int) { words[rowid >> 6] &= ~(1 << UInt64(rowid & 63)) }

    func contains(_ rowid: Int) -> Bool {
        rowid >= 0 && rowid < capacity && words[rowid >> 6] & (1 << UInt64(rowid & 63)) != 0
    }

    /// Clears rowid 0 and every rowid from `end` on.
    mutating func keepRows(below end: Int) {
        guard !words.isEmpty else { return }
        words[0] &= ~1
        let kept = max(0, min(end, capacity))
        for index in (kept + 63) / 64..<words.count { words[index] = 0 }
        if kept % 64 != 0 { words[kept / 64] &= (1 << UInt64(kept % 64)) &- 1 }
    }

    /// How many rowids are set in both.
    func intersectionCount(_ other: RowidBitmap) -> Int {
        var count = 0
        for index in 0..<min(words.count, other.words.count) { count &+= (words[index] & other.words[index]).nonzeroBitCount }
        return count
    }

    /// Sizes may differ (a leaf fetched with the rows loaded, a universe saved with the
    /// snapshot): a rowid past `other`'s words is not in it.
    mutating func formIntersection(_ other: RowidBitmap) {
        let shared = min(words.count, other.words.count)
        for index in 0..<shared { words[index] &= other.words[index] }
        for index in shared..<words.count { words[index] = 0 }
    }

    /// Grows to `other`'s size if it is larger, so no rowid of either is lost.
    mutating func formUnion(_ other: RowidBitmap) {
        if other.words.count > words.count { words += repeatElement(0, count: other.words.count - words.count) }
        for index in other.words.indices { words[index] |= other.words[index] }
    }

    mutating func subtract(_ other: RowidBitmap) {
        // Sizes may differ when `other` was fetched before the library grew.
        for index in 0..<min(words.count, other.words.count) { words[index] &= ~other.words[index] }
    }

    /// The rowids a query selects, fetched straight through the C API (tens of thousands of rows).
    static func fetch(_ db: Database, _ query: SQLCondition, capacity: Int) throws -> RowidBitmap {
        var bitmap = RowidBitmap(capacity: capacity)
        let statement = try db.makeStatement(sql: query.sql)
        try statement.setArguments(query.arguments)
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        try bitmap.words.withUnsafeMutableBufferPointer { words in
            while try SQLiteRows.step(sqlite, db) {
                let rowid = Int(sqlite3_column_int64(sqlite, 0))
                if rowid >= 0 && rowid < words.count * 64 { words[rowid >> 6] |= 1 << UInt64(rowid & 63) }
            }
        }
        return bitmap
    }
}

/// Rows read straight through SQLite's C API, for queries of tens of thousands of rows (GRDB's
/// row decoding would be most of their cost).
enum SQLiteRows {
    /// Steps `statement`: true at a row, false when done; a database error otherwise.
    @inline(__always)
    static func step(_ statement: SQLiteStatement, _ db: Database) throws -> Bool {
        let step = sqlite3_step(statement)
        if step == SQLITE_ROW { return true }
        if step == SQLITE_DONE { return false }
        throw DatabaseError(resultCode: ResultCode(rawValue: step), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
}

/// Evaluates a filter to a bitmap: each leaf is one SQL query answered by an index (the leaf
/// queries of `FilterSetCompiler`: FTS5 MATCH, topic and entity tables, the day index, the
/// state database), and the boolean structure is applied to the bitmaps. SQLite's INTERSECT
/// and EXCEPT build a temporary B-tree per operand; here each costs one pass over the words.
struct FilterBitmapEvaluator {
    let db: Database
    let capacity: Int
    /// The read articles when the caller already has them (they change only when marks do).
    let readMarks: RowidBitmap?
    /// Leaves the caller answers from memory (what the database said, kept while it is unchanged).
    let memory: MemoryLeaves?
    private var universeCache: RowidBitmap?

    init(db: Database, capacity: Int, readMarks: RowidBitmap? = nil, memory: MemoryLeaves? = nil) {
        self.db = db
        self.capacity = capacity
        self.readMarks = readMarks
        self.memory = memory
        universeCache = memory?.universe
    }

    /// The articles marked read: the caller's, or from the state database.
    private func readArticles() throws -> RowidBitmap {
        if let readMarks { return readMarks }
        if let memory { return try memory.read() }
        return try RowidBitmap.fetch(db, SQLCondition(FilterSetCompiler.readArticles), capacity: capacity)
    }

    /// Every article currently in the cache.
    private mutating func universe() throws -> RowidBitmap {
        if let universeCache { return universeCache }
        let all = try RowidBitmap.fetch(db, FilterSetCompiler.rowids(for: .all), capacity: capacity)
        universeCache = all
        return all
    }

    mutating func evaluate(_ expression: FilterExpression) throws -> RowidBitmap {
        if case .word(let word, let prefix) = expression, let memory, let bits = try memory.term(word, prefix) {
            return bits
        }
        if FilterSQLCompiler.ftsQuery(for: expression) != nil {
            return try rememberedLeaf(expression)
        }
        switch expression {
        case .all:
            return try universe()
        case .not(let inner):
            var result = try universe()
            result.subtract(try evaluate(inner))
            return result
        case .unread:
            var result = try universe()
            result.subtract(try readArticles())
            return result
        case .or(let parts):
            var result = RowidBitmap(capacity: capacity)
            for part in parts { result.formUnion(try evaluate(part)) }
            return result
        case .and(let parts):
            return try evaluate(FilterSQLCompiler.textResolved(ConjunctionPlan(parts)))
        case .topic(let id), .mentions(let id):
            let includingMentions = if case .mentions = expression { true } else { false }
            if let memory, var result = memory.topic(id, includingMentions) {
                result.formIntersection(memory.universe)
                return result
            }
            return try sqlLeaf(expression)
        case .since(let date):
            if let memory { return memory.days(from: date.daysSinceEpoch, through: Int(Int32.max)) }
            return try sqlLeaf(expression)
        case .until(let date):
            if let memory { return memory.days(from: Int(Int32.min), through: date.daysSinceEpoch) }
            return try sqlLeaf(expression)
        case .entity(let type, let name):
            guard let memory else { return try sqlLeaf(expression) }
            // "New Zealand" the place is in half the articles and has a bitmap; "NEW ZEALAND" is
            // in a few: only those few are asked of the database (all of them took 60 ms at 1,000,000),
            // once while the library is unchanged.
            let (frequent, rare) = memory.entity(type, name)
            var result = rare.isEmpty ? frequent : try memory.remembered(expression) {
                let placeholders = Array(repeating: "?", count: rare.count).joined(separator: ",")
                var both = frequent
                both.formUnion(try RowidBitmap.fetch(db, SQLCondition("SELECT article FROM article_entity WHERE entity IN (\(placeholders))",
                                                                      StatementArguments(rare)), capacity: capacity))
                return both
            }
            result.formIntersection(memory.universe)
            return result
        case .source:
            return try rememberedLeaf(expression)
        default:
            return try sqlLeaf(expression)
        }
    }

    /// An AND: the intersection of its positives (everything when none), less its negatives and,
    /// for `unread`, the read articles.
    private mutating func evaluate(_ plan: ConjunctionPlan) throws -> RowidBitmap {
        var result: RowidBitmap
        if let first = plan.positives.first {
            result = try evaluate(first)
            for part in plan.positives.dropFirst() { result.formIntersection(try evaluate(part)) }
        } else {
            result = try universe()
        }
        for part in plan.negatives { result.subtract(try evaluate(part)) }
        if plan.unread { result.subtract(try readArticles()) }
        return result
    }

    /// A leaf of the library alone (not of the marks), kept by the caller while the library is unchanged:
    /// typing on after a search, or toggling topics under it, asks the full-text index once.
    private func rememberedLeaf(_ expression: FilterExpression) throws -> RowidBitmap {
        guard let memory else { return try sqlLeaf(expression) }
        return try memory.remembered(expression) { try sqlLeaf(expression) }
    }

    /// A leaf as one indexed SQL query.
    private func sqlLeaf(_ expression: FilterExpression) throws -> RowidBitmap {
        try RowidBitmap.fetch(db, FilterSetCompiler.rowids(for: expression), capacity: capacity)
    }
}

/// Leaves answered without a query: every article, its topics and its day, as the database
/// gave them to `FacetIndex` and for as long as the database has not changed since.
struct MemoryLeaves {
    /// The articles in the cache now (loaded rows of deleted articles are not in it).
    let universe: RowidBitmap
    /// The articles about a topic (or mentioning it, when the flag is set), nil when the id
    /// must be matched by SQL.
    let topic: (String, Bool) -> RowidBitmap?
    /// The articles mentioning an entity (of a type, if given) by its folded name: those of the
    /// entities so named that have a bitmap in memory, and the ids of the others (rare ones),
    /// whose articles SQL must give.
    let entity: (EntityType?, String) -> (frequent: RowidBitmap, rare: [Int])
    /// Per rowid, the day (Int32.min when undated).
    let day: [Int32]
    /// The articles marked read (kept while neither the cache nor the marks change).
    let read: () throws -> RowidBitmap
    /// The articles holding a word, or a word starting with a prefix (when the flag is set), that
    /// many articles hold (see `TermBitmaps`); nil for the others, which the full-text index answers.
    let term: (String, Bool) throws -> RowidBitmap?
    /// A leaf's bitmap as computed earlier against the same library, or computed now and kept.
    let remembered: (FilterExpression, () throws -> RowidBitmap) throws -> RowidBitmap

    /// The articles dated from `lowest` through `highest`, days since 1970 (undated ones never
    /// are). The bounds are converted once: a date's day computed per article was most of a
    /// `since:`/`until:` keystroke.
    func days(from lowest: Int, through highest: Int) -> RowidBitmap {
        var result = RowidBitmap(words: universe.words.count)
        // Int32.min marks the undated: the lowest bound is above it.
        let low = Int32(clamping: max(lowest, Int(Int32.min) + 1))
        let high = Int32(clamping: highest)
        guard low <= high else { return result }
        // One unsigned comparison per row (days below `low` wrap above the span), and each
        // word built whole without a branch: a per-row test and bit set took twice as long.
        let span = UInt32(bitPattern: high &- low)
        day.withUnsafeBufferPointer { day in
            result.words.withUnsafeMutableBufferPointer { words in
                let end = min(day.count, words.count * 64)
                for index in 0..<(end + 63) / 64 {
                    let first = index << 6
                    var bits: UInt64 = 0
                    for bit in 0..<min(64, end - first) {
                        let inside = UInt32(bitPattern: day[first + bit] &- low) <= span
                        bits |= UInt64(inside ? 1 : 0) << UInt64(bit)
                    }
                    words[index] = bits
                }
            }
        }
        // Rowid 0 is no article.
        if !result.words.isEmpty { result.words[0] &= ~1 }
        result.formIntersection(universe)
        return result
    }
}
