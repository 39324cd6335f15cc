// The one key table: pane maps over the global one, rebinding, and the help built from it.
import BriefUI
import Testing

@Suite struct KeyBindingTests {
    @Test func paneMapsFallBackToGlobal() {
        let bindings = KeyBindings.defaults
        #expect(bindings.command(for: .character("/"), in: .reader) == .search)
        #expect(bindings.command(for: .character("/"), in: .list) == .filter)
        #expect(bindings.command(for: .character("j"), in: .reader) == .moveDown)
    }

    @Test func rebindingFromConfigReachesTheHelpScreen() {
        var bindings = KeyBindings.defaults
        let problems = bindings.rebind([(.reader, "x", "show-removed"), (.global, "C-n", "next-article"),
                                        (.global, "zz", "quit"), (.global, "Q", "fly")])
        #expect(problems.count == 2)
        #expect(bindings.command(for: .character("x"), in: .reader) == .showRemoved)
        #expect(bindings.command(for: .control("n"), in: .list) == .nextArticle)
        let help = HelpOverlayView.lines(bindings)
        #expect(help.contains { $0.keys == "x" && $0.help == Command.showRemoved.help })
        var state = FixtureLibrary.state(width: 80, height: 24)
        state.bindings = bindings
        let (opened, _) = press([.enter, .character("x")], state)
        #expect(opened.showRemoved)
    }

    @Test func everyCommandHasAKeyAndHelp() {
        let help = HelpOverlayView.lines(.defaults)
        for command in Command.allCases {
            #expect(help.contains { $0.help == command.help }, "no key for \(command.rawValue)")
        }
    }

    @Test func keyNamesRoundTrip() {
        for name in ["j", "G", "Space", "C-l", "PgDn", "S-Tab", "F5", "Esc", "Enter"] {
            #expect(Key(name: name)?.name == name)
        }
        #expect(Key(name: "nonsense") == nil)
    }
}
