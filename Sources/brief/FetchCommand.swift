// `brief fetch`: reload every subscribed feed headless, with a progress line.
import ArgumentParser
import BriefConfig
import BriefCore
import BriefFeeds
import Foundation

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Reload every feed in config.toml ([[feeds]] url=…) into the local store.")

    @Option(name: .long, help: "Seconds without a byte received before a feed is abandoned (default: [fetch] timeout in config.toml, else 20).")
    var timeout: Double?

    func run() async throws {
        let directories = BriefDirectories.current
        let config = ReaderConfig(file: directories.configFile)
        guard config.feedProblems.isEmpty else {
            for problem in config.feedProblems { StandardStreams.message(problem) }
            throw ExitCode(1)
        }
        let subscriptions = config.feeds
        var settings = config.fetch
        guard !subscriptions.isEmpty else {
            StandardStreams.message("no feeds in \(directories.configFile.path); add [[feeds]] url = \"…\" or run brief import-opml FILE")
            throw ExitCode(1)
        }
        if let timeout {
            guard timeout > 0 else {
                StandardStreams.message("--timeout: expected a number of seconds greater than 0")
                throw ExitCode(1)
            }
            settings.timeout = timeout
        }
        let refresher = FeedRefresher(store: FeedStore(directories: directories), fetcher: FeedFetcher(settings: settings))
        let interactive = isatty(STDERR_FILENO) != 0
        let reports = await refresher.refreshAll(subscriptions) { done, total, report in
            // One progress line, rewritten in place on a terminal; one line per feed otherwise.
            StandardStreams.progress("[\(done)/\(total)] \(report.summary)", inPlace: interactive)
        }
        if interactive { StandardStreams.endProgress(clearing: false) }
        let failed = reports.filter { $0.error != nil }
        let fresh = reports.reduce(0) { $0 + $1.newItems }
        StandardStreams.output("\(reports.count) feeds, \(fresh) new items, \(failed.count) failed")
        for report in failed { StandardStreams.message(report.summary) }
        if !failed.isEmpty { throw ExitCode(1) }
    }

}
