// Which library the reader opens: the configured library through its SQLite cache, or articles read into memory.
import BriefConfig
import BriefCore
import BriefFeeds
import BriefStore
import Foundation

/// What `brief` shows.
///
/// - With no path and `library = [...]` in config.toml: the library cache (those directories and
///   the stored feeds). It opens at once with what was indexed before, and a background refresh
///   parses only new or changed files.
/// - With directories only: the library cache, limited to the articles under them. The
///   directories become library roots of the cache (as `brief index DIR` makes them), so the
///   reader opens at once with what was indexed before, and the list fills as the background
///   refresh commits batches, with progress on the status line.
/// - With explicit paths that include a single file: those files, read into memory.
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
    /// Articles read into memory go through the pipeline before the first frame, and its tables
    /// (gazetteer, cleaning rules, built-in topics) take tens of ms to load: they load on the
    /// other core while this one opens the files. Each is a static constant, so a thread that
    /// needs one first simply waits for it. A cached library needs none of them to start.
    private static func preloadPipeline() {
        DispatchQueue.global(qos: .userInitiated).async { _ = GazetteerEntityRecognizer.shared }
        DispatchQueue.global(qos: .userInitiated).async { _ = TopicClassifier.builtIn; _ = CleaningRules.builtIn }
    }

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
            guard paths.allSatisfy(isDirectory) else {
                preloadPipeline()
                return (.inMemory(ReaderLibraryLoader.load(paths: paths, includingFeeds: false, directories: directories)), [])
            }
            return cached(roots: paths, scope: paths, includingFeeds: false, stories: config.stories, directories: directories)
        }
        guard !config.library.isEmpty else {
            preloadPipeline()
            var loaded = ReaderLibraryLoader.load(paths: [], includingFeeds: true, directories: directories)
            if loaded.articles.isEmpty, let sample = SampleLibrary.path {
                loaded = ReaderLibraryLoader.load(paths: [sample], includingFeeds: false, directories: directories)
            }
            return (.inMemory(loaded), [])
        }
        return cached(roots: config.library, scope: [], includingFeeds: true, stories: config.stories, directories: directories)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The cache kept to `roots` (and the stored feeds when `includingFeeds`), its queries limited
    /// to `scope` when one is given; the files read into memory when the cache cannot be opened.
    private static func cached(roots: [String], scope: [String], includingFeeds: Bool, stories: StorySettings,
                               directories: BriefDirectories) -> (ReaderLibrary, [String]) {
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
                                         scope: scope, storySettings: stories)
            let feeds = FeedStore(directories: directories)
            let parse = LibraryParser.make(pipeline: { [classifier] in ArticlePipeline(classifier: classifier ?? .builtIn) }, feeds: feeds)
            return (.cached(store, roots: includingFeeds ? LibraryParser.roots(library: roots, feeds: feeds) : roots, parse: parse), problems)
        } catch {
            problems.append("library cache: \(error); reading the files instead")
            let loaded = ReaderLibraryLoader.load(paths: roots, includingFeeds: includingFeeds, directories: directories)
            return (.inMemory(loaded), problems)
        }
    }
}
