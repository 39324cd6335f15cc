// `brief list`: one line per article (date, topics, title, path), optionally filtered.
import ArgumentParser
import BriefCore

extension ListFormat: ExpressibleByArgument {}

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List articles, newest first: date, topics, title, path.",
        discussion: """
            With no PATH, lists the bundled sample library.
            Filter language: words and "quoted phrases" (whole words, any case, over title and kept \
            text; word* for a prefix), topic:ID (articles about the topic), mentions:ID (articles that \
            mention it, in passing too), person:/place:/org:/nationality:/entity:NAME, \
            since:YYYY-MM-DD, until:YYYY-MM-DD, source:TEXT, unread, starred; terms side by side \
            must all match, OR for either, NOT or - to exclude, parentheses to group.
            Example: brief list --filter 'topic:cyber (person:sullivan OR place:seoul) -crypto*'
            Exit status: 0 ok, 1 some file could not be read, 2 usage error (a malformed filter included).
            """)

    // A query may start with `-` (`--filter -place:China`): the next word is the query, whatever it looks like.
    @Option(parsing: .unconditional, help: "Only articles matching this filter query (it may start with -).")
    var filter: String?

    @Option(help: "Only articles matching a saved search ([[searches]] in config.toml, or S in the reader), by name.")
    var search: String?

    @Flag(help: "One JSON object per line per article (path, format, title, date, byline, url, topics); --format jsonl.")
    var json = false

    @Option(help: "text, jsonl or csv (a header line, then date, topics, title, byline, url, path).")
    var format: ListFormat?

    @Argument(help: "Article files or directories.")
    var paths: [String] = []

    func validate() throws {
        if json, let format, format != .jsonl { throw ValidationError("--json and --format \(format.rawValue) disagree") }
    }

    func run() async throws {
        let query = try ArticleLoading.filter(filter, savedSearch: search)
        let (articles, hadProblems) = try ArticleLoading.load(paths)
        let flags = query == nil ? [:] : ArticleLoading.flags()
        let shown = ArticleOrder.newestFirst(articles.filter { query?.matches($0, flags: flags[$0.id] ?? .unread) ?? true })
        let format = json ? .jsonl : format ?? .text
        if format == .csv { StandardStreams.output(ArticleCSV.header) }
        for article in shown {
            switch format {
            case .jsonl: StandardStreams.output(ArticleJSON.summary(article).rendered)
            case .csv: StandardStreams.output(ArticleCSV.row(article))
            case .text: StandardStreams.output(ArticleText.listLine(article))
            }
        }
        try ArticleLoading.finish(hadProblems: hadProblems)
    }
}
