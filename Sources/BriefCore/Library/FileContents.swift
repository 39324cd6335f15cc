// Reads a whole article file with plain system calls, refusing what is not a small regular file.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum FileContents {
    /// The bytes of the regular file at `systemPath`, or why it cannot be read.
    ///
    /// The size is checked on the open file before reading, so a file that grew past the limit
    /// since it was listed is refused too, and at most `maximumSize` bytes are ever read.
    /// Plain system calls: Foundation's URL and mapping cost about as much as hashing the file,
    /// and the indexer reads thousands of small files.
    public static func read(_ systemPath: [UInt8], maximumSize: Int = LibraryFileSettings.maximumFileSize)
        -> Result<Data, ReadFailure>
    {
        let descriptor = withCString(systemPath) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard descriptor >= 0 else { return .failure(ReadFailure(errno: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadFailure(errno: errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(ReadFailure("not a regular file")) }
        let size = Int(info.st_size)
        guard size <= maximumSize else {
            return .failure(ReadFailure("too large (\(size) bytes; the limit is \(maximumSize))"))
        }
        guard size > 0 else { return .success(Data()) }
        var data = Data(count: size)
        var filled = 0
        var failure: Int32 = 0
        data.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while filled < size {
                let count = Glibc.read(descriptor, base + filled, size - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                // The file shrank since `fstat`: what is there is the file.
                if count == 0 { break }
                filled += count
            }
        }
        if failure != 0 { return .failure(ReadFailure(errno: failure)) }
        if filled < size { data.count = filled }
        return .success(data)
    }

    /// Asks the kernel to start reading the file at `systemPath` into its cache, and returns at
    /// once: a later `read` of a file not cached then waits less, or not at all, for the disk.
    /// Anything that goes wrong is left for that `read` to report.
    public static func readAhead(_ systemPath: [UInt8]) {
        #if os(Linux)
        // Non-blocking, as `read` opens: a FIFO's open would otherwise wait for a writer.
        let descriptor = withCString(systemPath) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard descriptor >= 0 else { return }
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
        close(descriptor)
        #endif
    }

    /// Why a file could not be read, in words for the user.
    public struct ReadFailure: Error, Sendable {
        public var reason: String

        init(_ reason: String) {
            self.reason = reason
        }

        init(errno code: Int32) {
            reason = code == ENOENT ? "cannot read: the file vanished (no such file)"
                                    : "cannot read: " + DirectoryWalker.reason(errno: code)
        }
    }
}
