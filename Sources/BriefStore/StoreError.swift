// Errors from Brief's databases, always naming the file and the reason.
import GRDB

/// A database Brief could not open, read or write.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The database file concerned.
    public var path: String
    /// What went wrong, in words a user can act on.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }

    /// Whether the file exists but is not a usable SQLite database (garbage or damaged pages).
    public var isCorruption: Bool { reason.hasPrefix(Self.corruptPrefix) }

    /// Whether the file was written by a newer Brief whose schema this one does not know.
    public var isFromNewerVersion: Bool { reason == Self.newerVersionReason }

    static let newerVersionReason = "written by a newer version of Brief; this version cannot read it"
    static let corruptPrefix = "not a valid Brief database"

    /// Translates any error thrown by GRDB or the file system into one that names the file.
    static func wrapping(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let dbError = error as? DatabaseError else {
            return StoreError(path: path, reason: "\(error)")
        }
        switch dbError.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(path: path, reason: "\(corruptPrefix) (the file is damaged or is not SQLite): \(dbError.message ?? "")")
        case .SQLITE_CANTOPEN:
            return StoreError(path: path, reason: "cannot open the database file (missing directory, a directory in the way, or no permission)")
        case .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return StoreError(path: path, reason: "no permission to write the database: \(dbError.message ?? "")")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(path: path, reason: "the database stayed locked by another process beyond the busy timeout")
        case .SQLITE_FULL:
            return StoreError(path: path, reason: "the disk is full")
        case .SQLITE_IOERR:
            return StoreError(path: path, reason: "input/output error: \(dbError.message ?? "")")
        default:
            return StoreError(path: path, reason: dbError.message ?? "\(dbError)")
        }
    }
}

/// Runs `body`, turning whatever it throws into a `StoreError` naming `path`.
func withStoreErrors<T>(path: String, _ body: () throws -> T) throws(StoreError) -> T {
    do {
        return try body()
    } catch {
        throw StoreError.wrapping(error, path: path)
    }
}
