// Stories at query time: one row per story, and the versions of a story.
import BriefCore
import Foundation
import GRDB
import GRDBSQLite

/// Each cached article's story and rank, in memory: rows are loaded incrementally (rowids only
/// grow, and a story never changes under one), so grouping a result is one pass over it.
final class StoryRows: @unchecked Sendable {
    /// What is loaded: per rowid, its story's number (-1 when unknown), kept text length and day
    /// (Int32.min when undated); the numbers of the stories met since the first load, by name;
    /// articles loaded per story number (a story of one needs no comparison).
    fileprivate struct Loaded {
        var throughRowid: Int64 = 0
        var story: [Int32] = [-1]
        var length: [Int32] = [0]
        var day: [Int32] = [Int32.min]
        var storyNumbers: [String: Int32] = [:]
        var members: [Int32] = []
        /// Per story number: its slot among the stories of several versions, or -1 for a story
        /// of one; and how many slots there are.
        var sharedSlot: [Int32] = []
        var sharedStories = 0

        /// Numbers the stories of several versions (a story of one becomes one of them when a
        /// second version arrives, so this follows every load).
        mutating func numberSharedStories() {
            sharedSlot = members.map { _ in -1 }
            sharedStories = 0
            for (number, count) in members.enumerated() where count > 1 {
                sharedSlot[number] = Int32(sharedStories)
                sharedStories += 1
            }
        }

        /// Whether version `a` is better than `b`: the longer kept text, then the earlier day,
        /// then the lower rowid.
        func isBetter(_ a: Int, than b: Int) -> Bool {
            if length[a] != length[b] { return length[a] > length[b] }
            if day[a] != day[b] {
                if day[a] == Int32.min { return false }
                if day[b] == Int32.min { return true }
                return day[a] < day[b]
            }
            return a < b
        }
    }

    // Guarded by `lock`.
    private let lock = NSLock()
    private var loaded = Loaded()
    /// The loaded rows whose story has several versions, made by `load` (off the first frame's
    /// path) or the first grouping, and dropped when rows are added.
    private var sharedRows: RowidBitmap?
    /// Whether the first load starts from the indexer's `ReaderSnapshot` when it is valid.
    private let restoringSnapshot: Bool
    /// The highest rowid the first load took from a snapshot (0: none was used).
    private var restoredThrough: Int64 = 0
    var rowsRestoredThrough: Int64 { lock.withLock { restoredThrough } }

    init(restoringSnapshot: Bool = true) {
        self.restoringSnapshot = restoringSnapshot
    }

    /// The rows, loaded first if need be: what `ReaderSnapshot.save` writes.
    func snapshot(_ db: Database) throws -> StorySnapshot {
        lock.lock()
        defer { lock.unlock() }
        try catchUp(db)
        return StorySnapshot(through: loaded.throughRowid, story: loaded.story, length: loaded.length, day: loaded.day,
                             members: loaded.members)
    }

    /// Takes out of `rows` every version of a story but its best among them (the longest kept
    /// text, the earliest on a tie): one row per story.
    ///
    /// Only the rows of stories of several versions (a few in a hundred, marked in `sharedRows`)
    /// are looked up, with the best so far per story in a flat array (numbered by `sharedSlot`);
    /// the other rows are not visited. Looking every row of the result up was most of a
    /// keystroke matching 900,000 articles, and a dictionary a tenth of the reader's time.
    func keepBestVersions(_ db: Database, of rows: inout RowidBitmap) throws {
        lock.lock()
        defer { lock.unlock() }
        try catchUp(db)
        let loaded = self.loaded
        guard loaded.sharedStories > 0 else { return }
        let shared = sharedRows ?? Self.sharedRows(loaded)
        sharedRows = shared
        var best = [Int](repeating: 0, count: loaded.sharedStories)
        let words = min(rows.words.count, shared.words.count)
        loaded.story.withUnsafeBufferPointer { story in
            loaded.sharedSlot.withUnsafeBufferPointer { sharedSlot in
                for index in 0..<words {
                    var versions = rows.words[index] & shared.words[index]
                    while versions != 0 {
                        let row = index << 6 | versions.trailingZeroBitCount
                        versions &= versions - 1
                        let slot = Int(sharedSlot[Int(story[row])])
                        if best[slot] == 0 || loaded.isBetter(row, than: best[slot]) { best[slot] = row }
                    }
                }
                for index in 0..<words {
                    var versions = rows.words[index] & shared.words[index]
                    while versions != 0 {
                        let row = index << 6 | versions.trailingZeroBitCount
                        versions &= versions - 1
                        if best[Int(sharedSlot[Int(story[row])])] != row { rows.remove(row) }
                    }
                }
            }
        }
    }

