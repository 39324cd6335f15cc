// The story step of a cold index alone, at a kept cache's size: its articles' features given one
// by one to an empty story index, as a first `brief index` gives them.
import BriefCore
import BriefStore
import Foundation

enum StoryReplay {
    /// `brief-bench stories-replay CACHE`: seconds per tenth of the articles (the cost of a lookup
    /// grows with the index), the assignments by rule, and a checksum of every story assigned,
    /// which a change that must not move any article compares between two builds.
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count == 1 else {
            print("usage: brief-bench stories-replay CACHE   (a cache kept by `brief-bench library` or made by `brief index`)")
            return 2
        }
        let features: [StoryFeatures]
        do {
            let statePath = FileManager.default.temporaryDirectory.appendingPathComponent("brief-replay-\(getpid()).sqlite").path
            defer { try? FileManager.default.removeItem(atPath: statePath) }
            let store = try LibraryStore(path: arguments[0], statePath: statePath, access: .sharedReadOnly)
            features = try store.cachedStoryFeatures()
        } catch {
            print("\(arguments[0]): \(error)")
            return 1
        }
        var index = StoryIndex()
        var matches: [StoryMatch: Int] = [:]
        var checksum = ContentHash()
        let tenth = max(1, features.count / 10)
        var start = Date(), cpuStart = LibraryBenchmark.cpuSeconds()
        let allStart = start, allCPUStart = cpuStart
        for (slot, article) in features.enumerated() {
            let (story, match) = index.add(article, id: "replay-\(slot)")
            matches[match, default: 0] += 1
            checksum.update(story.utf8)
            if (slot + 1) % tenth == 0 || slot + 1 == features.count {
                print("stories_replay articles \(slot + 1) seconds \(f(Date().timeIntervalSince(start))) cpu_s \(f(LibraryBenchmark.cpuSeconds() - cpuStart))")
                (start, cpuStart) = (Date(), LibraryBenchmark.cpuSeconds())
            }
        }
        print("stories_replay total_s \(f(Date().timeIntervalSince(allStart))) cpu_s \(f(LibraryBenchmark.cpuSeconds() - allCPUStart))"
              + " founded \(matches[.founded, default: 0]) near_duplicate \(matches[.nearDuplicate, default: 0])"
              + " same_story \(matches[.sameStory, default: 0]) checksum \(String(checksum.value, radix: 16))")
        return 0
    }

    private static func f(_ value: Double) -> String { LibraryBenchmark.f(value, 2) }
}
