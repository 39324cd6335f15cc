// The reader over the library cache, through its real code path: warm start to the first full frame, and
// keystroke to repainted frame (reducer + store-backed source + 140×45 cell grid) per kind of filter.
import BriefCore
import BriefReaderStore
import BriefStore
import BriefUI
import Foundation

enum ReaderBenchmark {
    static let size = Size(width: 140, height: 45)

    /// `brief-bench reader`: the reader figures alone, on the corpus and cache a
    /// `BRIEF_BENCH_KEEP=1 brief-bench library` run left in the temporary directory.
    static func runOnKeptLibraries() {
        for size in LibraryBenchmark.sizes {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("brief-bench-library-\(size)")
            let cache = root.appendingPathComponent("cache/library.sqlite").path
            guard FileManager.default.fileExists(atPath: cache) else {
                print("reader n=\(size): no kept library; run BRIEF_BENCH_KEEP=1 brief-bench library first")
                continue
            }
            do {
                try measure(label: "library n=\(size)", cachePath: cache,
                            statePath: root.appendingPathComponent("data/state.sqlite").path, runs: LibraryBenchmark.queryRuns)
            } catch {
                print("reader n=\(size) error: \(error)")
            }
        }
    }

    /// Measured on the cache `LibraryBenchmark` built (and after it marked a third of the articles read).
    /// Without `freshStarts`, one store serves every key, as in a reader process (the fresh starts
    /// open a store each while the first is still open).
    static func measure(label: String, cachePath: String, statePath: String, runs: Int, freshStarts: Bool = true) throws {
        try warmStart(label: label, cachePath: cachePath, statePath: statePath)
        let store = try LibraryStore(path: cachePath, statePath: statePath)
        let start = AppState(source: StoreArticleSource(store: store), size: size)
        precondition(!start.results.topics.isEmpty, "the benchmark library has no topics")
        try measureTopicToggles(label: label, start: start, runs: runs)
        try measureTyping(label: label, start: start, runs: runs)
        try measureEntityFilter(label: label, start: start, runs: runs)
        try measureCombinedQuery(label: label, start: start, runs: runs)
        try measureSortCycle(label: label, start: start, runs: runs)
        if freshStarts { try firstKeys(label: label, cachePath: cachePath, statePath: statePath) }
        try breakdown(label: label, start: start, runs: runs)
    }

    /// Topic toggle: Space on a topic in the filter pane (select, then unselect on the next run).
    static func measureTopicToggles(label: String, start: AppState, runs: Int) throws {
        let topicCount = start.results.topics.count
        var state = reduce(start, .key(.backTab)).0
        let toggles = try time(runs) { i in
            state.filterCursor = (i / 2) % topicCount
            return key(.character(" "), &state)
        }
        report(label, "topic_toggle", toggles, state)
    }

    /// Two-word search: every keystroke of typing `/word word` from an empty filter.
    static func measureTyping(label: String, start: AppState, runs: Int) throws {
        let pairs = [("missile", "launch"), ("supply", "chain"), ("cyber", "attacks"), ("nuclear", "talks"),
                     ("sanctions", "assets"), ("satellite", "orbit"), ("ransomware", "outage"), ("frigate", "strait")]
        // Words match whole (prefixes only with *), so most keys of a word being typed match
        // nothing; the key that completes the second word is reported on its own too.
        var state = start
        var typing: [Double] = []
        var completing: [Double] = []
        var pair = 0
        while completing.count < runs {
            state = reduce(start, .key(.character("/"))).0
            let (a, b) = pairs[pair % pairs.count]
            pair += 1
            let text = "\(a) \(b)"
            for (offset, character) in text.enumerated() {
                let times = try time(1) { _ in key(.character(character), &state) }
                if typing.count < runs { typing += times }
                if offset == text.count - 1 { completing += times }
            }
        }
        report(label, "two_word_search", typing, state)
        report(label, "two_word_search_completing_key", completing, state)
    }

    /// Entity filter: Space on one of the people, places or organizations of the pane, from the
    /// unfiltered list each time.
    static func measureEntityFilter(label: String, start: AppState, runs: Int) throws {
        let pane = reduce(start, .key(.backTab)).0
        let entityItems = pane.filterItems.indices.filter { if case .entity = pane.filterItems[$0] { true } else { false } }
        var state = pane
        let entities = try time(runs) { i in
            state = pane
            state.filterCursor = entityItems[i % entityItems.count]
            return key(.character(" "), &state)
        }
        report(label, "entity_filter", entities, state)
    }

