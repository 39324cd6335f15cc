// Fetching from servers that try to hurt: compression bombs, endless trickles, links and
// redirects to local files. Each server runs on 127.0.0.1 and stops with its test.
import Foundation
import Testing
@testable import BriefFeeds
@testable import BriefCore

@Suite(.serialized)
struct HostileFeedServerTests {
    static let secret = "BRIEF_TEST_SECRET_\(UUID().uuidString)"

    static func refresher(_ directory: URL, maximumBytes: Int = 1 << 20, timeout: TimeInterval = 5,
                          deadline: TimeInterval = 30) -> FeedRefresher {
        var settings = FeedFetchSettings()
        settings.maximumBytes = maximumBytes
        settings.timeout = timeout
        settings.deadline = deadline
        return FeedRefresher(store: FeedStore(directory: directory), fetcher: FeedFetcher(settings: settings))
    }

    /// A gzip response of zeros as a hostile server sends it: deflate's fixed Huffman codes, one
    /// literal zero, then copies of 258 bytes at distance 1, 13 bits each — about 160 times
    /// smaller than what it decodes to. Truncated, without a trailer: a reader that stops at its
    /// cap never gets there, and one that does not has decoded all of it first.
    static func gzipBomb(decodedMegabytes: Int) -> Data {
        var bits = DeflateBits()
        bits.write(1, count: 1)          // last block
        bits.write(1, count: 2)          // fixed Huffman codes
        bits.writeCode(0x30, count: 8)   // literal 0
        for _ in 0..<16 {
            bits.writeCode(0xC5, count: 8)   // length 258 (symbol 285)
            bits.writeCode(0, count: 5)      // distance 1 (code 0)
        }
        // From bit 11 on the stream repeats every 8 copies (104 bits = 13 bytes), so from byte 2.
        let head = Array(bits.bytes[0..<2])
        let period = Array(bits.bytes[2..<15])
        let copies = decodedMegabytes << 20 / 258
        var body = Data([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3] + head)
        body.reserveCapacity(body.count + copies * 13 / 8 + 13)
        for _ in 0..<(copies / 8 + 1) { body.append(contentsOf: period) }
        return body
    }

    /// `secretPath`: a local file the feed's links point at.
    static func makeServer(secretPath: String = "/etc/hostname") throws -> FeedTestHTTPServer {
        try FeedTestHTTPServer { request in
            let port = request.headers["host"]?.split(separator: ":").last ?? "0"
            let xml = [("Content-Type", "application/rss+xml")]
            switch request.path {
            case "/bomb.xml":
                return .init(status: 200, headers: xml + [("Content-Encoding", "gzip")], body: gzipBomb(decodedMegabytes: 1024),
                             declaresLength: false)
            case "/trickle.xml":
                let feed = "<rss version=\"2.0\"><channel><title>Slow</title>" + String(repeating: " ", count: 400) + "</channel></rss>"
                return .init(status: 200, headers: xml, body: Data(feed.utf8), trickle: 0.05)
            case "/to-file":
                return .init(status: 302, headers: [("Location", "file://\(secretPath)")])
            case "/links.xml":
                let links = ["file://\(secretPath)", secretPath, "http://127.0.0.1:\(port)/to-file"]
                let items = links.enumerated().map { index, link in
                    "<item><title>Item \(index)</title><link>\(link)</link><description>Summary \(index).</description></item>"
                }
                let feed = "<rss version=\"2.0\"><channel><title>Links</title>\(items.joined())</channel></rss>"
                return .init(status: 200, headers: xml, body: Data(feed.utf8))
            case "/slow-links.xml":
                let items = (1...3).map {
                    "<item><title>Slow \($0)</title><link>http://127.0.0.1:\(port)/slow-page.html?\($0)</link><description>Slow summary \($0).</description></item>"
                }
                let feed = "<rss version=\"2.0\"><channel><title>Slow links</title>\(items.joined())</channel></rss>"
                return .init(status: 200, headers: xml, body: Data(feed.utf8))
            case let path where path.hasPrefix("/slow-page.html"):
                let page = "<html><body><p>" + String(repeating: "Slowly. ", count: 50) + "</p></body></html>"
                return .init(status: 200, headers: [("Content-Type", "text/html")], body: Data(page.utf8), trickle: 0.05)
            case "/big.xml":
                let paragraph = String(repeating: "Harbour cranes return to service after the long winter. ", count: 10)
                let items = (0..<5000).map { "<item><title>Item \($0)</title><guid>g\($0)</guid><description>\(paragraph)</description></item>" }
                let feed = "<rss version=\"2.0\"><channel><title>Big harbour</title>\(items.joined())</channel></rss>"
                return .init(status: 200, headers: xml, body: Data(feed.utf8))
            default:
                return .init(status: 404)
            }
        }
    }

