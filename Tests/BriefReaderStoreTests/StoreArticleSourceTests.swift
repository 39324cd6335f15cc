// The reader over a real SQLite library cache: what the user sees must match the in-memory library.
import BriefCore
import BriefReaderStore
import BriefStore
import BriefTestSupport
import BriefUI
import Testing

@Suite struct StoreArticleSourceTests {
    @Test func theListShowsTheCachedArticlesNewestFirst() throws {
        let directory = try TemporaryDirectory()
        let state = StoreLibrary.storeState(try StoreLibrary.store(in: directory))
        #expect(state.results.count == 6 && state.results.total == 6)
        #expect(state.titles == StoreLibrary.inMemoryState().titles)
        #expect(state.titles.first == "US, South Korea and Japan to step up their actions on North Korea cyber threats")
        // Sources, topic badges (best first) and flags reach the rows.
        let rates = try #require(state.allRows.first { $0.id == StoreLibrary.readAndStarred })
        #expect(rates.source == "Wire" && rates.flags == ArticleFlags(read: true, starred: true))
        #expect(state.allRows.first?.topicNames == ["Security", "Asia"])
        #expect(state.results.unread == 5)
        let screen = ScreenView.render(state).textLines.joined(separator: "\n")
        #expect(screen.contains("6 articles · 5 unread · by date"))
        #expect(screen.contains("Central bank holds rates steady"))
    }

    @Test func onlyAQueryWithUnreadSomewhereInItWaitsForTheReadMarks() throws {
        let unread = try FilterQuery("topic:asia (seoul OR -unread)").expression
        #expect(StoreArticleSource.selectsByReadMarks(unread))
        #expect(StoreArticleSource.selectsByReadMarks(.unread))
        #expect(!StoreArticleSource.selectsByReadMarks(.all))
        #expect(!StoreArticleSource.selectsByReadMarks(try FilterQuery("topic:asia (seoul OR -starred)").expression))
    }

    @Test func theListHoldsOnlyAPageNotTheLibrary() throws {
        let directory = try TemporaryDirectory()
        let many = (0..<300).map { (number: Int) -> Article in
            let even = number % 2 == 0
            return Article(source: "/bulk/\(number).txt", format: .text, title: "Bulletin number \(number)",
                           date: ArticleDate(year: 1700 + number, month: 1, day: 1), paragraphs: ["Body of bulletin \(number)."],
                           topics: [StoreLibrary.topic(even ? "even" : "odd", even ? "Even" : "Odd")])
        }
        var state = StoreLibrary.storeState(try StoreLibrary.store(in: directory, articles: many), width: 140, height: 45)
        #expect(state.results.count == 300)
        #expect(state.results.page.count < 100)
        #expect(state.results.fetchedRow(at: 0)?.title == "Bulletin number 299")
        // End: the page moves to the bottom of the list.
        (state, _) = try press([.character("G")], state)
        #expect(state.selection == 299 && state.selectedRow?.title == "Bulletin number 0")
        #expect(state.results.page.count < 100 && state.results.pageStart > 200)
        let screen = ScreenView.render(state).textLines.joined(separator: "\n")
        #expect(screen.contains("Bulletin number 0") && !screen.contains("Bulletin number 299"))
    }

    @Test func topicTogglesCountLikeTheInMemoryLibrary() throws {
        let directory = try TemporaryDirectory()
        let store = try StoreLibrary.store(in: directory)
        var cached = StoreLibrary.storeState(store)
        var memory = StoreLibrary.inMemoryState()
        func agree() {
            #expect(cached.titles == memory.titles)
            #expect(cached.results.topics == memory.results.topics)
            #expect(cached.results.entityFacets == memory.results.entityFacets)
            #expect(cached.results.histogram == memory.results.histogram)
            #expect(cached.results.unread == memory.results.unread)
        }
        agree()
        // Tab to the filter pane; Asia is the first topic by name.
        let steps: [[Key]] = [[.backTab, .character(" ")], [.character("j"), .character(" ")], [.character("a")],
                              [.character("a"), .character(" ")], [.character("u")]]
        for keys in steps {
            (cached, _) = try press(keys, cached, store: store)
            (memory, _) = try press(keys, memory)
            agree()
        }
        // Asia alone, any-of: each topic counts what selecting it would add.
        let (asia, _) = try press([.backTab, .character(" ")], StoreLibrary.storeState(store))
        #expect(asia.results.count == 4)
        #expect(asia.results.topics.map(\.name) == ["Asia", "Economy", "Security", "Weather"])
        #expect(asia.results.topics.map(\.count) == [4, 2, 1, 1])
        let (both, _) = try press([.character("j"), .character(" "), .character("a")], asia)
        #expect(both.titles == ["Japan's prime minister announces a stimulus package"])
        #expect(both.results.topics.map(\.count) == [1, 1, 0, 0])
    }

