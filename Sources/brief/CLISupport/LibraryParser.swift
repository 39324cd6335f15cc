// What the library cache parses: article files through the pipeline, and stored feeds as their items.
import BriefCore
import BriefFeeds
import BriefStore
import Foundation

/// The parser `brief index` and the reader's background refresh both give the cache, so that a
/// file parses the same whichever of them sees it first.
///
/// Stored feeds (`$XDG_DATA_HOME/brief/feeds/*.json`, written by `brief fetch`) are indexed like
/// files: when a fetch brings new items the file changes and only it is parsed again.
enum LibraryParser {
    static func make(pipeline: ArticlePipeline, feeds: FeedStore) -> LibraryStore.Parser {
        make(pipeline: { pipeline }, feeds: feeds)
    }

    /// The same with the pipeline built when the first file is parsed: the reader's cached library
    /// shows its first frame without loading the gazetteer and topic tables.
    static func make(pipeline build: @escaping @Sendable () -> ArticlePipeline, feeds: FeedStore) -> LibraryStore.Parser {
        let feedDirectory = URL(fileURLWithPath: feeds.directory.path).standardizedFileURL.path + "/"
        let lazy = LazyPipeline(build)
        return { data, path throws(ReadError) in
            let pipeline = lazy.pipeline
            guard path.hasPrefix(feedDirectory), path.hasSuffix(".json") else {
                return try pipeline.articles(from: data, source: path)
            }
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let feed: StoredFeed
            do {
                feed = try decoder.decode(StoredFeed.self, from: data)
            } catch {
                throw ReadError(.wrongFormat, "not a stored feed (brief fetch writes these): \(error.localizedDescription)")
            }
            return feed.documents.map(pipeline.process)
        }
    }

    /// The directories the cache refreshes: the configured library, and the stored feeds when any were fetched.
    static func roots(library: [String], feeds: FeedStore) -> [String] {
        var roots = library
        if FileManager.default.fileExists(atPath: feeds.directory.path) { roots.append(feeds.directory.path) }
        return roots
    }
}

/// A pipeline built by the first caller that needs one; callers on other threads wait for it.
final class LazyPipeline: @unchecked Sendable {
    // `built` is guarded by `lock`.
    private let lock = NSLock()
    private var built: ArticlePipeline?
    private let build: @Sendable () -> ArticlePipeline

    init(_ build: @escaping @Sendable () -> ArticlePipeline) {
        self.build = build
    }

    var pipeline: ArticlePipeline {
        lock.withLock {
            if let built { return built }
            let made = build()
            built = made
            return made
        }
    }
}
