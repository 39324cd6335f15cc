// Reloads subscribed feeds a few at a time into the feed store, one clear report per feed.
import BriefCore
import Foundation

/// The outcome of refreshing one feed.
public struct FeedRefreshReport: Sendable, Hashable {
    public var url: String
    public var name: String
    /// Items not seen before.
    public var newItems: Int
    /// Items stored for the feed after the refresh (kept on failure).
    public var storedItems: Int
    public var notModified: Bool
    /// Why the refresh failed; the stored items stay.
    public var error: String?
    /// Items of a `full = true` feed whose linked page was not fetched, each as `link: reason`
    /// (a link that is not http or https is refused, never read).
    public var linkProblems: [String] = []

    public var summary: String {
        if let error { return "\(name): \(error) (kept \(storedItems) stored items)" }
        if notModified { return "\(name): not modified" }
        return "\(name): \(newItems) new, \(storedItems) stored" + linkSummary
    }

    private var linkSummary: String {
        guard let first = linkProblems.first else { return "" }
        let count = linkProblems.count
        return "; full text of \(count) item\(count == 1 ? "" : "s") not fetched (\(first))"
    }
}

/// Fetches, parses and stores feeds; never throws, every failure becomes a report.
public struct FeedRefresher: Sendable {
    public var store: FeedStore
    public var fetcher: FeedFetcher

    public init(store: FeedStore, fetcher: FeedFetcher = FeedFetcher()) {
        self.store = store
        self.fetcher = fetcher
    }

    /// Refreshes every subscription, at most `settings.parallelFeeds` at once, calling `progress`
    /// after each one (from any task). Reports come back in subscription order.
    public func refreshAll(_ subscriptions: [FeedSubscription],
                           progress: @escaping @Sendable (_ done: Int, _ total: Int, FeedRefreshReport) -> Void = { _, _, _ in })
        async -> [FeedRefreshReport] {
        var reports = [FeedRefreshReport?](repeating: nil, count: subscriptions.count)
        let width = max(1, fetcher.settings.parallelFeeds)
        await withTaskGroup(of: (Int, FeedRefreshReport).self) { group in
            var next = 0
            var done = 0
            func startNext() {
                guard next < subscriptions.count else { return }
                let index = next
                let subscription = subscriptions[index]
                group.addTask { (index, await refresh(subscription)) }
                next += 1
            }
            for _ in 0..<width { startNext() }
            while let (index, report) = await group.next() {
                reports[index] = report
                done += 1
                progress(done, subscriptions.count, report)
                startNext()
            }
        }
        return reports.compactMap { $0 }
    }

    /// Refreshes one subscription.
    public func refresh(_ subscription: FeedSubscription) async -> FeedRefreshReport {
        let started = ContinuousClock.now
        var stored = store.load(url: subscription.url) ?? StoredFeed(url: subscription.url)
        var report = FeedRefreshReport(url: subscription.url, name: subscription.name ?? stored.title ?? subscription.url,
                                       newItems: 0, storedItems: stored.items.count, notModified: false, error: nil)
        do {
            let outcome = try await fetcher.fetch(subscription.url, etag: stored.etag, lastModified: stored.lastModified)
            switch outcome {
            case .notModified:
                report.notModified = true
            case .fetched(let body, let etag, let lastModified, let contentType):
                let feed = try parseFeed(body, contentType: contentType)
                var items = feed.items
                if subscription.wantsFullText {
                    (items, report.linkProblems) = await withFullText(items, known: stored, started: started)
                }
                stored.title = feed.title ?? stored.title
                stored.link = feed.link ?? stored.link
                stored.etag = etag
                stored.lastModified = lastModified
                report.newItems = stored.merge(items)
                report.name = subscription.name ?? stored.title ?? subscription.url
            }
            stored.lastError = nil
        } catch {
            report.error = "\(error)"
            stored.lastError = report.error
        }
        stored.lastFetched = Date()
        report.storedItems = stored.items.count
        do {
            try store.save(stored)
        } catch {
            report.error = [report.error, error.reason].compactMap { $0 }.joined(separator: "; ")
        }
        return report
    }

    /// The body as a feed, with the errors people meet named plainly (an HTML page, truncated XML, a bomb).
    private func parseFeed(_ body: Data, contentType: String?) throws(FetchError) -> ParsedFeed {
        guard !body.isEmpty else { throw FetchError("empty response") }
        if FormatDetector.detect(body, source: "") == .html {
            throw FetchError("the server sent an HTML page, not a feed" + (contentType.map { " (\($0))" } ?? ""))
        }
        do {
            return try FeedReader().parse(body, httpCharset: contentType.flatMap(FeedCharsetDecoder.charset(inContentType:)))
        } catch {
            throw FetchError(error.reason)
        }
    }

    /// For `full = true` feeds: items that carry only a summary get the extracted text of their
    /// page, within what is left of the feed's deadline. Returns the items and the links not
    /// fetched, with why.
    private func withFullText(_ items: [FeedItem], known: StoredFeed, started: ContinuousClock.Instant) async
        -> ([FeedItem], [String]) {
        let knownLinks = Set(known.items.compactMap(\.link))
        let deadline = Duration.seconds(fetcher.settings.deadline)
        var problems: [String] = []
        var result: [FeedItem] = []
        for var item in items {
            defer { result.append(item) }
            guard item.isSummaryOnly, let link = item.link, !knownLinks.contains(link) else { continue }
            let left = deadline - started.duration(to: .now)
            guard left > .zero else {
                problems.append("\(Self.shown(link)): the feed's deadline passed")
                continue
            }
            let body: Data
            do {
                guard case .fetched(let page, _, _, _) = try await fetcher.fetchLink(link, deadline: Self.seconds(left)) else { continue }
                body = page
            } catch {
                problems.append("\(Self.shown(link)): \(error.reason)")
                continue
            }
            do {
                let page = try HTMLArticleReader().document(from: body, source: link)
                guard !page.blocks.isEmpty else { continue }
                item.contentHTML = page.blocks.map { "<p>\(Self.escape($0.text))</p>" }.joined()
                item.isSummaryOnly = false
            } catch {
                problems.append("\(Self.shown(link)): \(error.reason)")
            }
        }
        return (result, problems)
    }

    /// A link from feed data as a message quotes it: at most 100 characters.
    private static func shown(_ link: String) -> String { link.count > 100 ? String(link.prefix(99)) + "…" : link }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
