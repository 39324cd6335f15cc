// A crafted feed, page or OPML file cannot write escape sequences through libxml2's error output.
import BriefCore
import Foundation
import Testing

/// Terminal-steering sequences (window title, clipboard write, clear screen) followed by a text
/// node over libxml2's 10 MB limit: both the invalid characters and the huge node raise parser
/// errors whose default report prints the offending input raw.
private let hostileText: String = "\u{1B}]0;owned title\u{07}\u{1B}]52;c;b3duZWQ=\u{07}\u{1B}[2J"
    + String(repeating: "A", count: 11 << 20)

private func hostileFeed() -> String {
    """
    <?xml version="1.0" encoding="utf-8"?>
    <rss version="2.0"><channel><title>Hostile</title>
    <item><title>Item</title><link>https://example.com/a</link><description>\(hostileText)</description></item>
    </channel></rss>
    """
}

extension CLICommandTests {
    private func expectNoEscape(_ run: Run, _ command: String) {
        #expect(!run.stdout.unicodeScalars.contains("\u{1B}"), "ESC on stdout of \(command)")
        #expect(!run.stderr.unicodeScalars.contains("\u{1B}"), "ESC on stderr of \(command)")
        #expect(!run.stderr.unicodeScalars.contains("\u{07}"), "BEL on stderr of \(command)")
    }

    @Test func hostileFeedWritesNoEscapeSequenceThroughShowOrList() throws {
        let feed = try temporaryFile("hostile.xml", hostileFeed())
        defer { try? FileManager.default.removeItem(atPath: feed) }
        expectNoEscape(try brief(["show", feed]), "show")
        expectNoEscape(try brief(["show", "--json", feed]), "show --json")
        expectNoEscape(try brief(["list", feed]), "list")
    }

    @Test func hostileHTMLPageWritesNoEscapeSequence() throws {
        let page = try temporaryFile("hostile.html", "<!doctype html><html><head><title>Page</title></head><body><p>\(hostileText)</p></body></html>")
        defer { try? FileManager.default.removeItem(atPath: page) }
        expectNoEscape(try brief(["show", page]), "show")
        expectNoEscape(try brief(["list", page]), "list")
    }

    @Test func hostileOPMLFileWritesNoEscapeSequenceThroughImport() throws {
        let opml = try temporaryFile("hostile.opml", """
            <?xml version="1.0"?><opml version="2.0"><head><title>\(hostileText)</title></head>
            <body><outline text="A feed" xmlUrl="https://example.com/feed.xml"/></body></opml>
            """)
        defer { try? FileManager.default.removeItem(atPath: opml) }
        let configHome = FileManager.default.temporaryDirectory.appendingPathComponent("brief-opml-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: configHome) }
        let run = try brief(["import-opml", opml], configHome: configHome)
        expectNoEscape(run, "import-opml")
        #expect(run.status == 1, "the malformed OPML file is refused")
        #expect(run.stderr.contains("hostile.opml"), "the message names the file")
    }
}

@Suite("libxml2 error output")
struct LibXML2ErrorOutputTests {
    /// Runs `body` on a new thread (whose libxml2 handlers are libxml2's defaults) while the
    /// process's stderr goes to a file, and returns what was written there.
    private func stderrOfFreshThread(_ body: @escaping @Sendable () -> Void) throws -> Data {
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("brief-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: capture.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: capture) }
        let handle = try FileHandle(forWritingTo: capture)
        let saved = dup(STDERR_FILENO)
        fflush(nil)
        dup2(handle.fileDescriptor, STDERR_FILENO)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        done.wait()
        fflush(nil)
        dup2(saved, STDERR_FILENO)
        close(saved)
        try handle.close()
        return try Data(contentsOf: capture)
    }

    @Test func readersOnAnyThreadPrintNothingForHostileInput() throws {
        let written = try stderrOfFreshThread {
            let feed = Data(hostileFeed().utf8)
            _ = try? FeedReader().read(feed, source: "hostile.xml")
            _ = try? HTMLArticleReader().read(Data("<html><body><p>\(hostileText)</p></body></html>".utf8), source: "hostile.html")
            _ = try? OPMLReader.subscriptions(from: Data("<opml><body>\(hostileText)</body></opml>".utf8))
        }
        // Other suites run in this process at the same time and write to the same stderr while
        // it is captured, escape sequences included (a terminal's colours, a test's own hostile
        // text), so the check is for bytes only this input has, not for any ESC or for silence.
        let output = String(decoding: written, as: UTF8.self)
        for marker in ["owned title", "52;c;b3duZWQ=", String(repeating: "A", count: 64)] {
            #expect(!output.contains(marker), "libxml2 wrote the input's text to stderr: \(marker.prefix(20))")
        }
    }

    @Test func refusedFeedReasonIsOneCleanLine() throws {
        do {
            _ = try FeedReader().read(Data(hostileFeed().utf8), source: "hostile.xml")
            Issue.record("a feed with control characters in its text was read")
        } catch {
            #expect(!error.reason.unicodeScalars.contains { $0.properties.generalCategory == .control })
            #expect(error.reason.contains("XML"), "the reason says what is wrong: \(error.reason)")
        }
    }
}
