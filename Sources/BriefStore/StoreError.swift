// Errors from Brief's databases, always naming the file and the reason.
import GRDB

/// A database Brief could not open, read or write.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is, for callers that act on it (rebuild a damaged cache, say);
    /// after GRDB's result codes, in the terms a user acts on.
    public enum Kind: Sendable, Hashable {
        /// Not SQLite, damaged pages, or a table missing.
        case corrupt
        /// Written by a newer Brief whose schema this one does not know.
        case newerVersion
        /// A shared cache from an older Brief, which a reader does not migrate.
        case olderVersion
        /// Another process held the lock beyond the busy timeout.
        case locked
        /// A write where there is no permission, or to a store opened read-only.
        case readOnly
        case diskFull
        /// The file or its directory cannot be opened or created, or is not there.
        case cannotOpen
        case inputOutput
        case other
    }

    /// The database file concerned.
    public var path: String
    public var kind: Kind
    /// What went wrong, in words a user can act on.
    public var reason: String

    public init(path: String, kind: Kind = .other, reason: String) {
        self.path = path
        self.kind = kind
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }

    /// Whether the file exists but is not a usable SQLite database (garbage or damaged pages).
    public var isCorruption: Bool { kind == .corrupt }

    /// Whether the file was written by a newer Brief whose schema this one does not know.
    public var isFromNewerVersion: Bool { kind == .newerVersion }

    static let newerVersionReason = "written by a newer version of Brief; this version cannot read it"
    static let corruptPrefix = "not a valid Brief database"

    /// A damaged database, with what was found.
    static func corrupt(path: String, _ detail: String) -> StoreError {
        StoreError(path: path, kind: .corrupt, reason: "\(corruptPrefix) (\(detail))")
    }

    /// Translates any error thrown by GRDB or the file system into one that names the file.
    static func wrapping(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let dbError = error as? DatabaseError else {
            return StoreError(path: path, reason: "\(error)")
        }
        switch dbError.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return corrupt(path: path, "the file is damaged or is not SQLite: \(dbError.message ?? "")")
        case .SQLITE_CANTOPEN:
            return StoreError(path: path, kind: .cannotOpen,
                              reason: "cannot open the database file (missing directory, a directory in the way, or no permission)")
        case .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return StoreError(path: path, kind: .readOnly, reason: "no permission to write the database: \(dbError.message ?? "")")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(path: path, kind: .locked, reason: "the database stayed locked by another process beyond the busy timeout")
        case .SQLITE_FULL:
            return StoreError(path: path, kind: .diskFull, reason: "the disk is full")
        case .SQLITE_IOERR:
            return StoreError(path: path, kind: .inputOutput, reason: "input/output error: \(dbError.message ?? "")")
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
