// Where the reader's articles come from: a seam so the list, facets and reader work the same over
// an in-memory library (`InMemorySource`) or the SQLite library cache (BriefReaderStore).

/// One row of the article list: what the list draws, without the body.
package struct ArticleRow: Sendable, Hashable {
    package var id: String
    package var title: String
    package var date: ArticleDate?
    /// A short name for where the article came from (site, host or folder).
    package var source: String
    /// Names of the topics the article matched, best first.
    package var topicNames: [String]
    /// The flags the source knows; the session's own changes (`AppState.flags`) win over them.
    package var flags: ArticleFlags
    /// The article's web address, when it has one (feeds and HTML pages).
    package var url: String?
    /// Every version of the article's story, the best first (this row's article among them);
    /// empty when the story has no other version.
    package var versions: [String]
    /// Where the other versions came from, as `source` names them, each once.
    package var outlets: [String]

    package init(id: String, title: String, date: ArticleDate?, source: String, topicNames: [String],
                 flags: ArticleFlags = .unread, url: String? = nil, versions: [String] = [], outlets: [String] = []) {
        self.versions = versions
        self.outlets = outlets
        self.id = id
        self.title = title
        self.date = date
        self.source = source
        self.topicNames = topicNames
        self.flags = flags
        self.url = url
    }
}

/// One topic of the filter pane and its count under the current filter.
package struct TopicFacet: Sendable, Hashable {
    package var id: String
    package var name: String
    package var count: Int

    package init(id: String, name: String, count: Int) {
        self.id = id
        self.name = name
        self.count = count
    }
}

/// One entity facet: an entity and how many matching articles mention it.
package struct EntityFacet: Sendable, Hashable {
    package var key: EntityKey
    package var count: Int

    package init(key: EntityKey, count: Int) {
        self.key = key
        self.count = count
    }
}

/// Matching articles on one day.
package struct DayCount: Sendable, Hashable {
    /// Days since 1970-01-01.
    package var day: Int
    package var count: Int

    package init(day: Int, count: Int) {
        self.day = day
        self.count = count
    }
}

/// What the reader asks of a source: the filter, and the read/starred marks changed in this session
/// (a source whose own store is not updated by the run loop must apply them when filtering).
package struct ResultRequest: Sendable, Hashable {
    package var filter: FilterState
    package var flags: [String: ArticleFlags]
    /// Saved searches whose counts the filter pane shows: how many articles the rest of the
    /// filter lets through that each one matches (what selecting it alone would leave).
    package var countedSearches: [SavedSearch]

    package init(filter: FilterState, flags: [String: ArticleFlags] = [:], countedSearches: [SavedSearch] = []) {
        self.filter = filter
        self.flags = flags
        self.countedSearches = countedSearches
    }
}

/// A source's answer to one filter: counts and facets, plus its own key for paging the matches.
package struct SourceResult: Sendable {
    /// Articles matching the filter.
    package var count: Int
    /// Articles in the whole library.
    package var total: Int
    /// Matching articles not marked read.
    package var unread: Int
    /// Every topic the library knows, sorted by name. With topic mode `any`, a count is what the
    /// other filters let through and carry that topic (what selecting it would add); with `all`,
    /// the count within the current result.
    package var topics: [TopicFacet]
    /// The most frequent people, places and organizations among the matches, most first.
    package var entityFacets: [EntityType: [EntityFacet]]
    /// Matches per day, oldest first, days without matches omitted.
    package var days: [DayCount]
    /// One count per `ResultRequest.countedSearches`, in its order.
    package var searchCounts: [Int]
    /// Whether each match is a story (its best version standing for the others), so `count`
    /// counts stories while `total` counts articles.
    package var rowsAreStories: Bool
    /// The source's key for the ordered matches (indices, rowids…); only that source reads it.
    package var handle: any Sendable

    /// The entity types that get facets, in the pane's order, and how many entities each shows.
    package static let entityFacetTypes: [EntityType] = [.person, .place, .organization]
    package static let entityFacetsPerType = 5

    package init(count: Int, total: Int, unread: Int, topics: [TopicFacet], entityFacets: [EntityType: [EntityFacet]],
                 days: [DayCount], searchCounts: [Int] = [], rowsAreStories: Bool = false, handle: any Sendable) {
        self.count = count
        self.total = total
        self.unread = unread
        self.topics = topics
        self.entityFacets = entityFacets
        self.days = days
        self.searchCounts = searchCounts
        self.rowsAreStories = rowsAreStories
        self.handle = handle
    }
}

/// A library the reader can page through.
///
/// Calls are synchronous and made from the reducer, so they must be quick (the store answers a
/// keystroke in milliseconds); the list asks only for the rows it shows, and a body is loaded
/// only when an article is opened.
package protocol ArticleSource: AnyObject, Sendable {
    /// Evaluates a filter: counts, facets and the ordered matches.
    func evaluate(_ request: ResultRequest) throws -> SourceResult
    /// The rows at `positions` of a result (positions past the end are left out).
    func rows(of result: SourceResult, _ positions: Range<Int>) throws -> [ArticleRow]
    /// Where the article stands in a result, if it is there.
    func position(of id: String, in result: SourceResult) throws -> Int?
    /// One article with its body, removed blocks, entities and topics; nil when it is gone.
    func article(id: String) throws -> Article?
}

extension ArticleRow {
    /// The outlets of the other versions, each once and not this row's own, in the versions' order.
    package static func outlets(of versions: [String], except own: String, source: (String) -> String) -> [String] {
        var seen: Set<String> = [own]
        var outlets: [String] = []
        for version in versions {
            let name = source(version)
            if seen.insert(name).inserted { outlets.append(name) }
        }
        return outlets
    }
}

/// A failure of the source, for the status line.
package struct SourceError: Error, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// Read and starred marks as the reader's session writes them (the state database in the program).
package protocol ReadingMarks: Sendable {
    func setRead(_ id: String, _ read: Bool) throws
    func setStarred(_ id: String, _ starred: Bool) throws
}
