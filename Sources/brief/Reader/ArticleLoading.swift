// Reads the articles under the given paths. The lead swaps this for the LibraryScanner when it lands.
import BriefCore
import Foundation

/// Articles read from files and directories, and the files that could not be read.
struct LoadedLibrary: Sendable {
    var articles: [Article] = []
    /// One line per unreadable file: path and reason.
    var problems: [String] = []
}

enum ArticleLoading {
    /// Files larger than this are not articles (and would stall the start).
    static let maximumFileBytes = 20 * 1024 * 1024

    /// Reads every regular, non-hidden file under the paths (directories recursively).
    ///
    /// - Throws: `LoadError` when a path does not exist.
    static func load(paths: [String], pipeline: ArticlePipeline = ArticlePipeline()) throws(LoadError) -> LoadedLibrary {
        var files: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LoadError(message: "\(path): no such file or directory")
            }
            let url = URL(fileURLWithPath: path)
            if isDirectory.boolValue {
                files += filesUnder(url)
            } else {
                files.append(url)
            }
        }
        files.sort { $0.path < $1.path }
        var library = LoadedLibrary()
        for file in files {
            do {
                let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
                if let size = attributes[.size] as? Int, size > maximumFileBytes {
                    library.problems.append("\(file.path): larger than \(maximumFileBytes / 1024 / 1024) MB, skipped")
                    continue
                }
                let data = try Data(contentsOf: file)
                library.articles += try pipeline.articles(from: data, source: file.path)
            } catch let error as ReadError {
                library.problems.append("\(file.path): \(error.reason)")
            } catch {
                library.problems.append("\(file.path): \(error.localizedDescription)")
            }
        }
        return library
    }

    private static func filesUnder(_ directory: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url) }
        }
        return files
    }
}

struct LoadError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
