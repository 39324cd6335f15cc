// Saved searches through the real program: listed from config.toml, and S appends to it.
import Foundation
import Testing

@Suite(.serialized) struct SavedSearchEndToEndTests {
    @Test func sAppendsTheSearchToConfigAndTheNextSessionListsIt() throws {
        let tmux = try TmuxSession()
        let library = try tmux.fixtureLibrary()
        let comment = "# my reading setup, keep this comment\n"
        try tmux.configureLibrary(library, more: comment)
        let configFile = tmux.home.appendingPathComponent("config/brief/config.toml")
        let before = try String(contentsOf: configFile, encoding: .utf8)
        try tmux.run(BriefExecutable.command([]))
        try tmux.waitFor("Articles")
        try tmux.press(":")
        try tmux.type("seoul")
        try tmux.press("Enter")
        try tmux.press("S")
        try tmux.waitFor("save search as:")
        try tmux.type("Seoul desk")
        try tmux.press("Enter")
        // Listed in the pane at once (the status line's "saved search" may give way to the
        // background refresh's news).
        try tmux.waitFor("[ ] Seoul desk")
        try tmux.press("q")
        try tmux.expectShellRestored()
        let after = try String(contentsOf: configFile, encoding: .utf8)
        #expect(after.hasPrefix(before))
        #expect(after.hasSuffix("[[searches]]\nname = \"Seoul desk\"\nquery = \"seoul\"\n"))
        // A new session shows it at the top of the filter pane with its count.
        try tmux.run(BriefExecutable.command([]))
        let screen = try tmux.waitFor("[ ] Seoul desk")
        #expect(screen.contains("Searches"))
        try tmux.press("q")
        try tmux.expectShellRestored()
    }
}
