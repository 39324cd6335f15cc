// The one key table: per-pane maps that fall back to the global one.

/// Where a key is pressed. Pane maps are consulted first, then `global`.
package enum KeyContext: String, CaseIterable, Sendable, Hashable {
    case global, list, reader, filter, help

    package var title: String {
        switch self {
        case .global: "Everywhere"
        case .list: "Article list"
        case .reader: "Reader"
        case .filter: "Filter pane"
        case .help: "Help"
        }
    }
}

/// Key → command maps, rebindable from `config.toml`.
package struct KeyBindings: Hashable, Sendable {
    package private(set) var maps: [KeyContext: [Key: Command]]

    package init(maps: [KeyContext: [Key: Command]]) {
        self.maps = maps
    }

    /// The command for a key in a context, falling back to the global map.
    package func command(for key: Key, in context: KeyContext) -> Command? {
        maps[context]?[key] ?? maps[.global]?[key]
    }

    /// The keys bound to a command in a context, in a stable order for display.
    package func keys(for command: Command, in context: KeyContext) -> [Key] {
        (maps[context] ?? [:]).filter { $0.value == command }.map(\.key).sorted { $0.name < $1.name }
    }

    /// Binds a key to a command (or unbinds it with nil) in one context.
    package mutating func bind(_ key: Key, to command: Command?, in context: KeyContext) {
        maps[context, default: [:]][key] = command
    }

    /// Applies `[keys]` / `[keys.list]`… entries: key name → command name (or "none").
    /// Returns one message per entry that could not be used.
    package mutating func rebind(_ entries: [(context: KeyContext, key: String, command: String)]) -> [String] {
        var problems: [String] = []
        for entry in entries {
            guard let key = Key(name: entry.key) else {
                problems.append("keys: unknown key name \"\(entry.key)\"")
                continue
            }
            if entry.command == "none" {
                bind(key, to: nil, in: entry.context)
            } else if let command = Command(rawValue: entry.command) {
                bind(key, to: command, in: entry.context)
            } else {
                problems.append("keys: \"\(entry.key)\" → unknown command \"\(entry.command)\"")
            }
        }
        return problems
    }

    package static let defaults = KeyBindings(maps: [
        .global: [
            .character("q"): .back, .control("c"): .quit, .character("?"): .help, .escape: .cancel,
            .control("l"): .redraw, .control("z"): .suspend,
            .tab: .nextPane, .backTab: .previousPane, .character("f"): .toggleFilterPane,
            .character("j"): .moveDown, .down: .moveDown, .character("k"): .moveUp, .up: .moveUp,
            .pageDown: .pageDown, .control("f"): .pageDown, .control("d"): .pageDown,
            .pageUp: .pageUp, .control("b"): .pageUp, .control("u"): .pageUp,
            .character("g"): .top, .home: .top, .character("G"): .bottom, .end: .bottom,
            .character("/"): .filter, .character(":"): .query, .character("c"): .clearFilters, .character("S"): .saveSearch,
            .character("u"): .unreadOnly, .character("s"): .star, .character("o"): .cycleSort,
            .character("t"): .cycleTheme, .character("r"): .showRemoved,
            .character("R"): .reloadFeeds, .control("r"): .reloadFeed,
            .character("y"): .copyLink, .character("O"): .openLink,
        ],
        .list: [
            .enter: .open, .character("l"): .open, .right: .open,
        ],
        .reader: [
            .character("/"): .search, .character("n"): .nextMatch, .character("N"): .previousMatch,
            .character("]"): .nextEntity, .character("["): .previousEntity, .character("e"): .filterByEntity,
            .character("J"): .nextArticle, .character("K"): .previousArticle,
            .character(" "): .pageDown, .character("h"): .back, .left: .back,
            .character("m"): .emphasizeTopicTerms,
            .character("v"): .nextVersion, .character("V"): .previousVersion,
        ],
        .filter: [
            .character(" "): .toggleItem, .enter: .toggleItem, .character("e"): .toggleItem,
            .character("a"): .topicMode,
        ],
        .help: [:],
    ])
}
