// Where the headless commands write: results to stdout, messages (naming file and reason) to stderr.
import BriefUI
import Foundation

/// The one way the CLI writes to stderr. Messages name files and quote feeds and articles, which
/// are data: every line is made terminal-safe here, so no caller can forget to.
enum StandardStreams {
    /// Writes one line of results.
    static func output(_ line: String) {
        print(line)
    }

    /// Writes `brief: message` to stderr, each line made terminal-safe.
    static func message(_ text: String) {
        error("brief: " + text)
    }

    /// Writes `text` to stderr as it is apart from control characters: line breaks stay, each
    /// line is made terminal-safe (usage text from the argument parser quotes what the user typed).
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((safeLines(text) + "\n").utf8))
    }

    /// A progress line on stderr: redrawn in place on a terminal, one line each otherwise.
    static func progress(_ text: String, inPlace: Bool) {
        let line = TerminalSafeText.clean(text)
        FileHandle.standardError.write(Data((inPlace ? "\r" + clearLine + line : line + "\n").utf8))
    }

    /// Ends an in-place progress line: `clearing` erases it, otherwise the cursor moves below it.
    static func endProgress(clearing: Bool) {
        FileHandle.standardError.write(Data((clearing ? "\r" + clearLine : "\n").utf8))
    }

    /// `text` with every line made terminal-safe and the line breaks kept.
    static func safeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TerminalSafeText.clean(String($0)) }
            .joined(separator: "\n")
    }

    /// The one escape sequence the CLI writes itself: erase to the end of the line.
    private static let clearLine = "\u{1B}[K"
}
