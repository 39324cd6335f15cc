// Story grouping against a corpus whose truth is known (Scripts/story-corpus): pairwise precision
// and recall of "same story", per rule, and what grouping costs per article.
import BriefCore
import Foundation

enum StoryBenchmark {
    /// `brief-bench stories DIR`: DIR/truth.json maps each file (relative to DIR) to its story.
    static func run(_ arguments: [String]) -> Int32 {
        guard let directory = arguments.first else {
            print("usage: brief-bench stories DIR   (DIR made by Scripts/story-corpus)")
            return 2
        }
        guard let corpus = StoryCorpus(directory: directory) else { return 1 }
        let articles = corpus.articles
        // Wall and CPU time (one thread: the scan is over): on a loaded machine the wall time is
        // mostly waiting for a core.
        let start = Date()
        let cpuStart = LibraryBenchmark.cpuSeconds()
        let features = articles.map { StoryFeatures($0) }
        let featureSeconds = (wall: Date().timeIntervalSince(start), cpu: LibraryBenchmark.cpuSeconds() - cpuStart)

        let settings = settingsFromEnvironment()
        var nearOnly = settings
        nearOnly.minSharedTitleTerms = Int.max
        let near = group(articles, features, nearOnly)
        let full = group(articles, features, settings)
        // BRIEF_BENCH_STORIES_DUMP=FILE writes each file's story, for a closer look.
        if let dump = ProcessInfo.processInfo.environment["BRIEF_BENCH_STORIES_DUMP"] {
            let lines = articles.indices.map { "\(corpus.relative[$0])\t\(full.story[$0])\t\(full.match[$0])\t\(corpus.label[$0])" }
            try? (lines.joined(separator: "\n") + "\n").write(toFile: dump, atomically: true, encoding: .utf8)
        }
        let pairs = ComparedPairs(truth: pairs(corpus.label), near: pairs(near.story), full: pairs(full.story))
        reportPrecisionAndRecall(pairs, corpus: corpus, sameStoryJoins: full.match.filter { $0 == .sameStory }.count)
        let words = articles.reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.split(separator: " ").count } }
        reportCost(articles, features: featureSeconds, assignSeconds: full.seconds, words: words)
        reportMistakes(pairs, corpus: corpus)
        return 0
    }

    /// The articles of a corpus made by Scripts/story-corpus, with each one's true story.
    struct StoryCorpus {
        let articles: [Article]
        /// Each article's path relative to the corpus directory.
        let relative: [String]
        let label: [String]
        /// Versions cut to length (DIR/cut.json, optional): too little of the text is left for a
        /// near-duplicate, so their pairs measure the same story in other words.
        let isCut: [Bool]

        init?(directory: String) {
            let root = URL(fileURLWithPath: directory).standardizedFileURL.path
            guard let data = FileManager.default.contents(atPath: root + "/truth.json"),
                  let truth = try? JSONDecoder().decode([String: String].self, from: data) else {
                print("\(root)/truth.json: missing or not a JSON object of strings")
                return nil
            }
            let cut = Set(FileManager.default.contents(atPath: root + "/cut.json")
                .flatMap { try? JSONDecoder().decode([String].self, from: $0) } ?? [])
            let scan = LibraryScanner(pipeline: ArticlePipeline()).scan([root])
            // The corpus is the files of truth.json (not truth.json and cut.json themselves), in the
            // scan's order: the order the cache indexes them in and `StoryGrouping` groups them in.
            articles = scan.articles.filter { truth[String($0.source.dropFirst(root.count + 1))] != nil }
            relative = articles.map { String($0.source.dropFirst(root.count + 1)) }
            label = relative.map { truth[$0]! }
            isCut = relative.map(cut.contains)
            print("stories articles \(articles.count) bad \(scan.problems.count) true_stories \(Set(label).count)"
                  + " cut_versions \(isCut.filter { $0 }.count)")
        }
    }

    /// The true pairs, and those found by near-duplicates alone and by all rules.
    struct ComparedPairs {
        let truth: Set<Pair>
        let near: Set<Pair>
        let full: Set<Pair>
        /// The pairs the second rule (same story, other text) adds to the near-duplicates'.
        var added: Set<Pair> { full.subtracting(near) }
    }

    /// BRIEF_STORY_JACCARD, BRIEF_STORY_TITLE_TERMS, BRIEF_STORY_TITLE_OVERLAP, BRIEF_STORY_ENTITIES,
    /// BRIEF_STORY_SAME_JACCARD, BRIEF_STORY_DISTINCTIVE, BRIEF_STORY_COMMON_SHARE try other
    /// thresholds than the named settings.
    static func settingsFromEnvironment() -> StorySettings {
        var settings = StorySettings.standard
        let environment = ProcessInfo.processInfo.environment
        if let value = environment["BRIEF_STORY_JACCARD"].flatMap(Double.init) { settings.nearDuplicateJaccard = value }
        if let value = environment["BRIEF_STORY_TITLE_TERMS"].flatMap(Int.init) { settings.minSharedTitleTerms = value }
        if let value = environment["BRIEF_STORY_TITLE_OVERLAP"].flatMap(Double.init) { settings.minTitleOverlap = value }
        if let value = environment["BRIEF_STORY_ENTITIES"].flatMap(Int.init) { settings.minSharedEntities = value }
        if let value = environment["BRIEF_STORY_SAME_JACCARD"].flatMap(Double.init) { settings.sameStoryJaccard = value }
        if let value = environment["BRIEF_STORY_DISTINCTIVE"].flatMap(Int.init) { settings.minSharedDistinctiveEntities = value }
        if let value = environment["BRIEF_STORY_COMMON_SHARE"].flatMap(Double.init) { settings.commonEntityShare = value }
        return settings
    }

    /// Each article's story and how it joined, grouped in order, with the CPU seconds it took.
    static func group(_ articles: [Article], _ features: [StoryFeatures], _ settings: StorySettings)
        -> (story: [String], match: [StoryMatch], seconds: Double) {
        var index = StoryIndex(settings: settings)
        var story = Array(repeating: "", count: articles.count)
        var match = Array(repeating: StoryMatch.founded, count: articles.count)
        let start = LibraryBenchmark.cpuSeconds()
        for article in articles.indices {
            (story[article], match[article]) = index.add(features[article], id: articles[article].id)
        }
        return (story, match, LibraryBenchmark.cpuSeconds() - start)
    }

    static func reportPrecisionAndRecall(_ pairs: ComparedPairs, corpus: StoryCorpus, sameStoryJoins: Int) {
        // Recall of near-duplicates over the pairs of re-issued texts (no version cut to length).
        let wholeTextPairs = pairs.truth.filter { !corpus.isCut[$0.a] && !corpus.isCut[$0.b] }
        report("near_duplicate", predicted: pairs.near, truth: pairs.truth, recallOver: wholeTextPairs)
        report("all_rules", predicted: pairs.full, truth: pairs.truth, recallOver: pairs.truth)
        // The second rule alone: the pairs it adds to the near-duplicates', against the true pairs
        // near-duplicates miss (texts of one story too different to be near-duplicates).
        let added = pairs.added
        let addedRight = added.intersection(pairs.truth).count
        let otherText = pairs.truth.subtracting(pairs.near).count
        print("stories same_story_other_text pairs_added \(added.count) right \(addedRight) precision \(ratio(addedRight, added.count))"
              + " true_pairs_not_near_duplicate \(otherText) recall \(ratio(addedRight, otherText))"
              + " joins \(sameStoryJoins)")
        guard corpus.isCut.contains(true) else { return }
        let cutPairs = pairs.truth.filter { corpus.isCut[$0.a] || corpus.isCut[$0.b] }
        let found = cutPairs.intersection(pairs.full).count
        print("stories cut_to_length true_pairs \(cutPairs.count) found \(found) recall \(ratio(found, cutPairs.count))"
              + " found_as_near_duplicate \(cutPairs.intersection(pairs.near).count)")
    }

    static func reportCost(_ articles: [Article], features: (wall: Double, cpu: Double), assignSeconds: Double, words: Int) {
        let perArticle = 1e6 / Double(max(1, articles.count))
        print("stories cost features_us_per_article \(String(format: "%.1f", features.wall * perArticle))"
              + " features_cpu_us_per_article \(String(format: "%.1f", features.cpu * perArticle))"
              + " words_per_article \(words / max(1, articles.count))"
              + " assign_cpu_us_per_article \(String(format: "%.1f", assignSeconds * perArticle))")
        // What `brief list DIR` and the in-memory reader pay: features on all cores, then the index.
        let inMemoryStart = Date()
        let inMemoryCPUStart = LibraryBenchmark.cpuSeconds()
        _ = StoryGrouping.stories(of: articles)
        print("stories in_memory_grouping_us_per_article \(String(format: "%.1f", Date().timeIntervalSince(inMemoryStart) * perArticle))"
              + " cpu_us_per_article \(String(format: "%.1f", (LibraryBenchmark.cpuSeconds() - inMemoryCPUStart) * perArticle))")
    }

    /// The first five false pairs of each rule and the first five missed.
    static func reportMistakes(_ pairs: ComparedPairs, corpus: StoryCorpus) {
        let falsePairs = [("near_duplicate", pairs.near.subtracting(pairs.truth)), ("same_story_other_text", pairs.added.subtracting(pairs.truth))]
        for (kind, wrong) in falsePairs {
            for pair in wrong.prefix(5) {
                print("  false \(kind): \(corpus.articles[pair.a].title.prefix(60)) | \(corpus.articles[pair.b].title.prefix(60))")
            }
        }
        for pair in pairs.truth.subtracting(pairs.full).prefix(5) {
            print("  missed: \(corpus.relative[pair.a]) | \(corpus.relative[pair.b])")
        }
    }

    struct Pair: Hashable {
        var a: Int
        var b: Int
    }

    /// Every pair of articles with the same label.
    static func pairs(_ labels: [String]) -> Set<Pair> {
        var members: [String: [Int]] = [:]
        for (index, label) in labels.enumerated() { members[label, default: []].append(index) }
        var result = Set<Pair>()
        for group in members.values where group.count > 1 {
            for i in group.indices { for j in group.indices where j > i { result.insert(Pair(a: group[i], b: group[j])) } }
        }
        return result
    }

    /// Precision over every predicted pair; recall over `recallOver`, the true pairs the rule is for.
    static func report(_ name: String, predicted: Set<Pair>, truth: Set<Pair>, recallOver: Set<Pair>) {
        let right = predicted.intersection(truth).count
        let recalled = predicted.intersection(recallOver).count
        print("stories \(name) pairs \(predicted.count) right \(right) precision \(ratio(right, predicted.count))"
              + " true_pairs \(recallOver.count) found \(recalled) recall \(ratio(recalled, recallOver.count))")
    }

    static func ratio(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "n/a" : String(format: "%.4f", Double(part) / Double(whole))
    }
}
