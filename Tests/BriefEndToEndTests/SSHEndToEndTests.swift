// The reader over a real ssh connection (issue 11): a login with no LANG, each common TERM, a resize that has to
// cross ssh, and a hang-up that must neither lose read marks nor leave Brief running.
import Foundation
import Glibc
import Testing

@Suite(.serialized)
struct SSHEndToEndTests {
    /// The command the server runs for the login: Brief on the session's fixture library, with the session's
    /// config and data directories, and no locale variables at all.
    func remoteReader(_ tmux: TmuxSession, library: URL) -> String {
        let home = tmux.home.path
        return (["exec", "env", "-u", "LANG", "-u", "LC_ALL", "-u", "LC_CTYPE", "HOME=\(home)",
                 "XDG_CONFIG_HOME=\(home)/config", "XDG_DATA_HOME=\(home)/data", "XDG_CACHE_HOME=\(home)/cache",
                 BriefExecutable.path ?? "brief-was-not-built", library.path]).map(SSHServer.quoted).joined(separator: " ")
    }

    /// Waits until no process has `marker` in its command line.
    func waitUntilGone(_ marker: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if try ChildProcess.run("/usr/bin/pgrep", ["-f", "--", marker], scratch: NSTemporaryDirectory() + "pgrep").status == 1 {
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("a process naming \(marker) is still running after 15 s", sourceLocation: sourceLocation)
    }

    /// Keys typed while ssh still runs go to the server: wait until the pane's shell has its terminal back.
    func waitForTheClientToEnd(_ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try tmux.waitUntil(what: "the ssh client to end", sourceLocation: sourceLocation) { _ in (try? tmux.briefPID()) == nil }
    }

    @Test(arguments: ["xterm-256color", "screen-256color", "linux", "vt100"])
    func overSSHAResizeRewrapsAndAHangUpKeepsTheReadMarks(term: String) throws {
        let server = try SSHServer()
        defer { server.stop() }
        let tmux = try TmuxSession(width: 140, height: 45)
        let library = try tmux.fixtureLibrary()
        let login = server.sshCommand(term: term, remoteReader(tmux, library: library))

        try tmux.run(login)
        // The directory opens through the cache, which the first start fills in the background.
        try tmux.waitFor("library refreshed, files 3 added")
        try tmux.press("Escape")
        let wide = try tmux.waitFor("3 articles")
        #expect(wide.contains("Filter") && wide.contains("Seoul hosts talks"), "\(wide)\nsshd: \(server.log)")

        // The window shrinks: tmux tells ssh, ssh tells the server's terminal, and Brief lays out again.
        try tmux.resize(width: 80, height: 24)
        let narrow = try tmux.waitUntil(what: "the 80-column layout through ssh") {
            !$0.contains("Filter") && $0.contains("3 articles") && $0.contains("Seoul hosts talks")
        }
        // Laid out for 24 rows, not cropped from 45: the status line is the pane's last row.
        let rows = narrow.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.prefix(24).last?.contains("3 articles") == true, "\(narrow)")
        try tmux.resize(width: 140, height: 45)
        try tmux.waitUntil(what: "the wide layout again") { $0.contains("Filter") && $0.contains("3 articles") }

        // Newest first: the central bank article is at the top. Opening it marks it read.
        try tmux.press("Enter")
        try tmux.waitFor("benchmark interest rate")
        try tmux.press("q")
        try tmux.waitFor("2 unread")

        // The terminal hangs up on ssh: the client goes, and Brief on the server must end too.
        let client = try #require(try tmux.briefPID(), "the ssh client is not running")
        kill(client, SIGHUP)
        try waitForTheClientToEnd(tmux)
        try waitUntilGone(library.path)

        // The shell is usable again, and the mark made before the hang-up was saved.
        try tmux.run("clear; " + BriefExecutable.command(["list", "--filter", "unread", library.path])
            + "; echo listed-$((1+1))")
        let unread = try tmux.waitFor("listed-2\n")
        #expect(unread.contains("Storm floods") && unread.contains("Seoul hosts talks"))
        #expect(!unread.contains("Central bank raises"))

        // Logging in again shows it read; quitting normally restores the terminal through ssh.
        try tmux.run(login)
        try tmux.waitFor("2 unread")
        try tmux.press("q")
        try waitForTheClientToEnd(tmux)
        try tmux.expectShellRestored()
        try waitUntilGone(library.path)
        // And the server itself is gone (Brief on it was checked above).
        server.stop()
        try waitUntilGone(server.directory.path)
    }
}
