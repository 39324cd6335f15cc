// PLACEHOLDER (skeleton): `brief show`.
import ArgumentParser

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Not built yet.")
    func run() async throws { throw ExitCode(2) }
}
