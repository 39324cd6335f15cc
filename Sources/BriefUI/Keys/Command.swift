// Everything a key can ask for, each with the help text the help overlay shows.

/// A named request. The raw value is the name used in `config.toml` under `[keys]`.
package enum Command: String, CaseIterable, Sendable, Hashable {
    case quit
    case back
    case cancel
    case help
    case redraw
    case suspend
    case nextPane = "next-pane"
    case previousPane = "previous-pane"
    case toggleFilterPane = "filter-pane"
    case moveDown = "down"
    case moveUp = "up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case top
    case bottom
    case open
    case filter
    case query
    case clearFilters = "clear-filters"
    case saveSearch = "save-search"
    case unreadOnly = "unread-only"
    case star
    case cycleSort = "sort"
    case cycleTheme = "theme"
    case toggleItem = "toggle"
    case topicMode = "topic-mode"
    case filterByEntity = "entity-filter"
    case showRemoved = "show-removed"
    case emphasizeTopicTerms = "topic-terms"
    case search
    case nextMatch = "next-match"
    case previousMatch = "previous-match"
    case nextEntity = "next-entity"
    case previousEntity = "previous-entity"
    case nextArticle = "next-article"
    case previousArticle = "previous-article"
    case reloadFeeds = "reload-feeds"
    case reloadFeed = "reload-feed"
    case copyLink = "copy-link"
    case openLink = "open-link"
    case nextVersion = "next-version"
    case previousVersion = "previous-version"

    package var help: String {
        switch self {
        case .quit: "quit Brief"
        case .back: "back out: close the overlay or the reader; quit from the list"
        case .cancel: "close the overlay or the reader (never quits)"
        case .help: "show or hide this help"
        case .redraw: "redraw the screen"
        case .suspend: "suspend to the shell (fg resumes)"
        case .nextPane: "focus the next pane"
        case .previousPane: "focus the previous pane"
        case .toggleFilterPane: "show or hide the filter pane"
        case .moveDown: "move down"
        case .moveUp: "move up"
        case .pageDown: "page down"
        case .pageUp: "page up"
        case .top: "go to the top"
        case .bottom: "go to the bottom"
        case .open: "open the selected article"
        case .filter: "filter as you type (filter language)"
        case .query: "enter a full query"
        case .clearFilters: "clear query, topics and entities"
        case .saveSearch: "save the filter as a named search (config.toml)"
        case .unreadOnly: "show unread articles only, or all"
        case .star: "star or unstar the article"
        case .cycleSort: "sort by date, title or source"
        case .cycleTheme: "switch to the next theme"
        case .toggleItem: "toggle the saved search, topic or entity under the cursor"
        case .topicMode: "match any or all selected topics"
        case .filterByEntity: "filter by the entity under the cursor"
        case .showRemoved: "show or hide removed text and captions, with reasons"
        case .emphasizeTopicTerms: "emphasize the terms that matched topics"
        case .search: "search in the article"
        case .nextMatch: "next search match"
        case .previousMatch: "previous search match"
        case .nextEntity: "jump to the next entity"
        case .previousEntity: "jump to the previous entity"
        case .nextArticle: "next article"
        case .previousArticle: "previous article"
        case .reloadFeeds: "reload every subscribed feed (in the background)"
        case .reloadFeed: "reload the feed of the current article"
        case .copyLink: "copy the article's URL or path to the clipboard (OSC 52)"
        case .openLink: "open the URL in a browser, or show it in full"
        case .nextVersion: "next version of the story (another outlet's copy)"
        case .previousVersion: "previous version of the story"
        }
    }
}
