// Saved searches in the filter pane: listed first with live counts, toggled like topics, saved with S.
import BriefCore
@testable import BriefUI
import Testing

@Suite struct SavedSearchTests {
    static let seoul = try! SavedSearch(name: "Seoul", queryText: "seoul")
    static let economy = try! SavedSearch(name: "Economy watch", queryText: "topic:economy")

    func state(_ searches: [SavedSearch] = [seoul, economy]) -> AppState {
        var state = FixtureLibrary.state(width: 140, height: 45)
        state.savedSearches = searches
        state.refreshResults()
        return state
    }

    func titles(_ state: AppState) -> Set<String> { Set(FixtureLibrary.rows(state).map(\.title)) }

    @Test func savedSearchesAreListedAboveTheTopicsWithTheirCounts() {
        let state = state()
        #expect(state.filterItems.prefix(2) == [.search(0), .search(1)])
        #expect(state.results.searchCounts == [2, 2])
        let pane = ScreenView.render(state).textLines.joined(separator: "\n")
        let searches = try! #require(pane.range(of: "Searches"))
        let topics = try! #require(pane.range(of: "Topics"))
        #expect(searches.lowerBound < topics.lowerBound)
        #expect(pane.contains("[ ] Economy watch"))
        Snapshot.assert(ScreenView.render(press([.backTab], state).0).snapshot, named: "filter-saved-searches-140x45")
    }

    @Test func togglingSearchesShowsTheArticlesEitherMatches() {
        // Tab back to the filter pane: the cursor starts on the first saved search.
        var (state, _) = press([.backTab, .character(" ")], state())
        #expect(titles(state) == ["US, South Korea and Japan to step up their actions on North Korea cyber threats",
                                  "Election results delayed in Seoul district"])
        #expect(state.filter.description == "(seoul)")
        // The other search's count is what it would show on its own, not its overlap with Seoul.
        #expect(state.results.searchCounts == [2, 2])
        (state, _) = press([.character("j"), .character(" ")], state)
        #expect(state.results.count == 4)
        // Toggled off again, the list is whole.
        (state, _) = press([.character(" "), .character("k"), .character(" ")], state)
        #expect(state.results.count == 6 && state.filter.searches.isEmpty)
    }

    @Test func countsFollowTheRestOfTheFilter() {
        // Unread only: the read economy article drops out of the economy count.
        let (state, _) = press([.character("u")], state())
        #expect(state.results.searchCounts == [2, 1])
    }

    @Test func sSavesTheWholeFilterUnderANameAndListsItAtOnce() {
        var (state, effects) = press([.character("/")] + type("rates") + [.enter, .character("S")] + type("Rates") + [.enter],
                                     state([]))
        let saved = try! SavedSearch(name: "Rates", queryText: "rates")
        #expect(effects == [.saveSearch(saved)])
        #expect(state.savedSearches == [saved] && state.prompt == nil)
        #expect(state.results.searchCounts == [1])
        #expect(state.message?.text == "saved search \"Rates\": rates")
        // The same name again (any case) is refused and the prompt stays open to choose another.
        (state, effects) = press([.character("S")] + type("rates") + [.enter], state)
        #expect(effects.isEmpty && state.prompt?.kind == .saveSearch)
        #expect(state.message?.isError == true && state.savedSearches.count == 1)
    }

    @Test func aFilterOfTopicsAndEntitiesIsSavedInTheFilterLanguage() {
        var state = state([])
        state.filter.topics = ["asia"]
        state.filter.entities = [EntityKey(type: .place, name: "Seoul")]
        state.refreshResults()
        let before = titles(state)
        let (saved, effects) = press([.character("S")] + type("Asia Seoul") + [.enter], state)
        guard case .saveSearch(let search)? = effects.first else { Issue.record("nothing saved"); return }
        #expect(search.query.text == "topic:asia place:Seoul")
        // Selected alone, the saved search shows what the filter showed.
        var (replayed, _) = press([.character("c")], saved)
        replayed.filter.searches = [search]
        replayed.refreshResults()
        #expect(titles(replayed) == before)
    }

    @Test func nothingToSaveWithoutAFilter() {
        let (state, effects) = press([.character("S")], state())
        #expect(state.prompt == nil && effects.isEmpty)
        #expect(state.message?.text.hasPrefix("nothing to save") == true)
    }
}