    /// The loaded rows whose story has several versions.
    private static func sharedRows(_ rows: Loaded) -> RowidBitmap {
        var shared = RowidBitmap(capacity: rows.story.count)
        for row in 1..<max(rows.story.count, 1) where rows.story[row] >= 0 && rows.sharedSlot[Int(rows.story[row])] >= 0 {
            shared.insert(row)
        }
        return shared
    }

    /// Loads the rows indexed since the last call (all of them the first time); `keepBestVersions`
    /// does it too, so calling this ahead of the first grouped query only moves the work earlier.
    func load(_ db: Database) throws {
        lock.lock()
        defer { lock.unlock() }
        try catchUp(db)
        if sharedRows == nil { sharedRows = Self.sharedRows(loaded) }
    }

    /// Loads the rows indexed since the last call, into a local copy of the arrays (appending to
    /// a class's stored arrays checks exclusive access on every call), put back at the end.
    private func catchUp(_ db: Database) throws {
        var rows = loaded
        loaded = Loaded()
        var added = false
        // Put back also when a step fails, with the rows read so far numbered.
        defer {
            if added {
                rows.numberSharedStories()
                sharedRows = nil
            }
            loaded = rows
        }
        if rows.throughRowid == 0, restoringSnapshot, let saved = try Self.restoreSnapshot(db) {
            // The snapshot's rows, then those added since (deleted ones are never asked for).
            rows = saved
            restoredThrough = saved.throughRowid
            added = true
            _ = try Self.loadAdded(db, into: &rows)
        } else if rows.throughRowid == 0 {
            added = try Self.loadAll(db, into: &rows)
        } else {
            added = try Self.loadAdded(db, into: &rows)
        }
    }

    /// The rows of a valid `ReaderSnapshot`, or nil when there is none or it does not fit.
    private static func restoreSnapshot(_ db: Database) throws -> Loaded? {
        guard let stamp = try ReaderSnapshot.savedStamp(db), stamp.through > 0,
              let story = try ReaderSnapshot.read(db, .storyNumber, as: Int32.self), story.count > 1, story.count <= Int(stamp.through) + 1,
              let length = try ReaderSnapshot.read(db, .storyLength, as: Int32.self), length.count == story.count,
              let day = try ReaderSnapshot.read(db, .storyDay, as: Int32.self), day.count == story.count,
              let members = try ReaderSnapshot.read(db, .storyMembers, as: Int32.self),
              story.allSatisfy({ $0 >= -1 && Int($0) < members.count }) else { return nil }
        var rows = Loaded()
        // The highest rowid with a story (article_story's own, which `loadAll` went by).
        (rows.throughRowid, rows.story, rows.length, rows.day, rows.members) = (Int64(story.count - 1), story, length, day, members)
        return rows
    }

    /// Every row, from nothing loaded: lengths and days in rowid order, then story numbers from
    /// a walk of the story index, where a story's rows are adjacent. Keying a dictionary by
    /// every story's name instead was most of the first grouped query at 1,000,000 articles.
    /// Straight through the SQLite C API: with GRDB's rows that query spent 2.6 s here.
    private static func loadAll(_ db: Database, into rows: inout Loaded) throws -> Bool {
        rows = Loaded()
        let highest = Int(try Int64.fetchOne(db, sql: "SELECT max(article) FROM article_story") ?? 0)
        guard highest > 0 else { return false }
        let lengths = try db.makeStatement(sql: """
            SELECT s.article, s.length, f.day FROM article_story s JOIN article_facet f ON f.article = s.article
            WHERE s.article <= ?
            """)
        try lengths.setArguments([highest])
        let lengthRows = lengths.sqliteStatement
        defer { sqlite3_reset(lengthRows) }
        var length = [Int32](repeating: 0, count: highest + 1)
        var day = [Int32](repeating: Int32.min, count: highest + 1)
        var present = RowidBitmap(capacity: highest + 1)
        try length.withUnsafeMutableBufferPointer { length in
            try day.withUnsafeMutableBufferPointer { day in
                try present.words.withUnsafeMutableBufferPointer { present in
                    while try SQLiteRows.step(lengthRows, db) {
                        let row = Int(sqlite3_column_int64(lengthRows, 0))
                        guard row > 0, row <= highest else { continue }
                        present[row >> 6] |= 1 << UInt64(row & 63)
                        length[row] = Int32(clamping: sqlite3_column_int64(lengthRows, 1))
                        day[row] = sqlite3_column_type(lengthRows, 2) == SQLITE_NULL
                            ? Int32.min : Int32(clamping: sqlite3_column_int64(lengthRows, 2))
                    }
                }
            }
        }
        (rows.length, rows.day) = (length, day)
        rows.story = [Int32](repeating: -1, count: highest + 1)
        // ORDER BY story walks the covering index `article_story_by_story`: no sort, no table pages.
        let stories = try db.makeStatement(sql: "SELECT story, article FROM article_story WHERE article <= ? ORDER BY story")
        try stories.setArguments([highest])
        let storyRows = stories.sqliteStatement
        defer { sqlite3_reset(storyRows) }
        var previous: [UInt8] = []
        var number: Int32 = -1
        while try SQLiteRows.step(storyRows, db) {
            let row = Int(sqlite3_column_int64(storyRows, 1))
            guard row > 0, row <= highest, present.contains(row) else { continue }
            let name = UnsafeBufferPointer(start: sqlite3_column_text(storyRows, 0), count: Int(sqlite3_column_bytes(storyRows, 0)))
            if number < 0 || !previous.elementsEqual(name) {
                previous = Array(name)
                number = Int32(rows.members.count)
                rows.members.append(0)
            }
            rows.members[Int(number)] += 1
            rows.story[row] = number
        }
        rows.throughRowid = Int64(highest)
        return true
    }

