// Walks library paths for article files: recursive, hidden files skipped, with size and mtime.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file found in the library, with what tells a changed file from an unchanged one.
struct ScannedFile: Sendable {
    var path: String
    var size: Int64
    var mtime: Double
}

enum FileScanner {
    struct Result {
        var files: [ScannedFile] = []
        /// Roots that were scanned completely: only files under these may be dropped as deleted.
        var scannedRoots: [String] = []
        var problems: [(path: String, reason: String)] = []
    }

    /// Absolute, standardized form of a path, used as the article id.
    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    static func scan(_ roots: [String]) -> Result {
        var result = Result()
        var seen = Set<String>()
        for root in roots.map(canonicalPath) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
                result.problems.append((root, "no such file or directory"))
                continue
            }
            if !isDirectory.boolValue {
                if let file = statFile(root), seen.insert(root).inserted { result.files.append(file) }
                result.scannedRoots.append(root)
                continue
            }
            // POSIX directory walking: Foundation's enumerator with resource values costs
            // ~0.3 ms a file on Linux, which is seconds for an unchanged 10,000-file library.
            var complete = true
            var pending = [root]
            while let directory = pending.popLast() {
                guard let handle = opendir(directory) else {
                    result.problems.append((directory, "cannot list: \(String(cString: strerror(errno)))"))
                    complete = false
                    continue
                }
                defer { closedir(handle) }
                while let entry = readdir(handle) {
                    let name = withUnsafePointer(to: entry.pointee.d_name) {
                        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                    }
                    // Hidden files and directories (and `.`, `..`) are skipped.
                    if name.hasPrefix(".") { continue }
                    let path = directory == "/" ? "/" + name : directory + "/" + name
                    var info = Glibc.stat()
                    guard stat(path, &info) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR:
                        pending.append(path)
                    case S_IFREG:
                        guard seen.insert(path).inserted else { continue }
                        result.files.append(ScannedFile(
                            path: path, size: Int64(info.st_size),
                            mtime: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9))
                    default:
                        continue
                    }
                }
            }
            // A directory we could not read fully must not make its files look deleted.
            if complete { result.scannedRoots.append(root) }
        }
        return result
    }

    private static func statFile(_ path: String) -> ScannedFile? {
        var info = Glibc.stat()
        guard stat(path, &info) == 0 else { return nil }
        return ScannedFile(path: path, size: Int64(info.st_size),
                           mtime: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }
}
