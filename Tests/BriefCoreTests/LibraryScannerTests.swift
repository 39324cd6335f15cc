// Scanning paths: recursion, hidden files, deterministic order, and bad files reported rather than fatal.
import Foundation
import Testing
@testable import BriefCore

@Suite("Library scanner")
struct LibraryScannerTests {
    /// A fresh directory, removed when the test ends.
    final class TemporaryDirectory {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("brief-scan-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        @discardableResult
        func write(_ relative: String, _ text: String) throws -> String {
            let file = path + "/" + relative
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            return file
        }
    }

    static func article(_ title: String) -> String {
        "\(title)\nDec 9, 2023\nThe first paragraph of \(title.lowercased()) has enough words to count as text.\n"
    }

    @Test func readsDirectoriesRecursivelyInSortedOrderSkippingHiddenEntries() throws {
        let directory = try TemporaryDirectory()
        try directory.write("b.txt", Self.article("Bravo"))
        try directory.write("a.txt", Self.article("Alpha"))
        try directory.write("sub/c.txt", Self.article("Charlie"))
        try directory.write(".hidden.txt", Self.article("Hidden"))
        try directory.write(".git/d.txt", Self.article("Hidden directory"))
        let scan = LibraryScanner().scan([directory.path])
        #expect(scan.problems == [])
        #expect(scan.articles.map(\.source) == ["a.txt", "b.txt", "sub/c.txt"].map { directory.path + "/" + $0 })
        #expect(LibraryScanner.files(under: [directory.path + "/"]).count == 3, "a trailing slash changes nothing")
        #expect(scan.articles.map(\.title) == ["Alpha", "Bravo", "Charlie"])
    }

    @Test func keepsTheOrderPathsWereGivenInAndSkipsDuplicates() throws {
        let directory = try TemporaryDirectory()
        let z = try directory.write("z.txt", Self.article("Zulu"))
        let a = try directory.write("a.txt", Self.article("Alpha"))
        let scan = LibraryScanner().scan([z, directory.path, a])
        #expect(scan.articles.map(\.source) == [z, a])
    }

    @Test func orderDoesNotDependOnWhichCoreFinishesFirst() throws {
        let directory = try TemporaryDirectory()
        for index in 0..<200 {
            // Sizes vary so files finish at different times.
            try directory.write(String(format: "f%03d.txt", index),
                                Self.article("Article \(index)") + String(repeating: "More words here. ", count: (index * 37) % 400))
        }
        let first = LibraryScanner().scan([directory.path]).articles.map(\.source)
        let second = LibraryScanner().scan([directory.path]).articles.map(\.source)
        #expect(first.count == 200)
        #expect(first == first.sorted())
        #expect(first == second)
    }

    @Test func badFilesAreProblemsAndTheRestStillLoads() throws {
        let directory = try TemporaryDirectory()
        try directory.write("good.txt", Self.article("Good"))
        let empty = try directory.write("empty.txt", "")
        let missing = directory.path + "/missing.txt"
        let scan = LibraryScanner().scan([directory.path, missing])
        #expect(scan.articles.map(\.title) == ["Good"])
        #expect(scan.problems.map(\.path) == [empty, missing])
        #expect(scan.problems.last?.reason == "no such file or directory")
        #expect(scan.problems.allSatisfy { !$0.reason.isEmpty })
    }

    @Test func aFileThatVanishesBeforeItIsReadIsAProblem() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("gone.txt", Self.article("Gone"))
        #expect(LibraryScanner.files(under: [directory.path]) == [file])
        try FileManager.default.removeItem(atPath: file)
        guard case .failure(let problem) = LibraryScanner().load(file) else {
            Issue.record("a vanished file must not load")
            return
        }
        #expect(problem.path == file)
        #expect(problem.reason.contains("no such file"))
    }

    @Test func aDirectoryGivenAsAFileIsNotReadAsAnArticle() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/empty-dir", withIntermediateDirectories: true)
        guard case .failure(let problem) = LibraryScanner().load(directory.path + "/empty-dir") else {
            Issue.record("a directory is not an article")
            return
        }
        #expect(problem.reason == "not a regular file")
    }

    @Test func linksToFilesAreReadAndSpecialFilesAreProblems() throws {
        let directory = try TemporaryDirectory()
        let real = try directory.write("elsewhere/real.txt", Self.article("Linked"))
        try FileManager.default.createDirectory(atPath: directory.path + "/lib", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/lib/a-link.txt", withDestinationPath: real)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/lib/b-dangling.txt",
                                                   withDestinationPath: directory.path + "/nowhere.txt")
        #expect(mkfifo(directory.path + "/lib/c-fifo.txt", 0o600) == 0)
        let scan = LibraryScanner().scan([directory.path + "/lib"])
        #expect(scan.articles.map(\.title) == ["Linked"])
        #expect(scan.articles.first?.source == directory.path + "/lib/a-link.txt", "the path as found, not the target")
        #expect(scan.problems.map(\.path) == ["b-dangling.txt", "c-fifo.txt"].map { directory.path + "/lib/" + $0 })
        #expect(scan.problems.last?.reason == "not a regular file", "a pipe is never opened, so the scan cannot hang")
    }

    @Test func oversizedFilesAreReportedNotRead() throws {
        let directory = try TemporaryDirectory()
        let big = try directory.write("big.txt", Self.article("Big") + String(repeating: "x", count: 5000))
        let scan = LibraryScanner(maximumFileSize: 1000).scan([big])
        #expect(scan.articles.isEmpty)
        #expect(scan.problems.first?.reason.hasPrefix("too large") == true)
    }

    @Test func inMemoryInputsKeepTheirOrder() {
        let inputs = (0..<50).map { (source: "mem-\($0)", data: Data(Self.article("Item \($0)").utf8)) }
        let scan = LibraryScanner().process(inputs + [(source: "mem-empty", data: Data())])
        #expect(scan.articles.map(\.source) == (0..<50).map { "mem-\($0)" })
        #expect(scan.problems.map(\.path) == ["mem-empty"])
    }
}
