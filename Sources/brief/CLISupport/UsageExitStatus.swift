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
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
