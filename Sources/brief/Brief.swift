// The `brief` command: the reader by default, headless subcommands for scripts.
import ArgumentParser

@main
struct Brief: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "A terminal reader for news articles.",
        subcommands: [ReadCommand.self, ShowCommand.self, ListCommand.self, EntitiesCommand.self,
                      TopicsCommand.self, IndexCommand.self, FetchCommand.self, ImportOPMLCommand.self],
        defaultSubcommand: ReadCommand.self
    )
}