    /// Combined query: `:` then Enter on topic + word prefix + date + excluded place + unread.
    static func measureCombinedQuery(label: String, start: AppState, runs: Int) throws {
        let topics = start.results.topics.map(\.id)
        let places = ["seoul", "tokyo", "beijing", "kyiv", "manila"]
        let words = ["missile", "supply", "cyber", "nuclear", "sanctions", "satellite"]
        var state = start
        let combined = try time(runs) { i in
            state = reduce(start, .key(.character(":"))).0
            state.prompt?.text = "topic:\(topics[i % topics.count]) \(words[i % words.count])* since:\(2020 + i % 4)-01-01 "
                + "-place:\(places[i % places.count]) unread"
            return key(.enter, &state)
        }
        report(label, "combined_query", combined, state)
    }

    /// Sort key cycling (`o`: date → title → source → date); the first use of an order asks the
    /// database for it once, which the first keys include.
    static func measureSortCycle(label: String, start: AppState, runs: Int) throws {
        var state = start
        let sorts = try time(runs) { _ in key(.character("o"), &state) }
        report(label, "sort_cycle", sorts, state)
    }

    /// The first key of each kind right after start (a fresh cache, first frame drawn): it pays
    /// for whatever the first query of its kind loads, which the keys after it reuse.
    static func firstKeys(label: String, cachePath: String, statePath: String) throws {
        let opens = LibraryBenchmark.firstQueryRuns
        let kinds: [(String, (AppState) -> (AppState, Key))] = [
            ("topic_toggle", { state in (reduce(state, .key(.backTab)).0, .character(" ")) }),
            ("search_first_letter", { state in (reduce(state, .key(.character("/"))).0, .character("s")) }),
            ("entity_filter", { state in
                var pane = reduce(state, .key(.backTab)).0
                pane.filterCursor = pane.filterItems.firstIndex { if case .entity = $0 { true } else { false } } ?? 0
                return (pane, .character(" "))
            }),
            ("combined_query", { state in
                var prompt = reduce(state, .key(.character(":"))).0
                let topic = state.results.topics.first?.id ?? "cyber"
                prompt.prompt?.text = "topic:\(topic) missile* since:2018-01-01 -place:seoul unread"
                return (prompt, .enter)
            }),
            ("sort_cycle", { state in (state, .character("o")) }),
        ]
        for (name, prepare) in kinds {
            var times: [Double] = []
            var lastMessage: StatusMessage?
            for _ in 0..<opens {
                let store = try LibraryStore(path: cachePath, statePath: statePath)
                var (state, pressed) = prepare(AppState(source: StoreArticleSource(store: store), size: size))
                _ = ScreenView.render(state)
                times += try time(1) { _ in key(pressed, &state) }
                lastMessage = state.message
            }
            if let message = lastMessage, message.isError { print("\(label) reader_first_\(name) error: \(message.text)") }
            print("\(label) reader_first_key_after_start_\(name)_ms median \(LibraryBenchmark.f(LibraryBenchmark.median(times), 2)) "
                  + "max \(LibraryBenchmark.f(times.max()!, 2)) (\(opens) fresh starts, reducer + store + 140x45 grid)")
        }
    }

    /// Peak resident memory of a process that only reads the cache: `brief-bench reader-rss CACHE STATE`
    /// starts the reader on it and presses the keys this benchmark presses (fewer of each).
    static func peakMemoryOfReaderProcess(cachePath: String, statePath: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["reader-rss", cachePath, statePath]
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            return "unknown (\(error))"
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").last { $0.hasPrefix("reader_peak_rss_mb ") }.map { String($0.dropFirst(19)) } ?? "unknown"
    }

    /// The child of `peakMemoryOfReaderProcess`: one reader's store, as `brief` holds one. With
    /// the fresh starts too, three stores were open at once (2.5 times a reader's heap at 1M).
    static func runReaderForMemory(cachePath: String, statePath: String) {
        do {
            try measure(label: "reader-rss", cachePath: cachePath, statePath: statePath, runs: 20, freshStarts: false)
            print("reader_peak_rss_mb \(LibraryBenchmark.f(PeakMemory.megabytes(), 1)) (at the end: \(PeakMemory.residentByKind()) MiB)")
        } catch {
            print("reader-rss error: \(error)")
        }
    }

    /// `brief-bench reader-first-keys CACHE STATE`: only the first key of each kind after a fresh
    /// start, for an A/B of start-up work between builds on a kept cache (a minute at 1M).
    static func runFirstKeys(cachePath: String, statePath: String) {
        do {
            try firstKeys(label: "reader-first-keys", cachePath: cachePath, statePath: statePath)
        } catch {
            print("reader-first-keys error: \(error)")
        }
    }

