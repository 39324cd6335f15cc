// Which library the reader opens: the configured library through its SQLite cache, or articles read into memory.
import BriefCore
import BriefStore
import Foundation

/// What `brief` shows.
///
/// - With no path and `library = [...]` in config.toml: the library cache (those directories and
///   the stored feeds). It opens at once with what was indexed before, and a background refresh
///   parses only new or changed files.
/// - With explicit paths: those files, read into memory. They are an ad-hoc set (often one file or
///   one folder) that should neither wait for nor join the library cache (a refresh would also
///   remember them as library roots for `brief index`).
/// - With `--cache-file` or `cache = "…"` (and no path): a cache another account keeps, read-only;
///   the reader never writes or refreshes it, and shows what the indexer adds as it commits.
/// - Otherwise: the stored feeds, or the bundled samples, in memory.
enum ReaderLibrary {
    case cached(LibraryStore, roots: [String], parse: LibraryStore.Parser)
    case shared(LibraryStore)
    case inMemory(LoadedLibrary)

    /// Chooses and opens the library; problems (a bad topics file, an unopenable cache) are
    /// returned for the status line, and an unopenable cache falls back to reading the files.
    /// A shared cache that cannot be opened is an error of its own: there are no files to fall back on.
    static func open(paths: [String], sharedCache: String?, config: ReaderConfig,
                     directories: BriefDirectories) throws(StoreError) -> (ReaderLibrary, [String]) {
        if paths.isEmpty, let sharedCache = sharedCache ?? config.sharedCache {
            do {
                let store = try LibraryStore(path: sharedCache, statePath: StateStore.defaultPath(directories), access: .sharedReadOnly)
                return (.shared(store), [])
            } catch {
                throw error as? StoreError ?? StoreError(path: sharedCache, reason: "\(error)")
            }
        }
        if !paths.isEmpty {
            return (.inMemory(ReaderLibraryLoader.load(paths: paths, includingFeeds: false, directories: directories)), [])
        }
        guard !config.library.isEmpty else {
            var loaded = ReaderLibraryLoader.load(paths: [], includingFeeds: true, directories: directories)
            if loaded.articles.isEmpty, let sample = SampleLibrary.path {
                loaded = ReaderLibraryLoader.load(paths: [sample], includingFeeds: false, directories: directories)
            }
            return (.inMemory(loaded), [])
        }
        var problems: [String] = []
        // A user's topics file is read now, so that its errors show at start; the built-in
        // topics (and the rest of the pipeline) load when the background refresh first parses.
        var classifier: TopicClassifier?
        if FileManager.default.fileExists(atPath: directories.topicsFile.path) {
            do {
                classifier = try TopicClassifier.load(userFile: directories.topicsFile)
            } catch {
                problems.append(error.description)
            }
        }
        // A user's topics file changes every article's topics: fold it into the cache's version
        // (as `brief index` does, so both keep one cache).
        let topics = (try? Data(contentsOf: directories.topicsFile)).map { [$0] } ?? []
        do {
            let store = try LibraryStore(directories: directories, pipelineVersion: LibraryStore.pipelineVersion(folding: topics),
                                         storySettings: config.stories)
            let feeds = FeedStore(directories: directories)
            let parse = LibraryParser.make(pipeline: { [classifier] in ArticlePipeline(classifier: classifier ?? .builtIn) }, feeds: feeds)
            return (.cached(store, roots: LibraryParser.roots(library: config.library, feeds: feeds), parse: parse), problems)
        } catch {
            problems.append("library cache: \(error); reading the files instead")
            let loaded = ReaderLibraryLoader.load(paths: config.library, includingFeeds: true, directories: directories)
            return (.inMemory(loaded), problems)
        }
    }
}
