// One keystroke's counting split over the cores: large passes over memory, in parts.
import BriefCore
import Foundation

/// Counting the facets of a large result is a pass over tens of megabytes, bound by memory
/// latency rather than arithmetic: two cores, each with its own misses in flight, do it in
/// about half the time. Parts are independent and added up by the caller.
enum CoreSplit {
    /// Cores one keystroke's counting is split over (the reader waits for nothing else meanwhile).
    static let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))

    /// `body(part)` for each of `parts` parts, run concurrently; the results in part order.
    static func map<Result: Sendable>(parts: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        ParallelMap.map(Array(0..<max(1, parts)), body)
    }

    /// `words` cut into `parts` consecutive ranges of about equal weight (the rows a walk visits in each).
    static func ranges(of words: UnsafeBufferPointer<UInt64>, parts: Int, weight: (UInt64) -> Int) -> [Range<Int>] {
        guard parts > 1 else { return [0..<words.count] }
        let total = words.reduce(0) { $0 + weight($1) }
        var ranges: [Range<Int>] = []
        var start = 0
        var sum = 0
        for index in words.indices where ranges.count < parts - 1 {
            sum += weight(words[index])
            if sum * parts >= total * (ranges.count + 1) {
                ranges.append(start..<index + 1)
                start = index + 1
            }
        }
        ranges.append(start..<words.count)
        return ranges
    }
}
