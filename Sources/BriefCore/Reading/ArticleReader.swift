// The contract every format reader fulfils: bytes in, raw documents out.
import Foundation

/// Why a file could not be read as an article. Messages name the reason; callers add the path.
public struct ReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Turns the bytes of one file (or one response) into documents.
///
/// Most formats yield one document; a feed yields one per item.
public protocol ArticleReader: Sendable {
    func read(_ data: Data, source: String) throws(ReadError) -> [RawDocument]
}
