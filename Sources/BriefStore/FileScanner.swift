// Walks library paths for article files: recursive, hidden files skipped, with size and mtime.
import Foundation

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
                if let file = stat(root), seen.insert(root).inserted { result.files.append(file) }
                result.scannedRoots.append(root)
                continue
            }
            let rootURL = URL(fileURLWithPath: root, isDirectory: true)
            let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
            var failed = false
            guard let walker = FileManager.default.enumerator(
                at: rootURL, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles],
                errorHandler: { url, error in
                    result.problems.append((url.path, "cannot list: \(error.localizedDescription)"))
                    failed = true
                    return true
                })
            else {
                result.problems.append((root, "cannot list the directory"))
                continue
            }
            for case let url as URL in walker {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                let path = canonicalPath(url.path)
                guard seen.insert(path).inserted else { continue }
                result.files.append(ScannedFile(
                    path: path, size: Int64(values.fileSize ?? 0),
                    mtime: values.contentModificationDate?.timeIntervalSince1970 ?? 0))
            }
            // A directory we could not read fully must not make its files look deleted.
            if !failed { result.scannedRoots.append(root) }
        }
        return result
    }

    private static func stat(_ path: String) -> ScannedFile? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return ScannedFile(
            path: path, size: (attributes[.size] as? NSNumber)?.int64Value ?? 0,
            mtime: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
    }
}
