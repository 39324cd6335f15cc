// PLACEHOLDER (skeleton): `brief import-opml`.
import ArgumentParser

struct ImportOPMLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import-opml", abstract: "Not built yet.")
    func run() async throws { throw ExitCode(2) }
}
