// Stories at query time: one row per story, and the versions of a story.
import BriefCore
import Foundation
import GRDB
import GRDBSQLite

/// Each cached article's story and rank, in memory: rows are loaded incrementally (rowids only
/// grow, and a story never changes under one), so grouping a result is one pass over it.
final class StoryRows: @unchecked Sendable {
    /// What is loaded: per rowid, its story's number (-1 when unknown), kept text length and day
    /// (Int32.min when undated); story numbers by name; articles loaded per story number (a
    /// story of one needs no comparison).
    private struct Loaded {
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

    /// `rowids` with every story reduced to its best version among them (the longest kept text,
    /// the earliest on a tie), each where that version stands in the order.
    ///
    /// One pass over the result with the best so far per story of several versions in a flat
    /// array (numbered by `sharedSlot`): with a dictionary, grouping 1,000,000 rowids was a
    /// tenth of the reader's time.
    func bestVersions(_ db: Database, of rowids: [Int64]) throws -> [Int64] {
        lock.lock()
        defer { lock.unlock() }
        try catchUp(db)
        let rows = loaded
        guard rows.sharedStories > 0 else { return rowids }
        var best = [Int64](repeating: 0, count: rows.sharedStories)
        var grouped = false
        rows.story.withUnsafeBufferPointer { story in
            rows.sharedSlot.withUnsafeBufferPointer { sharedSlot in
                best.withUnsafeMutableBufferPointer { best in
                    for rowid in rowids {
                        let row = Int(rowid)
                        guard row < story.count, story[row] >= 0 else { continue }
                        let slot = Int(sharedSlot[Int(story[row])])
                        guard slot >= 0 else { continue }
                        if best[slot] != 0 {
                            grouped = true
                            if !rows.isBetter(row, than: Int(best[slot])) { continue }
                        }
                        best[slot] = rowid
                    }
                }
            }
        }
        guard grouped else { return rowids }
        return rows.story.withUnsafeBufferPointer { story in
            rows.sharedSlot.withUnsafeBufferPointer { sharedSlot in
                rowids.filter { rowid in
                    let row = Int(rowid)
                    guard row < story.count, story[row] >= 0 else { return true }
                    let slot = Int(sharedSlot[Int(story[row])])
                    return slot < 0 || best[slot] == rowid
                }
            }
        }
    }

    /// Loads the rows indexed since the last call. Days come from the narrow facet table, not
    /// `article`, whose pages hold the text: the first grouped query read the whole cache.
    /// Straight through the SQLite C API into a local copy of the arrays (appending to a class's
    /// stored arrays checks exclusive access on every call): with GRDB's rows, the first grouped
    /// query of a 1,000,000-article cache spent 2.6 s here, of which SQLite 0.4 s.
    private func catchUp(_ db: Database) throws {
        let statement = try db.makeStatement(sql: """
            SELECT s.article, s.story, s.length, f.day FROM article_story s JOIN article_facet f ON f.article = s.article
            WHERE s.article > ? ORDER BY s.article
            """)
        try statement.setArguments([loaded.throughRowid])
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        var rows = loaded
        loaded = Loaded()
        var added = false
        // Put back also when a step fails, with the rows read so far numbered.
        defer {
            if added { rows.numberSharedStories() }
            loaded = rows
        }
        if rows.throughRowid == 0 {
            let highest = Int(try Int64.fetchOne(db, sql: "SELECT max(article) FROM article_story") ?? 0)
            rows.story.reserveCapacity(highest + 1)
            rows.length.reserveCapacity(highest + 1)
            rows.day.reserveCapacity(highest + 1)
            rows.storyNumbers.reserveCapacity(highest)
            rows.members.reserveCapacity(highest)
        }
        while try SQLiteRows.step(sqlite, db) {
            let rowid = sqlite3_column_int64(sqlite, 0)
            let name = String(decoding: UnsafeBufferPointer(start: sqlite3_column_text(sqlite, 1),
                                                            count: Int(sqlite3_column_bytes(sqlite, 1))), as: UTF8.self)
            let number: Int32
            if let known = rows.storyNumbers[name] {
                number = known
            } else {
                number = Int32(rows.members.count)
                rows.storyNumbers[name] = number
                rows.members.append(0)
            }
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
    }
}

/// One version of a story, as the list and the reader name it.
public struct StoryVersion: Hashable, Sendable {
    public var id: String
    public var siteName: String?
    public var url: String?
}

extension LibraryStore {
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
