// The articles the current filter lets through: counts, facets, and the page of rows on screen.
import BriefCore

/// A source's answer to the current filter, plus the rows fetched for the list so far.
package struct ResultSet: Sendable {
    /// The source's answer (nil before the first query).
    package var answer: SourceResult?
    /// Rows fetched for the list: positions `pageStart ..< pageStart + page.count`.
    package var pageStart = 0
    package var page: [ArticleRow] = []
    /// Articles per day bucket across the matching articles' date range.
    package var histogram = DateHistogram()
    /// Matches not marked read, kept current as articles are opened.
    package var unread = 0

    package init() {}

    package init(_ answer: SourceResult, histogramBuckets: Int) {
        self.answer = answer
        unread = answer.unread
        histogram = DateHistogram(dayCounts: answer.days, buckets: histogramBuckets)
    }

    /// Articles matching.
    package var count: Int { answer?.count ?? 0 }
    /// Articles in the library.
    package var total: Int { answer?.total ?? 0 }
    /// Whether `count` counts stories (one row per story) rather than articles.
    package var rowsAreStories: Bool { answer?.rowsAreStories ?? false }
    /// Every topic, by name, with its facet count.
    package var topics: [TopicFacet] { answer?.topics ?? [] }
    package var entityFacets: [EntityType: [EntityFacet]] { answer?.entityFacets ?? [:] }
    /// Per saved search (in `AppState.savedSearches` order), what the rest of the filter leaves that it matches.
    package var searchCounts: [Int] { answer?.searchCounts ?? [] }

    /// The row at `position` if it has been fetched.
    package func fetchedRow(at position: Int) -> ArticleRow? {
        let offset = position - pageStart
        return page.indices.contains(offset) ? page[offset] : nil
    }

    /// Whether the rows `positions` are all fetched (positions past the end count as fetched).
    func hasRows(_ positions: Range<Int>) -> Bool {
        let wanted = positions.clamped(to: 0..<count)
        return wanted.isEmpty || (wanted.lowerBound >= pageStart && wanted.upperBound <= pageStart + page.count)
    }
}
