// A file of the library that could not be read or parsed: what every walker, scanner and indexer reports.

/// A file that could not be loaded, and why: the one shape in which bad files are reported,
/// by the directory walker, the in-memory scanner and the cache's indexer alike.
public struct FileProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
