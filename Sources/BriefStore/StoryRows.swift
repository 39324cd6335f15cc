// Stories at query time: one row per story, and the versions of a story.
import BriefCore
import Foundation
import GRDB

/// Each cached article's story and rank, in memory: rows are loaded incrementally (rowids only
/// grow, and a story never changes under one), so grouping a result is one pass over it.
final class StoryRows: @unchecked Sendable {
    // Everything below is guarded by `lock`.
    private let lock = NSLock()
    private var loadedRowid: Int64 = 0
    /// Per rowid: its story's number (-1 when unknown), kept text length and day (Int32.min when undated).
    private var story: [Int32] = [-1]
    private var length: [Int32] = [0]
    private var day: [Int32] = [Int32.min]
    private var storyNumbers: [String: Int32] = [:]
    /// Articles loaded per story number: a story of one needs no comparison.
    private var members: [Int32] = []

    /// `rowids` with every story reduced to its best version among them (the longest kept text,
    /// the earliest on a tie), each where that version stands in the order.
    func bestVersions(_ db: Database, of rowids: [Int64]) throws -> [Int64] {
        lock.lock()
        defer { lock.unlock() }
        try catchUp(db)
        var best: [Int32: Int64] = [:]
        for rowid in rowids {
            let row = Int(rowid)
            guard row < story.count, story[row] >= 0, members[Int(story[row])] > 1 else { continue }
            if let current = best[story[row]], !isBetter(row, than: Int(current)) { continue }
            best[story[row]] = rowid
        }
        guard !best.isEmpty else { return rowids }
        return rowids.filter { rowid in
            let row = Int(rowid)
            guard row < story.count, story[row] >= 0, let chosen = best[story[row]] else { return true }
            return chosen == rowid
        }
    }

    private func isBetter(_ a: Int, than b: Int) -> Bool {
        if length[a] != length[b] { return length[a] > length[b] }
        if day[a] != day[b] {
            if day[a] == Int32.min { return false }
            if day[b] == Int32.min { return true }
            return day[a] < day[b]
        }
        return a < b
    }

    /// Loads the rows indexed since the last call. Days come from the narrow facet table, not
    /// `article`, whose pages hold the text: the first grouped query read the whole cache.
    private func catchUp(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT s.article, s.story, s.length, f.day FROM article_story s JOIN article_facet f ON f.article = s.article
            WHERE s.article > ? ORDER BY s.article
            """, arguments: [loadedRowid])
        while let row = try rows.next() {
            let rowid: Int64 = row[0]
            let name: String = row[1]
            let number: Int32
            if let known = storyNumbers[name] {
                number = known
            } else {
                number = Int32(members.count)
                storyNumbers[name] = number
                members.append(0)
            }
            members[Int(number)] += 1
            let slot = Int(rowid)
            if story.count <= slot {
                let missing = slot + 1 - story.count
                story += repeatElement(-1, count: missing)
                length += repeatElement(0, count: missing)
                day += repeatElement(Int32.min, count: missing)
            }
            story[slot] = number
            length[slot] = Int32(clamping: row[2] as Int)
            day[slot] = (row[3] as Int?).map { Int32(clamping: $0) } ?? Int32.min
            loadedRowid = rowid
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
