// Stories in the library cache: re-issued copies share a story id at index time, `story:` finds
// them, and a grouped query shows one row per story.
import BriefCore
import BriefTestSupport
import Foundation
import Testing
@testable import BriefStore

@Suite struct StoryStoreTests {
    static let paragraphs = [
        "Japan's space agency launched its new H3 rocket from the Tanegashima Space Center on Saturday, placing a radar satellite in orbit after two earlier attempts had failed.",
        "Officials at JAXA said the second stage ignited on schedule and separated cleanly, and ground stations in Okinawa and Chile tracked the satellite as it unfolded its solar panels.",
        "The programme had been delayed by more than a year after the first flight was destroyed by command when its second stage failed to fire, a setback for Japan's commercial launch ambitions.",
        "Mitsubishi Heavy Industries, which builds the rocket, hopes to halve the cost of a launch compared with the H-IIA and to win contracts from foreign satellite operators next year.",
    ]

    static func file(_ title: String, date: String, _ paragraphs: [String]) -> String {
        "\(title)\n\(date)\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
    }

    func open(_ dir: TemporaryDirectory) throws -> LibraryStore {
        try LibraryStore(path: dir.file("cache/library.sqlite").path, statePath: dir.file("data/state.sqlite").path)
    }

    func names(_ ids: [String]) -> [String] {
        ids.map { URL(fileURLWithPath: $0).lastPathComponent }.sorted()
    }

    @Test func reissuedCopiesShareOneStoryThatTheFilterAndTheGroupedListShow() throws {
        let dir = try TemporaryDirectory()
        try dir.write("library/a-wire.txt", Self.file("Japan's H3 rocket reaches orbit", date: "Feb 17, 2024", Self.paragraphs))
        // Another outlet: its promo line, a changed headline, the text re-wrapped, the last paragraph dropped.
        let rewrapped = Self.paragraphs.dropLast().map { $0.replacingOccurrences(of: ", ", with: ",\n") }
        try dir.write("library/b-outlet.txt", Self.file("H3 finally flies", date: "Feb 18, 2024",
                                                         ["Read more: our space newsletter, free every Friday."] + rewrapped))
        try dir.write("library/c-other.txt", Self.file("Rotterdam dock strike strands ships", date: "Feb 17, 2024", [
            "Dock workers in Rotterdam walked out on Monday over a dispute about automation at the container terminals, leaving dozens of ships waiting at anchor in the North Sea.",
            "The union said the port authority had broken a promise to consult staff before installing remote-controlled cranes.",
        ]))
        let store = try open(dir)
        _ = try store.refresh(paths: [dir.file("library").path])

        let (storyOf, versions) = try store.stories(of: try store.ids(matching: .all))
        let wire = try #require(storyOf.first { $0.key.hasSuffix("a-wire.txt") }?.value)
        let outlet = try #require(storyOf.first { $0.key.hasSuffix("b-outlet.txt") }?.value)
        let other = try #require(storyOf.first { $0.key.hasSuffix("c-other.txt") }?.value)
        #expect(wire == outlet)
        #expect(other != wire)
        #expect(names(versions[wire]?.map(\.id) ?? []) == ["a-wire.txt", "b-outlet.txt"])
        #expect(versions[wire]?.first?.id.hasSuffix("a-wire.txt") == true, "the longest text is the best version")

        let filter = try FilterQuery("story:\(wire)").expression
        #expect(names(try store.ids(matching: filter)) == ["a-wire.txt", "b-outlet.txt"])
        #expect(try store.count(matching: filter) == 2)
        #expect(names(try store.query(filter).rowidsAsIDs(store)) == ["a-wire.txt", "b-outlet.txt"])

        let grouped = try store.query(.all, groupStories: true)
        #expect(names(try grouped.rowidsAsIDs(store)) == ["a-wire.txt", "c-other.txt"], "one row per story, its best version")
        #expect(try store.query(.all).count == 3)
        // Only the shorter copy matches: it stands for its story.
        let onlyOutlet = try store.query(.source("b-outlet"), groupStories: true)
        #expect(names(try onlyOutlet.rowidsAsIDs(store)) == ["b-outlet.txt"])
    }

