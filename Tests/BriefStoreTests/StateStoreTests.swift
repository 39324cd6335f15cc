// Read/starred marks survive restarts, bad files are named, two writers coexist.
import BriefCore
import BriefTestSupport
import Foundation
import Testing
@testable import BriefStore

@Suite struct StateStoreTests {
    @Test func marksSurviveReopening() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("data/brief/state.sqlite").path
        do {
            let store = try StateStore(path: path)
            try store.setRead("/news/a.txt", true)
            try store.setStarred("/news/b.txt", true)
            try store.setRead("/news/c.txt", true)
            try store.setRead("/news/c.txt", false)
        }
        let reopened = try StateStore(path: path)
        let flags = try reopened.allFlags()
        #expect(flags == [
            "/news/a.txt": ArticleFlags(read: true, starred: false),
            "/news/b.txt": ArticleFlags(read: false, starred: true),
        ])
        #expect(try reopened.flags("/news/c.txt") == .unread)
        #expect(try reopened.flags("/news/never-seen.txt") == .unread)
    }

    @Test func createsMissingDirectoriesUnderTheDataHome() throws {
        let dir = try TemporaryDirectory()
        let directories = BriefDirectories(environment: ["HOME": dir.path, "XDG_DATA_HOME": dir.file("xdg-data").path])
        let store = try StateStore(directories: directories)
        try store.setRead("x", true)
        #expect(store.path == dir.file("xdg-data/brief/state.sqlite").path)
        #expect(FileManager.default.fileExists(atPath: store.path))
    }

    @Test func garbageFileGivesAnErrorNamingIt() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("state.sqlite", String(repeating: "this is not a database\n", count: 200)).path
        #expect {
            _ = try StateStore(path: path)
        } throws: { error in
            let error = try #require(error as? StoreError)
            return error.path == path && error.isCorruption && "\(error)".contains(path)
        }
        // The user's bad file is left as it was.
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("this is not a database"))
    }

    @Test func damagedPagesAreReported() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("state.sqlite").path
        do {
            let store = try StateStore(path: path)
            try store.setRead((0..<2000).map { "/library/article-\($0).txt" }, true)
            _ = try store.pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
        // Scribble over the middle of the file, keeping the header intact.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 8192)
        handle.write(Data(repeating: 0xA5, count: 16384))
        try handle.close()
        #expect(throws: StoreError.self) {
            let store = try StateStore(path: path)
            _ = try store.allFlags()
        }
    }

    @Test func directoryInTheWayIsReported() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("state.sqlite").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect {
            _ = try StateStore(path: path)
        } throws: { error in
            (error as? StoreError)?.path == path
        }
    }

    @Test func twoConnectionsWritingConcurrentlyLoseNothing() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("state.sqlite").path
        let first = try StateStore(path: path)
        let second = try StateStore(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { for i in 0..<200 { try first.setRead("first-\(i)", true) } }
            group.addTask { for i in 0..<200 { try second.setStarred("second-\(i)", true) } }
            try await group.waitForAll()
        }
        let flags = try StateStore(path: path).allFlags()
        #expect(flags.count == 400)
        #expect(flags.values.filter(\.read).count == 200)
        #expect(flags.values.filter(\.starred).count == 200)
    }
}

@Suite struct StateSchemaTests {
    @Test func databaseFromANewerBriefIsRefusedNotMisread() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("state.sqlite").path
        do {
            let store = try StateStore(path: path)
            try store.pool.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
            }
        }
        #expect {
            _ = try StateStore(path: path)
        } throws: { error in
            "\(error)".contains("newer version") && "\(error)".contains(path)
        }
    }
}
