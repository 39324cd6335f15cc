// The library at scale: cold index, warm start, 1% re-index, query latency and memory, at 10,000 (and 100,000) articles.
import BriefCore
import BriefStore
import Foundation

enum LibraryBenchmark {
    /// Sizes measured; 100,000 only with BRIEF_BENCH_LARGE=1 (it takes minutes);
    /// BRIEF_BENCH_LIBRARY_SIZE=N measures N alone (for profiling).
    static var sizes: [Int] {
        let environment = ProcessInfo.processInfo.environment
        if let size = environment["BRIEF_BENCH_LIBRARY_SIZE"].flatMap(Int.init) { return [size] }
        return environment["BRIEF_BENCH_LARGE"] == "1" ? [10_000, 100_000] : [10_000]
    }
    /// Timed runs per query kind.
    static let queryRuns = 100
    /// Rows a list page shows.
    static let pageSize = 60

    static func run() {
        for size in sizes {
            do {
                try measure(size)
            } catch {
                print("library n=\(size) error: \(error)")
            }
        }
    }

    static func measure(_ size: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("brief-bench-library-\(size)")
        let corpus = root.appendingPathComponent("corpus")
        // BRIEF_BENCH_KEEP=1 keeps the corpus and cache for the next run (for profiling queries).
        let keep = ProcessInfo.processInfo.environment["BRIEF_BENCH_KEEP"] == "1"
        if !keep || !FileManager.default.fileExists(atPath: corpus.path) {
            try? FileManager.default.removeItem(at: root)
            try GenerateCorpus.generator().write(count: size, to: corpus)
        }
        defer { if !keep { try? FileManager.default.removeItem(at: root) } }
        let cachePath = root.appendingPathComponent("cache/library.sqlite").path
        let statePath = root.appendingPathComponent("data/state.sqlite").path
        // The real pipeline: the annotations queried below are what the recognizer and classifier found.
        let pipeline = ArticlePipeline()
        let parse: LibraryStore.Parser = { data, source throws(ReadError) in try pipeline.articles(from: data, source: source) }
        let label = "library n=\(size)"

        // Cold index.
        var store: LibraryStore? = try LibraryStore(path: cachePath, statePath: statePath)
        var start = Date()
        let cpuBefore = cpuSeconds()
        let cold = try store!.refresh(paths: [corpus.path], parse: parse)
        let coldSeconds = Date().timeIntervalSince(start)
        print("\(label) cold_index_s \(f(coldSeconds, 2)) cpu_s \(f(cpuSeconds() - cpuBefore, 2)) articles_per_s \(f(Double(cold.articles) / coldSeconds, 0)) articles \(cold.articles) bad \(cold.bad)"
              + " write_s \(f(cold.writeSeconds, 2)) write_cpu_s \(f(cold.writeCPUSeconds, 2)) parse_wait_s \(f(cold.parseWaitSeconds, 2))"
              + " story_s \(f(cold.storySeconds, 2))")
        store = nil
        // BRIEF_BENCH_COLD_ONLY=1 stops here (for profiling the indexer).
        if ProcessInfo.processInfo.environment["BRIEF_BENCH_COLD_ONLY"] == "1" {
            print("\(label) peak_memory_mb \(f(PeakMemory.megabytes(), 1))")
            return
        }

        // Warm start: open, first page, facets (what the reader needs for its first frame).
        var warm: [Double] = []
        for _ in 0..<5 {
            start = Date()
            let reopened = try LibraryStore(path: cachePath, statePath: statePath)
            let result = try reopened.query(.all)
            _ = try reopened.summaries(of: result, 0..<pageSize)
            warm.append(Date().timeIntervalSince(start) * 1000)
        }
        let cpuWarm = cpuSeconds()
        do {
            let reopened = try LibraryStore(path: cachePath, statePath: statePath)
            let result = try reopened.query(.all)
            _ = try reopened.summaries(of: result, 0..<pageSize)
        }
        print("\(label) warm_start_cpu_ms \(f((cpuSeconds() - cpuWarm) * 1000, 1))")
        print("\(label) warm_start_ms median \(f(median(warm), 1)) max \(f(warm.max()!, 1)) (open + query + facets + first page, 5 runs)")

        let reader = try LibraryStore(path: cachePath, statePath: statePath)
        start = Date()
        let noop = try reader.refresh(paths: [corpus.path], parse: parse)
        print("\(label) refresh_nothing_changed_ms \(f(Date().timeIntervalSince(start) * 1000, 0)) unchanged \(noop.unchanged)")

        // Re-index after 1% of the files changed.
        let generator = GenerateCorpus.generator()
        let files = stride(from: 0, to: size, by: 100).map { corpus.appendingPathComponent(generator.file($0).relativePath) }
        for url in files {
            let handle = try FileHandle(forWritingTo: url)
            handle.seekToEndOfFile()
            handle.write(Data("An update was added to this story.\n".utf8))
            try handle.close()
        }
        start = Date()
        let reindex = try reader.refresh(paths: [corpus.path], parse: parse)
        print("\(label) reindex_1pct_s \(f(Date().timeIntervalSince(start), 2)) changed \(reindex.changed) unchanged \(reindex.unchanged)"
              + " write_s \(f(reindex.writeSeconds, 2)) write_cpu_s \(f(reindex.writeCPUSeconds, 2)) parse_wait_s \(f(reindex.parseWaitSeconds, 2))")

        // Mark some state so unread joins have work.
        let someIDs = try reader.ids(matching: .all).enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        try reader.state.setRead(someIDs, true)

        // Query latency: what one keystroke needs: count, first page and facets of the new result.
        let topics = ["cyber", "missiles", "supply-chain", "nuclear", "space", "crypto", "maritime", "diplomacy", "sanctions", "military"]
        let wordPairs = [("missile", "launch"), ("supply", "chain"), ("cyber", "attacks"), ("nuclear", "talks"),
                         ("sanctions", "assets"), ("satellite", "orbit"), ("ransomware", "outage"), ("frigate", "strait")]
        let people = ["Jake Sullivan", "Fumio Kishida", "Yoon Suk Yeol", "Antony Blinken", "Pedro Sánchez", "Wang Yi", "Penny Wong"]
        let places = ["Seoul", "Tokyo", "Beijing", "Zürich", "Kyiv", "Manila"]
        let kinds: [(String, (Int) -> FilterExpression)] = [
            ("topic", { i in .topic(topics[i % topics.count]) }),
            ("two_words", { i in
                let (a, b) = wordPairs[i % wordPairs.count]
                return .and([.word(a, prefix: false), .word(b, prefix: false)])
            }),
            ("entity", { i in .entity(.person, people[i % people.count]) }),
            ("combined", { i in
                .and([.topic(topics[i % topics.count]), .word(wordPairs[i % wordPairs.count].0, prefix: true),
                      .since(ArticleDate(year: 2020 + i % 4, month: 1, day: 1)), .not(.entity(nil, places[i % places.count])), .unread])
            }),
        ]
        for (name, query) in kinds {
            var times: [Double] = []
            var cpuTimes: [Double] = []
            var matched = 0
            for i in 0..<queryRuns {
                let filter = query(i)
                let t0 = Date()
                let c0 = cpuSeconds()
                let result = try reader.query(filter)
                _ = try reader.summaries(of: result, 0..<pageSize)
                times.append(Date().timeIntervalSince(t0) * 1000)
                cpuTimes.append((cpuSeconds() - c0) * 1000)
                matched += result.count
            }
            print("\(label) query_\(name)_ms median \(f(median(times), 2)) p99 \(f(percentile(times, 0.99), 2))"
                  + " cpu_ms median \(f(median(cpuTimes), 2)) p99 \(f(percentile(cpuTimes, 0.99), 2))"
                  + " (matches + facets + first page; mean matches \(matched / queryRuns))")
        }
        try ReaderBenchmark.measure(label: label, cachePath: cachePath, statePath: statePath, runs: queryRuns)
        start = Date()
        let body = try reader.article(id: try reader.summaries(matching: .all, limit: 1)[0].id)
        print("\(label) open_article_ms \(f(Date().timeIntervalSince(start) * 1000, 2)) paragraphs \(body?.paragraphs.count ?? 0)")
        let bytes = ["", "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: cachePath + $0)[.size] as? NSNumber }
            .map(\.int64Value).reduce(0, +)
        print("\(label) cache_mb \(f(Double(bytes) / 1_048_576, 1)) peak_memory_mb \(f(PeakMemory.megabytes(), 1))")
    }

    /// User plus system CPU time of this process so far: the machine is shared, so wall time
    /// alone says little about the work done.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func f(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }
}
