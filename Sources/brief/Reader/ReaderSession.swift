// The run loop: terminal input into the reducer, effects out to the terminal and the state store.
import BriefStore
import BriefTerminal
import BriefUI

/// Owns the terminal for the life of the reader and carries out the reducer's effects.
@MainActor
struct ReaderSession {
    var terminal: NcursesTerminal
    var store: StateStore?
    var themes: ThemeCatalog
    /// Terminals without color (vt100) or `--no-color` / `NO_COLOR`: always the monochrome theme.
    var monochromeOnly: Bool
    /// Fetches feeds for R and Ctrl-R.
    var feeds: FeedReload?
    /// Whether `y` writes the terminal's clipboard (OSC 52); `clipboard = false` in config.toml
    /// for terminals that refuse it, and the link is then only shown.
    var clipboard = true
    /// Opens links for `O`.
    var links = LinkOpener(environment: [:])

    /// Runs until quit. `afterFirstFrame` starts background work once the first frame is on
    /// screen; it reports through the terminal's inbox.
    func run(_ initial: AppState, afterFirstFrame: (@Sendable (TerminalInbox) -> Void)? = nil) {
        var state = initial
        state.size = terminal.size
        state = reduce(state, .resize(terminal.size)).0
        // The default theme shown as monochrome needs no notice; a theme the user asked for does.
        applyTheme(state.themeName, to: &state, announcingMonochrome: state.themeName != ThemeCatalog.defaultName)
        var pendingStart = afterFirstFrame
        while true {
            terminal.draw(ScreenView.render(state))
            if let start = pendingStart {
                pendingStart = nil
                start(terminal.inbox)
            }
            let events: [Event]
            switch terminal.nextInput() {
            case .key(let key): events = [.key(key)]
            case .resize: events = [.resize(terminal.size)]
            case .posted(let posted): events = posted
            }
            var effects: [Effect] = []
            for event in events {
                let more: [Effect]
                (state, more) = reduce(state, event)
                effects += more
            }
            for effect in effects {
                switch effect {
                case .quit:
                    return
                case .suspend:
                    terminal.suspend()
                    state = reduce(state, .resize(terminal.size)).0
                case .redraw:
                    terminal.redraw()
                case .markRead(let id):
                    persist(&state) { try $0.setRead(id, true) }
                case .setStarred(let id, let starred):
                    persist(&state) { try $0.setStarred(id, starred) }
                case .applyTheme(let name):
                    applyTheme(name, to: &state)
                case .copyToClipboard(let link):
                    let shown = TerminalSafeText.clean(link)
                    if clipboard {
                        terminal.copyToClipboard(link)
                        state = reduce(state, .message("copied \(shown)", isError: false)).0
                    } else {
                        state = reduce(state, .message("clipboard off in config.toml: \(shown)", isError: false)).0
                    }
                case .openLink(let link):
                    if links.command == nil {
                        terminal.showOutside(TerminalSafeText.clean(link))
                        state = reduce(state, .resize(terminal.size)).0
                    } else if let problem = links.open(link) {
                        state = reduce(state, .message("cannot open the link: \(problem)", isError: true)).0
                    } else {
                        state = reduce(state, .message("opened \(TerminalSafeText.clean(link))", isError: false)).0
                    }
                case .reloadFeeds(let articleID):
                    if let problem = feeds?.start(articleID: articleID, inbox: terminal.inbox) {
                        state = reduce(state, .message(problem, isError: false)).0
                    }
                }
            }
        }
    }

    private func applyTheme(_ name: String, to state: inout AppState, announcingMonochrome: Bool = true) {
        if monochromeOnly {
            terminal.use(themes.load("monochrome").theme)
            if name != "monochrome" && announcingMonochrome {
                state = reduce(state, .message("no colors here: theme \(name) shown as monochrome", isError: false)).0
            }
            return
        }
        let (theme, error) = themes.load(name)
        terminal.use(theme)
        if let error {
            state = reduce(state, .message("theme \(error) — using \(theme.name)", isError: true)).0
        }
    }

    private func persist(_ state: inout AppState, _ write: (StateStore) throws -> Void) {
        guard let store else { return }
        do {
            try write(store)
        } catch {
            state = reduce(state, .message("could not save reading state: \(error)", isError: true)).0
        }
    }
}
