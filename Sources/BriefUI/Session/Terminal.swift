// What the reader's run loop needs from a terminal: ncurses in the program, `MemoryTerminal` in tests.

/// What the terminal delivered.
package enum TerminalInput: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    case resize
    /// Events background work posted to the terminal's inbox.
    case posted([Event])
}

/// A click, double click or wheel turn at a cell of the screen.
package struct MouseEvent: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        case click, doubleClick, wheelUp, wheelDown
    }

    package var kind: Kind
    package var x: Int
    package var y: Int

    package init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Where background work (indexing, fetching, a shared cache's watch) posts events for the run
/// loop, from any thread.
package protocol EventPoster: AnyObject, Sendable {
    func post(_ event: Event)
}

/// A terminal as `ReaderSession` drives it (after ratatui's `Backend`): frames out, input in, and
/// the few things that happen outside the cell grid.
@MainActor
package protocol Terminal: AnyObject {
    var size: Size { get }
    /// The inbox `nextInput` also returns events from.
    nonisolated var events: any EventPoster { get }
    /// Shows a frame.
    func draw(_ grid: CellGrid)
    /// Waits for the next key, resize or posted events.
    func nextInput() -> TerminalInput
    func use(_ theme: Theme)
    /// Repaints every cell on the next frame (Ctrl-L).
    func redraw()
    /// Gives the terminal back to the shell until resumed (Ctrl-Z, then `fg`).
    func suspend()
    /// Puts text on the clipboard of the terminal the user sits at (OSC 52).
    func copyToClipboard(_ text: String)
    /// Shows terminal-safe text outside the grid, where it can be selected, until Enter.
    func showOutside(_ text: String)
}
