// The library at scale: cold index (wall and CPU), cache size against the text it indexes, warm start,
// 1% re-index, query latency per filter kind (the first query after opening too) and the reader's memory,
// on the generator's corpus and on a corpus of realistic articles (`library --corpus DIR`).
import BriefCore
import BriefStore
import Foundation

enum LibraryBenchmark {
    /// Sizes of the generator's corpus; 100,000 only with BRIEF_BENCH_LARGE=1 (it takes minutes);
    /// BRIEF_BENCH_LIBRARY_SIZE=N measures N alone (for profiling; 0: none, only `--corpus`).
    static var sizes: [Int] {
        let environment = ProcessInfo.processInfo.environment
        if let size = environment["BRIEF_BENCH_LIBRARY_SIZE"].flatMap(Int.init) { return size > 0 ? [size] : [] }
        return environment["BRIEF_BENCH_LARGE"] == "1" ? [10_000, 100_000] : [10_000]
    }
    /// Timed runs per query kind.
    static let queryRuns = 100
    /// Fresh opens of the cache, each timing the first query of every kind.
    static let firstQueryRuns = 3
    /// Rows a list page shows.
    static let pageSize = 60

    /// What is indexed: articles the generator writes (and rewrites) in a temporary directory,
    /// or a directory of files given with `--corpus` (e.g. `make-library`'s realistic articles).
    struct Corpus {
        var label: String
        var directory: URL
        /// Where the cache and state go (and, for the generator, the corpus).
        var root: URL
        var generatedSize: Int?
    }

    /// `brief-bench library [--corpus DIR]`: the given corpus first, then the generator's.
    static func run(corpus: String?) {
        var corpora: [Corpus] = []
        if let corpus {
            let directory = URL(fileURLWithPath: corpus, isDirectory: true).standardizedFileURL
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("brief-bench-library-\(directory.lastPathComponent)")
            corpora.append(Corpus(label: "library corpus=\(directory.lastPathComponent)", directory: directory, root: root, generatedSize: nil))
        }
        for size in sizes {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("brief-bench-library-\(size)")
            corpora.append(Corpus(label: "library n=\(size)", directory: root.appendingPathComponent("corpus"), root: root, generatedSize: size))
        }
        for corpus in corpora {
            do {
                try measure(corpus)
            } catch {
                print("\(corpus.label) error: \(error)")
            }
        }
    }

    static func measure(_ corpus: Corpus) throws {
        let root = corpus.root
        // BRIEF_BENCH_KEEP=1 keeps the generated corpus and the cache for the next run (for profiling queries);
        // a kept cache of a given corpus is reused (the next run measures the reader alone), and
        // that corpus is not re-indexed in part (its files are not touched).
        let keep = ProcessInfo.processInfo.environment["BRIEF_BENCH_KEEP"] == "1"
        let cachePath = root.appendingPathComponent("cache/library.sqlite").path
        let statePath = root.appendingPathComponent("data/state.sqlite").path
        let reusing = keep && corpus.generatedSize == nil && FileManager.default.fileExists(atPath: cachePath)
        if let size = corpus.generatedSize, !keep || !FileManager.default.fileExists(atPath: corpus.directory.path) {
            try? FileManager.default.removeItem(at: root)
            try GenerateCorpus.generator().write(count: size, to: corpus.directory)
        } else if corpus.generatedSize == nil && !reusing {
            try? FileManager.default.removeItem(at: root)
        }
        defer { if !keep { try? FileManager.default.removeItem(at: root) } }
        // The real pipeline: the annotations queried below are what the recognizer and classifier found.
        let pipeline = ArticlePipeline()
        let parse: LibraryStore.Parser = { data, source throws(ReadError) in try pipeline.articles(from: data, source: source) }
        let files = articleFiles(under: corpus.directory)
        let textBytes = files.reduce(0) { $0 + $1.size }
        let label = corpus.label

        if reusing {
            // Opened by this build, a cache of another pipeline would be emptied (and its cold index lost).
            let cached = try LibraryStore.cachedPipelineVersion(path: cachePath)
            guard cached == nil || cached == LibraryStore.builtInPipelineVersion else {
                print("\(label) error: the kept cache \(cachePath) was parsed by \(cached ?? "-"), this build is"
                      + " \(LibraryStore.builtInPipelineVersion): left as it is (delete it to index afresh)")
                return
            }
            print("\(label) reusing the kept cache \(cachePath) (no cold index, no re-index)")
            // As `brief index` with nothing changed: a cache kept from before the reader's snapshot gains one.
            let start = Date()
            let saved = try LibraryStore(path: cachePath, statePath: statePath).saveReaderSnapshot()
            print("\(label) reader_snapshot_save_ms \(f(Date().timeIntervalSince(start) * 1000, 1)) (\(saved ? "written" : "already current"))")
        } else {
            try coldIndex(corpus, cachePath: cachePath, statePath: statePath, parse: parse, textBytes: textBytes, fileCount: files.count)
        }
        // BRIEF_BENCH_COLD_ONLY=1 stops here (for profiling the indexer).
        if ProcessInfo.processInfo.environment["BRIEF_BENCH_COLD_ONLY"] == "1" {
            print("\(label) peak_memory_mb \(f(PeakMemory.megabytes(), 1))")
            return
        }

        try warmStart(label: label, cachePath: cachePath, statePath: statePath)

        let reader = try LibraryStore(path: cachePath, statePath: statePath)
        // A kept cache must stay what its corpus says, and a given corpus is left untouched.
        if !keep || corpus.generatedSize != nil { try refreshes(corpus, reader, files: files, parse: parse) }

        // Mark some state so unread joins have work.
        let someIDs = try reader.ids(matching: .all).enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        try reader.state.setRead(someIDs, true)

        let kinds = try QueryKinds(reader)
        try queryLatencies(label: label, reader, kinds: kinds)
        // BRIEF_BENCH_QUERIES_ONLY=1 stops here (for profiling queries on a kept cache).
        if ProcessInfo.processInfo.environment["BRIEF_BENCH_QUERIES_ONLY"] == "1" { return }
        try firstQueriesAfterOpen(label: label, kinds: kinds, cachePath: cachePath, statePath: statePath)
        try ReaderBenchmark.measure(label: label, cachePath: cachePath, statePath: statePath, runs: queryRuns)
        try openArticles(label: label, reader)
        print("\(label) reader_peak_rss_mb \(ReaderBenchmark.peakMemoryOfReaderProcess(cachePath: cachePath, statePath: statePath))"
              + " (a process of its own: warm start and the keystrokes above)")
        print("\(label) cache_mb \(f(Double(databaseBytes(cachePath)) / 1_048_576, 1)) peak_memory_mb \(f(PeakMemory.megabytes(), 1))")
    }

