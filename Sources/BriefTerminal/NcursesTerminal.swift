// The only place Brief talks to the terminal: ncursesw setup, input, output of changed cells.
import BriefUI
import CNcursesw
import Foundation
import Glibc

/// A terminal in curses mode. Create it with `open`, always `close` it; fatal
/// signals restore the terminal on their own (with bytes and modes captured beforehand).
@MainActor
package final class NcursesTerminal: Terminal {
    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: ColorPairs
    /// False when no UTF-8 locale exists: non-ASCII text is then shown as `?`.
    package let isUTF8: Bool
    private var previous: CellGrid?
    private var isOpen = true
    /// Send the grid's links as OSC 8 hyperlinks (`hyperlinks = false` in config.toml turns it
    /// off; `NcursesTerminal.takesHyperlinks` says where it starts on).
    package var hyperlinks = false
    /// Where background work posts events; they come out of `nextInput` as `.posted`.
    package nonisolated let inbox = TerminalInbox()
    package nonisolated var events: any EventPoster { inbox }

    /// Colors the terminal reports (256, 16, 8), or 0 when it has none or colors are off.
    package var colors: Int { palette.colors }

    /// Checks the terminal type and enters curses mode.
    ///
    /// - Parameter useColor: false for `--no-color` and `NO_COLOR`: attributes only.
    /// - Throws: `TerminalError` for a missing, unknown or too dumb terminal type;
    ///   the terminal is left untouched then.
    package static func open(useColor: Bool, environment: [String: String]) throws(TerminalError) -> NcursesTerminal {
        let isUTF8 = TerminalLocale.configure()
        guard let term = environment["TERM"], !term.isEmpty else {
            throw TerminalError("TERM is not set: Brief needs a terminal type (for example TERM=xterm-256color)")
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError("not a terminal: the reader needs one (use `brief list` or `brief show` in scripts)")
        }
        var status: Int32 = 0
        if setupterm(term, STDOUT_FILENO, &status) != OK {
            throw TerminalError("unknown terminal type \"\(term)\": no terminfo entry (try TERM=xterm-256color)")
        }
        let addressable = tigetstr("cup").map { Int(bitPattern: $0) > 0 } ?? false
        let clears = tigetstr("clear").map { Int(bitPattern: $0) > 0 } ?? false
        brief_release_terminfo()
        guard term != "dumb", addressable, clears else {
            throw TerminalError("terminal \"\(term)\" cannot move the cursor: Brief needs a full-screen terminal")
        }
        brief_save_shell_modes()
        brief_install_signal_handlers()
        _ = brief_install_winch()
        guard brief_newterm(term) != nil, let window = brief_stdscr() else {
            throw TerminalError("cannot start curses on terminal \"\(term)\"")
        }
        brief_capture_restore_sequence()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        leaveok(window, false)
        var colors = 0
        if useColor && has_colors() {
            start_color()
            use_default_colors()
            let reported = Int(brief_colors())
            colors = reported >= 256 ? 256 : reported >= 16 ? 16 : reported >= 8 ? 8 : 0
        }
        return NcursesTerminal(window: window, palette: ColorPairs(colors: colors), isUTF8: isUTF8)
    }

    private init(window: UnsafeMutablePointer<WINDOW>, palette: ColorPairs, isUTF8: Bool) {
        self.window = window
        self.palette = palette
        self.isUTF8 = isUTF8
    }

    package var size: Size {
        Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    package func use(_ theme: Theme) {
        palette.use(theme)
        previous = nil
    }

    /// Waits for the next key, resize or posted events. Sleeps in poll, without spinning.
    package func nextInput() -> TerminalInput {
        while true {
            // Drain what curses has buffered first (keys before background news); then sleep
            // until input, SIGWINCH or a post to the inbox.
            wtimeout(window, 0)
            var value: wint_t = 0
            let result = wget_wch(window, &value)
            if result == brief_key_code_yes() {
                if Int32(value) == brief_key_mouse() {
                    if let mouse = Self.takeMouseEvent() { return .mouse(mouse) }
                    continue
                }
                if let input = KeyDecoder.functionKey(Int32(value)) { return input }
                continue
            } else if result == OK {
                if let input = KeyDecoder.character(UInt32(value)) { return input }
                continue
            }
            let posted = inbox.drain()
            if !posted.isEmpty { return .posted(posted) }
            switch brief_wait_for_input_or_wake(inbox.readFD) {
            case 1:
                brief_apply_window_size()
                previous = nil
                // The terminal reflowed or cropped what was on screen; curses' idea of it is stale,
                // so the next frame clears and repaints everything instead of sending differences.
                clearok(window, true)
                return .resize
            default:
                continue
            }
        }
    }

    /// Turns mouse reporting on (clicks, double clicks, the wheel) or off; false when the
    /// terminal cannot report the mouse. A fatal signal turns it off with the rest.
    @discardableResult
    package func enableMouse(_ on: Bool) -> Bool {
        let granted = brief_enable_mouse(on ? 1 : 0) == 1
        brief_capture_restore_sequence()
        return granted
    }

    private static func takeMouseEvent() -> MouseEvent? {
        var x: Int32 = 0
        var y: Int32 = 0
        let kind: MouseEvent.Kind
        switch brief_mouse_event(&x, &y) {
        case 1: kind = .click
        case 2: kind = .doubleClick
        case 3: kind = .wheelUp
        case 4: kind = .wheelDown
        default: return nil
        }
        return MouseEvent(kind, x: Int(x), y: Int(y))
    }

    /// Shows a grid, sending only the cells that changed since the last one.
    package func draw(_ grid: CellGrid) {
        let before = previous
        let full = previous?.size != grid.size
        if full { werase(window) }
        for y in 0..<grid.size.height {
            for x in 0..<grid.size.width {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                if !full, let previous, previous[x, y] == cell,
                   cell.width == 1 || previous[x + 1, y] == grid[x + 1, y] {
                    continue
                }
                write(cell, x: x, y: y)
            }
        }
        previous = grid
        if let cursor = grid.cursor {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        if hyperlinks && isUTF8 && !grid.links.isEmpty && (full || linksNeedSending(grid, since: before)) {
            writeOutside(hyperlinkBytes(grid))
        }
    }

    /// Terminals that would print an OSC 8 sequence instead of ignoring it: the Linux console,
    /// the VTs, GNU screen outside tmux.
    package nonisolated static func takesHyperlinks(environment: [String: String]) -> Bool {
        let term = environment["TERM"] ?? ""
        if term.hasPrefix("linux") || term.hasPrefix("vt") || term.hasPrefix("dumb") || term.hasPrefix("cons") { return false }
        if term.hasPrefix("screen") && environment["TMUX"] == nil { return false }
        return true
    }

    /// Curses sent a link's cells again (their text changed, or the links moved): the terminal
    /// dropped the hyperlink with the old text.
    private func linksNeedSending(_ grid: CellGrid, since before: CellGrid?) -> Bool {
        guard let before, before.links == grid.links else { return true }
        return grid.links.contains { link in link.columns.contains { before[$0, link.y] != grid[$0, link.y] } }
    }

    /// The links written over their own cells, outside curses: each cell's text again in its own
    /// colors, between `ESC ] 8 ; ; URL ESC \` and `ESC ] 8 ; ; ESC \`. The cursor and the
    /// attributes are saved and restored (DECSC/DECRC) around it, so curses' idea of the screen
    /// stays true; the URLs were checked by `Hyperlinks.terminalSafe` (printable ASCII only).
    private func hyperlinkBytes(_ grid: CellGrid) -> String {
        var out = attributeSequence(attr_t(0), 0) + "\u{1B}7"
        for link in grid.links {
            out += "\u{1B}[\(link.y + 1);\(link.columns.lowerBound + 1)H\u{1B}]8;;\(link.url)\u{1B}\\"
            var role: StyleRole?
            for x in link.columns where !grid[x, link.y].isContinuation {
                let cell = grid[x, link.y]
                if cell.role != role {
                    let (attributes, pair) = palette.style(for: cell.role)
                    out += attributeSequence(attributes, pair)
                    role = cell.role
                }
                out += cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } ? " " : cell.text
            }
            out += "\u{1B}]8;;\u{1B}\\"
        }
        return out + attributeSequence(attr_t(0), 0) + "\u{1B}8"
    }

    private func attributeSequence(_ attributes: attr_t, _ pair: Int16) -> String {
        var bytes = [CChar](repeating: 0, count: 256)
        let count = bytes.withUnsafeMutableBufferPointer { brief_attribute_sequence(attributes, pair, $0.baseAddress, 256) }
        return String(decoding: bytes.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func write(_ cell: Cell, x: Int, y: Int) {
        let (attributes, pair) = palette.style(for: cell.role)
        var characters: [wchar_t] = []
        for scalar in cell.text.unicodeScalars {
            // Belt and braces: views already replace control characters.
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
            characters.append(wchar_t(bitPattern: isUTF8 || scalar.isASCII ? scalar.value : 0x3F))
            if !isUTF8 { break }
        }
        if characters.isEmpty { characters = [0x20] }
        if !isUTF8 && cell.width == 2 { characters = [0x3F] }
        characters.append(0)
        _ = brief_put_cell(window, Int32(y), Int32(x), characters, attributes, pair)
        if !isUTF8 && cell.width == 2 {
            _ = brief_put_cell(window, Int32(y), Int32(x + 1), [0x3F, 0], attributes, pair)
        }
    }

    /// Repaints every cell (Ctrl-L), for when something else wrote to the screen.
    package func redraw() {
        previous = nil
        clearok(window, true)
    }

    /// Gives the terminal back to the shell and stops; returns once resumed (`fg`).
    package func suspend() {
        leaveCurses()
        brief_stop_self()
        resumeCurses()
    }

    /// Gives the screen back as it was before curses (the fatal-signal path then has nothing to restore).
    private func leaveCurses() {
        brief_forget_restore_sequence()
        endwin()
    }

    /// Takes the screen again after `leaveCurses`: the size may have changed meanwhile, and
    /// whatever was written there is repainted over.
    private func resumeCurses() {
        brief_capture_restore_sequence()
        brief_apply_window_size()
        previous = nil
        clearok(window, true)
        wrefresh(window)
    }

    /// Puts `text` on the clipboard of the terminal the user sits at (OSC 52): the way a copy
    /// crosses ssh and tmux (`set-clipboard on`). Base64 carries the text, so no byte of it can be
    /// read as a control sequence.
    package func copyToClipboard(_ text: String) {
        writeOutside("\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}")
    }

    /// Leaves curses mode to show `text` (made terminal-safe by the caller) on the normal screen,
    /// where it can be selected across rows as the terminal wraps it, until Enter; then repaints.
    package func showOutside(_ text: String) {
        leaveCurses()
        writeOutside("\n" + text + "\n\nPress Enter to return to Brief.")
        // The shell's modes are back (a line at a time): one read returns at Enter, or at the end
        // of input should the terminal go away.
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 || byte == 0x0A || byte == 0x0D { break }
        }
        resumeCurses()
    }

    /// Writes bytes curses does not know about, after what curses has sent (every frame ends in
    /// `doupdate`, which flushes its own buffer to the descriptor).
    private func writeOutside(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Leaves curses mode and restores the terminal as it was.
    package func close() {
        guard isOpen else { return }
        isOpen = false
        // Without an alternate screen (vt100, the linux console) the last frame would stay
        // under the shell prompt, with the prompt written over the status line.
        let hasAlternateScreen = tigetstr("smcup").map { Int(bitPattern: $0) > 0 } ?? false
        if !hasAlternateScreen {
            werase(window)
            wrefresh(window)
        }
        brief_forget_restore_sequence()
        endwin()
    }
}
