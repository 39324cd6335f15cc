// One row per story: the list shows `+N` and the other outlets, Enter opens the best version,
// and v/V in the reader step through the others.
import BriefCore
import BriefUI
import Testing

@Suite struct StoryListTests {
    /// The fixture library plus two re-issues of the Korea story: another outlet's copy (re-wrapped,
    /// with its own promo line, the last paragraph dropped, a new headline), and a third outlet's.
    static let articles: [Article] = {
        let korea = FixtureLibrary.articles[0]
        var tribune = korea
        tribune.source = "/news/tribune/allies-cyber.txt"
        tribune.siteName = "Tribune"
        tribune.title = "Allies agree on steps against North Korean hackers"
        tribune.date = ArticleDate(year: 2023, month: 12, day: 10)
        tribune.paragraphs = ["Get the Tribune briefing in your inbox every morning."]
            + korea.paragraphs.dropLast().map { $0.replacingOccurrences(of: ", ", with: ",\n") }
        tribune.entities = []
        var courier = tribune
        courier.source = "/news/courier/cyber-pact.txt"
        courier.siteName = "Courier"
        courier.paragraphs = Array(korea.paragraphs.prefix(2))
        return FixtureLibrary.articles + [tribune, courier]
    }()

    static func state(width: Int = 140, height: Int = 45, group: Bool = true) -> AppState {
        AppState(source: InMemorySource(library: Library(articles: articles), stories: StorySettings(group: group)),
                 size: Size(width: width, height: height))
    }

    @Test func theListShowsOneRowPerStoryWithItsOtherOutlets() throws {
        let state = Self.state()
        let rows = FixtureLibrary.rows(state)
        #expect(rows.count == FixtureLibrary.articles.count, "the two copies add no row")
        let korea = try #require(rows.first { $0.versions.count > 1 })
        #expect(korea.id == "/news/herald/korea-cyber.txt", "the longest version stands for the story")
        #expect(korea.versions.count == 3)
        #expect(korea.outlets == ["Tribune", "Courier"] || korea.outlets == ["Courier", "Tribune"])
        let screen = ScreenView.render(state).textLines.joined(separator: "\n")
        #expect(screen.contains("Herald +2 "))
        #expect(FixtureLibrary.rows(Self.state(group: false)).count == FixtureLibrary.articles.count + 2,
                "[stories] group = false lists every article")
    }

    @Test func enterOpensTheBestVersionAndVStepsThroughTheOthers() throws {
        let start = Self.state()
        let position = try #require(FixtureLibrary.rows(start).firstIndex { $0.versions.count > 1 })
        var (state, _) = press(Array(repeating: .character("j"), count: position) + [.enter], start)
        #expect(state.reader?.id == "/news/herald/korea-cyber.txt")
        let versions = try #require(state.reader?.versions)
        var opened = [state.reader?.id]
        var effects: [Effect] = []
        (state, effects) = press([.character("v")], state)
        opened.append(state.reader?.id)
        #expect(state.message?.text.hasPrefix("version 2 of 3: ") == true)
        #expect(effects.contains(.markRead(versions[1])), "opening a version marks it read")
        (state, _) = press([.character("v")], state)
        opened.append(state.reader?.id)
        (state, _) = press([.character("v")], state)
        #expect(state.reader?.id == versions[0], "round the story, back to the best version")
        #expect(opened == versions.map(Optional.some))
        (state, _) = press([.character("V")], state)
        #expect(state.reader?.id == versions[2])
        #expect(state.focus == .reader)
    }

    @Test func theGeneratedHelpListsTheVersionKeysOfTheReader() {
        let lines = HelpOverlayView.lines(.defaults)
        let reader = lines.drop { $0.keys != KeyContext.reader.title }
        #expect(reader.contains { $0.keys == "v" && $0.help.contains("next version of the story") })
        #expect(reader.contains { $0.keys == "V" && $0.help.contains("previous version") })
        // v and V were free everywhere before: no other command of the reader or the global map takes them.
        #expect(KeyBindings.defaults.command(for: .character("v"), in: .list) == nil)
    }

    @Test func vOnAStoryOfOneVersionSaysSo() {
        let (state, _) = press([.enter, .character("v")], FixtureLibrary.state(width: 140, height: 45))
        #expect(state.message?.text == "no other version of this story")
    }

    @Test func storyFilterListsEveryVersion() throws {
        let start = Self.state()
        let korea = try #require(FixtureLibrary.rows(start).first { $0.versions.count > 1 })
        let story = StoryGrouping.stories(of: Self.articles).first { $0.members.count == 3 }!.id
        var state = start
        state.filter.query = try FilterQuery("story:\(story)")
        state.refreshResults()
        #expect(Set(FixtureLibrary.rows(state).map(\.id)) == Set(korea.versions))
    }

    @Test func listWithStoriesSnapshot() {
        Snapshot.assert(ScreenView.render(Self.state(width: 100, height: 20)).snapshot, named: "list-stories-100x20")
    }
}
