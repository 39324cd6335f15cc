// Errors on the status line stay until the user has had a chance to read them.
import BriefCore
import BriefUI
import Testing

@Suite struct StatusMessageTests {
    @Test func aConfigErrorStaysVisibleWhileTheLibraryRefreshesUntilAKeyPress() {
        var state = FixtureLibrary.state(width: 120, height: 40)
        state.message = StatusMessage(text: "config.toml:3: unknown key 'libary'", isError: true)
        state = reduce(state, .activity("checking the library for changes…")).0
        state = reduce(state, .libraryChanged("library refreshed, files 6 added")).0
        state = reduce(state, .message("feeds fetched", isError: false)).0
        #expect(state.message == StatusMessage(text: "config.toml:3: unknown key 'libary'", isError: true))
        state = reduce(state, .key(.character("j"))).0
        #expect(state.message == nil, "a key press clears it")
        state = reduce(state, .libraryChanged("library refreshed, files 1 changed")).0
        #expect(state.message?.text == "library refreshed, files 1 changed", "with no error showing, news shows")
        state = reduce(state, .message("library refresh failed: disk full", isError: true)).0
        #expect(state.message?.isError == true, "an error replaces news")
    }
}
