// A team's cache on one server: one account indexes it, readers open it read-only with their own marks.
import BriefCore
import BriefTestSupport
import Foundation
import Synchronization
import Testing
@testable import BriefStore

/// Whether the indexer is still at work, read by the reader tasks.
private final class IndexingFlag: Sendable {
    let running = Atomic<Bool>(true)
}

@Suite struct SharedCacheTests {
    static func article(_ number: Int) -> String {
        "Harbour report \(number)\nDec 9, 2023\nCranes at berth \(number) moved containers for the walrus shipping line.\n"
    }

    /// Writes `count` articles under `library/` starting at `first`.
    static func writeArticles(_ dir: TemporaryDirectory, from first: Int, count: Int) throws {
        for number in first..<(first + count) { try dir.write("library/\(number).txt", article(number)) }
    }

    static func openIndexer(_ dir: TemporaryDirectory) throws -> LibraryStore {
        try LibraryStore(path: dir.file("srv/library.sqlite").path, statePath: dir.file("indexer/state.sqlite").path)
    }

    static func openReader(_ dir: TemporaryDirectory, user: String, version: String = LibraryStore.builtInPipelineVersion) throws -> LibraryStore {
        try LibraryStore(path: dir.file("srv/library.sqlite").path, statePath: dir.file("\(user)/state.sqlite").path,
                         pipelineVersion: version, access: .sharedReadOnly)
    }

    static func fileBytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// The files beside the cache, but SQLite's own `-wal` and `-shm`, which any WAL reader
    /// may create to share its read locks (their content is not the cache's).
    static func filesBeside(_ dir: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.file("srv").path)
            .filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }.sorted()
    }

    @Test func threeReadersQueryWhileTheIndexerWrites() async throws {
        let dir = try TemporaryDirectory()
        try Self.writeArticles(dir, from: 0, count: 20)
        let indexer = try Self.openIndexer(dir)
        _ = try indexer.refresh(paths: [dir.file("library").path])
        let readers = try ["ana", "ben", "chloe"].map { try Self.openReader(dir, user: $0) }
        try Self.writeArticles(dir, from: 20, count: 400)

        let indexing = IndexingFlag()
        let library = dir.file("library").path
        let report = Task.detached {
            defer { indexing.running.store(false, ordering: .sequentiallyConsistent) }
            return try indexer.refresh(paths: [library])
        }
        // Each reader keeps querying until the indexer is done: counts only grow, nothing fails.
        let seen = try await withThrowingTaskGroup(of: [Int].self) { group in
            for reader in readers {
                group.addTask {
                    var counts: [Int] = []
                    repeat {
                        counts.append(try reader.count(matching: .word("walrus", prefix: false)))
                        _ = try reader.summaries(matching: .word("cranes", prefix: false), limit: 50)
                        _ = try reader.facets(matching: .all)
                    } while indexing.running.load(ordering: .sequentiallyConsistent)
                    counts.append(try reader.count(matching: .word("walrus", prefix: false)))
                    return counts
                }
            }
            return try await group.reduce(into: [[Int]]()) { $0.append($1) }
        }
        #expect(try await report.value.added == 400)
        for counts in seen {
            #expect(counts == counts.sorted(), "a reader saw the library shrink: \(counts)")
            #expect(counts.last == 420)
        }
    }

    @Test func aReaderNeverWritesTheSharedCache() throws {
        let dir = try TemporaryDirectory()
        try Self.writeArticles(dir, from: 0, count: 5)
        do {
            let indexer = try Self.openIndexer(dir)
            _ = try indexer.refresh(paths: [dir.file("library").path])
        }
        let cacheFile = dir.file("srv/library.sqlite")
        let before = try Self.fileBytes(cacheFile)
        let filesBefore = try Self.filesBeside(dir)

        // Another pipeline version would empty an owned cache; a shared one is used as it is.
        let reader = try Self.openReader(dir, user: "ana", version: "some-other-pipeline")
        #expect(try reader.articleCount() == 5)
        let first = try #require(try reader.ids(matching: .all).first)
        try reader.state.setRead(first, true)
        #expect(try reader.count(matching: .unread) == 4)
        let refused = try #require(throws: StoreError.self) { try reader.refresh(paths: [dir.file("library").path]) }
        #expect(refused.kind == .readOnly)

        #expect(try Self.fileBytes(cacheFile) == before)
        #expect(try Self.filesBeside(dir) == filesBefore)
        // The marks are the reader's own: another reader still sees every article unread.
        #expect(try Self.openReader(dir, user: "ben").count(matching: .unread) == 5)
    }

    @Test func readersUpgradedBeforeTheIndexerStillOpenTheSharedCache() throws {
        let dir = try TemporaryDirectory()
        try Self.writeArticles(dir, from: 0, count: 3)
        let indexer = try Self.openIndexer(dir)
        _ = try indexer.refresh(paths: [dir.file("library").path])
        // The cache as an indexer one version older left it: no reader snapshot yet.
        try indexer.pool.write { db in
            try db.execute(sql: "DROP TABLE reader_snapshot")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [LibrarySchema.readerSnapshotMigration])
        }
        let reader = try Self.openReader(dir, user: "ana")
        #expect(try reader.count(matching: .word("walrus", prefix: false)) == 3)
        // Any other migration missing is still the indexer's to apply first.
        try indexer.pool.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v7%'")
        }
        let refused = #expect(throws: StoreError.self) { try Self.openReader(dir, user: "ben") }
        #expect(refused?.kind == .olderVersion)
    }

    @Test func aMissingSharedCacheIsNamedAndNotCreated() throws {
        let dir = try TemporaryDirectory()
        let error = try #require(throws: StoreError.self) { try Self.openReader(dir, user: "ana") }
        #expect(error.path == dir.file("srv/library.sqlite").path)
        #expect(error.kind == .cannotOpen)
        #expect(error.reason.contains("brief index --cache-file"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("srv").path))
    }

    @Test func aDamagedSharedCacheIsReportedNotRebuilt() throws {
        let dir = try TemporaryDirectory()
        let garbage = Data(repeating: 0x5A, count: 8192)
        let cacheFile = try dir.write("srv/library.sqlite", "")
        try garbage.write(to: cacheFile)
        let error = try #require(throws: StoreError.self) { try Self.openReader(dir, user: "ana") }
        #expect(error.isCorruption)
        #expect(try Self.fileBytes(cacheFile) == garbage)
    }

    @Test func theChangeTokenMovesWhenTheIndexerCommits() throws {
        let dir = try TemporaryDirectory()
        try Self.writeArticles(dir, from: 0, count: 3)
        let indexer = try Self.openIndexer(dir)
        _ = try indexer.refresh(paths: [dir.file("library").path])
        let reader = try Self.openReader(dir, user: "ana")
        let before = reader.changeToken()
        #expect(reader.changeToken() == before)
        try Self.writeArticles(dir, from: 3, count: 2)
        _ = try indexer.refresh(paths: [dir.file("library").path])
        #expect(reader.changeToken() != before)
    }
}
