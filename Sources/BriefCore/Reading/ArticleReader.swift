// The contract every format reader fulfils: bytes in, raw documents out.
import Foundation

/// Why a file could not be read as an article. Messages name the reason; callers add the path.
public struct ReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is, for callers that act on it, in the terms a user acts on
    /// (as `StoreError.Kind` does for the cache).
    public enum Kind: String, Sendable, Hashable {
        /// No bytes, or no text in them.
        case empty
        /// Bytes that are no text: a picture, an archive, control bytes.
        case binary
        /// Over the size limit of its format.
        case tooLarge
        /// Another format than the reader reads: an HTML page given as a feed, a feed as OPML.
        case wrongFormat
        /// The right format, broken: XML that does not parse, a truncated feed, a TOML syntax error.
        case malformed
        /// Refused on purpose, as unsafe: a feed that declares XML entities.
        case refused
        /// A setting or name the rules do not allow.
        case invalidSetting
        /// The file system said no: a file that cannot be read or written.
        case inaccessible
    }

    public var kind: Kind
    public var reason: String
    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }
    public var description: String { reason }
}

/// Turns the bytes of one file (or one response) into documents.
///
/// Most formats yield one document; a feed yields one per item.
public protocol ArticleReader: Sendable {
    func read(_ data: Data, source: String) throws(ReadError) -> [RawDocument]
}