    /// The largest this process has been, in bytes.
    static func peakMemory() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    @Test func aGzipBombIsStoppedAtTheDecodedSizeCap() async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let directory = FeedFetchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = Self.peakMemory()
        // 6.6 MB on the wire with no declared length, 1 GB of zeros decoded; the cap is 1 MB.
        let report = await Self.refresher(directory).refresh(FeedSubscription(url: server.url("/bomb.xml"), name: "Bomb"))
        let error = try #require(report.error)
        #expect(error.contains("larger than 1 MB"), "\(error)")
        #expect(error.contains("max_feed_size_mb"))
        #expect(report.summary.hasPrefix("Bomb: "))
        // Decoding stopped at the cap, not after the whole gigabyte (uncapped: +988 MB). The
        // peak is the process's, and other suites run beside this one, hence the wide margin.
        #expect(Self.peakMemory() - before < 512 << 20)
    }

    @Test func aTricklingServerIsStoppedByTheFeedDeadline() async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let directory = FeedFetchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A byte every 50 ms never trips the 5 s idle timeout; the whole takes over 20 s.
        let report = await Self.refresher(directory, timeout: 5, deadline: 1).refresh(FeedSubscription(url: server.url("/trickle.xml")))
        let error = try #require(report.error)
        #expect(error.contains("deadline"), "\(error)")
        #expect(error.contains("[fetch] deadline"))
    }

    @Test func briefFetchTakesItsDeadlineFromConfigAndNamesTheSetting() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let home = FeedFetchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let config = home.appendingPathComponent("config/brief")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try Data("[fetch]\ndeadline = 1\n\n[[feeds]]\nurl = \"\(server.url("/trickle.xml"))\"\nname = \"Slow\"\n".utf8)
            .write(to: config.appendingPathComponent("config.toml"))
        let run = try CLICommandTests().brief(["fetch"], configHome: home.appendingPathComponent("config").path,
                                              dataHome: home.appendingPathComponent("data").path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("brief: Slow: timed out: not finished within the 1 s deadline"), "\(run.stderr)")
        #expect(run.stderr.contains("set [fetch] deadline in config.toml"))
        #expect(run.stdout.contains("1 feeds, 0 new items, 1 failed"))
    }

    @Test func theFeedDeadlineCoversTheLinkedPagesOfAFullTextFeed() async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let directory = FeedFetchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let subscription = FeedSubscription(url: server.url("/slow-links.xml"), full: true)
        let report = await Self.refresher(directory, timeout: 5, deadline: 1).refresh(subscription)
        // The feed itself arrived: its items are kept with their summaries.
        #expect(report.error == nil)
        #expect(report.newItems == 3)
        #expect(report.linkProblems.count == 3, "\(report.linkProblems)")
        #expect(report.linkProblems.first?.contains("deadline") == true)
        #expect(report.linkProblems.last?.hasSuffix("the feed's deadline passed") == true)
        let stored = try #require(FeedStore(directory: directory).load(url: subscription.url))
        #expect(stored.documents.flatMap(\.blocks).contains { $0.text.contains("Slow summary 1.") })
    }

    @Test func itemLinksThatAreNotHttpAreRefusedAndNeverRead() async throws {
        let directory = FeedFetchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secretFile = directory.appendingPathComponent("secret.txt")
        try Data("<html><body><p>\(Self.secret) is the secret of this machine and must never be shown.</p></body></html>".utf8)
            .write(to: secretFile)
        let server = try Self.makeServer(secretPath: secretFile.path)
        defer { server.stop() }
        let store = directory.appendingPathComponent("store")
        let subscription = FeedSubscription(url: server.url("/links.xml"), full: true)
        let report = await Self.refresher(store).refresh(subscription)
        #expect(report.error == nil)
        #expect(report.newItems == 3)
        let stored = try #require(FeedStore(directory: store).load(url: subscription.url))
        let text = stored.documents.flatMap(\.blocks).map(\.text).joined(separator: "\n")
        #expect(!text.contains(Self.secret))
        #expect(text.contains("Summary 0."))
        // Each link is reported with its reason: a file: link and a redirect to one are refused.
        #expect(report.linkProblems.count == 3, "\(report.linkProblems)")
        #expect(report.linkProblems.contains { $0.hasPrefix("file://") && $0.contains("refused: not an http or https link") })
        #expect(report.linkProblems.contains { $0.contains("/to-file") && $0.contains("refused: redirected") })
        #expect(report.summary.contains("full text of 3 items not fetched"))
    }

    @Test func aLocalFeedThatIsAFIFOIsRefusedInsteadOfBlocking() async throws {
        let directory = FeedFetchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("feed.xml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let report = await Self.refresher(directory.appendingPathComponent("store")).refresh(FeedSubscription(url: fifo))
        #expect(report.error?.contains("not a regular file") == true, "\(report.error ?? "no error")")
    }

    @Test func aLargeFeedIsReadUpToTheSizeSettingAndRefusedPastIt() async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let directory = FeedFetchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // About 3 MB: over a 1 MB cap, under the default.
        let subscription = FeedSubscription(url: server.url("/big.xml"), name: "Big harbour")
        let refused = await Self.refresher(directory, maximumBytes: 1 << 20).refresh(subscription)
        #expect(refused.summary.hasPrefix("Big harbour: response larger than 1 MB"), "\(refused.summary)")
        #expect(refused.summary.contains("set [fetch] max_feed_size_mb in config.toml"))
        let read = await Self.refresher(directory, maximumBytes: FeedFetchSettings().maximumBytes).refresh(subscription)
        #expect(read.error == nil)
        #expect(read.newItems == 5000)
    }
}

/// Deflate's bit order: fields least significant bit first, Huffman codes most significant first.
private struct DeflateBits {
    var bytes: [UInt8] = []
    private var pending: UInt32 = 0
    private var pendingCount = 0

    mutating func write(_ value: UInt32, count: Int) {
        for bit in 0..<count { append((value >> UInt32(bit)) & 1) }
    }

    mutating func writeCode(_ code: UInt32, count: Int) {
        for bit in (0..<count).reversed() { append((code >> UInt32(bit)) & 1) }
    }

    private mutating func append(_ bit: UInt32) {
        pending |= bit << UInt32(pendingCount)
        pendingCount += 1
        if pendingCount == 8 {
            bytes.append(UInt8(pending))
            pending = 0
            pendingCount = 0
        }
    }
}
