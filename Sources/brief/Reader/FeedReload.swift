// R and Ctrl-R in the reader: fetch subscribed feeds in the background, then show their new items.
import BriefConfig
import BriefCore
import BriefFeeds
import BriefReaderStore
import BriefStore
import BriefTerminal
import BriefUI
import Foundation

/// Fetches feeds through `FeedRefresher` off the main thread, with progress on the status line,
/// then brings the stored items into the reader's library.
final class FeedReload: @unchecked Sendable {
    /// How fetched items reach the library the reader shows.
    enum Library: Sendable {
        /// Re-index the feed store's files into the cache.
        case cached(LibraryStore, StoreArticleSource, parse: LibraryStore.Parser)
        /// Read the stored feeds again into the in-memory library (with these other articles).
        case inMemory(InMemorySource, others: [Article], pipeline: ArticlePipeline)
        /// The reader shows files given on the command line: items are stored, not shown.
        case none
    }

    private let directories: BriefDirectories
    private let library: Library
    // `running` is guarded by `lock`: one reload at a time.
    private let lock = NSLock()
    private var running = false

    init(directories: BriefDirectories, library: Library) {
        self.directories = directories
        self.library = library
    }

    /// Starts a reload of every subscription, or of the one `articleID` came from; returns
    /// what to say instead when none can start.
    func start(articleID: String?, inbox: any EventPoster) -> String? {
        let config = ReaderConfig(file: directories.configFile)
        if let problem = config.feedProblems.first { return "feeds: \(problem)" }
        let (all, settings) = (config.feeds, config.fetch)
        guard !all.isEmpty else { return "no feeds in \(directories.configFile.path) ([[feeds]] url = \"…\")" }
        var chosen = all
        if let articleID {
            // Feed items are identified as `<feed url>#<item>`.
            chosen = all.filter { articleID.hasPrefix($0.url + "#") }
            guard !chosen.isEmpty else { return "this article is not from a subscribed feed (R reloads them all)" }
        }
        let started = lock.withLock {
            guard !running else { return false }
            running = true
            return true
        }
        guard started else { return "feeds are already being reloaded" }
        let subscriptions = chosen
        BackgroundRefresh.running.add(1)
        Task.detached {
            await self.run(subscriptions, settings: settings, inbox: inbox)
            BackgroundRefresh.running.add(-1)
        }
        return nil
    }

    private func run(_ subscriptions: [FeedSubscription], settings: FeedFetchSettings, inbox: any EventPoster) async {
        let feeds = FeedStore(directories: directories)
        inbox.post(.activity("fetching \(subscriptions.count == 1 ? "1 feed" : "\(subscriptions.count) feeds")…"))
        let refresher = FeedRefresher(store: feeds, fetcher: FeedFetcher(settings: settings))
        let reports = await refresher.refreshAll(subscriptions) { done, total, _ in
            inbox.post(.activity("fetched \(done)/\(total) feeds"))
        }
        let fresh = reports.reduce(0) { $0 + $1.newItems }
        let failed = reports.filter { $0.error != nil }
        var text = "feeds: \(fresh) new item\(fresh == 1 ? "" : "s")"
        if let first = failed.first {
            text += ", \(failed.count) failed (\(TerminalSafeText.clean(first.summary)))"
        }
        let summary = text
        let finish: @Sendable () -> Void = { [self] in lock.withLock { running = false } }
        switch library {
        case .cached(let store, let source, let parse):
            // The feed store's files are indexed like any library file; only changed ones are parsed.
            BackgroundRefresh.start(store: store, source: source, roots: [feeds.directory.path], parse: parse, inbox: inbox,
                                    saying: "indexing feed items…", then: {
                                        inbox.post(.libraryChanged(summary))
                                        finish()
                                    })
        case .inMemory(let source, let others, let pipeline):
            let items = feeds.all().flatMap(\.documents).map(pipeline.process)
            let flags = source.library.flags
            source.replace(BriefCore.Library(articles: others + items, flags: flags))
            inbox.post(.activity(nil))
            inbox.post(.libraryChanged(summary))
            finish()
        case .none:
            inbox.post(.activity(nil))
            inbox.post(.message(summary + " (they show when brief opens your library)", isError: failed.count > 0))
            finish()
        }
    }
}