    /// Where a topic toggle's time goes: the source's query, the page of rows, the frame.
    static func breakdown(label: String, start: AppState, runs: Int) throws {
        var state = reduce(start, .key(.backTab)).0
        state = reduce(state, .key(.character(" "))).0
        var request = ResultRequest(filter: state.filter, flags: state.flags)
        let topics = state.results.topics.map(\.id)
        var evaluate: [Double] = []
        var rows: [Double] = []
        var render: [Double] = []
        for i in 0..<runs {
            request.filter.topics = [topics[i % topics.count]]
            var clock = ContinuousClock.now
            let answer = try state.source.evaluate(request)
            evaluate.append(UIBenchmark.milliseconds(since: clock))
            clock = ContinuousClock.now
            let page = try state.source.rows(of: answer, 0..<44)
            rows.append(UIBenchmark.milliseconds(since: clock))
            clock = ContinuousClock.now
            let grid = ScreenView.render(state)
            render.append(UIBenchmark.milliseconds(since: clock))
            precondition(page.count <= 44 && grid.size.width > 0)
        }
        func m(_ values: [Double]) -> String { LibraryBenchmark.f(LibraryBenchmark.median(values), 2) }
        print("\(label) reader_topic_toggle_breakdown_ms median evaluate \(m(evaluate)) rows_44 \(m(rows)) render \(m(render))")
    }

    /// Open the cache, first query and page, first frame into the cell grid, as `brief` does.
    static func warmStart(label: String, cachePath: String, statePath: String) throws {
        var times: [Double] = []
        var cpu: [Double] = []
        var shown = 0
        for _ in 0..<5 {
            let cpuStart = LibraryBenchmark.cpuSeconds()
            let start = ContinuousClock.now
            let store = try LibraryStore(path: cachePath, statePath: statePath)
            let state = AppState(source: StoreArticleSource(store: store), size: size)
            let grid = ScreenView.render(state)
            times.append(UIBenchmark.milliseconds(since: start))
            cpu.append((LibraryBenchmark.cpuSeconds() - cpuStart) * 1000)
            precondition(grid.textLines[0].contains("Articles"))
            shown = state.results.count
        }
        // Where a warm start's time goes: opening both databases, the first query (loading the
        // facet index, order and bitmaps), and the rest of the first frame (rows, counts, grid).
        var open: [Double] = []
        var query: [Double] = []
        var frame: [Double] = []
        var marks: [Double] = []
        for _ in 0..<5 {
            var clock = ContinuousClock.now
            let store = try LibraryStore(path: cachePath, statePath: statePath)
            open.append(UIBenchmark.milliseconds(since: clock))
            clock = ContinuousClock.now
            _ = try store.query(.all, entitiesPerType: SourceResult.entityFacetsPerType, entityTypes: Set(SourceResult.entityFacetTypes))
            query.append(UIBenchmark.milliseconds(since: clock))
            clock = ContinuousClock.now
            let state = AppState(source: StoreArticleSource(store: store), size: size)
            precondition(ScreenView.render(state).textLines[0].contains("Articles"))
            frame.append(UIBenchmark.milliseconds(since: clock))
            // The read marks (a join of the state's ids with the cache's), which the frame fetched
            // on the other core and waited for: timed alone, after it.
            clock = ContinuousClock.now
            _ = try store.readMarks()
            marks.append(UIBenchmark.milliseconds(since: clock))
        }
        func m(_ values: [Double]) -> String { LibraryBenchmark.f(LibraryBenchmark.median(values), 1) }
        print("\(label) reader_warm_start_breakdown_ms median open \(m(open)) first_query \(m(query)) first_frame_after \(m(frame)) "
              + "(read_marks alone after it \(m(marks)))")
        print("\(label) reader_warm_start_first_frame_ms median \(LibraryBenchmark.f(LibraryBenchmark.median(times), 1)) "
              + "max \(LibraryBenchmark.f(times.max()!, 1)) cpu_ms median \(LibraryBenchmark.f(LibraryBenchmark.median(cpu), 1)) "
              + "(open cache + query + facets + first page + 140x45 grid, "
              + "5 runs, \(shown) articles listed)")
    }

    /// One key through the reducer and a full frame; returns the result count (kept so the work is used).
    static func key(_ key: Key, _ state: inout AppState) -> Int {
        state = reduce(state, .key(key)).0
        let grid = ScreenView.render(state)
        return grid.size.width > 0 ? state.results.count : -1
    }

    static func time(_ runs: Int, _ body: (Int) throws -> Int) throws -> [Double] {
        var times: [Double] = []
        for i in 0..<runs {
            let start = ContinuousClock.now
            let count = try body(i)
            precondition(count >= 0)
            times.append(UIBenchmark.milliseconds(since: start))
        }
        return times
    }

    static func report(_ label: String, _ name: String, _ times: [Double], _ state: AppState) {
        if let message = state.message, message.isError { print("\(label) reader_\(name) error: \(message.text)") }
        print("\(label) reader_keystroke_\(name)_ms median \(LibraryBenchmark.f(LibraryBenchmark.median(times), 2)) "
              + "p99 \(LibraryBenchmark.f(LibraryBenchmark.percentile(times, 0.99), 2)) "
              + "(\(times.count) keys, reducer + store + 140x45 grid)")
    }
}
