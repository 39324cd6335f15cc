// Reads a whole file with plain system calls: the indexer reads thousands of small files.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum FileBytes {
    /// The bytes of the regular file at `path`, or nil when the system calls fail (the caller
    /// then reads through Foundation, which says why). Foundation's URL and mapping cost about
    /// as much as hashing the file.
    static func read(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return Data() }
        var data = Data(count: size)
        var filled = 0
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            while filled < size {
                let count = Glibc.read(descriptor, base + filled, size - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                // The file shrank since `fstat`: what is there is the file.
                if count == 0 { break }
                filled += count
            }
            return true
        }
        guard complete else { return nil }
        if filled < size { data.count = filled }
        return data
    }
}
