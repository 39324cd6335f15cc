// `brief fetch`: reload every subscribed feed headless, with a progress line.
import ArgumentParser
import BriefCore
import Foundation

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Reload every feed in config.toml ([[feeds]] url=…) into the local store.")

    @Option(name: .long, help: "Seconds before a request is abandoned.")
    var timeout: Double = 20

    func run() async throws {
        let directories = BriefDirectories.current
        let subscriptions: [FeedSubscription]
        do {
            subscriptions = try SubscriptionConfig.load(from: directories.configFile)
        } catch {
            FileHandle.standardError.write(Data("brief: \(error.reason)\n".utf8))
            throw ExitCode(1)
        }
        guard !subscriptions.isEmpty else {
            FileHandle.standardError.write(Data("brief: no feeds in \(directories.configFile.path); add [[feeds]] url = \"…\" or run brief import-opml FILE\n".utf8))
            throw ExitCode(1)
        }
        var settings = FeedFetchSettings()
        settings.timeout = timeout
        let refresher = FeedRefresher(store: FeedStore(directories: directories), fetcher: FeedFetcher(settings: settings))
        let interactive = isatty(STDERR_FILENO) != 0
        let reports = await refresher.refreshAll(subscriptions) { done, total, report in
            // One progress line, rewritten in place on a terminal; one line per feed otherwise.
            let line = "[\(done)/\(total)] \(TerminalSafeText.clean(report.summary))"
            FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[K" + line : line + "\n").utf8))
        }
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
        let failed = reports.filter { $0.error != nil }
        let fresh = reports.reduce(0) { $0 + $1.newItems }
        print("\(reports.count) feeds, \(fresh) new items, \(failed.count) failed")
        for report in failed { FileHandle.standardError.write(Data("brief: \(TerminalSafeText.clean(report.summary))\n".utf8)) }
        if !failed.isEmpty { throw ExitCode(1) }
    }

}
