// `brief list --search NAME`: the reader's saved searches ([[searches]] in config.toml) from scripts.
import Foundation
import Testing

@Suite("brief list --search")
struct CLISavedSearchTests {
    let cli = CLICommandTests()

    /// A config home whose config.toml holds `text`.
    func configHome(_ text: String) throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("brief-searches-\(UUID().uuidString)")
        let directory = home.appendingPathComponent("brief")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: directory.appendingPathComponent("config.toml"))
        return home
    }

    @Test func aSavedSearchFiltersByNameAndCombinesWithFilter() throws {
        let harbour = try cli.temporaryFile("harbour.txt",
            "Harbour festival draws crowds\n2024-03-02\nThousands came to the harbour festival in Busan.\n")
        let home = try configHome("""
            # searches an analyst keeps
            [[searches]]
            name = "Korea cyber"
            query = 'topic:cyber place:"South Korea"'

            [[searches]]
            name = "Festivals"
            query = "festival OR carnival"
            """)
        let korea = try cli.brief(["list", "--search", "korea CYBER", CLICommandTests.seedPath, harbour], configHome: home.path)
        #expect(korea.status == 0, "\(korea.stderr)")
        #expect(korea.stdout.split(separator: "\n").count == 1)
        #expect(korea.stdout.contains(CLICommandTests.seedPath))
        let festivals = try cli.brief(["list", "--search", "Festivals", CLICommandTests.seedPath, harbour], configHome: home.path)
        #expect(festivals.stdout.split(separator: "\n").count == 1 && festivals.stdout.contains(harbour))
        // With --filter, both must match.
        let both = try cli.brief(["list", "--search", "Festivals", "--filter", "topic:cyber", CLICommandTests.seedPath, harbour],
                                 configHome: home.path)
        #expect(both.status == 0 && both.stdout.isEmpty)
    }

    @Test func anUnknownNameIsAUsageErrorListingTheSavedOnes() throws {
        let home = try configHome("[[searches]]\nname = \"Korea cyber\"\nquery = \"topic:cyber\"\n")
        let run = try cli.brief(["list", "--search", "Iran", CLICommandTests.seedPath], configHome: home.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("no saved search named \"Iran\""))
        #expect(run.stderr.contains("\"Korea cyber\""))
    }

    @Test func aMalformedEntryIsReportedWithTheFileAndTheOthersStillWork() throws {
        let home = try configHome("""
            [[searches]]
            name = "Broken"
            query = "topic:cyber (seoul"

            [[searches]]
            name = "Cyber"
            query = "topic:cyber"
            """)
        let run = try cli.brief(["list", "--search", "Cyber", CLICommandTests.seedPath], configHome: home.path)
        #expect(run.status == 0)
        #expect(run.stdout.contains(CLICommandTests.seedPath))
        #expect(run.stderr.contains("config.toml: search \"Broken\":"))
    }
}
