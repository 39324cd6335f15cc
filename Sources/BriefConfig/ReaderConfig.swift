// `$XDG_CONFIG_HOME/brief/config.toml`, read once for every command: library, theme, keys,
// stories, saved searches, feed subscriptions and fetch limits.
import BriefCore
import BriefFeeds
import BriefUI
import Foundation
import TOMLKit

/// Settings read from config.toml (the one reader of it; the feeds' table is appended to by
/// `SubscriptionConfig` and saved searches by `ConfigAppender`, text only):
///
///     library = ["~/news", "~/saved/articles"]   # opened when `brief` gets no path
///     cache = "/srv/brief/library.sqlite"         # or a team's shared cache, read-only
///     theme = "solarized-dark"
///     mouse = false                               # clicks and the wheel go to the terminal
///     clipboard = false                           # y shows the link instead of copying it (OSC 52)
///     hyperlinks = false                          # web addresses as plain text, not OSC 8 links
///     [stories]
///     group = false                               # one row per article, not per story
///     window_days = 3                             # same story in other words: dated this close
///     [[searches]]                                # saved searches, at the top of the filter pane
///     name = "Korea cyber"                        # (S in the reader appends one)
///     query = 'topic:cyber place:"North Korea"'
///     [keys]                                      # everywhere
///     "C-n" = "next-article"
///     [keys.reader]                               # per pane: list, reader, filter
///     x = "show-removed"
///     h = "none"                                  # unbind
///     [[feeds]]                                   # subscriptions (brief fetch, R in the reader)
///     url = "https://example.org/feed.xml"
///     name = "Example"                            # optional; full = true fetches linked pages
///     [fetch]
///     timeout = 20                                # seconds without a byte before a feed is abandoned
///     deadline = 30                               # seconds one feed may take in all
///     max_feed_size_mb = 50                       # decoded size above which a response is refused
package struct ReaderConfig {
    package var library: [String] = []
    /// A cache another account keeps (`brief index --cache-file` run by cron), opened read-only.
    package var sharedCache: String?
    package var theme: String?
    /// `clipboard = false`: `y` shows the link instead of writing OSC 52 (for terminals that refuse it).
    package var clipboard = true
    /// `mouse = false`: leave the mouse to the terminal (its own selection without Shift).
    package var mouse = true
    /// `hyperlinks = false`: no OSC 8 (it is off anyway on the Linux console and the VTs).
    package var hyperlinks = true
    /// `[stories]`: whether the list shows one row per story, and the date window of the same story in other words.
    package var stories = StorySettings.standard
    package var keys: [(context: KeyContext, key: String, command: String)] = []
    /// `[[searches]]`, in the file's order; a malformed entry is left out and reported.
    package var searches: [SavedSearch] = []
    /// False when `searches` is there but is not a list of tables: appending one would break the file.
    package var canAppendSearches = true
    /// `[[feeds]]`, in the file's order.
    package var feeds: [FeedSubscription] = []
    /// `[fetch]`: the limits of fetching, defaults for what is not set.
    package var fetch = FeedFetchSettings()
    /// Problems found, each naming the file (and line when known); the rest of the file still applies.
    package var problems: [String] = []
    /// The problems that concern feeds (the file as a whole, `[[feeds]]`, `[fetch]`): fetching
    /// stops on them rather than run on a half-read list, or append to a file it cannot read.
    package var feedProblems: [String] = []

    /// No settings: what a missing file means.
    package init() {}

    /// Reads the file if it exists; a missing file is an empty config.
    package init(file: URL) {
        self.init()
        guard FileManager.default.fileExists(atPath: file.path) else { return }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            feedProblem("\(file.path): cannot read the file")
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            feedProblem("\(file.path): cannot read the file as UTF-8")
            return
        }
        read(text, file: file)
    }

    /// Reads the text of `file`.
    package init(text: String, file: URL) {
        self.init()
        read(text, file: file)
    }

    private mutating func read(_ text: String, file: URL) {
        let table: TOMLTable
        do throws(ReadError) {
            table = try Self.table(text, file: file)
        } catch {
            feedProblem(error.reason)
            return
        }
        if let value = table["library"] {
            if let array = value.array {
                library = array.compactMap(\.string).map { NSString(string: $0).expandingTildeInPath }
            } else if let single = value.string {
                library = [NSString(string: single).expandingTildeInPath]
            } else {
                problems.append("\(file.path): library: expected a path or a list of paths")
            }
        }
        if let value = table["cache"] {
            if let path = value.string, !path.isEmpty {
                sharedCache = NSString(string: path).expandingTildeInPath
            } else {
                problems.append("\(file.path): cache: expected the path of a cache file")
            }
        }
        if let enabled = switchSetting("mouse", in: table, file: file) { mouse = enabled }
        if let enabled = switchSetting("clipboard", in: table, file: file) { clipboard = enabled }
        if let enabled = switchSetting("hyperlinks", in: table, file: file) { hyperlinks = enabled }
        if let value = table["stories"] { readStories(value, file: file) }
        if let value = table["searches"] { readSearches(value, file: file) }
        if let value = table["theme"] {
            if let name = value.string { theme = name } else { problems.append("\(file.path): theme: expected a name") }
        }
        readKeys(table, file: file)
        if table["feeds"] != nil { readFeeds(in: table, file: file) }
        if let value = table["fetch"] { readFetch(value, file: file) }
    }

    /// The parsed text. TOMLKit's parser aborts the process on some malformed headers, so
    /// those are refused before it sees them.
    static func table(_ text: String, file: URL) throws(ReadError) -> TOMLTable {
        if let problem = TOMLHeaderCheck.problem(in: text) {
            throw ReadError(.malformed, "\(file.path):\(problem.line): \(problem.message)")
        }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ReadError(.malformed, "\(file.path):\(error.source.begin.line): \(error.description)")
        } catch {
            throw ReadError(.malformed, "\(file.path): \(error)")
        }
    }

    private mutating func feedProblem(_ message: String) {
        problems.append(message)
        feedProblems.append(message)
    }

    private struct FeedsTable: Decodable {
        var feeds: [FeedSubscription]?
    }

    private mutating func readFeeds(in table: TOMLTable, file: URL) {
        do {
            feeds = try TOMLDecoder().decode(FeedsTable.self, from: table).feeds ?? []
        } catch {
            feedProblem("\(file.path): [[feeds]] entries need a url string (\(error))")
        }
    }

    private mutating func readFetch(_ value: TOMLValueConvertible, file: URL) {
        guard let section = value.table else {
            feedProblem("\(file.path): fetch: expected a [fetch] table")
            return
        }
        for key in section.keys {
            let value = section[key]
            let number = value?.double ?? value?.int.map(Double.init)
            guard let number, number > 0, number.isFinite else {
                feedProblem("\(file.path): [fetch] \(key): expected a number greater than 0")
                continue
            }
            switch key {
            case "timeout": fetch.timeout = number
            case "deadline": fetch.deadline = number
            case "max_feed_size_mb":
                let most = FeedReader.maximumInputSize >> 20
                guard number <= Double(most) else {
                    feedProblem("\(file.path): \(SubscriptionConfig.sizeSetting): at most \(most) (MB)")
                    continue
                }
                fetch.maximumBytes = Int(number * 1_048_576)
            default:
                feedProblem("\(file.path): [fetch] \(key): unknown setting (timeout, deadline, max_feed_size_mb)")
            }
        }
    }

    /// A true/false setting; nil (and a problem) when it is something else.
    private mutating func switchSetting(_ name: String, in table: TOMLTable, file: URL) -> Bool? {
        guard let value = table[name] else { return nil }
        if let enabled = value.bool { return enabled }
        problems.append("\(file.path): \(name): expected true or false")
        return nil
    }

    private mutating func readSearches(_ value: TOMLValueConvertible, file: URL) {
        guard let entries = value.array else {
            canAppendSearches = false
            problems.append("\(file.path): searches: expected [[searches]] tables with a name and a query")
            return
        }
        for (position, entry) in entries.enumerated() {
            guard let fields = entry.table, let name = fields["name"]?.string, let query = fields["query"]?.string else {
                problems.append("\(file.path): searches #\(position + 1): expected a name and a query, both strings")
                continue
            }
            do throws(ReadError) {
                let search = try SavedSearch(name: name, queryText: query)
                if searches.contains(where: { $0.name.lowercased() == search.name.lowercased() }) {
                    problems.append("\(file.path): search \"\(search.name)\" is defined twice; the first is kept")
                } else {
                    searches.append(search)
                }
            } catch {
                problems.append("\(file.path): \(error.description)")
            }
        }
    }

    private mutating func readKeys(_ table: TOMLTable, file: URL) {
        if let keysTable = table["keys"]?.table {
            for key in keysTable.keys {
                if let context = KeyContext(rawValue: key), let section = keysTable[key]?.table {
                    for name in section.keys {
                        guard let command = section[name]?.string else {
                            problems.append("\(file.path): keys.\(key).\(name): expected a command name")
                            continue
                        }
                        keys.append((context, name, command))
                    }
                } else if let command = keysTable[key]?.string {
                    keys.append((.global, key, command))
                } else {
                    problems.append("\(file.path): keys.\(key): expected a command name or a [keys.list|reader|filter] table")
                }
            }
        }
    }

    private mutating func readStories(_ value: TOMLValueConvertible, file: URL) {
        guard let section = value.table else {
            problems.append("\(file.path): stories: expected a table ([stories] group = true, window_days = 3)")
            return
        }
        for key in section.keys {
            switch key {
            case "group":
                if let group = section[key]?.bool { stories.group = group } else { problems.append("\(file.path): stories.group: expected true or false") }
            case "window_days":
                if let days = section[key]?.int, (0...365).contains(days) {
                    stories.windowDays = days
                } else {
                    problems.append("\(file.path): stories.window_days: expected a number of days from 0 to 365")
                }
            default:
                problems.append("\(file.path): stories.\(key): unknown setting (group, window_days)")
            }
        }
    }
}
