// Subscriptions in config.toml and OPML import: read, append, never destroy what is there.
import BriefConfig
import Foundation
import Testing
@testable import BriefFeeds
@testable import BriefCore

struct FeedSubscriptionTests {
    @Test func readsFeedsFromConfig() throws {
        let directory = FeedFetchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("config.toml")
        try Data("""
            # my settings
            theme = "dark"

            [[feeds]]
            url = "https://ledger.example/feed.xml"
            name = "Ledger"
            full = true

            [[feeds]]
            url = "https://notes.example/atom.xml"
            """.utf8).write(to: file)
        let feeds = ReaderConfig(file: file).feeds
        #expect(feeds == [FeedSubscription(url: "https://ledger.example/feed.xml", name: "Ledger", full: true),
                          FeedSubscription(url: "https://notes.example/atom.xml")])
        #expect(feeds[0].wantsFullText && !feeds[1].wantsFullText)
    }

    @Test func aMissingConfigMeansNoFeedsAndABrokenOneIsExplained() throws {
        let directory = FeedFetchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let none = ReaderConfig(file: directory.appendingPathComponent("none.toml"))
        #expect(none.feeds.isEmpty && none.feedProblems.isEmpty)
        let broken = directory.appendingPathComponent("broken.toml")
        try Data("[[feeds]\nurl = ".utf8).write(to: broken)
        let config = ReaderConfig(file: broken)
        #expect(config.feeds.isEmpty)
        #expect(config.feedProblems.count == 1 && config.feedProblems[0].contains("broken.toml:1"))
    }

    @Test func fetchLimitsComeFromTheFetchTableWithDefaultsForTheRest() throws {
        let directory = FeedFetchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let defaults = ReaderConfig(file: directory.appendingPathComponent("none.toml")).fetch
        #expect(defaults == FeedFetchSettings())
        #expect(defaults.maximumBytes == 50 << 20 && defaults.deadline == 30 && defaults.timeout == 20)

        let file = directory.appendingPathComponent("config.toml")
        try Data("""
            theme = "dark"
            [fetch]
            deadline = 12.5
            max_feed_size_mb = 60

            [[feeds]]
            url = "https://ledger.example/feed.xml"
            """.utf8).write(to: file)
        let config = ReaderConfig(file: file)
        #expect(config.fetch.deadline == 12.5)
        #expect(config.fetch.maximumBytes == 60 << 20)
        #expect(config.fetch.timeout == 20)
        #expect(config.feeds.count == 1)
        #expect(config.theme == "dark" && config.problems.isEmpty)
    }

    @Test func aBadFetchSettingIsNamedWithItsFile() throws {
        let directory = FeedFetchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("config.toml")
        for (text, expected) in [("[fetch]\ndeadline = \"soon\"\n", "[fetch] deadline: expected a number greater than 0"),
                                 ("[fetch]\ntimeout = 0\n", "[fetch] timeout: expected a number greater than 0"),
                                 ("[fetch]\nmax_size = 10\n", "[fetch] max_size: unknown setting"),
                                 ("[fetch]\nmax_feed_size_mb = 100\n", "[fetch] max_feed_size_mb: at most 64 (MB)"),
                                 ("fetch = 3\n", "expected a [fetch] table")] {
            try Data(text.utf8).write(to: file)
            let problems = ReaderConfig(file: file).feedProblems
            #expect(problems.count == 1)
            #expect(problems.first?.contains(file.path) == true)
            #expect(problems.first?.contains(expected) == true, "\(problems)")
        }
    }

    @Test func importsOPMLAppendingWithoutDestroying() throws {
        let directory = FeedFetchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("brief/config.toml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let original = "# keep this comment\ntheme = \"dark\"\n\n[[feeds]]\nurl = \"https://old.example/rss\"\nname = \"Old \\\"Harbour\\\"\"\n"
        try Data(original.utf8).write(to: file)

        let opml = try FeedReaderTests.fixture("subscriptions.opml")
        let imported = try OPMLReader.subscriptions(from: opml)
        #expect(imported.map(\.url) == ["https://ledger.example/feed.xml", "https://notes.example/atom.xml", "https://old.example/rss"])
        #expect(imported[0].name == "Coastal Ledger")

        let added = try SubscriptionConfig.append(imported, to: file, existing: ReaderConfig(file: file).feeds)
        #expect(added.count == 2)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix(original))
        let feeds = ReaderConfig(file: file).feeds
        #expect(feeds.map(\.url) == ["https://old.example/rss", "https://ledger.example/feed.xml", "https://notes.example/atom.xml"])
        #expect(feeds[0].name == "Old \"Harbour\"")
        // Importing again adds nothing.
        #expect(try SubscriptionConfig.append(imported, to: file, existing: ReaderConfig(file: file).feeds).isEmpty)
    }

    @Test func anOPMLFileCannotSubscribeToLocalFiles() throws {
        let opml = Data("""
            <opml version="2.0"><body>
              <outline text="Wire" xmlUrl="https://wire.example/rss"/>
              <outline text="Secrets" xmlUrl="file:///etc/shadow"/>
              <outline text="Environment" xmlUrl="/proc/self/environ"/>
              <outline text="Old" xmlUrl="ftp://archive.example/feed.xml"/>
            </body></opml>
            """.utf8)
        let contents = try OPMLReader.read(opml)
        #expect(contents.subscriptions.map(\.url) == ["https://wire.example/rss"])
        #expect(contents.refused == ["file:///etc/shadow", "/proc/self/environ", "ftp://archive.example/feed.xml"])
    }

    @Test func refusesFilesThatAreNotOPML() {
        #expect(throws: ReadError.self) { try OPMLReader.subscriptions(from: Data("<rss version=\"2.0\"/>".utf8)) }
        #expect(throws: ReadError.self) { try OPMLReader.subscriptions(from: Data("not xml".utf8)) }
    }
}
