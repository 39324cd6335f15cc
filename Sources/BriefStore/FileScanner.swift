// The cache's view of the library paths: the program's one directory walker, with absolute paths.
import BriefCore
import Foundation

/// A file found in the library, with what tells a changed file from an unchanged one.
typealias ScannedFile = WalkedFile

enum FileScanner {
    struct Result {
        var files: [ScannedFile] = []
        /// Roots that were scanned completely: only files under these may be dropped as deleted.
        var scannedRoots: [String] = []
        var problems: [FileProblem] = []
    }

    /// Absolute, standardized form of a path, used as the article id.
    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    static func scan(_ roots: [String]) -> Result {
        let walk = DirectoryWalker.walk(roots.map(canonicalPath))
        return Result(files: walk.files, scannedRoots: walk.completeRoots,
                      problems: walk.problems)
    }
}
