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

    @Test func readingAheadReturnsAtOnceForAPipeAndLeavesProblemsToTheRead() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("a.txt", Self.article("Ahead"))
        #expect(mkfifo(directory.path + "/pipe.txt", 0o600) == 0)
        // A pipe opened for reading without O_NONBLOCK would wait here for a writer, forever.
        for path in [file, directory.path + "/pipe.txt", directory.path + "/missing.txt"] {
            FileContents.readAhead(Array(path.utf8))
        }
        guard case .success(let data) = FileContents.read(Array(file.utf8)) else {
            Issue.record("the file read ahead reads")
            return
        }
        #expect(String(decoding: data, as: UTF8.self).contains("Ahead"))
        guard case .failure(let problem) = FileContents.read(Array((directory.path + "/pipe.txt").utf8)) else {
            Issue.record("a pipe is not an article")
            return
        }
        #expect(problem.reason == "not a regular file")
    }

    @Test func oversizedFilesAreReportedNotRead() throws {
        let directory = try TemporaryDirectory()
        let big = try directory.write("big.txt", Self.article("Big") + String(repeating: "x", count: 5000))
        let scan = LibraryScanner(maximumFileSize: 1000).scan([big])
        #expect(scan.articles.isEmpty)
        #expect(scan.problems.first?.reason.hasPrefix("too large") == true)
    }

    @Test func aLinkToItsOwnDirectoryGivesEachArticleOnce() throws {
        let directory = try TemporaryDirectory()
        try directory.write("lib/a.txt", Self.article("Alpha"))
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/lib/self", withDestinationPath: ".")
        let scan = LibraryScanner().scan([directory.path + "/lib"])
        #expect(scan.articles.map(\.title) == ["Alpha"])
        #expect(scan.problems == [])
    }

    @Test func twoLinksToEachOthersDirectoriesEndAndGiveEachArticleOnce() throws {
        let directory = try TemporaryDirectory()
        try directory.write("lib/one/a.txt", Self.article("Alpha"))
        try directory.write("lib/two/b.txt", Self.article("Bravo"))
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/lib/one/to-two", withDestinationPath: "../two")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/lib/two/to-one", withDestinationPath: "../one")
        let scan = LibraryScanner().scan([directory.path + "/lib"])
        #expect(scan.articles.map(\.title).sorted() == ["Alpha", "Bravo"])
        #expect(scan.problems == [])
    }

    @Test func aLinkToASiblingDirectoryGivesItsArticlesOnce() throws {
        let directory = try TemporaryDirectory()
        try directory.write("lib/real/a.txt", Self.article("Alpha"))
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/lib/link", withDestinationPath: "real")
        #expect(LibraryScanner().scan([directory.path + "/lib"]).articles.map(\.title) == ["Alpha"])
        // A directory reached only through a link is read: links are followed, once.
        let outside = try TemporaryDirectory()
        try outside.write("b.txt", Self.article("Bravo"))
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/lib/outside", withDestinationPath: outside.path)
        let scan = LibraryScanner().scan([directory.path + "/lib", outside.path])
        // Name order decides which way in a directory is read by: "link" comes before "real".
        #expect(scan.articles.map(\.source) == [directory.path + "/lib/link/a.txt", directory.path + "/lib/outside/b.txt"])
    }

    @Test func aSparseFileOverTheLimitIsReportedWithoutBeingRead() throws {
        let directory = try TemporaryDirectory()
        try directory.write("good.txt", Self.article("Good"))
        let huge = directory.path + "/huge.txt"
        #expect(FileManager.default.createFile(atPath: huge, contents: Data("Title\n".utf8)))
        let size = LibraryFileSettings.maximumFileSize + 1
        #expect(truncate(huge, off_t(size)) == 0)
        let scan = LibraryScanner().scan([directory.path])
        #expect(scan.articles.map(\.title) == ["Good"])
        #expect(scan.problems == [FileProblem(path: huge, reason: "too large (\(size) bytes; the limit is \(LibraryFileSettings.maximumFileSize))")])
        // Read directly, the open file's size is checked before a byte is read.
        guard case .failure(let failure) = FileContents.read(Array(huge.utf8)) else {
            Issue.record("an oversized file must not be read")
            return
        }
        #expect(failure.reason.hasPrefix("too large"))
    }

    @Test func fileNamesThatAreNotUTF8AreReadAndShownWithEscapes() throws {
        let directory = try TemporaryDirectory()
        // "caf\xE9.txt" in Latin-1: not UTF-8.
        let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
        let path = Array((directory.path + "/").utf8) + name
        let contents = Self.article("Latin one")
        let descriptor = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        _ = contents.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress!, $0.count - 1) }
        close(descriptor)
        let scan = LibraryScanner().scan([directory.path])
        #expect(scan.problems == [])
        #expect(scan.articles.map(\.title) == ["Latin one"])
        #expect(scan.articles.first?.source == directory.path + "/caf\\xE9.txt")
        #expect(DirectoryWalker.displayName([0x61, 0xFF, 0xC3, 0xA9, 0xE2, 0x82]) == "a\\xFFé\\xE2\\x82")
    }

    @Test func inMemoryInputsKeepTheirOrder() {
        let inputs = (0..<50).map { (source: "mem-\($0)", data: Data(Self.article("Item \($0)").utf8)) }
        let scan = LibraryScanner().process(inputs + [(source: "mem-empty", data: Data())])
        #expect(scan.articles.map(\.source) == (0..<50).map { "mem-\($0)" })
        #expect(scan.problems.map(\.path) == ["mem-empty"])
    }
}
