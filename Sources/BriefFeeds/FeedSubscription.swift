// Feed subscriptions as kept in `$XDG_CONFIG_HOME/brief/config.toml`: `[[feeds]]` tables, `[fetch]` limits.
import BriefCore
import Foundation
import TOMLKit

/// Reads and extends the subscription list in the config file, leaving everything else in it alone.
public enum SubscriptionConfig {
    private struct File: Decodable {
        var feeds: [FeedSubscription]?
    }

    /// The subscriptions in `file`; none when the file does not exist.
    public static func load(from file: URL) throws(ReadError) -> [FeedSubscription] {
        guard let text = try text(of: file) else { return [] }
        do {
            return try TOMLDecoder().decode(File.self, from: text).feeds ?? []
        } catch let error as TOMLParseError {
            throw ReadError(.malformed, "\(file.path): line \(error.source.begin.line): \(error.description)")
        } catch {
            throw ReadError(.invalidSetting, "\(file.path): [[feeds]] entries need a url string (\(error))")
        }
    }

    /// The names of the `[fetch]` settings, as messages quote them.
    static let timeoutSetting = "[fetch] timeout"
    static let deadlineSetting = "[fetch] deadline"
    static let sizeSetting = "[fetch] max_feed_size_mb"

    /// The limits of fetching from the `[fetch]` table of `file`; the defaults for what is not
    /// set (or when the file does not exist):
    ///
    ///     [fetch]
    ///     timeout = 20            # seconds without a byte received before a feed is abandoned
    ///     deadline = 30           # seconds one feed may take in all
    ///     max_feed_size_mb = 50   # decoded size above which a response is refused
    public static func fetchSettings(from file: URL) throws(ReadError) -> FeedFetchSettings {
        var settings = FeedFetchSettings()
        guard let text = try text(of: file) else { return settings }
        let fetch: TOMLTable
        do {
            guard let table = try TOMLTable(string: text)["fetch"] else { return settings }
            guard let found = table.table else { throw ReadError(.invalidSetting, "\(file.path): fetch: expected a [fetch] table") }
            fetch = found
        } catch let error as ReadError {
            throw error
        } catch let error as TOMLParseError {
            throw ReadError(.malformed, "\(file.path): line \(error.source.begin.line): \(error.description)")
        } catch {
            throw ReadError(.malformed, "\(file.path): \(error)")
        }
        for key in fetch.keys {
            let value = fetch[key]
            let number = value?.double ?? value?.int.map(Double.init)
            guard let number, number > 0, number.isFinite else {
                throw ReadError(.invalidSetting, "\(file.path): [fetch] \(key): expected a number greater than 0")
            }
            switch key {
            case "timeout": settings.timeout = number
            case "deadline": settings.deadline = number
            case "max_feed_size_mb":
                let most = FeedReader.maximumInputSize >> 20
                guard number <= Double(most) else { throw ReadError(.invalidSetting, "\(file.path): \(sizeSetting): at most \(most) (MB)") }
                settings.maximumBytes = Int(number * 1_048_576)
            default:
                throw ReadError(.invalidSetting, "\(file.path): [fetch] \(key): unknown setting (timeout, deadline, max_feed_size_mb)")
            }
        }
        return settings
    }

    /// The file's text; nil when it does not exist.
    private static func text(of file: URL) throws(ReadError) -> String? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let text: String
        do {
            text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        } catch {
            throw ReadError(.inaccessible, "cannot read \(file.path): \(error.localizedDescription)")
        }
        // TOMLKit's parser aborts the process on some malformed headers: refuse them first.
        if let problem = TOMLHeaderCheck.problem(in: text) {
            throw ReadError(.malformed, "\(file.path): line \(problem.line): \(problem.message)")
        }
        return text
    }

    /// Appends the subscriptions whose URL is not there yet as `[[feeds]]` tables at the end of
    /// the file (text appended, nothing rewritten). Returns the ones added.
    @discardableResult
    public static func append(_ subscriptions: [FeedSubscription], to file: URL) throws(ReadError) -> [FeedSubscription] {
        let existing = try load(from: file)
        var known = Set(existing.map(\.url))
        let added = subscriptions.filter { known.insert($0.url).inserted }
        guard !added.isEmpty else { return [] }
        try ConfigAppender.append(added.map { subscription in
            var table = "[[feeds]]\nurl = \(ConfigAppender.quoted(subscription.url))\n"
            if let name = subscription.name { table += "name = \(ConfigAppender.quoted(name))\n" }
            if let full = subscription.full { table += "full = \(full)\n" }
            return table
        }, to: file)
        return added
    }
}
