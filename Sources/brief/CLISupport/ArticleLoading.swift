// Loads the articles a command was given, reporting bad files on stderr and choosing the exit status.
import ArgumentParser
import BriefConfig
import BriefCore
import BriefStore
import BriefUI
import Foundation

/// The shared first step of `show`, `list` and `topics`.
enum ArticleLoading {
    /// The classifier with the user's topics file merged in.
    ///
    /// - Throws: `ExitCode(2)` after naming the file and line, when the user's topics file is malformed.
    static func classifier() throws -> TopicClassifier {
        do {
            return try TopicClassifier.load(userFile: BriefDirectories.current.topicsFile)
        } catch {
            StandardStreams.message(error.description)
            throw ExitCode(2)
        }
    }

    /// Scans `paths` (the bundled sample library when empty and `defaultToSample`) and reports problems.
    static func load(_ paths: [String], defaultToSample: Bool = true) throws -> (articles: [Article], hadProblems: Bool) {
        var paths = paths
        if paths.isEmpty && defaultToSample {
            guard let sample = SampleLibrary.path else {
                StandardStreams.message("the bundled sample library is missing; pass a PATH")
                throw ExitCode(2)
            }
            paths = [sample]
        }
        // The gazetteer is the largest table the pipeline loads: it loads on the other core while
        // this one loads the topics and the cleaning rules. The recognizer is asked for last (a
        // static constant, so this thread waits for it only when it has nothing else to load): as
        // the pipeline's default argument it came before the topics, which then waited for it.
        DispatchQueue.global(qos: .userInitiated).async { _ = GazetteerEntityRecognizer.shared }
        let topics = try classifier()
        let cleaner = ArticleCleaner()
        let pipeline = ArticlePipeline(cleaner: cleaner, recognizer: GazetteerEntityRecognizer.shared, classifier: topics)
        let scanner = LibraryScanner(pipeline: pipeline)
        let scan = scanner.scan(paths)
        for problem in scan.problems {
            StandardStreams.message("\(problem.path): \(problem.reason)")
        }
        return (scan.articles, !scan.problems.isEmpty)
    }

    /// Parses `--filter`; a malformed query is a usage error shown with a caret under the column.
    /// With `savedSearch`, the saved search of that name (any case) in the config is ANDed with the query.
    static func filter(_ text: String?, savedSearch: (name: String, config: ReaderConfig)? = nil) throws -> FilterQuery? {
        let saved = try savedSearch.map { try Self.savedSearch(named: $0.name, in: $0.config) }
        guard let text else { return saved }
        do {
            let query = try FilterQuery(text)
            guard let saved else { return query }
            return FilterQuery(expression: .and([saved.expression, query.expression]))
        } catch {
            let safe = TerminalSafeText.clean(text)
            let caretColumn = CellWidth.of(safe.prefix(error.position))
            StandardStreams.message("--filter: \(error.description)\n  \(safe)\n  \(String(repeating: " ", count: caretColumn))^")
            throw ExitCode(2)
        }
    }

    /// The query of the saved search `name` in config.toml; a usage error listing the names otherwise.
    static func savedSearch(named name: String, in config: ReaderConfig) throws -> FilterQuery {
        let file = BriefDirectories.current.configFile
        if let found = config.searches.first(where: { $0.name.lowercased() == name.lowercased() }) { return found.query }
        let known = config.searches.map { "\"\($0.name)\"" }.joined(separator: ", ")
        StandardStreams.message("--search: no saved search named \"\(TerminalSafeText.clean(name))\" in \(file.path)"
            + (known.isEmpty ? " (it has none)" : " (saved: \(known))"))
        throw ExitCode(2)
    }

    /// The reader's read/starred marks, for `unread` and `starred` in a filter. A headless command
    /// only reads them: with no state database yet, every article is unread and none starred.
    static func flags() -> [String: ArticleFlags] {
        let path = StateStore.defaultPath()
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        do {
            return try StateStore(path: path).allFlags()
        } catch {
            StandardStreams.message("\(path): reading state unavailable (\(error)); every article counts as unread")
            return [:]
        }
    }

    /// Exit status 1 when some input was bad; the good articles were still printed.
    static func finish(hadProblems: Bool) throws {
        if hadProblems { throw ExitCode(1) }
    }
}
