// Runs `brief` so that usage errors exit with status 2, as the CLI contract says (ArgumentParser uses 64).
import ArgumentParser
import BriefCore
import Foundation

extension Brief {
    /// The entry point `@main` calls: ArgumentParser's own, except that a usage error
    /// (unknown option, missing argument, failed validation) exits with 2 instead of 64.
    static func main() async {
        do {
            var command = try parseAsRoot(arguments())
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

    /// The arguments with bytes that are not UTF-8 written `\xNN`, as the walker shows file
    /// names: Swift's own `CommandLine.arguments` turns them into U+FFFD, naming no file.
    static func arguments() -> [String] {
        (1..<Int(CommandLine.argc)).map { index in
            guard let argument = CommandLine.unsafeArgv[index] else { return "" }
            return DirectoryWalker.displayName(UnsafeBufferPointer(start: argument, count: strlen(argument))
                .lazy.map { UInt8(bitPattern: $0) })
        }
    }
}