    /// Warm start: open, first page, facets (what the reader needs for its first frame).
    static func warmStart(label: String, cachePath: String, statePath: String) throws {
        var warm: [Double] = []
        for _ in 0..<5 {
            let start = Date()
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
    }

    /// Query latency: what one keystroke needs: count, first page and facets of the new result.
    /// BRIEF_BENCH_SLOWEST=N also prints each kind's N slowest filters (for profiling a percentile).
    /// BRIEF_BENCH_KINDS=prefix,combined measures only the kinds named (for profiling one kind).
    static func queryLatencies(label: String, _ reader: LibraryStore, kinds: QueryKinds) throws {
        let slowest = ProcessInfo.processInfo.environment["BRIEF_BENCH_SLOWEST"].flatMap(Int.init) ?? 0
        let only = ProcessInfo.processInfo.environment["BRIEF_BENCH_KINDS"].map { Set($0.split(separator: ",").map(String.init)) }
        for kind in kinds.all where only?.contains(kind.name) ?? true {
            var times: [Double] = []
            var cpuTimes: [Double] = []
            var matched = 0
            for run in 0..<queryRuns {
                let timed = try keystroke(kind, run: run, on: reader)
                times.append(timed.ms)
                cpuTimes.append(timed.cpuMs)
                matched += timed.matches
            }
            for run in times.indices.sorted(by: { times[$0] > times[$1] }).prefix(slowest) {
                print("\(label) slow_\(kind.name) \(f(times[run], 2)) ms: \(kind.filter(run)) \(kind.order(run))")
            }
            print("\(label) query_\(kind.name)_ms median \(f(median(times), 2)) p99 \(f(percentile(times, 0.99), 2)) max \(f(times.max()!, 2))"
                  + " cpu_ms median \(f(median(cpuTimes), 2)) p99 \(f(percentile(cpuTimes, 0.99), 2))"
                  + " (matches + facets + first page; mean matches \(matched / queryRuns))")
        }
    }

    /// The first query after opening the cache, per kind: it loads what later queries reuse.
    static func firstQueriesAfterOpen(label: String, kinds: QueryKinds, cachePath: String, statePath: String) throws {
        for kind in kinds.all {
            var times: [Double] = []
            var cpuTimes: [Double] = []
            for run in 0..<firstQueryRuns {
                let timed = try keystroke(kind, run: run, on: LibraryStore(path: cachePath, statePath: statePath))
                times.append(timed.ms)
                cpuTimes.append(timed.cpuMs)
            }
            print("\(label) first_query_after_open_\(kind.name)_ms median \(f(median(times), 2)) max \(f(times.max()!, 2))"
                  + " cpu_ms median \(f(median(cpuTimes), 2)) (\(firstQueryRuns) fresh opens)")
        }
    }

    /// What one keystroke of `kind` costs `store`, wall and CPU: the result's count, facets and first page.
    static func keystroke(_ kind: QueryKinds.Kind, run: Int, on store: LibraryStore) throws
        -> (ms: Double, cpuMs: Double, matches: Int) {
        let t0 = Date()
        let c0 = cpuSeconds()
        let result = try store.query(kind.filter(run), order: kind.order(run))
        _ = try store.summaries(of: result, 0..<pageSize)
        return (Date().timeIntervalSince(t0) * 1000, (cpuSeconds() - c0) * 1000, result.count)
    }

    /// Opening an article: the body, inflated, with its detail; one of every 1/queryRuns of the list.
    static func openArticles(label: String, _ reader: LibraryStore) throws {
        let listed = try reader.ids(matching: .all)
        var openTimes: [Double] = []
        var paragraphs = 0
        for i in 0..<queryRuns {
            let id = listed[i * listed.count / queryRuns]
            let start = Date()
            let body = try reader.article(id: id)
            openTimes.append(Date().timeIntervalSince(start) * 1000)
            paragraphs += body?.paragraphs.count ?? 0
        }
        print("\(label) open_article_ms median \(f(median(openTimes), 2)) p99 \(f(percentile(openTimes, 0.99), 2))"
              + " (\(queryRuns) articles across the list, mean paragraphs \(paragraphs / queryRuns))")
    }

    /// The cold index of `corpus` into an empty cache, with the cache's size against the text.
    static func coldIndex(_ corpus: Corpus, cachePath: String, statePath: String, parse: @escaping LibraryStore.Parser,
                          textBytes: Int, fileCount: Int) throws {
        let label = corpus.label
        // The store is closed before the cache is measured: closing checkpoints the write-ahead log
        // into the database and removes it, which is how `brief index` leaves a cache.
        let (cold, coldSeconds, coldCPUSeconds) = try {
            let store = try LibraryStore(path: cachePath, statePath: statePath)
            let start = Date()
            let cpuBefore = cpuSeconds()
            let report = try store.refresh(paths: [corpus.directory.path], parse: parse)
            return (report, Date().timeIntervalSince(start), cpuSeconds() - cpuBefore)
        }()
        print("\(label) cold_index_s \(f(coldSeconds, 2)) cpu_s \(f(coldCPUSeconds, 2)) articles_per_s \(f(Double(cold.articles) / coldSeconds, 0)) articles \(cold.articles) bad \(cold.bad)"
              + " write_s \(f(cold.writeSeconds, 2)) write_cpu_s \(f(cold.writeCPUSeconds, 2)) parse_wait_s \(f(cold.parseWaitSeconds, 2))"
              + " story_s \(f(cold.storySeconds, 2)) story_cpu_s \(f(cold.storyCPUSeconds, 2))"
              + " story_features_cpu_s \(f(cold.storyFeatureCPUSeconds, 2)) scan_s \(f(cold.scanSeconds, 2))"
              + " deferred_index_s \(f(cold.deferredIndexSeconds, 2)) finish_s \(f(cold.finishSeconds, 2))")
        let cacheBytes = databaseBytes(cachePath)
        print("\(label) cache_mb \(f(Double(cacheBytes) / 1_048_576, 1)) text_mb \(f(Double(textBytes) / 1_048_576, 1))"
              + " cache_per_text \(f(Double(cacheBytes) / Double(max(textBytes, 1)), 2)) files \(fileCount)")
    }

    /// A refresh with nothing changed, then a re-index after 1% of the files changed. A given
    /// corpus gets its bytes and times back afterwards.
    static func refreshes(_ corpus: Corpus, _ reader: LibraryStore, files: [(url: URL, size: Int)],
                          parse: @escaping LibraryStore.Parser) throws {
        let label = corpus.label
        var start = Date()
        let noop = try reader.refresh(paths: [corpus.directory.path], parse: parse)
        print("\(label) refresh_nothing_changed_ms \(f(Date().timeIntervalSince(start) * 1000, 0)) unchanged \(noop.unchanged)")

        // Re-index after 1% of the files changed. A given corpus gets its bytes and times back afterwards.
        let changed = stride(from: 0, to: files.count, by: 100).map { files[$0] }
        // Times as the kernel keeps them (nanoseconds): a `Date` rounds them off.
        let originals = try changed.map { file in
            var info = stat()
            guard stat(file.url.path, &info) == 0 else { throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: file.url.path]) }
            return (file, try Data(contentsOf: file.url), [info.st_atim, info.st_mtim])
        }
        for file in changed {
            let handle = try FileHandle(forWritingTo: file.url)
            handle.seekToEndOfFile()
            handle.write(Data("An update was added to this story.\n".utf8))
            try handle.close()
        }
        start = Date()
        let cpuReindex = cpuSeconds()
        let reindex = try reader.refresh(paths: [corpus.directory.path], parse: parse)
        print("\(label) reindex_1pct_s \(f(Date().timeIntervalSince(start), 2)) cpu_s \(f(cpuSeconds() - cpuReindex, 2)) changed \(reindex.changed) unchanged \(reindex.unchanged)"
              + " write_s \(f(reindex.writeSeconds, 2)) write_cpu_s \(f(reindex.writeCPUSeconds, 2)) parse_wait_s \(f(reindex.parseWaitSeconds, 2))"
            + " story_s \(f(reindex.storySeconds, 2)) finish_s \(f(reindex.finishSeconds, 2))")
        if corpus.generatedSize == nil {
            for (file, data, times) in originals {
                try data.write(to: file.url)
                guard utimensat(AT_FDCWD, file.url.path, times, 0) == 0 else {
                    throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: file.url.path])
                }
            }
        }
    }

    /// The filters a keystroke makes, one family per kind, with arguments drawn from the library
    /// itself (its topics, entities, title words and dates), so any corpus gets matching queries.
    struct QueryKinds {
        struct Kind {
            var name: String
            var filter: (Int) -> FilterExpression
            var order: (Int) -> ResultOrder = { _ in .newest }
        }
        let all: [Kind]

        init(_ store: LibraryStore) throws {
            let facets = try store.query(.all).facets
            let topics = facets.topics.filter { $0.count > 0 }.sorted { $0.count > $1.count }.map(\.id)
            let entities = [EntityType.person, .place, .organization].flatMap { facets.entities[$0] ?? [] }
            let places = (facets.entities[.place] ?? []).map(\.name)
            precondition(!topics.isEmpty && !entities.isEmpty && !places.isEmpty, "the benchmark library has no topics or entities")
            // Title words of five letters or more, and pairs of neighbouring ones (phrases).
            var words: [String] = []
            var pairs: [(String, String)] = []
            for summary in try store.summaries(matching: .all, limit: 200) {
                let titleWords = summary.title.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 5 }
                words += titleWords
                pairs += zip(titleWords, titleWords.dropFirst()).map { ($0, $1) }
            }
            precondition(words.count >= 10 && pairs.count >= 10, "the benchmark library's titles have too few words")
            // Dated windows of about a fortieth of the library's days (oldest first in `facets.days`).
            let days = facets.days.map(\.date)
            precondition(!days.isEmpty, "the benchmark library has no dated articles")
            func day(_ i: Int) -> ArticleDate { days[(i * 7919) % days.count] }
            func windowEnd(_ i: Int) -> ArticleDate { days[min((i * 7919) % days.count + max(days.count / 40, 1), days.count - 1)] }
            let orders: [ResultOrder] = [.title, .source, .oldest, .newest]
            all = [
                Kind(name: "topic") { i in .topic(topics[i % topics.count]) },
                Kind(name: "word") { i in
                    let (a, b) = pairs[i % pairs.count]
                    return .and([.word(a, prefix: false), .word(b, prefix: false)])
                },
                Kind(name: "prefix") { i in .word(String(words[i % words.count].prefix(3 + i % 3)), prefix: true) },
                Kind(name: "phrase") { i in
                    let (a, b) = pairs[i % pairs.count]
                    return .phrase("\(a) \(b)")
                },
                Kind(name: "entity") { i in .entity(entities[i % entities.count].type, entities[i % entities.count].name) },
                Kind(name: "date") { i in .and([.since(day(i)), .until(windowEnd(i))]) },
                Kind(name: "combined") { i in
                    .and([.topic(topics[i % topics.count]), .word(String(words[i % words.count].prefix(4)), prefix: true),
                          .since(day(i)), .not(.entity(.place, places[i % places.count])), .unread])
                },
                Kind(name: "sort", filter: { _ in .all }, order: { i in orders[i % orders.count] }),
            ]
        }
    }

    /// Every regular file under `directory` (what the indexer scans), in path order.
    static func articleFiles(under directory: URL) -> [(url: URL, size: Int)] {
        var files: [(url: URL, size: Int)] = []
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey]
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: keys,
                                                          options: [.skipsHiddenFiles]) else { return [] }
        for case let url as URL in walker {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            files.append((url, values.fileSize ?? 0))
        }
        return files.sorted { $0.url.path < $1.url.path }
    }

    /// The database with its write-ahead log.
    static func databaseBytes(_ path: String) -> Int64 {
        ["", "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: path + $0)[.size] as? NSNumber }
            .map(\.int64Value).reduce(0, +)
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
