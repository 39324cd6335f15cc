// Brings the library cache up to date on a thread of its own while the reader stays responsive.
import BriefCore
import BriefReaderStore
import BriefStore
import BriefTerminal
import BriefUI
import Foundation

/// Runs `LibraryStore.refresh` off the main thread and reports through the terminal's inbox:
/// progress on the status line, the list filtered again when new articles are in.
enum BackgroundRefresh {
    /// While a long refresh runs, the list catches up at most this often.
    static let listUpdateInterval: Duration = .seconds(2)
    /// Refreshes of this process run one after another (the start-up one, those after a feed reload).
    static let queue = DispatchQueue(label: "brief.library-refresh", qos: .utility)

    /// Background jobs (refreshes, feed reloads) not finished yet: quitting does not wait for them.
    static let running = JobCount()

    static func start(store: LibraryStore, source: StoreArticleSource, roots: [String], parse: @escaping LibraryStore.Parser,
                      inbox: any EventPoster, saying lead: String = "checking the library for changes…",
                      then done: (@Sendable () -> Void)? = nil) {
        running.add(1)
        queue.async {
            defer {
                done?()
                running.add(-1)
            }
            inbox.post(.activity(lead))
            let throttle = Throttle(interval: listUpdateInterval)
            do {
                let report = try store.refresh(paths: roots, parse: parse) { progress in
                    guard progress.total > 0 else { return }
                    inbox.post(.activity("indexing \(progress.done)/\(progress.total) files"))
                    if progress.done > 0, throttle.due() {
                        source.libraryDidChange()
                        inbox.post(.libraryChanged(nil))
                    }
                }
                source.libraryDidChange()
                inbox.post(.activity(nil))
                if let summary = summary(report) { inbox.post(.libraryChanged(summary)) }
            } catch {
                inbox.post(.activity(nil))
                inbox.post(.message("library refresh failed: \(error)", isError: true))
            }
        }
    }

    /// What the status line says after a refresh; nil when nothing changed.
    static func summary(_ report: IndexReport) -> String? {
        var parts: [String] = []
        if report.added > 0 { parts.append("\(report.added) added") }
        if report.changed > 0 { parts.append("\(report.changed) changed") }
        if report.removed > 0 { parts.append("\(report.removed) removed") }
        if report.bad > 0 { parts.append("\(report.bad) unreadable (brief index lists them)") }
        guard !parts.isEmpty else { return nil }
        let files = report.added + report.changed + report.removed + report.bad == 1 ? "file" : "files"
        return "library refreshed, \(files) " + parts.joined(separator: ", ")
    }
}

/// How many background jobs are under way (from any thread).
final class JobCount: @unchecked Sendable {
    // `count` is guarded by `lock`.
    private let lock = NSLock()
    private var count = 0

    func add(_ delta: Int) { lock.withLock { count += delta } }
    var value: Int { lock.withLock { count } }
}

/// Says yes at most once per interval (progress arrives from the refresh's threads).
private final class Throttle: @unchecked Sendable {
    // `last` is guarded by `lock`.
    private let lock = NSLock()
    private var last = ContinuousClock.now
    private let interval: Duration

    init(interval: Duration) { self.interval = interval }

    func due() -> Bool {
        lock.withLock {
            let now = ContinuousClock.now
            guard now - last >= interval else { return false }
            last = now
            return true
        }
    }
}
