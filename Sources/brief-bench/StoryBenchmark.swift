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
        let scan = LibraryScanner(pipeline: ArticlePipeline()).scan([root])
        let articles = scan.articles
        var label: [String] = []
        for article in articles {
            let relative = String(article.source.dropFirst(root.count + 1))
            label.append(truth[relative] ?? "unknown:" + relative)
        }
        print("stories articles \(articles.count) bad \(scan.problems.count) true_stories \(Set(label).count)")

        let start = Date()
        let features = articles.map { StoryFeatures($0) }
        let featureMicroseconds = Date().timeIntervalSince(start) * 1e6 / Double(max(1, articles.count))
        let order = StoryGrouping.foundingOrder(articles)

        func group(_ settings: StorySettings) -> (story: [String], match: [StoryMatch], seconds: Double) {
            var index = StoryIndex(settings: settings)
            var story = Array(repeating: "", count: articles.count)
            var match = Array(repeating: StoryMatch.founded, count: articles.count)
            let start = Date()
            for article in order {
                (story[article], match[article]) = index.add(features[article], id: articles[article].id)
            }
            return (story, match, Date().timeIntervalSince(start))
        }
        // BRIEF_STORY_JACCARD, BRIEF_STORY_TITLE_TERMS, BRIEF_STORY_TITLE_OVERLAP, BRIEF_STORY_ENTITIES
        // try other thresholds than the named settings.
        var settings = StorySettings.standard
        let environment = ProcessInfo.processInfo.environment
        if let value = environment["BRIEF_STORY_JACCARD"].flatMap(Double.init) { settings.nearDuplicateJaccard = value }
        if let value = environment["BRIEF_STORY_TITLE_TERMS"].flatMap(Int.init) { settings.minSharedTitleTerms = value }
        if let value = environment["BRIEF_STORY_TITLE_OVERLAP"].flatMap(Double.init) { settings.minTitleOverlap = value }
        if let value = environment["BRIEF_STORY_ENTITIES"].flatMap(Int.init) { settings.minSharedEntities = value }
        var nearOnly = settings
        nearOnly.minSharedTitleTerms = Int.max
        let near = group(nearOnly)
        let full = group(settings)

        // BRIEF_BENCH_STORIES_DUMP=FILE writes each file's story, for a closer look.
        if let dump = ProcessInfo.processInfo.environment["BRIEF_BENCH_STORIES_DUMP"] {
            let lines = articles.indices.map { "\(articles[$0].source.dropFirst(root.count + 1))\t\(full.story[$0])\t\(full.match[$0])\t\(label[$0])" }
            try? (lines.joined(separator: "\n") + "\n").write(toFile: dump, atomically: true, encoding: .utf8)
        }
        let truePairs = pairs(label)
        let nearPairs = pairs(near.story)
        let fullPairs = pairs(full.story)
        report("near_duplicate", predicted: nearPairs, truth: truePairs)
        report("all_rules", predicted: fullPairs, truth: truePairs)
        let added = fullPairs.subtracting(nearPairs)
        let addedRight = added.intersection(truePairs).count
        print("stories same_story_other_text pairs_added \(added.count) precision \(ratio(addedRight, added.count))"
              + " joins \(full.match.filter { $0 == .sameStory }.count)")
        print("stories cost features_us_per_article \(String(format: "%.1f", featureMicroseconds))"
              + " assign_us_per_article \(String(format: "%.1f", full.seconds * 1e6 / Double(max(1, articles.count))))")
        for (kind, wrong) in [("near_duplicate", nearPairs.subtracting(truePairs)), ("same_story_other_text", added.subtracting(truePairs))] {
            for pair in wrong.prefix(5) {
                print("  false \(kind): \(articles[pair.a].title.prefix(60)) | \(articles[pair.b].title.prefix(60))")
            }
        }
        let missed = truePairs.subtracting(fullPairs)
        for pair in missed.prefix(5) {
            print("  missed: \(articles[pair.a].source.dropFirst(root.count + 1)) | \(articles[pair.b].source.dropFirst(root.count + 1))")
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

    static func report(_ name: String, predicted: Set<Pair>, truth: Set<Pair>) {
        let right = predicted.intersection(truth).count
        print("stories \(name) pairs \(predicted.count) true_pairs \(truth.count) precision \(ratio(right, predicted.count))"
              + " recall \(ratio(right, truth.count))")
    }

    static func ratio(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "n/a" : String(format: "%.4f", Double(part) / Double(whole))
    }
}
