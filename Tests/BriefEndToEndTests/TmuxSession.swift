// Runs the built `brief` in a private tmux server: send keys, read the screen, tear down.
import Foundation
import Glibc
import Testing

/// One tmux server (own socket) with one session running an interactive `sh`.
final class TmuxSession {
    let socket = "brief-e2e-\(UUID().uuidString.prefix(8))"
    let home: URL

    /// Starts `sh` at a fixed size with a private config and data directory.
    init(width: Int = 140, height: Int = 45) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("config"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("data"), withIntermediateDirectories: true)
        let environment = [
            "TERM=tmux-256color", "LANG=C.UTF-8", "PS1='$ '", "HOME=\(home.path)",
            "XDG_CONFIG_HOME=\(home.path)/config", "XDG_DATA_HOME=\(home.path)/data", "XDG_CACHE_HOME=\(home.path)/cache",
        ].joined(separator: " ")
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)",
                  "env -i PATH=/usr/bin:/bin \(environment) sh"])
        try waitFor("$")
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: home)
        // A killed server leaves its socket file behind: one per test, piling up in /tmp.
        let socketDirectory = (ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp") + "/tmux-\(getuid())"
        unlink(socketDirectory + "/" + socket)
    }

    /// Runs a tmux client command and returns what it printed.
    ///
    /// The first command forks the tmux server, which would inherit a pipe and keep it open for
    /// its whole life, so output goes through a file.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try ChildProcess.run("/usr/bin/tmux", ["-L", socket] + arguments, scratch: home.path).output
    }

    /// Writes `$XDG_CONFIG_HOME/brief/config.toml` naming `directory` as the library (then `more`).
    func configureLibrary(_ directory: URL, more: String = "") throws {
        let config = home.appendingPathComponent("config/brief")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try ("library = [\"\(directory.path)\"]\n" + more).write(to: config.appendingPathComponent("config.toml"), atomically: true,
                                                        encoding: .utf8)
    }

    /// Writes the fixture articles to `library/` under the session's home and returns that folder.
    func fixtureLibrary() throws -> URL {
        let library = home.appendingPathComponent("library")
        try FixtureFiles.write(to: library)
        return library
    }

    /// Types a shell command line and presses Enter.
    func run(_ command: String) throws {
        try type(command)
        try press("Enter")
    }

    /// Types literal text (no key names).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

    /// Sends tmux key names: `Enter`, `Escape`, `BTab`, `Space`, `q`.
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

    /// The screen as text; with `styles`, including the escape sequences for colors and attributes.
    func screen(styles: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"] + (styles ? ["-e"] : []))
    }

    /// Waits until the screen contains `text` (or the predicate holds); fails the test after `timeout`.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil(timeout: timeout, what: text, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(timeout: Double = 15, what: String, sourceLocation: SourceLocation = #_sourceLocation,
                   _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("timed out waiting for \(what); screen:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Waits until the screen contains `text` and then stays the same for half a second: a whole
    /// frame, not one that curses is still writing out (a busy machine shows those halfway).
    @discardableResult
    func waitForSettledScreen(containing text: String, timeout: Double = 20,
                              sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitForSettledScreen(timeout: timeout, what: text, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// The same for a screen of which `predicate` holds.
    @discardableResult
    func waitForSettledScreen(timeout: Double = 20, what: String, sourceLocation: SourceLocation = #_sourceLocation,
                              _ predicate: (String) -> Bool) throws -> String {
        var previous = ""
        return try waitUntil(timeout: timeout, what: "a settled screen with \(what)", sourceLocation: sourceLocation) { screen in
            defer { previous = screen; Thread.sleep(forTimeInterval: 0.4) }
            return predicate(screen) && screen == previous
        }
    }

    /// True while the program in the pane uses the alternate screen (curses is active).
    func alternateScreen() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "main", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// The process id of `brief` running under the pane's shell.
    func briefPID() throws -> Int32? {
        let shell = try tmux(["display-message", "-p", "-t", "main", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
        process.arguments = ["-P", shell]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.flatMap { Int32($0) }
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The shell answers and echoes what is typed: the terminal is back in cooked mode.
    func expectShellRestored(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try waitUntil(what: "curses to end", sourceLocation: sourceLocation) { _ in (try? !self.alternateScreen()) ?? false }
        try run("echo restored-$((40+2))")
        let screen = try waitFor("restored-42\n", sourceLocation: sourceLocation)
        // Typed text was echoed (echo is back on) and the command ran.
        #expect(screen.contains("echo restored-$((40+2))"), sourceLocation: sourceLocation)
    }
}