    @Test func aCopyIndexedLaterJoinsTheStoryAlreadyCached() throws {
        let dir = try TemporaryDirectory()
        try dir.write("library/a.txt", Self.file("Japan's H3 rocket reaches orbit", date: "Feb 17, 2024", Self.paragraphs))
        let store = try open(dir)
        _ = try store.refresh(paths: [dir.file("library").path])
        let first = try store.stories(of: try store.ids(matching: .all)).storyOf.values.first
        try dir.write("library/later/b.txt", Self.file("H3 reaches orbit at last", date: "Feb 19, 2024",
                                                        Self.paragraphs + ["Shares in Mitsubishi Heavy Industries rose 3 percent in Tokyo."]))
        let report = try store.refresh(paths: [dir.file("library").path])
        #expect(report.added == 1)
        let stories = try store.stories(of: try store.ids(matching: .all)).storyOf
        #expect(Set(stories.values) == [first], "the story keeps its id")
        #expect(try store.query(.all, groupStories: true).count == 1)
    }

    /// A cache of a.txt and its shorter copy b.txt (one story), and c.txt (another).
    func twoVersionsOfAStoryAndAnother() throws -> (TemporaryDirectory, LibraryStore) {
        let dir = try TemporaryDirectory()
        try dir.write("library/a.txt", Self.file("Japan's H3 rocket reaches orbit", date: "Feb 17, 2024", Self.paragraphs))
        try dir.write("library/b.txt", Self.file("H3 finally flies", date: "Feb 18, 2024", Array(Self.paragraphs.dropLast())))
        try dir.write("library/c.txt", Self.file("Rotterdam dock strike strands ships", date: "Feb 17, 2024", [
            "Dock workers in Rotterdam walked out on Monday over a dispute about automation at the container terminals, leaving dozens of ships waiting at anchor in the North Sea.",
            "The union said the port authority had broken a promise to consult staff before installing remote-controlled cranes.",
        ]))
        let store = try open(dir)
        _ = try store.refresh(paths: [dir.file("library").path])
        return (dir, store)
    }

    @Test func aLongerCopyIndexedWhileTheListIsOpenTakesItsStorysRow() throws {
        let (dir, store) = try twoVersionsOfAStoryAndAnother()
        // The stories as the reader loads them at start, before its first grouped query.
        try store.loadStories()
        #expect(names(try store.query(.all, groupStories: true).rowidsAsIDs(store)) == ["a.txt", "c.txt"])

        // Loaded on top of the stories already in memory: it joins its story and, longer, stands for it.
        try dir.write("library/later/d.txt", Self.file("H3 reaches orbit at last", date: "Feb 19, 2024", Self.paragraphs + [
            "The agency plans a second flight before the end of the year, carrying a navigation satellite that will improve positioning across the Asia-Pacific region, officials told reporters in Tokyo on Sunday.",
        ]))
        #expect(try store.refresh(paths: [dir.file("library").path]).added == 1)
        let versions = try store.stories(of: try store.ids(matching: .all)).versions.values.first { $0.count > 1 } ?? []
        #expect(names(versions.map(\.id)).count == 3)
        #expect(versions.first?.id.hasSuffix("later/d.txt") == true, "the longest text is the best version")
        #expect(names(try store.query(.all, groupStories: true).rowidsAsIDs(store)) == ["c.txt", "d.txt"])
        #expect(names(try store.query(.not(.source("later/d.txt")), groupStories: true).rowidsAsIDs(store)) == ["a.txt", "c.txt"])
    }

    @Test func aStoryWhoseBestVersionIsFilteredOutOrDeletedIsShownByItsNextBest() throws {
        let (dir, store) = try twoVersionsOfAStoryAndAnother()
        // Loaded ahead, as the reader does at start: the whole library's best versions are known.
        try store.loadStories()
        #expect(names(try store.query(.all, groupStories: true).rowidsAsIDs(store)) == ["a.txt", "c.txt"])
        #expect(names(try store.query(.not(.source("a.txt")), groupStories: true).rowidsAsIDs(store)) == ["b.txt", "c.txt"],
                "without its best version the story is still listed, by the version that matched")

