// `show --format markdown` and `list --format csv|jsonl`: article text handed to other tools as it reads.
import Foundation
import Testing

@Suite("brief CLI export formats")
struct CLIExportFormatTests {
    let cli = CLICommandTests()

    @Test func markdownKeepsTitleDateSummaryAndParagraphsWithoutPromo() throws {
        let run = try cli.brief(["show", "--format", "markdown", CLICommandTests.seedPath])
        #expect(run.status == 0, "\(run.stderr)")
        let blocks = run.stdout.components(separatedBy: "\n\n")
        #expect(blocks.first == "# US, South Korea and Japan to step up their actions on North Korea cyber threats")
        #expect(blocks[1].hasPrefix("2023-12-09 · <") && blocks[1].hasSuffix("seed.txt>"))
        #expect(run.stdout.contains("The national security advisers of the United States"))
        #expect(!run.stdout.contains("Similar topics for you"))
        // Entities are plain text: no markup around Jake Sullivan.
        #expect(run.stdout.contains("according to White House National Security Adviser Jake Sullivan."))
    }

    @Test func markdownEscapesArticleTextThatWouldReadAsMarkup() throws {
        let file = try cli.temporaryFile("markup.txt", """
            Prices *soar* in [Seoul]
            Dec 9, 2023
            # of buyers rose; see <b>table</b> and C_1 levels.
            1. This paragraph starts like a numbered list item, though it is plain text.
            """)
        let run = try cli.brief(["show", "--format", "markdown", file])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# Prices \\*soar\\* in \\[Seoul\\]"))
        #expect(run.stdout.contains("\\# of buyers rose; see \\<b\\>table\\</b\\> and C\\_1 levels."))
        #expect(run.stdout.contains("1\\. This paragraph starts like a numbered list item"))
    }

    @Test func csvQuotesFieldsAndDisarmsFormulas() throws {
        let file = try cli.temporaryFile("formula.txt", """
            =HYPERLINK("http://evil.example","Rates, again")
            Dec 9, 2023
            The central bank held rates steady on Wednesday, and markets rose after the announcement.
            """)
        let run = try cli.brief(["list", "--format", "csv", file])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "date,topics,title,byline,url,path")
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("2023-12-09,"))
        #expect(lines[1].contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Rates, again\"\")\","))
        #expect(lines[1].hasSuffix(",\(file)"))
    }

    @Test func jsonlIsTheListsJSONAndConflictingFormatsAreAUsageError() throws {
        let jsonl = try cli.brief(["list", "--format", "jsonl", CLICommandTests.seedPath])
        let json = try cli.brief(["list", "--json", CLICommandTests.seedPath])
        #expect(jsonl.status == 0 && jsonl.stdout == json.stdout && !json.stdout.isEmpty)
        let clash = try cli.brief(["show", "--json", "--format", "markdown", CLICommandTests.seedPath])
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("disagree"))
    }
}
