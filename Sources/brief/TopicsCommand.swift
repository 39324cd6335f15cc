// PLACEHOLDER (skeleton): `brief topics`.
import ArgumentParser

struct TopicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "topics", abstract: "Not built yet.")
    func run() async throws { throw ExitCode(2) }
}
