// Fetching and storing feeds against a real HTTP server on 127.0.0.1, including every failure a user meets.
import Foundation
import Testing
@testable import BriefFeeds
@testable import BriefCore

/// Counts requests per path, so a test can change what a URL answers the second time.
final class FeedRequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var conditional: [String: Int] = [:]

    func record(_ request: FeedTestHTTPServer.Request) -> Int {
        lock.withLock {
            counts[request.path, default: 0] += 1
            if request.headers["if-none-match"] != nil { conditional[request.path, default: 0] += 1 }
            return counts[request.path]!
        }
    }

    func conditionalRequests(_ path: String) -> Int { lock.withLock { conditional[path] ?? 0 } }
}

@Suite(.serialized)
struct FeedFetchTests {
    static let rss = try! FeedReaderTests.fixture("rss2.xml")
    static let gzipped = try! FeedReaderTests.fixture("rss2.xml.gz")
    static let bomb = try! FeedReaderTests.fixture("bomb.xml")
    static let truncated = try! FeedReaderTests.fixture("truncated.xml")
    static let atom = try! FeedReaderTests.fixture("atom.xml")
    static let article = try! HTMLReaderTests.fixture("article.html")

    static func makeServer(log: FeedRequestLog) throws -> FeedTestHTTPServer {
        try FeedTestHTTPServer { request in
            let count = log.record(request)
            let xml = [("Content-Type", "application/rss+xml")]
            switch request.path {
            case "/feed.xml":
                if request.headers["if-none-match"] == "\"v1\"" { return .init(status: 304) }
                return .init(status: 200, headers: xml + [("ETag", "\"v1\"")], body: rss)
            case "/flaky.xml":
                return count == 1 ? .init(status: 200, headers: xml, body: rss) : .init(status: 500)
            case "/atom.xml":
                return .init(status: 200, headers: [("Content-Type", "application/atom+xml")], body: atom)
            case "/gzip.xml":
                return .init(status: 200, headers: xml + [("Content-Encoding", "gzip")], body: gzipped)
            case "/summary.xml":
                let link = "http://127.0.0.1:\(request.headers["host"]?.split(separator: ":").last ?? "0")/article.html"
                let feed = "<rss version=\"2.0\"><channel><title>Summaries</title><item><title>Cranes</title><link>\(link)</link>"
                    + "<description>Short summary.</description></item></channel></rss>"
                return .init(status: 200, headers: xml, body: Data(feed.utf8))
            case "/article.html":
                return .init(status: 200, headers: [("Content-Type", "text/html")], body: article)
            case "/moved":
                return .init(status: 301, headers: [("Location", "/atom.xml")])
            case "/missing.xml":
                return .init(status: 404)
            case "/broken.xml":
                return .init(status: 500)
            case "/slow.xml":
                return .init(status: 200, headers: xml, body: rss, delay: 3)
            case "/page.html":
                return .init(status: 200, headers: [("Content-Type", "text/html")],
                             body: Data("<!DOCTYPE html><html><body><p>Welcome to our site</p></body></html>".utf8))
            case "/truncated.xml":
                return .init(status: 200, headers: xml, body: truncated)
            case "/bomb.xml":
                return .init(status: 200, headers: xml, body: bomb)
            case "/huge.xml":
                return .init(status: 200, headers: xml, body: Data(repeating: UInt8(ascii: " "), count: 3 << 20))
            default:
                return .init(status: 404)
            }
        }
    }

