// PLACEHOLDER (skeleton): `brief read`.
import ArgumentParser

struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read", abstract: "Not built yet.")
    func run() async throws { throw ExitCode(2) }
}
