// PLACEHOLDER (skeleton): `brief entities`.
import ArgumentParser

struct EntitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "entities", abstract: "Not built yet.")
    func run() async throws { throw ExitCode(2) }
}
