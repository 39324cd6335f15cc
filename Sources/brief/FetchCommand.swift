// PLACEHOLDER (skeleton): `brief fetch`.
import ArgumentParser

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fetch", abstract: "Not built yet.")
    func run() async throws { throw ExitCode(2) }
}
