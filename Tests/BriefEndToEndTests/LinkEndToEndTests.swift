// Links that travel over ssh: `y` reaches the clipboard through tmux (OSC 52), `O` shows the link where no browser can open.
import Foundation
import Testing

@Suite(.serialized) struct LinkEndToEndTests {
    @Test func yCopiesTheArticlesPathToTheClipboardThroughTmux() throws {
        let tmux = try TmuxSession()
        // tmux keeps what an application writes with OSC 52 as a paste buffer.
        try tmux.tmux(["set-option", "-s", "set-clipboard", "on"])
        try tmux.run(BriefExecutable.command([SampleFiles.seed.path]))
        try tmux.waitFor("Articles")
        try tmux.press("y")
        let screen = try tmux.waitFor("copied")
        #expect(screen.contains("copied \(SampleFiles.seed.path)"))
        #expect(try tmux.tmux(["show-buffer"]) == SampleFiles.seed.path)
        try tmux.press("q")
        try tmux.expectShellRestored()
    }

    @Test func oShowsTheLinkInFullWhereThereIsNoDisplay() throws {
        let tmux = try TmuxSession()
        try tmux.run(BriefExecutable.command([SampleFiles.seed.path]))
        try tmux.waitFor("Articles")
        try tmux.press("O")
        let outside = try tmux.waitFor("Press Enter to return to Brief.")
        #expect(outside.contains(SampleFiles.seed.path))
        try tmux.press("Enter")
        try tmux.waitFor("Articles")
        try tmux.press("q")
        try tmux.expectShellRestored()
    }
}
