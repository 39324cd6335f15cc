// The reader's part of `$XDG_CONFIG_HOME/brief/config.toml`: library paths, theme, key bindings.
import BriefCore
import BriefUI
import Foundation
import TOMLKit

/// Settings read from config.toml:
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
struct ReaderConfig {
    var library: [String] = []
    /// A cache another account keeps (`brief index --cache-file` run by cron), opened read-only.
    var sharedCache: String?
    var theme: String?
    /// `clipboard = false`: `y` shows the link instead of writing OSC 52 (for terminals that refuse it).
    var clipboard = true
    /// `mouse = false`: leave the mouse to the terminal (its own selection without Shift).
    var mouse = true
    /// `hyperlinks = false`: no OSC 8 (it is off anyway on the Linux console and the VTs).
    var hyperlinks = true
    /// `[stories]`: whether the list shows one row per story, and the date window of the same story in other words.
    var stories = StorySettings.standard
    var keys: [(context: KeyContext, key: String, command: String)] = []
    /// `[[searches]]`, in the file's order; a malformed entry is left out and reported.
    var searches: [SavedSearch] = []
    /// False when `searches` is there but is not a list of tables: appending one would break the file.
    var canAppendSearches = true
    /// Problems found, each naming the file (and line when known); the rest of the file still applies.
    var problems: [String] = []

    /// Reads the file if it exists; a missing file is an empty config.
    init(file: URL) {
        guard FileManager.default.fileExists(atPath: file.path) else { return }
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            problems.append("\(file.path): cannot read the file as UTF-8")
            return
        }
        if let problem = TOMLHeaderCheck.problem(in: text) {
            problems.append("\(file.path):\(problem.line): \(problem.message)")
            return
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            problems.append("\(file.path):\(error.source.begin.line): \(error.description)")
            return
        } catch {
            problems.append("\(file.path): \(error)")
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
