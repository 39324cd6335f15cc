// The reducer as a user drives it: keys in, what the screen state and the effects become.
import BriefCore
import BriefUI
import Testing

@Suite struct ReducerTests {
    let wide = FixtureLibrary.state(width: 140, height: 45)

    func titles(_ state: AppState) -> [String] {
        FixtureLibrary.rows(state).map(\.title)
    }

    @Test func togglingATopicFiltersTheListAndChangesCounts() {
        // Tab to the filter pane; the first topic (by name) is Asia.
        let (state, _) = press([.backTab, .character(" ")], wide)
        #expect(state.focus == .filter)
        #expect(state.filter.topics == ["asia"])
        #expect(state.results.count == 4)
        #expect(!titles(state).contains("Central bank holds rates steady as inflation cools"))
        // People counted over the result: Jerome Powell (economy only) is gone from the facets.
        let people = state.results.entityFacets[.person]!.map(\.key.name)
        #expect(!people.contains("Jerome Powell"))
        // Adding Economy (any-of) brings the rates article back.
        let (both, _) = press([.character("j"), .character(" ")], state)
        #expect(both.results.count == 5)
        // All-of: only articles in both Asia and Economy.
        let (all, _) = press([.character("a")], both)
        #expect(titles(all) == ["日本の首相、経済対策を発表"])
        #expect(all.results.topics.map(\.count) == [1, 1, 0, 0, 0])
    }

    @Test func selectionSurvivesFilteringWhenTheArticleIsStillThere() {
        // Select the election article (last), then filter to Asia: still selected.
        let (state, _) = press([.character("G"), .backTab, .character(" ")], wide)
        #expect(state.selectedRow?.title == "Election results delayed in Seoul district")
    }

