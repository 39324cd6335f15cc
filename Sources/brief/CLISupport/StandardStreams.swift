// Where the headless commands write: results to stdout, messages (naming file and reason) to stderr.
import Foundation

enum StandardStreams {
    /// Writes one line of results.
    static func output(_ line: String) {
        print(line)
    }

    /// Writes `brief: message` to stderr; callers pass text already made terminal-safe where it holds data.
    static func message(_ text: String) {
        FileHandle.standardError.write(Data("brief: \(text)\n".utf8))
    }
}