        try FileManager.default.removeItem(at: dir.file("library/a.txt"))
        _ = try store.refresh(paths: [dir.file("library").path])
        #expect(names(try store.query(.all, groupStories: true).rowidsAsIDs(store)) == ["b.txt", "c.txt"],
                "the best version deleted, the other stands for the story")
    }

    @Test func aRefreshOfChangedFilesKeepsEveryArticleInItsStory() throws {
        let dir = try TemporaryDirectory()
        let port = [
            "Dock workers in Rotterdam walked out on Monday over a dispute about automation at the container terminals, leaving dozens of ships waiting at anchor in the North Sea.",
            "The union said the port authority had broken a promise to consult staff before installing remote-controlled cranes, while the operators said the machines would create new jobs.",
            "Shipping lines warned that the stoppage could ripple through European supply chains within days, with refrigerated cargo and car carriers among the first to be diverted to Antwerp.",
        ]
        for copy in 0..<6 {
            try dir.write("library/launch-\(copy).txt", Self.file("Japan's H3 rocket reaches orbit", date: "Feb \(17 + copy % 2), 2024",
                                                                Self.paragraphs + ["Outlet \(copy) adds a line of its own to the wire copy."]))
            try dir.write("library/port-\(copy).txt", Self.file("Rotterdam dock strike strands ships", date: "Feb 18, 2024",
                                                              port + ["Outlet \(copy) adds a line of its own to the port story."]))
        }
        let store = try open(dir)
        _ = try store.refresh(paths: [dir.file("library").path])
        let before = try store.stories(of: try store.ids(matching: .all)).storyOf
        #expect(Set(before.values).count == 2)

        // The first of each story (which names it) and a later copy change.
        for name in ["launch-0.txt", "port-0.txt", "launch-4.txt"] {
            let handle = try FileHandle(forWritingTo: dir.file("library/\(name)"))
            handle.seekToEndOfFile()
            handle.write(Data("An update was added to this story.\n".utf8))
            try handle.close()
        }
        let report = try store.refresh(paths: [dir.file("library").path])
        #expect(report.changed == 3)
        #expect(try store.stories(of: try store.ids(matching: .all)).storyOf == before)
    }

    @Test func theCacheAndAFolderReadInMemoryNameEveryStoryAlike() throws {
        let dir = try TemporaryDirectory()
        // The first file in path order is not the earliest dated: both name the story after the
        // first indexed (the order the folder is walked in), so the ids cannot disagree.
        try dir.write("library/a-later.txt", Self.file("H3 reaches orbit at last", date: "Feb 19, 2024",
                                                       Self.paragraphs + ["Shares in Mitsubishi Heavy Industries rose 3 percent in Tokyo."]))
        try dir.write("library/b-earlier.txt", Self.file("Japan's H3 rocket reaches orbit", date: "Feb 17, 2024", Self.paragraphs))
        try dir.write("library/c-other.txt", Self.file("Rotterdam dock strike strands ships", date: "Feb 18, 2024", [
            "Dock workers in Rotterdam walked out on Monday over a dispute about automation at the container terminals, leaving dozens of ships waiting at anchor in the North Sea.",
            "The union said the port authority had broken a promise to consult staff before installing remote-controlled cranes.",
        ]))
        let store = try open(dir)
        _ = try store.refresh(paths: [dir.file("library").path])
        let cached = try store.stories(of: try store.ids(matching: .all)).storyOf

        let articles = LibraryScanner(pipeline: ArticlePipeline()).scan([dir.file("library").path]).articles
        var inMemory: [String: String] = [:]
        for story in StoryGrouping.stories(of: articles) {
            for member in story.members { inMemory[articles[member].id] = story.id }
        }
        #expect(inMemory.count == 3)
        #expect(Set(inMemory.values).count == 2)
        #expect(inMemory == cached)
    }
}

extension LibraryResult {
    /// The result's article ids, in order.
    func rowidsAsIDs(_ store: LibraryStore) throws -> [String] {
        try store.summaries(of: self, 0..<count).map(\.id)
    }
}
