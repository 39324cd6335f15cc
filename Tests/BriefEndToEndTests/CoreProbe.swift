// What the core can do yet, so tests of features that rest on it run once it can.
import BriefCore
import Foundation

enum CoreProbe {
    static let seedFile = BriefExecutable.packageRoot.appendingPathComponent("Sources/brief/SampleLibrary/000_aefbc1df83542534.txt")

    static let seed: Article? = {
        guard let data = try? Data(contentsOf: seedFile) else { return nil }
        return try? ArticlePipeline().articles(from: data, source: seedFile.path).first
    }()

    /// The cleaner takes the seed's promo lines out of the body.
    static var cleanerRemovesPromo: Bool {
        guard let seed else { return false }
        return !seed.paragraphs.contains { $0.contains("Similar topics for you") }
            && seed.removed.contains { $0.text.contains("Similar topics for you") }
    }

    /// The classifier gives the generated library's articles different topics.
    static var classifierSeparatesFixtures: Bool {
        let sets = Set(FixtureFiles.texts.map { text in
            (try? ArticlePipeline().articles(from: Data(text.utf8), source: "probe.txt").first?.topics.map(\.id).sorted()) ?? []
        })
        return sets.count >= 2 && !sets.contains([])
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

    static func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (number, text) in texts.enumerated() {
            try text.write(to: directory.appendingPathComponent("article-\(number).txt"), atomically: true, encoding: .utf8)
        }
    }
}
