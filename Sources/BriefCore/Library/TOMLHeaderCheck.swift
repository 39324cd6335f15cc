// Refuses the inputs that make TOMLKit's parser abort the process.
//
// TOMLKit 0.6.0 bundles a toml++ that asserts (abort, SIGABRT, in debug and release builds
// alike: SwiftPM does not define NDEBUG for it) instead of reporting an error in two places:
// - its table-header parser, when the first character after `[` or `[[` and any blanks does
//   not begin a key (`[:`, `[ !x]`; found by Fuzz/run, config);
// - its value parser, when a value is expected and a terminator (`,`, `]`, `}`) stands there
//   instead (`t=[}`, `t=[1,,2]`; found by Fuzz/run, theme).
// A config, topics, feeds or theme file like that would end Brief rather than be reported, so
// every TOML file is checked here first.

package enum TOMLHeaderCheck {
    /// The 1-based line and the reason, when a table header does not begin with a key or a
    /// value is missing where the parser expects one.
    package static func problem(in text: String) -> (line: Int, message: String)? {
        var scanner = Scanner(bytes: Array(text.utf8))
        return scanner.firstProblem()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        /// Open `[` and `{` of headers and values (arrays and inline tables may span lines).
        var open: [UInt8] = []
        var atLineStart = true

        init(bytes: [UInt8]) {
            self.bytes = bytes
            // The parser skips a byte order mark before the first line.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        static let missingValue = "a value is missing (a ',', ']' or '}' stands where a value belongs)"

        mutating func firstProblem() -> (line: Int, message: String)? {
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\n"):
                    line += 1
                    atLineStart = true
                    index += 1
                    continue
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    index += 1
                    continue
                case UInt8(ascii: "#"):
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                    continue
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipString(quote: byte)
                case UInt8(ascii: "["):
                    if atLineStart, open.isEmpty {
                        if !headerStartsWithKey() {
                            return (line, "a table header must begin with a key (letters, digits, _ or -, or a quoted key)")
                        }
                    } else if nextIsTerminator(after: index, acrossLines: true, allowing: UInt8(ascii: "]")) {
                        return (line, Self.missingValue)  // an array's first element
                    }
                    open.append(byte)
                    index += 1
                case UInt8(ascii: "{"):
                    open.append(byte)
                    index += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    _ = open.popLast()
                    index += 1
                case UInt8(ascii: "="):
                    if nextIsTerminator(after: index, acrossLines: false, allowing: nil) { return (line, Self.missingValue) }
                    index += 1
                case UInt8(ascii: ","):
                    // In an array a value follows (or the closing bracket of a trailing comma).
                    if open.last == UInt8(ascii: "["), nextIsTerminator(after: index, acrossLines: true, allowing: UInt8(ascii: "]")) {
                        return (line, Self.missingValue)
                    }
                    index += 1
                default:
                    index += 1
                }
                atLineStart = false
            }
            return nil
        }

        /// Whether the first character after `position`, past blanks (and, `acrossLines`, line
        /// breaks and comments), is `,`, `]` or `}` other than `allowed`.
        func nextIsTerminator(after position: Int, acrossLines: Bool, allowing allowed: UInt8?) -> Bool {
            var next = position + 1
            while next < bytes.count {
                switch bytes[next] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    next += 1
                case UInt8(ascii: "\n") where acrossLines:
                    next += 1
                case UInt8(ascii: "#") where acrossLines:
                    while next < bytes.count, bytes[next] != UInt8(ascii: "\n") { next += 1 }
                case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"):
                    return bytes[next] != allowed
                default:
                    return false
                }
            }
            return false
        }

        /// At a `[` that opens a header: is the first character after `[`, `[[` and blanks one that starts a key?
        func headerStartsWithKey() -> Bool {
            var next = index + 1
            while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
            if next < bytes.count, bytes[next] == UInt8(ascii: "[") {
                next += 1
                while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
            }
            guard next < bytes.count else { return true }  // the parser reports the end of the file
            switch bytes[next] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]"):
                return true
            default:
                return false
            }
        }

        /// Skips a basic or literal string, one-line or multi-line, counting the lines it spans.
        mutating func skipString(quote: UInt8) {
            let multiLine = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
            index += multiLine ? 3 : 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { line += 1 }
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    if !multiLine { index += 1; return }  // an unterminated string: the parser reports it
                }
                if byte == quote {
                    if !multiLine { index += 1; return }
                    if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote {
                        index += 3
                        // Up to two more quotes may end the string's content.
                        while index < bytes.count, bytes[index] == quote { index += 1 }
                        return
                    }
                }
                index += 1
            }
        }
    }
}
