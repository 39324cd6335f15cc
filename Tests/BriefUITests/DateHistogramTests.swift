// The date sparkline of the filter pane: days spread evenly over the buckets, from either form.
import Testing
import BriefCore
@testable import BriefUI

struct DateHistogramTests {
    @Test func daysSpreadEvenlyFromTheEarliestToTheLatest() {
        let histogram = DateHistogram(days: [0, 0, 1, 9], buckets: 5)
        #expect(histogram.counts == [3, 0, 0, 0, 1])
        #expect(histogram.firstDay == 0 && histogram.lastDay == 9)
        #expect(histogram.sparkline == "█   ▄")
    }

    @Test func countsPerDayGiveTheSameSpreadAsTheDaysThemselves() {
        let counted = DateHistogram(dayCounts: [DayCount(day: 0, count: 2), DayCount(day: 1, count: 1), DayCount(day: 9, count: 1)],
                                    buckets: 5)
        #expect(counted == DateHistogram(days: [0, 0, 1, 9], buckets: 5))
    }

    @Test func aShortSpanGetsOneBucketPerDayAndNoDaysGiveNoLine() {
        #expect(DateHistogram(days: [5, 6], buckets: 10).counts == [1, 1])
        #expect(DateHistogram(days: [], buckets: 10).sparkline == "")
    }
}
