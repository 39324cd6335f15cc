// `brief index` as a cron job or a newcomer runs it: with no path, the library configured in config.toml.
import BriefTestSupport
import Foundation
import Testing

@Suite("brief index")
struct CLIIndexTests {
    let cli = CLICommandTests()

    @Test func indexWithNoPathIndexesTheConfiguredLibrary() throws {
        let home = try TemporaryDirectory()
        try home.write("news/a.txt", "Harbour festival draws crowds\n2024-03-02\nThousands came to the harbour festival in Busan.\n")
        try home.write("news/b.txt", "Ferry timetable changes\n2024-03-04\nThe ferry to Jeju now leaves at seven.\n")
        try home.write("config/brief/config.toml", "library = [\"\(home.file("news").path)\"]\n")
        let run = try cli.brief(["index"], configHome: home.file("config").path, dataHome: home.file("data").path,
                                cacheHome: home.file("cache").path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("added 2,"), "\(run.stdout)")
        #expect(FileManager.default.fileExists(atPath: home.file("cache/brief/library.sqlite").path))
    }

    @Test func indexWithNothingToIndexSaysWhereToConfigureIt() throws {
        let home = try TemporaryDirectory()
        let run = try cli.brief(["index"], configHome: home.file("config").path, dataHome: home.file("data").path,
                                cacheHome: home.file("cache").path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("library = [...]"), "\(run.stderr)")
    }
}
