// The run loop: terminal input into the reducer, effects out to the terminal and the marks store.
import BriefCore

/// Owns the terminal for the life of the reader and carries out the reducer's effects. I/O the
/// UI layer cannot do itself (writing marks, fetching feeds, starting a browser) comes in as
/// values the executable wires up, so the whole loop runs against `MemoryTerminal` in tests.
@MainActor
package struct ReaderSession<Screen: Terminal> {
    package var terminal: Screen
    package var marks: (any ReadingMarks)?
    package var themes: ThemeCatalog
    /// Terminals without color (vt100) or `--no-color` / `NO_COLOR`: always the monochrome theme.
    package var monochromeOnly: Bool
    /// Whether `y` writes the terminal's clipboard (OSC 52); `clipboard = false` in config.toml
    /// for terminals that refuse it, and the link is then only shown.
    package var clipboard = true
    /// R and Ctrl-R: starts fetching all feeds (nil) or an article's feed in the background,
    /// reporting through the poster; returns what to say instead when none can start.
    package var reloadFeeds: (_ articleID: String?, _ events: any EventPoster) -> String? = { _, _ in "no feeds here" }
    /// O: opens a link in a browser and returns nil, or the reason it could not; nil itself where
    /// no browser can be opened (a plain ssh login), and the link is then shown in full.
    package var openLink: ((String) -> String?)?
    /// S: keeps a saved search for later sessions (appended to config.toml); returns the reason
    /// it could not, and the search then lasts for this session only.
    package var saveSearch: (SavedSearch) -> String? = { _ in "no config file to save searches in" }

    package init(terminal: Screen, marks: (any ReadingMarks)?, themes: ThemeCatalog, monochromeOnly: Bool) {
        self.terminal = terminal
        self.marks = marks
        self.themes = themes
        self.monochromeOnly = monochromeOnly
    }

    /// Runs until quit and returns the last state. `afterFirstFrame` starts background work once
    /// the first frame is on screen; it reports through the terminal's events.
    @discardableResult
    package func run(_ initial: AppState, afterFirstFrame: (@Sendable (any EventPoster) -> Void)? = nil) -> AppState {
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
                start(terminal.events)
            }
            let events: [Event]
            switch terminal.nextInput() {
            case .key(let key): events = [.key(key)]
            case .mouse(let mouse): events = [.mouse(mouse)]
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
                if effect == .quit { return state }
                perform(effect, on: &state)
            }
        }
    }

    private func perform(_ effect: Effect, on state: inout AppState) {
        switch effect {
        case .quit:
            break
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
                say("copied \(shown)", to: &state)
            } else {
                say("clipboard off in config.toml: \(shown)", to: &state)
            }
        case .openLink(let link):
            if let openLink {
                if let problem = openLink(link) {
                    state = reduce(state, .message("cannot open the link: \(problem)", isError: true)).0
                } else {
                    say("opened \(TerminalSafeText.clean(link))", to: &state)
                }
            } else {
                terminal.showOutside(TerminalSafeText.clean(link))
                state = reduce(state, .resize(terminal.size)).0
            }
        case .reloadFeeds(let articleID):
            if let problem = reloadFeeds(articleID, terminal.events) { say(problem, to: &state) }
        case .saveSearch(let search):
            if let problem = saveSearch(search) {
                state = reduce(state, .message("search kept for this session only: \(problem)", isError: true)).0
            }
        }
    }

    private func say(_ text: String, to state: inout AppState) {
        state = reduce(state, .message(text, isError: false)).0
    }

    private func applyTheme(_ name: String, to state: inout AppState, announcingMonochrome: Bool = true) {
        if monochromeOnly {
            terminal.use(themes.load("monochrome").theme)
            if name != "monochrome" && announcingMonochrome {
                say("no colors here: theme \(name) shown as monochrome", to: &state)
            }
            return
        }
        let (theme, error) = themes.load(name)
        terminal.use(theme)
        if let error {
            state = reduce(state, .message("theme \(error) — using \(theme.name)", isError: true)).0
        }
    }

    private func persist(_ state: inout AppState, _ write: (any ReadingMarks) throws -> Void) {
        guard let marks else { return }
        do {
            try write(marks)
        } catch {
            state = reduce(state, .message("could not save reading state: \(error)", isError: true)).0
        }
    }
}
