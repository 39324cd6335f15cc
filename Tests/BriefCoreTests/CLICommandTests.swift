// The `brief` executable as scripts use it: show/list/topics output, exit statuses and messages.
import Foundation
import Testing

@Suite("brief CLI (show, list, topics)")
struct CLICommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built `brief` next to this test bundle, or under the package's .build.
    static let binary: String? = {
        var candidates: [String] = []
        if let runner = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: runner).deletingLastPathComponent().appendingPathComponent("brief").path)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/brief").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let seedPath = Bundle.module.url(forResource: "seed", withExtension: "txt", subdirectory: "Fixtures")!.path

    /// `dataHome`, `cacheHome`: XDG_DATA_HOME and XDG_CACHE_HOME for commands that store something
    /// (`fetch`, `index`).
    func brief(_ arguments: [String], configHome: String? = nil, dataHome: String? = nil, cacheHome: String? = nil) throws -> Run {
        let binary = try #require(Self.binary, "the brief executable was not built; run `swift build` first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = configHome ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("brief-no-config-\(UUID().uuidString)").path
        if let dataHome { environment["XDG_DATA_HOME"] = dataHome }
        if let cacheHome { environment["XDG_CACHE_HOME"] = cacheHome }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryFile(_ name: String, _ contents: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try Data(contents.utf8).write(to: file)
        return file.path
    }

    func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func showJSONFollowsTheContract() throws {
        let run = try brief(["show", "--json", Self.seedPath])
        #expect(run.status == 0, "\(run.stderr)")
        let objects = try jsonLines(run.stdout)
        #expect(objects.count == 1)
        let object = try #require(objects.first)
        for key in ["path", "format", "title", "date", "byline", "url", "source", "summary", "paragraphs", "removed", "entities", "topics"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["path"] as? String == Self.seedPath)
        #expect(object["title"] as? String == "US, South Korea and Japan to step up their actions on North Korea cyber threats")
        let topics = try #require(object["topics"] as? [[String: Any]])
        let ids = Set(topics.compactMap { $0["id"] as? String })
        #expect(ids.isSuperset(of: ["cyber", "missiles", "supply-chain"]))
        #expect(topics.allSatisfy { $0["name"] is String && $0["score"] is Double && $0["terms"] is [String] })
        #expect(run.stdout.hasPrefix("{\"path\":"), "keys in contract order")
    }

    @Test func showJSONGivesTheAgencyAWireDatelineCredits() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-agency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("talks.txt").path
        try """
            Talks resume in Geneva
            Mar 12, 2024
            GENEVA, March 12 (Reuters) - Negotiators returned to the table on Tuesday after a week of silence.
            Both sides said progress was possible before the end of the month.
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try brief(["show", "--json", file])
        let object = try #require(try jsonLines(run.stdout).first)
        #expect(object["source"] as? String == "Reuters")
        #expect((object["paragraphs"] as? [String])?.first?.hasPrefix("GENEVA, March 12 (Reuters) - ") == true)
        #expect(try brief(["show", file]).stdout.contains("2024-03-12 · Reuters"))
    }

    @Test func badFilesExitOneAndTheRestIsStillPrinted() throws {
        let missing = "/nonexistent/brief-test-\(UUID().uuidString).txt"
        let empty = try temporaryFile("empty.txt", "")
        let run = try brief(["show", "--json", missing, Self.seedPath, empty])
        #expect(run.status == 1)
        #expect(try jsonLines(run.stdout).count == 1)
        #expect(run.stderr.contains("\(missing): no such file or directory"))
        #expect(run.stderr.contains(empty + ":"))
    }

    @Test func aFilterThatStartsWithAMinusIsTheQueryNotAnOption() throws {
        let other = try temporaryFile("harbour.txt",
            "Harbour festival draws crowds\n2024-03-02\nThousands came to the harbour festival in Busan.\n")
        for arguments in [["--filter", "-topic:cyber"], ["--filter=-topic:cyber"]] {
            let run = try brief(["list", "--json"] + arguments + [Self.seedPath, other])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(try jsonLines(run.stdout).map { $0["path"] as? String } == [other])
        }
        let topics = try brief(["topics", "--filter", "-topic:cyber", Self.seedPath, other])
        #expect(topics.status == 0, "\(topics.stderr)")
    }

    @Test func listGivesOneLinePerStoryWithItsIdAndVersions() throws {
        let body = [
            "Japan's space agency launched its new H3 rocket from the Tanegashima Space Center on Saturday, placing a radar satellite in orbit after two earlier attempts had failed.",
            "Officials at JAXA said the second stage ignited on schedule and separated cleanly, and ground stations in Okinawa and Chile tracked the satellite as it unfolded its solar panels.",
            "The programme had been delayed by more than a year after the first flight was destroyed by command when its second stage failed to fire, a setback for Japan's commercial launch ambitions.",
            "Mitsubishi Heavy Industries, which builds the rocket, hopes to halve the cost of a launch compared with the H-IIA and to win contracts from foreign satellite operators next year.",
        ]
        let wire = try temporaryFile("wire.txt", "Japan's H3 rocket reaches orbit\n2024-02-17\n\n" + body.joined(separator: "\n\n") + "\n")
        // Another outlet's copy: a new headline, its promo line, the last paragraph dropped.
        let copy = try temporaryFile("copy.txt", "H3 finally flies\n2024-02-18\n\nFollow our space desk for more.\n\n"
            + body.dropLast().joined(separator: "\n\n") + "\n")
        let run = try brief(["list", "--json", wire, copy, Self.seedPath])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try jsonLines(run.stdout)
        #expect(lines.count == 2, "the copy is not a line of its own")
        let h3 = try #require(lines.first { $0["path"] as? String == wire })
        let story = try #require(h3["story"] as? String)
        #expect(h3["versions"] as? [String] == [wire, copy], "every version, the longest first")
        let seed = try #require(lines.first { $0["path"] as? String == Self.seedPath })
        #expect(seed["versions"] as? [String] == [Self.seedPath])
        #expect(seed["story"] as? String != story)
        let versions = try brief(["list", "--json", "--filter", "story:\(story)", wire, copy, Self.seedPath])
        #expect(Set(try jsonLines(versions.stdout).compactMap { $0["path"] as? String }) == [wire, copy])
        let configHome = URL(fileURLWithPath: try temporaryFile("unused", "")).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: configHome.appendingPathComponent("brief"), withIntermediateDirectories: true)
        try Data("[stories]\ngroup = false\n".utf8).write(to: configHome.appendingPathComponent("brief/config.toml"))
        let ungrouped = try brief(["list", wire, copy, Self.seedPath], configHome: configHome.path)
        #expect(ungrouped.stdout.split(separator: "\n").count == 3, "\(ungrouped.stderr)")
    }

    @Test func entitiesAndImportOPMLRefuseAFileOverTheLibraryLimitWithoutReadingIt() throws {
        let huge = try temporaryFile("huge.txt", "Jake Sullivan met officials in Seoul.\n")
        // Sparse: 64 MB and a byte on paper, nothing on disk.
        #expect(truncate(huge, off_t(64 << 20) + 1) == 0)
        let entities = try brief(["entities", huge])
        #expect(entities.status == 1)
        #expect(entities.stderr.contains("\(huge): too large (67108865 bytes; the limit is 67108864)"), "\(entities.stderr)")
        let opml = try brief(["import-opml", huge])
        #expect(opml.status == 1)
        #expect(opml.stderr.contains("too large"), "\(opml.stderr)")
    }

    @Test func usageErrorsExitTwo() throws {
        let malformed = try brief(["list", "--filter", "topic:cyber (seoul", Self.seedPath])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("column 13"))
        #expect(malformed.stdout.isEmpty)
        #expect(try brief(["list", "--no-such-option"]).status == 2)
        #expect(try brief(["show"]).status == 2)
    }

    @Test func controlCharactersNeverReachTheTerminal() throws {
        let file = try temporaryFile("escape.txt",
            "Title with \u{1B}[2J escape\nDec 9, 2023\nBody with a bell \u{07} and \u{1B}]0;owned\u{07} title change.\n")
        let plain = try brief(["show", "--removed", file])
        #expect(plain.status == 0)
        #expect(!plain.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let list = try brief(["list", file])
        #expect(!list.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let json = try brief(["show", "--json", file])
        #expect(!json.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let title = try #require(try jsonLines(json.stdout).first?["title"] as? String)
        // Where the reader keeps the ESC in the title, JSON escapes it and plain text shows ␛.
        if title.contains("\u{1B}") {
            #expect(json.stdout.contains("\\u001b[2J"))
            #expect(plain.stdout.contains("\u{241B}[2J"), "ESC shown as ␛")
            #expect(list.stdout.contains("\u{241B}[2J"))
        }
        #expect(title.contains("escape"))
    }

    @Test func listFiltersAndPrintsOneLinePerArticle() throws {
        let other = try temporaryFile("harbour.txt",
            "Harbour festival draws crowds\n2024-03-02\nThousands came to the harbour festival in Busan.\n")
        let all = try brief(["list", Self.seedPath, other])
        #expect(all.status == 0)
        #expect(all.stdout.split(separator: "\n").count == 2)
        let cyber = try brief(["list", "--filter", "topic:cyber", Self.seedPath, other])
        let lines = cyber.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("cyber") == true)
        #expect(lines.first?.hasSuffix(Self.seedPath) == true)
        let festival = try brief(["list", "--json", "--filter", "harbour -topic:cyber", Self.seedPath, other])
        #expect(try jsonLines(festival.stdout).map { $0["path"] as? String } == [other])
    }

    @Test func listWithoutPathsShowsTheSampleLibrary() throws {
        let run = try brief(["list"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count >= 15)
        #expect(run.stdout.contains("US, South Korea and Japan to step up"))
    }

    @Test func topicsCountsArticles() throws {
        let run = try brief(["topics", "--json", Self.seedPath])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["articles"] as? Int == 1)
        let topics = try #require(object["topics"] as? [[String: Any]])
        #expect(topics.first { $0["id"] as? String == "cyber" }?["count"] as? Int == 1)
        #expect(topics.first { $0["id"] as? String == "military" } != nil, "every topic is listed")
        let text = try brief(["topics", Self.seedPath])
        #expect(text.stdout.contains("Supply chain"))
    }

    @Test func userTopicsFileIsUsedAndMalformedOneNamesFileAndLine() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("brief-config-\(UUID().uuidString)")
        let directory = config.appendingPathComponent("brief")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("topics.toml")
        // Camp David is one sentence of the seed: a mention, unless the topic asks for less salience
        // and less evidence.
        try Data("[camp-david]\nname = \"Camp David\"\nstrong = [\"camp david\"]\n".utf8).write(to: file)
        let passing = try brief(["list", "--filter", "mentions:camp-david -topic:camp-david", Self.seedPath], configHome: config.path)
        #expect(passing.status == 0)
        #expect(passing.stdout.contains("seed"))
        try Data("[camp-david]\nname = \"Camp David\"\nstrong = [\"camp david\"]\nabout = 0.3\nthreshold = 1\n".utf8).write(to: file)
        let good = try brief(["list", "--filter", "topic:camp-david", Self.seedPath], configHome: config.path)
        #expect(good.status == 0)
        #expect(good.stdout.contains("camp-david"))
        try Data("[camp-david]\nname = \"Camp David\"\nstrong = [\"camp david\"\n".utf8).write(to: file)
        let bad = try brief(["list", Self.seedPath], configHome: config.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(file.path + ":"))
    }
}
