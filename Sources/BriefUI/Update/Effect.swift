// What the reducer asks the run loop to do: the only way state reaches the world.
import BriefCore

package enum Effect: Sendable, Hashable {
    case quit
    case suspend
    /// Repaint every cell (Ctrl-L).
    case redraw
    /// Persist the read flag of an article (library id).
    case markRead(String)
    case setStarred(String, Bool)
    /// Switch the terminal to a theme by name.
    case applyTheme(String)
    /// Fetch subscribed feeds in the background: all of them, or the one an article came from.
    case reloadFeeds(articleID: String?)
    /// Put text on the terminal's clipboard (OSC 52), saying what it was.
    case copyToClipboard(String)
    /// Open a web address in the browser, or show it in full where there is none.
    case openLink(String)
    /// Keep a search for later sessions (appended to config.toml).
    case saveSearch(SavedSearch)
}
