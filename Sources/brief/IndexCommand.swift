// PLACEHOLDER (skeleton): `brief index`.
import ArgumentParser

struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "index", abstract: "Not built yet.")
    func run() async throws { throw ExitCode(2) }
}