    static func refresher(_ directory: URL, timeout: TimeInterval = 5) -> FeedRefresher {
        var settings = FeedFetchSettings()
        settings.timeout = timeout
        settings.maximumBytes = 1 << 20
        return FeedRefresher(store: FeedStore(directory: directory), fetcher: FeedFetcher(settings: settings))
    }

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("brief-feeds-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func storesItemsAndUsesConditionalGetWithoutDuplicates() async throws {
        let log = FeedRequestLog()
        let server = try Self.makeServer(log: log)
        defer { server.stop() }
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let refresher = Self.refresher(directory)
        let subscription = FeedSubscription(url: server.url("/feed.xml"), name: "Ledger")

        let first = await refresher.refresh(subscription)
        #expect(first.error == nil)
        #expect(first.newItems == 3)
        let second = await refresher.refresh(subscription)
        #expect(second.notModified)
        #expect(second.storedItems == 3)
        #expect(log.conditionalRequests("/feed.xml") == 1)

        // Stored on disk: a new store over the same directory reads the items offline.
        let stored = try #require(FeedStore(directory: directory).load(url: subscription.url))
        #expect(stored.etag == "\"v1\"")
        #expect(stored.documents.map(\.title) == ["Harbour cranes return to service", "Ferry timetable & fares for spring",
                                                 "Harbour podcast, episode 12"])
    }

    @Test func fullTextSubscriptionsExtractTheLinkedPage() async throws {
        let server = try Self.makeServer(log: FeedRequestLog())
        defer { server.stop() }
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let subscription = FeedSubscription(url: server.url("/summary.xml"), full: true)
        let report = await Self.refresher(directory).refresh(subscription)
        #expect(report.error == nil)
        let stored = try #require(FeedStore(directory: directory).load(url: subscription.url))
        let text = stored.documents.first?.blocks.map(\.text).joined(separator: "\n") ?? ""
        #expect(text.contains("The two container cranes at the north quay"))
        #expect(!text.contains("Short summary."))
        #expect(!text.contains("Share on Facebook"))
    }

    @Test func mergingTheSameItemsAgainAddsNothing() {
        var feed = StoredFeed(url: "x")
        let items = [FeedItem(title: "A", link: "https://x/a", guid: "1"), FeedItem(title: "B", contentHTML: "<p>b</p>")]
        #expect(feed.merge(items) == 2)
        #expect(feed.merge(items) == 0)
        // Same guid with another link, same link with another guid: still the same item.
        #expect(feed.merge([FeedItem(title: "A2", link: "https://x/a2", guid: "1"), FeedItem(title: "A3", link: "https://x/a")]) == 0)
        #expect(feed.merge([FeedItem(title: "C", link: "https://x/c")]) == 1)
        #expect(feed.items.first?.title == "C")
    }

    @Test func followsRedirectsAndDecodesGzip() async throws {
        let server = try Self.makeServer(log: FeedRequestLog())
        defer { server.stop() }
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let refresher = Self.refresher(directory)
        let moved = await refresher.refresh(FeedSubscription(url: server.url("/moved")))
        #expect(moved.error == nil)
        #expect(moved.newItems == 2)
        let gzip = await refresher.refresh(FeedSubscription(url: server.url("/gzip.xml")))
        #expect(gzip.error == nil)
        #expect(gzip.newItems == 3)
    }

    @Test func everyFailureIsAClearPerFeedError() async throws {
        let server = try Self.makeServer(log: FeedRequestLog())
        defer { server.stop() }
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let refresher = Self.refresher(directory, timeout: 1)
        let cases: [(path: String, expected: String)] = [
            ("/missing.xml", "HTTP 404 not found"), ("/broken.xml", "HTTP 500 internal server error"), ("/slow.xml", "timed out"),
            ("/page.html", "HTML page"), ("/truncated.xml", "truncated"), ("/bomb.xml", "bomb"), ("/huge.xml", "larger than"),
        ]
        let reports = await refresher.refreshAll(cases.map { FeedSubscription(url: server.url($0.path)) })
        #expect(reports.count == cases.count)
        for (report, expected) in zip(reports, cases) {
            #expect(report.error?.contains(expected.expected) == true, "\(expected.path): \(report.error ?? "no error")")
            #expect(report.url.hasSuffix(expected.path))
        }
    }

    @Test func unreachableHostIsReported() async throws {
        // Take a free port, then close it: nothing listens there.
        let server = try FeedTestHTTPServer { _ in .init(status: 200) }
        let address = server.url("/feed.xml")
        server.stop()
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = await Self.refresher(directory, timeout: 2).refresh(FeedSubscription(url: address))
        #expect(report.error?.contains("unreachable") == true || report.error?.contains("network error") == true,
                "\(report.error ?? "no error")")
    }

    @Test func aFailedRefreshKeepsTheStoredItems() async throws {
        let server = try Self.makeServer(log: FeedRequestLog())
        defer { server.stop() }
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let refresher = Self.refresher(directory)
        let subscription = FeedSubscription(url: server.url("/flaky.xml"))
        #expect(await refresher.refresh(subscription).newItems == 3)
        let failed = await refresher.refresh(subscription)
        #expect(failed.error?.contains("500") == true)
        #expect(failed.storedItems == 3)
        let stored = try #require(FeedStore(directory: directory).load(url: subscription.url))
        #expect(stored.items.count == 3)
        #expect(stored.lastError?.contains("500") == true)
    }

    @Test func refreshAllReportsProgressForEveryFeed() async throws {
        let server = try Self.makeServer(log: FeedRequestLog())
        defer { server.stop() }
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let seen = FeedRequestLog()
        let paths = ["/feed.xml", "/atom.xml", "/missing.xml", "/gzip.xml", "/moved"]
        let reports = await Self.refresher(directory).refreshAll(paths.map { FeedSubscription(url: server.url($0)) }) { done, total, _ in
            #expect(total == 5)
            _ = seen.record(.init(path: "progress-\(done)", headers: [:]))
        }
        #expect(reports.map(\.url) == paths.map { server.url($0) })
        for done in 1...5 { #expect(seen.record(.init(path: "progress-\(done)", headers: [:])) == 2) }
    }
}
