// Loads the reader's library through the core's LibraryScanner, with the user's topics merged in.
import BriefCore
import BriefFeeds
import Foundation

/// Articles read from files, directories and stored feeds, and what could not be read.
struct LoadedLibrary: Sendable {
    var articles: [Article] = []
    /// One line per unreadable file: path and reason.
    var problems: [String] = []
    /// How many of `articles` (the first ones) came from files rather than stored feeds.
    var fileArticleCount = 0
    /// Whether stored feed items are part of it (a feed reload then shows the new ones).
    var includesFeeds = false
    /// The pipeline the articles went through (with the user's topics).
    var pipeline = ArticlePipeline()
}

enum ReaderLibraryLoader {
    /// Reads every regular, non-hidden file under the paths (directories recursively, in parallel),
    /// then, when asked, the items of every stored feed.
    ///
    /// A malformed user topics file is reported as a problem and the built-in topics are used.
    static func load(paths: [String], includingFeeds: Bool, directories: BriefDirectories) -> LoadedLibrary {
        var problems: [String] = []
        let classifier: TopicClassifier
        do {
            classifier = try TopicClassifier.load(userFile: directories.topicsFile)
        } catch {
            problems.append(error.description)
            classifier = .builtIn
        }
        let pipeline = ArticlePipeline(classifier: classifier)
        let scan = LibraryScanner(pipeline: pipeline).scan(paths)
        var articles = scan.articles
        if includingFeeds {
            articles += FeedStore(directories: directories).all().flatMap(\.documents).map(pipeline.process)
        }
        return LoadedLibrary(articles: articles, problems: problems + scan.problems.map(\.description),
                             fileArticleCount: scan.articles.count, includesFeeds: includingFeeds, pipeline: pipeline)
    }
}
