// libxml2's error reporting routed away from the terminal: every parse in Brief starts here.
import CLibXML2
import Foundation

/// libxml2's default handlers print the offending input line raw to stderr, so a crafted feed,
/// page or OPML file could write escape sequences (window title, clipboard, clear screen) to
/// the terminal. Brief reads errors from the parser context's `lastError` instead and reports
/// them through `ReadError` as cleaned reasons.
///
/// In libxml2 2.9 the error handlers are per-thread globals, so they are installed on the
/// thread that parses, right before every parse (`prepareThisThread()`); the indexer's parse
/// threads and Swift concurrency's pool threads are covered because no parse skips it.
enum LibXML2Errors {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Where the generic (printf-style) handler writes: `/dev/null`. The generic handler type is
    /// C-variadic and cannot be written in Swift, so libxml2's own default handler is kept and
    /// given a stream that discards (it writes to the `FILE *` passed as its context).
    nonisolated(unsafe) private static let discard: UnsafeMutablePointer<FILE>? = fopen("/dev/null", "w")

    /// Initializes libxml2 once and silences its error output on the calling thread.
    static func prepareThisThread() {
        _ = initialized
        // Errors go to the context's `lastError` (filled before any handler runs) and nowhere else.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        if let discard { xmlSetGenericErrorFunc(discard, nil) }
    }

    /// A libxml2 message as a one-line reason: control characters (ESC, BEL, …) and line breaks
    /// become spaces, and a long message is cut, so that no byte of the input can steer a terminal.
    static func cleanedReason(_ message: String?) -> String {
        let scalars = (message ?? "").unicodeScalars.map { scalar -> Character in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned: " "
            default: Character(scalar)
            }
        }
        let words = String(scalars).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        guard !words.isEmpty else { return "unknown error" }
        return words.count > 160 ? String(words.prefix(160)) + "…" : words
    }
}
