// `brief fetch`: reload every subscribed feed headless, with a progress line.
import ArgumentParser
import BriefCore
import Foundation

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Reload every feed in config.toml ([[feeds]] url=…) into the local store.")

    @Option(name: .long, help: "Seconds without a byte received before a feed is abandoned (default: [fetch] timeout in config.toml, else 20).")
    var timeout: Double?

    func run() async throws {
        let directories = BriefDirectories.current
        let subscriptions: [FeedSubscription]
        var settings: FeedFetchSettings
        do {
            subscriptions = try SubscriptionConfig.load(from: directories.configFile)
            settings = try SubscriptionConfig.fetchSettings(from: directories.configFile)
        } catch {
            FileHandle.standardError.write(Data("brief: \(error.reason)\n".utf8))
            throw ExitCode(1)
        }
        guard !subscriptions.isEmpty else {
            FileHandle.standardError.write(Data("brief: no feeds in \(directories.configFile.path); add [[feeds]] url = \"…\" or run brief import-opml FILE\n".utf8))
            throw ExitCode(1)
        }
        if let timeout {
            guard timeout > 0 else {
                FileHandle.standardError.write(Data("brief: --timeout: expected a number of seconds greater than 0\n".utf8))
                throw ExitCode(1)
            }
            settings.timeout = timeout
        }
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
