// `brief index [PATH…]`: builds or refreshes the library cache headless, then prints counts and time.
import ArgumentParser
import BriefConfig
import BriefCore
import BriefFeeds
import BriefStore
import BriefUI
import Foundation

struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or refresh the library cache (only new or changed files are parsed).",
        discussion: """
            With no PATH, refreshes the paths indexed before and, for the default cache, the \
            library configured in config.toml (library = [...]) and the stored feeds. Bad files \
            are listed on stderr with the reason; the exit status is then 1.
            """)

    @Argument(help: "Article files or directories (read recursively, hidden files skipped).")
    var paths: [String] = []

    @Option(name: .customLong("cache-file"), help: "The cache database (default: $XDG_CACHE_HOME/brief/library.sqlite).")
    var cacheFile: String?

    @Option(name: .customLong("state-file"), help: "The read/starred database (default: $XDG_DATA_HOME/brief/state.sqlite).")
    var stateFile: String?

    func run() async throws {
        let directories = BriefDirectories.current
        // A user's topics file changes every article's topics: fold it into the cache's version.
        let topics = (try? Data(contentsOf: directories.topicsFile)).map { [$0] } ?? []
        let config = ReaderConfig(file: directories.configFile)
        let store: LibraryStore
        do {
            store = try LibraryStore(
                path: cacheFile ?? LibraryStore.defaultPath(directories),
                statePath: stateFile ?? StateStore.defaultPath(directories),
                pipelineVersion: LibraryStore.pipelineVersion(folding: topics), storySettings: config.stories)
        } catch {
            StandardStreams.message("\(error)")
            throw ExitCode(1)
        }
        var roots = paths
        if roots.isEmpty {
            roots = try store.roots()
            // The configured library is what the reader keeps this cache to; another cache
            // file is a library of its own.
            if cacheFile == nil {
                for problem in config.problems { StandardStreams.message(problem) }
                let configured = LibraryParser.roots(library: config.library, feeds: FeedStore(directories: directories))
                roots += configured.filter { !roots.contains($0) }
            }
            guard !roots.isEmpty else {
                StandardStreams.message("nothing to index: give the files or directories, or set library = [...] in "
                    + directories.configFile.path)
                throw ExitCode(2)
            }
        }
        // The user's topics (folded into the version above) and stored feeds, as the reader parses
        // them. The topics load now, so that a bad file is named before any work; the rest of the
        // pipeline (the gazetteer above all) when a file needs parsing: a refresh that finds
        // nothing changed, as most timer runs do, never loads it.
        let classifier = try ArticleLoading.classifier()
        let parse = LibraryParser.make(pipeline: { ArticlePipeline(classifier: classifier) },
                                       feeds: FeedStore(directories: directories))
        let bar = ProgressLine(interactive: isatty(STDERR_FILENO) == 1)
        let report: IndexReport
        do {
            report = try store.refresh(paths: roots, parse: parse) { bar.show($0) }
        } catch {
            bar.finish()
            StandardStreams.message("\(error)")
            throw ExitCode(1)
        }
        bar.finish()
        for problem in report.badFiles { StandardStreams.message(problem.description) }
        StandardStreams.output("added \(report.added), changed \(report.changed), removed \(report.removed), "
              + "unchanged \(report.unchanged), bad \(report.bad)")
        StandardStreams.output("\(report.articles) articles in \(TerminalSafeText.clean(store.path)), \(String(format: "%.2f", report.seconds)) s")
        if report.bad > 0 { throw ExitCode(1) }
    }
}

/// Progress on stderr: a bar redrawn in place on a terminal, plain lines otherwise.
private final class ProgressLine: Sendable {
    let interactive: Bool
    init(interactive: Bool) { self.interactive = interactive }

    func show(_ progress: IndexProgress) {
        guard progress.total > 0, interactive || progress.done > 0 else { return }
        let fraction = Double(progress.done) / Double(progress.total)
        if interactive {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            StandardStreams.progress("[\(bar)] \(progress.done)/\(progress.total) files", inPlace: true)
        } else {
            StandardStreams.progress("indexed \(progress.done)/\(progress.total) files", inPlace: false)
        }
    }

    func finish() {
        if interactive { StandardStreams.endProgress(clearing: true) }
    }
}
