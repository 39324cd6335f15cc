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
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        guard let data = FileManager.default.contents(atPath: root + "/truth.json"),
              let truth = try? JSONDecoder().decode([String: String].self, from: data) else {
            print("\(root)/truth.json: missing or not a JSON object of strings")
            return 1
        }
        // DIR/cut.json (optional) lists the versions cut to length: too little of the text is left
        // for a near-duplicate, so their pairs measure the same story in other words.
        let cut = Set(FileManager.default.contents(atPath: root + "/cut.json")
            .flatMap { try? JSONDecoder().decode([String].self, from: $0) } ?? [])
        let scan = LibraryScanner(pipeline: ArticlePipeline()).scan([root])
        // The corpus is the files of truth.json (not truth.json and cut.json themselves).
        let articles = scan.articles.filter { truth[String($0.source.dropFirst(root.count + 1))] != nil }
        let relative = articles.map { String($0.source.dropFirst(root.count + 1)) }
        let label = relative.map { truth[$0]! }
        let isCut = relative.map(cut.contains)
        print("stories articles \(articles.count) bad \(scan.problems.count) true_stories \(Set(label).count)"
              + " cut_versions \(isCut.filter { $0 }.count)")

        // Wall and CPU time (one thread: the scan is over): on a loaded machine the wall time is
        // mostly waiting for a core.
        let start = Date()
        let cpuStart = LibraryBenchmark.cpuSeconds()
        let features = articles.map { StoryFeatures($0) }
        let featureMicroseconds = Date().timeIntervalSince(start) * 1e6 / Double(max(1, articles.count))
        let featureCPUMicroseconds = (LibraryBenchmark.cpuSeconds() - cpuStart) * 1e6 / Double(max(1, articles.count))
        let words = articles.reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.split(separator: " ").count } }
        // The order the cache indexes them in (and `StoryGrouping` groups them in): the scan's.
        let order = articles.indices

        func group(_ settings: StorySettings) -> (story: [String], match: [StoryMatch], seconds: Double) {
            var index = StoryIndex(settings: settings)
            var story = Array(repeating: "", count: articles.count)
            var match = Array(repeating: StoryMatch.founded, count: articles.count)
            let start = LibraryBenchmark.cpuSeconds()
            for article in order {
                (story[article], match[article]) = index.add(features[article], id: articles[article].id)
            }
            return (story, match, LibraryBenchmark.cpuSeconds() - start)
        }
        // BRIEF_STORY_JACCARD, BRIEF_STORY_TITLE_TERMS, BRIEF_STORY_TITLE_OVERLAP, BRIEF_STORY_ENTITIES,
        // BRIEF_STORY_SAME_JACCARD, BRIEF_STORY_DISTINCTIVE, BRIEF_STORY_COMMON_SHARE try other
        // thresholds than the named settings.
        var settings = StorySettings.standard
        let environment = ProcessInfo.processInfo.environment
        if let value = environment["BRIEF_STORY_JACCARD"].flatMap(Double.init) { settings.nearDuplicateJaccard = value }
        if let value = environment["BRIEF_STORY_TITLE_TERMS"].flatMap(Int.init) { settings.minSharedTitleTerms = value }
        if let value = environment["BRIEF_STORY_TITLE_OVERLAP"].flatMap(Double.init) { settings.minTitleOverlap = value }
        if let value = environment["BRIEF_STORY_ENTITIES"].flatMap(Int.init) { settings.minSharedEntities = value }
        if let value = environment["BRIEF_STORY_SAME_JACCARD"].flatMap(Double.init) { settings.sameStoryJaccard = value }
        if let value = environment["BRIEF_STORY_DISTINCTIVE"].flatMap(Int.init) { settings.minSharedDistinctiveEntities = value }
        if let value = environment["BRIEF_STORY_COMMON_SHARE"].flatMap(Double.init) { settings.commonEntityShare = value }
        var nearOnly = settings
        nearOnly.minSharedTitleTerms = Int.max
        let near = group(nearOnly)
        let full = group(settings)

        // BRIEF_BENCH_STORIES_DUMP=FILE writes each file's story, for a closer look.
        if let dump = ProcessInfo.processInfo.environment["BRIEF_BENCH_STORIES_DUMP"] {
            let lines = articles.indices.map { "\(relative[$0])\t\(full.story[$0])\t\(full.match[$0])\t\(label[$0])" }
            try? (lines.joined(separator: "\n") + "\n").write(toFile: dump, atomically: true, encoding: .utf8)
        }
        let truePairs = pairs(label)
        let nearPairs = pairs(near.story)
        let fullPairs = pairs(full.story)
        // Recall of near-duplicates over the pairs of re-issued texts (no version cut to length).
        let wholeTextPairs = truePairs.filter { !isCut[$0.a] && !isCut[$0.b] }
        report("near_duplicate", predicted: nearPairs, truth: truePairs, recallOver: wholeTextPairs)
        report("all_rules", predicted: fullPairs, truth: truePairs, recallOver: truePairs)
        // The second rule alone: the pairs it adds to the near-duplicates', against the true pairs
        // near-duplicates miss (texts of one story too different to be near-duplicates).
        let added = fullPairs.subtracting(nearPairs)
        let addedRight = added.intersection(truePairs).count
        let otherText = truePairs.subtracting(nearPairs).count
        print("stories same_story_other_text pairs_added \(added.count) right \(addedRight) precision \(ratio(addedRight, added.count))"
              + " true_pairs_not_near_duplicate \(otherText) recall \(ratio(addedRight, otherText))"
              + " joins \(full.match.filter { $0 == .sameStory }.count)")
        if !cut.isEmpty {
            let cutPairs = truePairs.filter { isCut[$0.a] || isCut[$0.b] }
            let found = cutPairs.intersection(fullPairs).count
            print("stories cut_to_length true_pairs \(cutPairs.count) found \(found) recall \(ratio(found, cutPairs.count))"
                  + " found_as_near_duplicate \(cutPairs.intersection(nearPairs).count)")
        }
        print("stories cost features_us_per_article \(String(format: "%.1f", featureMicroseconds))"
              + " features_cpu_us_per_article \(String(format: "%.1f", featureCPUMicroseconds))"
              + " words_per_article \(words / max(1, articles.count))"
              + " assign_cpu_us_per_article \(String(format: "%.1f", full.seconds * 1e6 / Double(max(1, articles.count))))")
        // What `brief list DIR` and the in-memory reader pay: features on all cores, then the index.
        let inMemoryStart = Date()
        let inMemoryCPUStart = LibraryBenchmark.cpuSeconds()
        _ = StoryGrouping.stories(of: articles)
        print("stories in_memory_grouping_us_per_article \(String(format: "%.1f", Date().timeIntervalSince(inMemoryStart) * 1e6 / Double(max(1, articles.count))))"
              + " cpu_us_per_article \(String(format: "%.1f", (LibraryBenchmark.cpuSeconds() - inMemoryCPUStart) * 1e6 / Double(max(1, articles.count))))")
        for (kind, wrong) in [("near_duplicate", nearPairs.subtracting(truePairs)), ("same_story_other_text", added.subtracting(truePairs))] {
            for pair in wrong.prefix(5) {
                print("  false \(kind): \(articles[pair.a].title.prefix(60)) | \(articles[pair.b].title.prefix(60))")
            }
        }
        let missed = truePairs.subtracting(fullPairs)
        for pair in missed.prefix(5) {
            print("  missed: \(relative[pair.a]) | \(relative[pair.b])")
        }
        return 0
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
