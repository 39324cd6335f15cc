// Shows what the indexer adds to a shared cache while the reader is open.
import BriefReaderStore
import BriefStore
import BriefTerminal
import BriefUI
import Foundation

/// Polls a shared cache for commits by the account that indexes it and lets the list catch up.
///
/// The reader never writes a shared cache, so nothing in this process learns of new articles:
/// the database file and its write-ahead log change size or time on every commit, and two
/// `stat`s a few seconds apart are all it takes to notice.
enum SharedCacheWatch {
    /// How often the cache is looked at; a cron indexer commits minutes apart.
    static let pollInterval: TimeInterval = 5

    static func start(store: LibraryStore, source: StoreArticleSource, inbox: any EventPoster) {
        let thread = Thread {
            var seen = store.changeToken()
            while true {
                Thread.sleep(forTimeInterval: pollInterval)
                let now = store.changeToken()
                guard now != seen else { continue }
                seen = now
                source.libraryDidChange()
                inbox.post(.libraryChanged("the shared library changed"))
            }
        }
        thread.name = "brief.shared-cache-watch"
        thread.qualityOfService = .utility
        thread.start()
    }
}
