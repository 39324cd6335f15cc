// A terminal in memory for tests of the run loop (after ratatui's TestBackend): scripted input, recorded output.
import Foundation

/// Plays a script of inputs to `ReaderSession` and records what the session did to the screen
/// and outside it. When the script runs out it answers Ctrl-C, and says so in `ranOutOfInput`.
@MainActor
package final class MemoryTerminal: Terminal {
    package var size: Size
    package nonisolated let events: any EventPoster
    private let inbox: MemoryInbox
    /// One step of a script: what the terminal delivers, or the window taking a new size (the
    /// session then reads `size`, as it does from curses after SIGWINCH).
    package enum Step: Sendable, Hashable {
        case input(TerminalInput)
        case resize(Size)
    }

    private var script: [Step]
    /// The last frame drawn, and how many were.
    package private(set) var frame: CellGrid?
    package private(set) var frameCount = 0
    package private(set) var theme: Theme?
    package private(set) var clipboard: [String] = []
    package private(set) var shownOutside: [String] = []
    package private(set) var suspensions = 0
    package private(set) var redraws = 0
    package private(set) var ranOutOfInput = false

    package init(size: Size, steps: [Step]) {
        self.size = size
        self.script = steps
        let inbox = MemoryInbox()
        self.inbox = inbox
        events = inbox
    }

    package convenience init(size: Size, script: [TerminalInput]) {
        self.init(size: size, steps: script.map(Step.input))
    }

    /// The last frame as text, one line per row.
    package var screen: String {
        guard let frame else { return "" }
        return (0..<frame.size.height).map { y in
            (0..<frame.size.width).map { x in frame[x, y].isContinuation ? "" : frame[x, y].text }.joined()
        }.joined(separator: "\n")
    }

    package func draw(_ grid: CellGrid) {
        frame = grid
        frameCount += 1
    }

    package func nextInput() -> TerminalInput {
        let posted = inbox.drain()
        if !posted.isEmpty { return .posted(posted) }
        guard !script.isEmpty else {
            ranOutOfInput = true
            return .key(.control("c"))
        }
        switch script.removeFirst() {
        case .input(let input):
            return input
        case .resize(let newSize):
            size = newSize
            return .resize
        }
    }

    package func use(_ theme: Theme) { self.theme = theme }
    package func redraw() { redraws += 1 }
    package func suspend() { suspensions += 1 }
    package func copyToClipboard(_ text: String) { clipboard.append(text) }
    package func showOutside(_ text: String) { shownOutside.append(text) }
}

/// Events posted from any thread, handed out on the next `nextInput`.
private final class MemoryInbox: EventPoster, @unchecked Sendable {
    // `events` is guarded by `lock`.
    private let lock = NSLock()
    private var events: [Event] = []

    func post(_ event: Event) { lock.withLock { events.append(event) } }

    func drain() -> [Event] {
        lock.withLock {
            defer { events.removeAll() }
            return events
        }
    }
}
