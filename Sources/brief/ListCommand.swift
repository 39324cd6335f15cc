// PLACEHOLDER (skeleton): `brief list`.
import ArgumentParser

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Not built yet.")
    func run() async throws { throw ExitCode(2) }
}
