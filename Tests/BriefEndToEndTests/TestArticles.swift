// Articles the end-to-end tests open: the bundled samples and a few small ones written per test.
import Foundation

/// The sample library bundled with `brief`, which it opens when given no path.
enum SampleFiles {
    static let directory = BriefExecutable.packageRoot.appendingPathComponent("Sources/brief/SampleLibrary")
    static let seed = directory.appendingPathComponent("000_aefbc1df83542534.txt")
    static var count: Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { !$0.hasPrefix(".") }.count
    }
}

/// Small articles written into a temporary directory for tests that need more than the sample.
enum FixtureFiles {
    static let texts = [
        """
        Central bank raises interest rates to fight inflation
        2024-03-14
        The central bank raised its benchmark interest rate by a quarter point on Thursday, citing persistent inflation in services and housing.
        Economists had expected the move after wage growth stayed strong through the winter, and markets barely reacted.
        """,
        """
        Storm floods coastal towns as rivers burst their banks
        2024-03-12
        Heavy rain and gale-force winds flooded several coastal towns overnight, and thousands of homes were left without power.
        Weather forecasters warned that another storm system would arrive before the weekend.
        """,
        """
        Seoul hosts talks on North Korea missile launches
        2024-03-10
        Diplomats from South Korea, Japan and the United States met in Seoul to discuss North Korea's latest missile launches and its spy satellite program.
        The officials agreed to share missile warning data in real time.
        """,
    ]

    /// One more, for tests that add a file to a library.
    static let extra = """
        Wildfire forces evacuations in the hills above the city
        2024-03-16
        A fast-moving wildfire forced thousands of residents to leave their homes as dry winds pushed the flames downhill.
        Firefighters said cooler weather overnight should help them contain the blaze.
        """

    /// A stored feed with one item, as `brief fetch` saves it.
    static let storedFeed = """
        {"url": "https://example.org/feed.xml", "title": "Example Port News", "items": [
          {"title": "Harbour reopens after dredging", "link": "https://example.org/harbour",
           "dateText": "Mon, 18 Mar 2024 09:00:00 GMT", "isSummaryOnly": false, "enclosures": [],
           "contentHTML": "<p>The harbour reopened to large ships on Monday after months of dredging work.</p><p>Port officials expect traffic to recover by the summer.</p>"}
        ]}
        """

    /// An RSS feed with `items` items, newest first, the newest dated last.
    static func rss(items: Int) -> String {
        let entries = (1...items).reversed().map { number in
            """
            <item><title>Port item number \(number)</title><link>https://example.org/port/\(number)</link>
            <pubDate>Mon, \(10 + number) Jun 2024 09:00:00 GMT</pubDate>
            <description>&lt;p&gt;The port authority published notice number \(number) about berths and dredging work in the harbour.&lt;/p&gt;</description></item>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Port News</title><link>https://example.org/</link>
            \(entries.joined(separator: "\n"))
            </channel></rss>
            """
    }

    static func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (number, text) in texts.enumerated() {
            try text.write(to: directory.appendingPathComponent("article-\(number).txt"), atomically: true, encoding: .utf8)
        }
    }
}
