// The whole pipeline (read, clean, entities, topics) on the sample library replicated to 10,000 articles in memory.
import BriefCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum PipelineBenchmark {
    /// How many articles the sample library is replicated to.
    static let articleCount = 10_000
    /// Runs of the one-core pipeline and of the topic stage; each reports its best.
    static let repetitions = 3

    static func run() {
        let inputs = replicatedSampleLibrary()
        guard !inputs.isEmpty else {
            print("pipeline: sample library not found next to the sources; run from a checkout")
            return
        }
        let pipeline = ArticlePipeline()
        let bytes = inputs.reduce(0) { $0 + $1.data.count }
        print("pipeline_input \(inputs.count) articles, \(String(format: "%.1f", Double(bytes) / 1_048_576)) MiB")

        // One core: the pipeline itself, no scheduling. The best of `repetitions` runs, here and for
        // the topic stage, so that their ratio (the topic share) is not the noise of one run.
        var articles: [Article] = []
        articles.reserveCapacity(inputs.count)
        var single = Timing(wall: .infinity, cpu: .infinity)
        for _ in 0..<repetitions {
            var produced: [Article] = []
            produced.reserveCapacity(inputs.count)
            let run = measure {
                for input in inputs {
                    produced.append(contentsOf: (try? pipeline.articles(from: input.data, source: input.source)) ?? [])
                }
            }
            if run.cpu < single.cpu { single = run }
            articles = produced
        }
        report("pipeline_articles_per_s_1core", count: articles.count, seconds: single, note: "best of \(repetitions)")

        // Every core, through the scanner's parallel path.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var scanned = 0
        let parallel = measure { scanned = LibraryScanner(pipeline: pipeline).process(inputs).articles.count }
        report("pipeline_articles_per_s_\(cores)cores", count: scanned, seconds: parallel)

        // The annotation and query stages alone, over the articles already read.
        let classifier = TopicClassifier.builtIn
        var topicCount = 0
        var topics = Timing(wall: .infinity, cpu: .infinity)
        for _ in 0..<repetitions {
            let run = measure {
                for article in articles { topicCount += classifier.classify(title: article.title, paragraphs: article.paragraphs).count }
            }
            if run.cpu < topics.cpu { topics = run }
        }
        report("topics_articles_per_s_1core", count: articles.count, seconds: topics, note: "best of \(repetitions)")
        print("topics_share_of_pipeline_cpu \(String(format: "%.1f", 100 * topics.cpu / single.cpu))%")

        // Text terms first, so every article's search text is built: the worst case for memory scans.
        if let query = try? FilterQuery("(missil* OR \"supply chain\" OR ransomware) -person:nobody -topic:space") {
            var matched = 0
            let filtering = measure { matched = articles.filter { query.matches($0, flags: .unread) }.count }
            report("filter_articles_per_s_1core", count: articles.count, seconds: filtering, note: "\(matched) matched")
        }
    }

    /// The sample library's files, repeated under distinct names until there are `articleCount`.
    static func replicatedSampleLibrary() -> [(source: String, data: Data)] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("brief/SampleLibrary")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        let files = names.compactMap { name in
            (try? Data(contentsOf: directory.appendingPathComponent(name))).map { (name: name, data: $0) }
        }
        guard !files.isEmpty else { return [] }
        return (0..<articleCount).map { index in
            let file = files[index % files.count]
            return (source: "copy\(index / files.count)/\(file.name)", data: file.data)
        }
    }

    /// Wall-clock seconds, and CPU seconds of the whole process: on a machine shared with other
    /// jobs the CPU figure says what the code costs, the wall figure what the user waits.
    struct Timing {
        var wall: Double
        var cpu: Double
    }

    private static func measure(_ body: () -> Void) -> Timing {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = processCPUSeconds()
        body()
        return Timing(wall: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpu: processCPUSeconds() - cpuStart)
    }

    private static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func report(_ name: String, count: Int, seconds timing: Timing, note: String = "") {
        let rate = timing.wall > 0 ? Double(count) / timing.wall : 0
        let perCPUSecond = timing.cpu > 0 ? Double(count) / timing.cpu : 0
        print("\(name) \(String(format: "%.0f", rate))  (\(count) in \(String(format: "%.3f", timing.wall)) s wall; "
              + "\(String(format: "%.0f", perCPUSecond)) per CPU-second\(note.isEmpty ? "" : "; " + note))")
    }
}
