// `brief topics`: how many articles match each topic.
import ArgumentParser
import BriefCore
import BriefUI

struct TopicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Count the articles about each topic.",
        discussion: """
            An article counts under the topics it is about (what topic:ID matches), not those it \
            only mentions in passing (mentions:ID). Every defined topic is listed (built-in ones and those of $XDG_CONFIG_HOME/brief/topics.toml), \
            most frequent first. With no PATH, counts the bundled sample library.
            With --json, prints one object: {"articles": N, "topics": [{id, name, count}]}.
            Exit status: 0 ok, 1 some file could not be read, 2 usage error.
            """)

    @Option(parsing: .unconditional, help: "Only count articles matching this filter query (see `brief list --help`).")
    var filter: String?

    @Flag(help: "Print the counts as JSON.")
    var json = false

    @Argument(help: "Article files or directories.")
    var paths: [String] = []

    func run() async throws {
        let query = try ArticleLoading.filter(filter)
        let classifier = try ArticleLoading.classifier()
        let (articles, hadProblems) = try ArticleLoading.load(paths)
        let counted = articles.filter { query?.matches($0, flags: .unread) ?? true }
        var counts: [String: Int] = [:]
        for article in counted {
            for id in Set(article.topics.map(\.id)) { counts[id, default: 0] += 1 }
        }
        let rows = classifier.topics.enumerated()
            .map { (order: $0.offset, topic: $0.element, count: counts[$0.element.id] ?? 0) }
            .sorted { ($0.count, $1.order) > ($1.count, $0.order) }
        if json {
            let topics = rows.map { row in
                JSONText.object([("id", .string(row.topic.id)), ("name", .string(row.topic.name)), ("count", .integer(row.count))])
            }
            StandardStreams.output(JSONText.object([("articles", .integer(counted.count)), ("topics", .array(topics))]).rendered)
        } else {
            let idWidth = rows.map(\.topic.id.count).max() ?? 0
            let countWidth = String(rows.first?.count ?? 0).count
            for row in rows {
                let count = String(row.count)
                let id = TerminalSafeText.clean(row.topic.id)
                StandardStreams.output(String(repeating: " ", count: countWidth - count.count) + count + "  "
                    + id + String(repeating: " ", count: max(0, idWidth - id.count)) + "  " + TerminalSafeText.clean(row.topic.name))
            }
            StandardStreams.output("\(counted.count) article\(counted.count == 1 ? "" : "s")")
        }
        try ArticleLoading.finish(hadProblems: hadProblems)
    }
}