    @Test func savedSearchesCountAndFilterLikeTheInMemoryLibrary() throws {
        let directory = try TemporaryDirectory()
        let store = try StoreLibrary.store(in: directory)
        let searches = [try SavedSearch(name: "Seoul", queryText: "seoul"), try SavedSearch(name: "Asia", queryText: "topic:asia")]
        var cached = StoreLibrary.storeState(store)
        var memory = StoreLibrary.inMemoryState()
        cached.savedSearches = searches
        memory.savedSearches = searches
        cached.refreshResults()
        memory.refreshResults()
        #expect(cached.results.searchCounts == [2, 4])
        // Seoul on, then Asia on too (either), then unread only, then Seoul off.
        let steps: [[Key]] = [[.backTab, .character(" ")], [.character("j"), .character(" ")], [.character("u")],
                              [.character("k"), .character(" ")]]
        for keys in steps {
            (cached, _) = try press(keys, cached, store: store)
            (memory, _) = try press(keys, memory)
            #expect(cached.titles == memory.titles)
            #expect(cached.results.searchCounts == memory.results.searchCounts)
            #expect(cached.results.topics == memory.results.topics)
        }
        #expect(cached.filter.searches.map(\.name) == ["Asia"] && cached.results.count == 4)
    }

    @Test func aTypedQueryAndAnEntityFacetNarrowTheList() throws {
        let directory = try TemporaryDirectory()
        let store = try StoreLibrary.store(in: directory)
        let (typed, _) = try press([.character("/")] + type("seoul"), StoreLibrary.storeState(store))
        #expect(Set(typed.titles) == ["US, South Korea and Japan to step up their actions on North Korea cyber threats",
                                      "Election results delayed in Seoul district"])
        #expect(typed.results.entityFacets[.place]?.first == EntityFacet(key: EntityKey(type: .place, name: "Seoul"), count: 2))
        // A query that does not parse keeps the last valid result.
        let (invalid, _) = try press(type(" ("), typed)
        #expect(invalid.message?.isError == true && invalid.titles == typed.titles)
        // Select Jake Sullivan among the people of the result.
        var (state, _) = try press([.escape, .backTab], typed)
        let sullivan = FilterItem.entity(EntityKey(type: .person, name: "Jake Sullivan"))
        let position = try #require(state.filterItems.firstIndex(of: sullivan))
        (state, _) = try press(Array(repeating: .character("j"), count: position) + [.character(" ")], state)
        #expect(state.filter.entities == [EntityKey(type: .person, name: "Jake Sullivan")])
        #expect(state.titles == ["US, South Korea and Japan to step up their actions on North Korea cyber threats"])
    }

    @Test func openingLoadsTheBodyFromTheCacheAndMarksItRead() throws {
        let directory = try TemporaryDirectory()
        let store = try StoreLibrary.store(in: directory)
        let start = StoreLibrary.storeState(store)
        let (opened, effects) = try press([.enter], start, store: store)
        let korea = StoreLibrary.articles[0]
        #expect(effects == [.markRead(korea.id)])
        #expect(opened.reader?.article.paragraphs == korea.paragraphs)
        #expect(opened.reader?.article.removed == korea.removed)
        #expect(opened.results.unread == 4)
        let screen = ScreenView.render(opened).textLines.joined(separator: "\n")
        #expect(screen.contains("The meeting took place in Seoul"))
        #expect(!screen.contains("Similar topics for you"))
        // Removed text in place, then search inside the article.
        let (removed, _) = try press([.character("r")], opened)
        #expect(ScreenView.render(removed).textLines.joined().contains("[removed: promoMarker] Similar topics for you"))
        let (searched, _) = try press([.character("/")] + type("sullivan") + [.enter], opened)
        #expect(ScreenView.render(searched).cells.contains { $0.role == .searchMatch })
        // Read in the database: the unread filter leaves it out, also in a new session.
        #expect(try store.state.flags(korea.id).read)
        let (unread, _) = try press([.character("q"), .character("u")], opened, store: store)
        #expect(!unread.titles.contains(korea.title) && unread.results.count == 4)
        let (fresh, _) = try press([.character("u")], StoreLibrary.storeState(store))
        #expect(fresh.titles == unread.titles)
    }

    @Test func nextArticleInTheReaderWalksTheResult() throws {
        let directory = try TemporaryDirectory()
        let store = try StoreLibrary.store(in: directory)
        let (state, effects) = try press([.enter, .character("J"), .character("J")], StoreLibrary.storeState(store), store: store)
        #expect(state.reader?.article.title == "Japan's prime minister announces a stimulus package")
        #expect(state.selection == 2 && effects.count == 3)
        let (back, _) = try press([.character("K")], state, store: store)
        #expect(back.reader?.article.title == "North Korea plans another spy satellite launch")
    }

    @Test func theSelectionSurvivesFilteringAndSorting() throws {
        let directory = try TemporaryDirectory()
        let store = try StoreLibrary.store(in: directory)
        // The election article is last; filtering to Asia keeps it selected.
        let (asia, _) = try press([.character("G"), .backTab, .character(" ")], StoreLibrary.storeState(store))
        #expect(asia.selectedRow?.title == "Election results delayed in Seoul district")
        #expect(asia.selection == 3)
        let (sorted, _) = try press([.tab, .character("o")], asia)
        #expect(sorted.filter.sort == .title)
        #expect(sorted.selectedRow?.title == "Election results delayed in Seoul district")
        #expect(sorted.titles == sorted.titles.sorted { $0.lowercased() < $1.lowercased() })
    }

    @Test func cyclingTheSortOrderRoundListsAndCountsLikeTheInMemoryLibrary() throws {
        let directory = try TemporaryDirectory()
        let store = try StoreLibrary.store(in: directory)
        var cached = StoreLibrary.storeState(store)
        var memory = StoreLibrary.inMemoryState()
        // Round the three orders twice, opening (and so marking read) an article in between: each
        // order comes back with the same list, and with the new unread count.
        let steps: [[Key]] = [[.character("o")], [.character("o")], [.character("o")], [.character("j"), .enter, .character("q")],
                              [.character("o")], [.character("o")], [.character("o")]]
        for keys in steps {
            (cached, _) = try press(keys, cached, store: store)
            (memory, _) = try press(keys, memory)
            #expect(cached.filter.sort == memory.filter.sort)
            #expect(cached.titles == memory.titles)
            #expect(cached.results.unread == memory.results.unread)
        }
        #expect(cached.filter.sort == .date && cached.results.unread == 4)
    }

    @Test func starringReachesTheStateDatabase() throws {
        let directory = try TemporaryDirectory()
        let store = try StoreLibrary.store(in: directory)
        let (starred, effects) = try press([.character("s")], StoreLibrary.storeState(store), store: store)
        let id = StoreLibrary.articles[0].id
        #expect(effects == [.setStarred(id, true)])
        #expect(try store.state.flags(id).starred)
        #expect(ScreenView.render(starred).textLines.joined().contains("★"))
    }

    @Test func articlesAddedToTheCacheAppearWhenTheLibraryChanges() throws {
        let directory = try TemporaryDirectory()
        let store = try StoreLibrary.store(in: directory)
        let source = StoreArticleSource(store: store)
        let (state, _) = try press([.character("j"), .character("j")], AppState(source: source, size: Size(width: 140, height: 45)))
        let selected = try #require(state.selectedRow)
        let newer = Article(source: "/news/wire/ceasefire.txt", format: .text, title: "Ceasefire talks resume",
                            date: ArticleDate(year: 2024, month: 2, day: 1), siteName: "Wire",
                            paragraphs: ["Negotiators returned to the table."], topics: [StoreLibrary.topic("asia", "Asia")])
        try store.insert([newer], path: newer.source)
        // What the background refresh does when it finishes.
        source.libraryDidChange()
        let changed = reduce(state, .libraryChanged("library refreshed, file 1 added")).0
        #expect(changed.results.count == 7 && changed.results.total == 7 && changed.results.unread == 6)
        #expect(changed.titles.first == "Ceasefire talks resume")
        #expect(changed.selectedRow?.id == selected.id && changed.selection == 3)
        #expect(changed.results.topics.first { $0.id == "asia" }?.count == 5)
    }
}
