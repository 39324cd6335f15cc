// OSC 8 hyperlinks as the real program writes them: in the bytes sent to the pane, with the
// screen itself unchanged, and never on a terminal or setting that says no.
import Foundation
import Testing

@Suite(.serialized) struct HyperlinkEndToEndTests {
    static let address = "https://example.org/reports/2023/cyber-threats"

    /// An article whose text carries a web address, in the session's home.
    func article(in tmux: TmuxSession) throws -> URL {
        let file = tmux.home.appendingPathComponent("report.txt")
        try """
            Allies publish a joint report on cyber threats
            2023-12-09
            The full report is online at \(Self.address). It names three groups.
            """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Opens the article with the pane's output copied to a file; returns what brief wrote.
    func bytesWhileReading(_ tmux: TmuxSession, environment: String = "") throws -> (screen: String, output: String) {
        let file = try article(in: tmux)
        let output = tmux.home.appendingPathComponent("pane-output")
        try tmux.tmux(["pipe-pane", "-O", "-t", "main", "cat > '\(output.path)'"])
        try tmux.run(environment + BriefExecutable.command([file.path]))
        try tmux.waitFor("Articles")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("three groups.")
        try tmux.press("q")
        try tmux.press("q")
        // Without an alternate screen (TERM=linux) the screen cannot tell that brief has quit:
        // wait for the process, so the shell gets what is typed next.
        try tmux.waitUntil(what: "brief to exit") { _ in (try? tmux.briefPID()) == nil }
        try tmux.expectShellRestored()
        try tmux.tmux(["pipe-pane", "-t", "main"])
        return (screen, String(decoding: try Data(contentsOf: output), as: UTF8.self))
    }

    @Test func anAddressInTheTextIsSentAsAHyperlinkAndTheScreenStaysTheSame() throws {
        let tmux = try TmuxSession()
        let (screen, output) = try bytesWhileReading(tmux)
        #expect(output.contains("\u{1B}]8;;\(Self.address)\u{1B}\\"))
        #expect(output.contains("\u{1B}]8;;\u{1B}\\"))
        // The text under the link is where curses put it, once, and nothing else moved.
        #expect(screen.contains("The full report is online at"))
        #expect(screen.contains("│ \(Self.address). It names"))
        #expect(screen.components(separatedBy: Self.address).count == 2)
    }

    @Test func hyperlinksFalseInConfigSendsNone() throws {
        let tmux = try TmuxSession()
        let config = tmux.home.appendingPathComponent("config/brief")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "hyperlinks = false\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let (screen, output) = try bytesWhileReading(tmux)
        #expect(!output.contains("\u{1B}]8;"))
        #expect(screen.contains(Self.address))
    }

    @Test func theLinuxConsoleGetsNone() throws {
        let tmux = try TmuxSession()
        let (_, output) = try bytesWhileReading(tmux, environment: "TERM=linux ")
        #expect(!output.contains("\u{1B}]8;"))
    }
}