    /// The rows above those loaded, in rowid order. A new row's story is an earlier row's when
    /// the story index names one (an index lookup per new story name; refreshes add few rows).
    private static func loadAdded(_ db: Database, into rows: inout Loaded) throws -> Bool {
        let statement = try db.makeStatement(sql: """
            SELECT s.article, s.story, s.length, f.day FROM article_story s JOIN article_facet f ON f.article = s.article
            WHERE s.article > ? ORDER BY s.article
            """)
        try statement.setArguments([rows.throughRowid])
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        let earlier = try db.cachedStatement(sql: "SELECT article FROM article_story WHERE story = ? AND article <= ? LIMIT 1")
        let loadedThrough = rows.throughRowid
        var added = false
        while try SQLiteRows.step(sqlite, db) {
            let rowid = sqlite3_column_int64(sqlite, 0)
            let name = String(decoding: UnsafeBufferPointer(start: sqlite3_column_text(sqlite, 1),
                                                            count: Int(sqlite3_column_bytes(sqlite, 1))), as: UTF8.self)
            let number: Int32
            if let known = rows.storyNumbers[name] {
                number = known
            } else if let row = try Int64.fetchOne(earlier, arguments: [name, loadedThrough]),
                      Int(row) < rows.story.count, rows.story[Int(row)] >= 0 {
                number = rows.story[Int(row)]
            } else {
                number = Int32(rows.members.count)
                rows.members.append(0)
            }
            rows.storyNumbers[name] = number
            rows.members[Int(number)] += 1
            let slot = Int(rowid)
            if rows.story.count <= slot {
                let missing = slot + 1 - rows.story.count
                rows.story += repeatElement(-1, count: missing)
                rows.length += repeatElement(0, count: missing)
                rows.day += repeatElement(Int32.min, count: missing)
            }
            rows.story[slot] = number
            rows.length[slot] = Int32(clamping: sqlite3_column_int64(sqlite, 2))
            rows.day[slot] = sqlite3_column_type(sqlite, 3) == SQLITE_NULL ? Int32.min : Int32(clamping: sqlite3_column_int64(sqlite, 3))
            rows.throughRowid = rowid
            added = true
        }
        return added
    }
}

/// One version of a story, as the list and the reader name it.
public struct StoryVersion: Hashable, Sendable {
    public var id: String
    public var siteName: String?
    public var url: String?
}

extension LibraryStore {
    /// Loads what grouping by story needs (see `StoryRows`), ahead of the first grouped query:
    /// the reader calls it on the other core while its first query loads the facet index.
    package func loadStories() throws {
        try read { db in try storyRows.load(db) }
    }

    /// Every version of the stories of `ids`, the best first (the longest kept text, the earliest on
    /// a tie), keyed by story id; and each article's story id.
    public func stories(of ids: [String]) throws -> (storyOf: [String: String], versions: [String: [StoryVersion]]) {
        guard !ids.isEmpty else { return ([:], [:]) }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        return try read { db in
            var storyOf: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT a.id, s.story FROM article a JOIN article_story s ON s.article = a.rowid WHERE a.id IN (\(placeholders))
                """, arguments: StatementArguments(ids)) {
                storyOf[row[0]] = row[1]
            }
            let stories = Array(Set(storyOf.values))
            var versions: [String: [StoryVersion]] = [:]
            let statement = try db.cachedStatement(sql: """
                SELECT a.id, a.site_name, a.url FROM article_story s JOIN article a ON a.rowid = s.article
                WHERE s.story = ? ORDER BY s.length DESC, a.day IS NULL, a.day, a.rowid
                """)
            for story in stories {
                versions[story] = try Row.fetchAll(statement, arguments: [story]).map { StoryVersion(id: $0[0], siteName: $0[1], url: $0[2]) }
            }
            return (storyOf, versions)
        }
    }
}
