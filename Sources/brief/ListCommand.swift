// `brief list`: one line per article (date, topics, title, path), optionally filtered.
import ArgumentParser
import BriefConfig
import BriefCore
import Foundation

extension ListFormat: ExpressibleByArgument {}

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List stories, newest first: date, topics, title, path of the best version.",
        discussion: """
            With no PATH, lists the bundled sample library.
            Filter language: words and "quoted phrases" (whole words, any case, over title and kept \
            text; word* for a prefix), topic:ID (articles about the topic), mentions:ID (articles that \
            mention it, in passing too), person:/place:/org:/nationality:/entity:NAME, \
            since:YYYY-MM-DD, until:YYYY-MM-DD, source:TEXT, story:ID, unread, starred; terms side by side \
            must all match, OR for either, NOT or - to exclude, parentheses to group.
            Example: brief list --filter 'topic:cyber (person:sullivan OR place:seoul) -crypto*'
            Copies of one story (near-duplicate texts, or the same story in other words within \
            [stories] window_days) are one line, its best version (the longest text); --json gives \
            its story id and every version's path; story:ID lists them all; [stories] group = false \
            in config.toml lists every article.
            Exit status: 0 ok, 1 some file could not be read, 2 usage error (a malformed filter included).
            """)

    // A query may start with `-` (`--filter -place:China`): the next word is the query, whatever it looks like.
    @Option(parsing: .unconditional, help: "Only articles matching this filter query (it may start with -).")
    var filter: String?

    @Option(help: "Only articles matching a saved search ([[searches]] in config.toml, or S in the reader), by name.")
    var search: String?

    @Flag(help: "One JSON object per line (path, format, title, date, byline, url, topics, story, versions); --format jsonl.")
    var json = false

    @Option(help: "text, jsonl or csv (a header line, then date, topics, title, byline, url, path).")
    var format: ListFormat?

    @Argument(help: "Article files or directories.")
    var paths: [String] = []

    func validate() throws {
        if json, let format, format != .jsonl { throw ValidationError("--json and --format \(format.rawValue) disagree") }
    }

    func run() async throws {
        let config = ReaderConfig(file: BriefDirectories.current.configFile)
        for problem in config.problems { StandardStreams.message(problem) }
        let query = try ArticleLoading.filter(filter, savedSearch: search.map { (name: $0, config: config) })
        let (articles, hadProblems) = try ArticleLoading.load(paths)
        let flags = query == nil ? [:] : ArticleLoading.flags()
        let stories = StoryGrouping.stories(of: articles, settings: config.stories)
        var storyOf = Array(repeating: 0, count: articles.count)
        for (number, story) in stories.enumerated() { for member in story.members { storyOf[member] = number } }
        var matching = articles.indices.filter { index in
            query?.matches(articles[index], flags: flags[articles[index].id] ?? .unread, story: stories[storyOf[index]].id) ?? true
        }
        // One line per story, its best matching version; `story:ID` asks for every version.
        if config.stories.group, !(query?.expression.namesStory ?? false) {
            let matched = Set(matching)
            matching = matching.filter { index in stories[storyOf[index]].members.first(where: matched.contains) == index }
        }
        let byID = Dictionary(matching.map { (articles[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        let shown = ArticleOrder.newestFirst(matching.map { articles[$0] })
        let format = json ? .jsonl : format ?? .text
        if format == .csv { StandardStreams.output(ArticleCSV.header) }
        for article in shown {
            switch format {
            case .jsonl:
                let story = stories[storyOf[byID[article.id]!]]
                StandardStreams.output(ArticleJSON.summary(article, story: story.id, versions: story.members.map { articles[$0].source }).rendered)
            case .csv: StandardStreams.output(ArticleCSV.row(article))
            case .text: StandardStreams.output(ArticleText.listLine(article))
            }
        }
        try ArticleLoading.finish(hadProblems: hadProblems)
    }
}
