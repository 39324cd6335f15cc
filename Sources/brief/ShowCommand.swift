// `brief show`: each article cleaned, as readable text or one JSON object per line.
import ArgumentParser
import BriefCore

extension ShowFormat: ExpressibleByArgument {}

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show articles cleaned of promo and boilerplate, with their entities and topics.",
        discussion: """
            With --json, prints one JSON object per line per article: path, format, title, \
            date (YYYY-MM-DD or null), byline, url, feed ({title, url} for feed items, else null), paragraphs, removed [{text, reason}], \
            entities [{paragraph, start, end, text, type, canonical}] (paragraph -1 is the title; \
            offsets in Unicode scalars), topics (those it is about, as topic:ID matches) and mentions \
            (those named only in passing, as mentions:ID adds), each [{id, name, score, terms, evidence}].
            --format markdown prints title, date, byline and address, summary and paragraphs as \
            Markdown (entities as plain text); --format json is --json.
            Exit status: 0 ok, 1 some file could not be read (the others are still shown), 2 usage error.
            """)

    @Flag(help: "One JSON object per line per article (the same as --format json).")
    var json = false

    @Option(help: "text, markdown or json.")
    var format: ShowFormat?

    @Flag(help: "Also list the blocks that cleaning removed, and why.")
    var removed = false

    @Argument(help: "Article files (directories are read recursively).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE") }
        if json, let format, format != .json { throw ValidationError("--json and --format \(format.rawValue) disagree") }
    }

    func run() async throws {
        let (articles, hadProblems) = try ArticleLoading.load(files, defaultToSample: false)
        let format = json ? .json : format ?? .text
        for (index, article) in articles.enumerated() {
            switch format {
            case .json:
                StandardStreams.output(ArticleJSON.full(article).rendered)
            case .markdown:
                if index > 0 { StandardStreams.output("\n---\n") }
                StandardStreams.output(ArticleMarkdown.render(article))
            case .text:
                if index > 0 { StandardStreams.output("\n" + String(repeating: "─", count: 60) + "\n") }
                StandardStreams.output(ArticleText.render(article, showRemoved: removed))
            }
        }
        try ArticleLoading.finish(hadProblems: hadProblems)
    }
}