    @Test func typingAFilterNarrowsAtEveryKeystrokeAndEscRestores() {
        let (typing, _) = press([.character("/")] + type("seoul"), wide)
        #expect(typing.prompt?.text == "seoul")
        #expect(Set(titles(typing)) == ["US, South Korea and Japan to step up their actions on North Korea cyber threats",
                                        "Election results delayed in Seoul district"])
        let screen = ScreenView.render(typing)
        #expect(screen.cursor == Point(x: 6, y: 44))
        let (cancelled, _) = press([.escape], typing)
        #expect(cancelled.results.count == 6)
        let (accepted, _) = press([.enter], typing)
        #expect(accepted.prompt == nil && accepted.results.count == 2)
        #expect(accepted.filter.description == "seoul")
    }

    @Test func anInvalidQueryShowsItsErrorAndKeepsTheLastValidResult() {
        let (valid, _) = press([.character("/")] + type("seoul"), wide)
        #expect(valid.message?.isError != true)
        #expect(valid.results.count < wide.results.count)
        // "seoul (" is missing its closing parenthesis.
        let (invalid, _) = press(type(" ("), valid)
        #expect(invalid.message?.isError == true)
        #expect(FixtureLibrary.rows(invalid) == FixtureLibrary.rows(valid))
    }

    @Test func openingMarksReadAndStarringAsksToPersist() {
        let (opened, effects) = press([.enter], wide)
        let id = "/news/herald/korea-cyber.txt"
        #expect(effects == [.markRead(id)])
        #expect(opened.focus == .reader && opened.flags[id]?.read == true)
        let (_, starEffects) = press([.character("s")], opened)
        #expect(starEffects == [.setStarred(id, true)])
        // Opening it again does not write again.
        let (_, again) = press([.character("q"), .enter], opened)
        #expect(again.isEmpty)
    }

    @Test func qBacksOutThenQuits() {
        let (reader, _) = press([.enter], FixtureLibrary.state(width: 80, height: 24))
        let (list, effects) = press([.character("q")], reader)
        #expect(list.focus == .list && effects.isEmpty)
        let (_, quit) = press([.character("q")], list)
        #expect(quit == [.quit])
        let (_, escape) = press([.escape], list)
        #expect(escape.isEmpty)
    }

    @Test func resizeKeepsTheParagraphAtTheTop() throws {
        // Short enough that the article must scroll in the wide layout.
        // Searching puts the matching line at the top: the second paragraph's first line.
        let (state, _) = press([.enter, .character("/")] + type("took place") + [.enter],
                               FixtureLibrary.state(width: 120, height: 14))
        try #require(state.reader!.anchor == ReaderAnchor(block: .paragraph(1), line: 0))
        let narrow = reduce(state, .resize(Size(width: 80, height: 24))).0
        #expect(narrow.reader?.anchor.block == .paragraph(1))
        #expect(ScreenView.render(narrow).textLines[1].hasPrefix(" The meeting took place in Seoul"))
        let back = reduce(narrow, .resize(Size(width: 120, height: 14))).0
        #expect(ScreenView.render(back).textLines[1].contains("│ The meeting took place in Seoul"))
    }

    @Test func searchHighlightsAndJumpsBetweenMatches() {
        let (state, _) = press([.enter, .character("/")] + type("sullivan") + [.enter], wide)
        let grid = ScreenView.render(state)
        #expect(grid.cells.contains { $0.role == .searchMatch })
        let (next, _) = press([.character("n")], state)
        #expect(next.reader?.anchor != state.reader?.anchor)
    }

    @Test func entityUnderTheCursorBecomesAFilter() {
        // ] three times: South Korea (title), United States, South Korea... then Japan? Use Jake Sullivan explicitly.
        var (state, _) = press([.enter], wide)
        for _ in 0..<6 { (state, _) = press([.character("]")], state) }
        let (filtered, _) = press([.character("e")], state)
        #expect(filtered.filter.entities == [EntityKey(type: .person, name: "Jake Sullivan")])
        #expect(filtered.results.count == 1)
    }

    @Test func unreadOnlyHidesReadArticles() {
        let (state, _) = press([.character("u")], wide)
        #expect(!titles(state).contains("Central bank holds rates steady as inflation cools"))
        #expect(state.results.count == 5)
    }

    @Test func themesCycleThroughTheCatalog() {
        let (state, effects) = press([.character("t")], wide)
        #expect(state.themeName == "light" && effects == [.applyTheme("light")])
        let (again, _) = press([.character("t")], state)
        #expect(again.themeName == "dark")
    }

    @Test func nextArticleFromTheReader() {
        let (state, effects) = press([.enter, .character("J")], wide)
        #expect(state.reader?.article.title == "북한, 정찰위성 추가 발사 예고")
        #expect(effects.count == 2)
    }

    @Test func feedReloadKeysAskTheRunLoopToFetch() {
        let (_, all) = press([.character("R")], wide)
        #expect(all == [.reloadFeeds(articleID: nil)])
        // Ctrl-R: the feed of the selected article, or of the open one in the reader.
        let (_, selected) = press([.character("j"), .control("r")], wide)
        #expect(selected == [.reloadFeeds(articleID: "/news/yonhap/satellite.txt")])
        let (_, open) = press([.enter, .control("r")], wide)
        #expect(open == [.markRead("/news/herald/korea-cyber.txt"), .reloadFeeds(articleID: "/news/herald/korea-cyber.txt")])
    }

    @Test func linkKeysHandTheArticlesAddressToTheRunLoop() {
        // The list: the selected article's URL, or the file it came from when it has none.
        let (_, fileLink) = press([.character("y")], wide)
        #expect(fileLink == [.copyToClipboard("/news/herald/korea-cyber.txt")])
        let (_, webLink) = press([.character("j"), .character("j"), .character("y")], wide)
        #expect(webLink == [.copyToClipboard("https://www.nikkei.example/stimulus")])
        // The reader: the open article's, also after the list's cursor moved on.
        let (reading, _) = press([.character("j"), .character("j"), .enter], wide)
        let (_, open) = press([.character("O")], reading)
        #expect(open == [.openLink("https://www.nikkei.example/stimulus")])
        // Nothing listed: nothing to copy, and the status line says so.
        let (empty, _) = press([.character("/")] + type("zzzz") + [.enter], wide)
        let (after, none) = press([.character("y")], empty)
        #expect(none.isEmpty)
        #expect(after.message?.text == "no article selected")
    }

    @Test func backgroundNewsReachesTheStatusLineAndTheList() throws {
        // A library not indexed yet: the list says so while the activity runs.
        let source = InMemorySource(library: Library(articles: []))
        var state = AppState(source: source, size: Size(width: 140, height: 45))
        state = reduce(state, .activity("indexing 0/6 files")).0
        var screen = ScreenView.render(state).textLines.joined(separator: "\n")
        #expect(screen.contains("The library is being indexed") && screen.contains("indexing 0/6 files"))
        // The refresh finished: the list is filtered again and the status line says what changed.
        source.replace(Library(articles: FixtureLibrary.articles))
        state = reduce(state, .activity(nil)).0
        state = reduce(state, .libraryChanged("library refreshed, files 6 added")).0
        screen = ScreenView.render(state).textLines.joined(separator: "\n")
        #expect(state.results.count == 6 && screen.contains("library refreshed, files 6 added"))
        #expect(screen.contains("Election results delayed in Seoul district"))
    }

    @Test func theSelectionSurvivesALibraryChange() throws {
        // The new article is a copy of another: one row per article here, not per story.
        let source = InMemorySource(library: Library(articles: FixtureLibrary.articles), stories: StorySettings(group: false))
        let (state, _) = press([.character("G")], AppState(source: source, size: Size(width: 140, height: 45)))
        let selected = try #require(state.selectedRow)
        // New articles arrive on top; the selected one keeps the cursor.
        var newer = FixtureLibrary.articles[4]
        newer.source = "/news/wire/storm-update.txt"
        newer.date = ArticleDate(year: 2024, month: 1, day: 1)
        source.replace(Library(articles: FixtureLibrary.articles + [newer]))
        let changed = reduce(state, .libraryChanged(nil)).0
        #expect(changed.results.count == 7 && changed.selectedRow?.id == selected.id && changed.selection == 6)
    }

    @Test func aLargeLibraryScannedInSlicesGivesTheSameAnswerAsItsParts() throws {
        // 400 copies of each fixture article: large enough to be scanned one slice per core.
        let copies = 400
        var articles: [Article] = []
        for copy in 0..<copies {
            for var article in FixtureLibrary.articles {
                article.source = "/copy\(copy)\(article.source)"
                articles.append(article)
            }
        }
        #expect(articles.count >= InMemorySource.parallelScanMinimum)
        // Copies of one text are one story: listed one row per article here, to compare with the parts.
        let large = InMemorySource(library: Library(articles: articles), stories: StorySettings(group: false))
        let small = InMemorySource(library: Library(articles: FixtureLibrary.articles), stories: StorySettings(group: false))
        var filters: [FilterState] = [FilterState()]
        for text in ["seoul", "korea OR storm", "-cyber"] {
            var filter = FilterState()
            filter.query = try FilterQuery(text)
            filters.append(filter)
        }
        var topic = FilterState()
        topic.topics = ["security"]
        filters.append(topic)
        for filter in filters {
            let whole = large.evaluate(ResultRequest(filter: filter))
            let part = small.evaluate(ResultRequest(filter: filter))
            #expect(whole.count == part.count * copies, "\(filter)")
            #expect(whole.unread == part.unread * copies, "\(filter)")
            #expect(whole.topics.map(\.count) == part.topics.map { $0.count * copies }, "\(filter)")
            #expect(whole.entityFacets.mapValues { $0.map(\.count) } == part.entityFacets.mapValues { $0.map { $0.count * copies } },
                    "\(filter)")
            #expect(whole.days.map(\.count) == part.days.map { $0.count * copies }, "\(filter)")
            // Newest first across the slices' seam.
            let dates = large.rows(of: whole, 0..<whole.count).map { $0.date?.daysSinceEpoch ?? Int.min }
            #expect(dates == dates.sorted(by: >), "\(filter)")
        }
    }
}
