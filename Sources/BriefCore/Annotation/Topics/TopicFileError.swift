// A topics file that cannot be used, with the file and line to fix.

/// A malformed topics file: names the file and, when known, the line.
public struct TopicFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's path, or a name such as `built-in topics`.
    public var file: String
    /// 1-based line number, when the problem can be placed.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
