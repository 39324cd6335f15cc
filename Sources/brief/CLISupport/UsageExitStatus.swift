// Runs `brief` so that usage errors exit with status 2, as the CLI contract says (ArgumentParser uses 64).
import ArgumentParser
import Foundation

extension Brief {
    /// The entry point `@main` calls: ArgumentParser's own, except that a usage error
    /// (unknown option, missing argument, failed validation) exits with 2 instead of 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let status = exitCode(for: error)
            // Help and version go to stdout as ArgumentParser writes them; every other message
            // may quote what was typed, so it goes through the terminal-safe writer.
            guard !status.isSuccess else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { StandardStreams.error(message) }
            Foundation.exit(status == .validationFailure ? 2 : status.rawValue)
        }
    }
}
