// The mouse through a real terminal: tmux types the terminal's mouse reports, ncurses decodes them, the reader acts.
import Foundation
import Testing

@Suite(.serialized) struct MouseEndToEndTests {
    /// The report a terminal sends for a left click at a 0-based cell, press then release, in one
    /// write (ncurses makes a click of the two within its click interval). TERM=tmux-256color
    /// names the X10 form (`kmous=\E[M`): ESC [ M, then button, column and row, each + 32, 1-based.
    func click(_ tmux: TmuxSession, x: Int, y: Int) throws {
        let cell = String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
        try tmux.type("\u{1B}[M " + cell + "\u{1B}[M#" + cell)
    }

    func mouseReporting(_ tmux: TmuxSession) throws -> String {
        try tmux.tmux(["display-message", "-p", "-t", "main", "#{mouse_any_flag}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aClickTogglesATopicAndQuittingTurnsTheMouseOff() throws {
        let tmux = try TmuxSession()
        try tmux.run(BriefExecutable.command())
        let before = try tmux.waitFor("Articles")
        #expect(!before.contains("[x]"))
        #expect(try mouseReporting(tmux) == "1")
        // At 140 columns the filter pane's first topic is on row 2.
        try click(tmux, x: 5, y: 2)
        let after = try tmux.waitFor("[x]")
        #expect(after.contains("topic:"))
        // The click focused the filter pane: q backs out to the list, then quits.
        try tmux.press("q", "q")
        try tmux.expectShellRestored()
        #expect(try mouseReporting(tmux) == "0")
    }

    @Test func mouseFalseInConfigLeavesTheMouseToTheTerminal() throws {
        let tmux = try TmuxSession()
        let config = tmux.home.appendingPathComponent("config/brief")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "mouse = false\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        try tmux.run(BriefExecutable.command())
        try tmux.waitFor("Articles")
        #expect(try mouseReporting(tmux) == "0")
        try tmux.press("q")
        try tmux.expectShellRestored()
    }
}
