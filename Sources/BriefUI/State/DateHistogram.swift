// Articles per period across a date range, drawn as a one-line sparkline.
import BriefCore

package struct DateHistogram: Sendable, Hashable {
    package var counts: [Int] = []
    package var firstDay: Int?
    package var lastDay: Int?

    package init() {}

    /// Spreads the days evenly over `buckets` buckets from the earliest to the latest.
    package init(days: [Int], buckets: Int) {
        self.init(spreading: days.lazy.map { DayCount(day: $0, count: 1) }, buckets: buckets)
    }

    /// The same spread from counts per day.
    package init(dayCounts: [DayCount], buckets: Int) {
        self.init(spreading: dayCounts, buckets: buckets)
    }

    private init(spreading entries: some Sequence<DayCount>, buckets: Int) {
        guard let first = entries.lazy.map(\.day).min(), let last = entries.lazy.map(\.day).max(), buckets > 0 else { return }
        firstDay = first
        lastDay = last
        let span = last - first + 1
        let bucketCount = min(buckets, span)
        counts = Array(repeating: 0, count: bucketCount)
        for entry in entries {
            counts[(entry.day - first) * bucketCount / span] += entry.count
        }
    }

    private static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per bucket; empty buckets are blank.
    package var sparkline: String {
        guard let top = counts.max(), top > 0 else { return "" }
        return String(counts.map { count in
            count == 0 ? " " : DateHistogram.bars[(count * (DateHistogram.bars.count - 1) + top - 1) / top]
        })
    }

    /// `YYYY-MM-DD` for a day number.
    package static func label(_ day: Int) -> String {
        ArticleDate(daysSinceEpoch: day).description
    }
}
