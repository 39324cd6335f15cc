// The reader's articles from the SQLite library cache: each keystroke is one database query, the
// list fetches a page of rows at a time, and a body is loaded only when an article is opened.
import BriefCore
import BriefStore
import Foundation

/// `ArticleSource` over a `LibraryStore`.
///
/// Read/starred marks are read from the store's state database (the run loop writes them there
/// before the next query); the session's marks in `ResultRequest.flags` only say when the values
/// kept between keystrokes that depend on them must be taken again.
package final class StoreArticleSource: ArticleSource {
    package let store: LibraryStore
    /// Whether the list shows one row per story (`[stories] group`).
    package let groupStories: Bool
    /// What stays the same across most keystrokes: the article count, the read marks, the
    /// unfiltered answer, and the topic counts of the filter without its topics (toggling topics
    /// leaves that filter alone).
    private let cache = SourceCache()

    /// Left when the read marks fetched at start are in `cache`.
    private let initialMarks = DispatchGroup()

    package init(store: LibraryStore, groupStories: Bool = true) {
        self.store = store
        self.groupStories = groupStories
        // The read marks are a join over the state database; fetched on the other core while
        // the first query loads the facet index (both are most of a warm start at 100,000).
        let cache = self.cache
        initialMarks.enter()
        DispatchQueue.global(qos: .userInitiated).async { [initialMarks] in
            if let marks = try? store.readMarks() { cache.setReadMarks(marks, for: [:]) }
            initialMarks.leave()
        }
        // Grouping the first answer by story needs every article's story; loaded alongside too.
        // A failure here is left for the first query, which loads them itself and reports it.
        if groupStories {
            DispatchQueue.global(qos: .userInitiated).async { try? store.loadStories() }
        }
    }

    /// The ordered matches and what the rows need to name their topics.
    struct Handle: Sendable {
        var result: LibraryResult
        var topicNames: [String: String]
    }

    /// Call after the cache changed underneath (a refresh finished): counts are taken again.
    package func libraryDidChange() {
        // The marks fetched at start must not land after the clear.
        initialMarks.wait()
        cache.clear()
    }

    package func evaluate(_ request: ResultRequest) throws -> SourceResult {
        // The whole library is what most sessions start from and come back to (the last topic
        // toggled off, the filters cleared, the sort order cycled round): kept in each order
        // until the library or the marks change.
        guard request.filter.isEmpty else { return try evaluateFiltered(request) }
        let key = EverythingKey(sort: request.filter.sort, flags: request.flags, searches: request.countedSearches)
        if let cached = cache.everything(for: key) { return cached }
        let result = try evaluateFiltered(request)
        cache.setEverything(result, for: key)
        return result
    }

    private func evaluateFiltered(_ request: ResultRequest) throws -> SourceResult {
        let filter = request.filter
        var base: [FilterExpression] = []
        if let query = filter.query { base.append(query.expression) }
        for entity in filter.entities { base.append(.entity(entity.type, entity.name)) }
        if filter.unreadOnly { base.append(.unread) }
        let topics = filter.topics.sorted().map(FilterExpression.topic)
        var topicParts: [FilterExpression] = []
        if !topics.isEmpty {
            if filter.topicMode == .any { topicParts.append(topics.count == 1 ? topics[0] : .or(topics)) } else { topicParts = topics }
        }
        let within = base + topicParts
        let searches = filter.searches.map(\.query.expression)
        if !searches.isEmpty { base.append(searches.count == 1 ? searches[0] : .or(searches)) }
        let query = Self.conjunction(base + topicParts)
        // The marks, fetched on the other core from the start (a third of a second at 1,000,000
        // articles, a third of them read), are waited for before the query only when it selects
        // by them; otherwise only the unread count after it needs them.
        let marksFirst = !request.countedSearches.isEmpty || Self.selectsByReadMarks(query)
        let read = marksFirst ? try readMarks(request.flags) : nil
        let searchCounts = try countSearches(request.countedSearches, within: within, flags: request.flags, read: read)
        // `story:ID` lists every version of the story; otherwise one row per story.
        let grouped = groupStories && !query.namesStory
        let result = try store.query(query, order: Self.order(filter.sort), entitiesPerType: SourceResult.entityFacetsPerType,
                                     entityTypes: Set(SourceResult.entityFacetTypes), readMarks: read, groupStories: grouped)
        // With `any`, a topic's count is what the other filters let through and carry it: the
        // facets of the filter without its topics.
        var topicCounts = result.facets.topics
        if filter.topicMode == .any && !topics.isEmpty {
            // The session's marks are part of the key: `unread` in the filter depends on them.
            let key = BaseKey(filter: Self.conjunction(base), flags: request.flags)
            if let cached = cache.baseTopics(for: key) {
                topicCounts = cached
            } else {
                topicCounts = try store.query(key.filter, entitiesPerType: 0, entityTypes: [], readMarks: read).facets.topics
                cache.setBaseTopics(topicCounts, for: key)
            }
        }
        let facets = topicCounts
            .map { (topic: Facets.TopicCount) -> TopicFacet in TopicFacet(id: topic.id, name: topic.name, count: topic.count) }
            .sorted { (a: TopicFacet, b: TopicFacet) -> Bool in
                let (x, y) = (a.name.lowercased(), b.name.lowercased())
                return x != y ? x < y : a.id < b.id
            }
        var entities: [EntityType: [EntityFacet]] = [:]
        for type in SourceResult.entityFacetTypes {
            let counts: [Facets.EntityCount] = result.facets.entities[type] ?? []
            entities[type] = counts.prefix(SourceResult.entityFacetsPerType).map { (entity: Facets.EntityCount) -> EntityFacet in
                EntityFacet(key: EntityKey(type: entity.type, name: entity.name), count: entity.count)
            }
        }
        var names: [String: String] = [:]
        for topic in result.facets.topics { names[topic.id.lowercased()] = topic.name }
        return SourceResult(
            count: result.count, total: try total(), unread: store.unreadCount(in: result, read: try read ?? readMarks(request.flags)),
            topics: facets,
            entityFacets: entities, days: result.facets.days.map { DayCount(day: $0.date.daysSinceEpoch, count: $0.count) },
            searchCounts: searchCounts, rowsAreStories: grouped, handle: Handle(result: result, topicNames: names))
    }

    /// What each saved search matches among the articles `others` (the filter without its
    /// searches) lets through; kept while that filter, the marks and the searches stay the same.
    private func countSearches(_ searches: [SavedSearch], within others: [FilterExpression],
                               flags: [String: ArticleFlags], read: ReadMarks?) throws -> [Int] {
        guard !searches.isEmpty else { return [] }
        let key = SearchCountKey(filter: Self.conjunction(others), flags: flags, searches: searches)
        if let cached = cache.searchCounts(for: key) { return cached }
        let counts = try searches.map { search in
            try store.query(Self.conjunction(others + [search.query.expression]), entitiesPerType: 0, entityTypes: [],
                            readMarks: read).count
        }
        cache.setSearchCounts(counts, for: key)
        return counts
    }

    package func rows(of result: SourceResult, _ positions: Range<Int>) throws -> [ArticleRow] {
        guard let handle = result.handle as? Handle else { return [] }
        let summaries = try store.summaries(of: handle.result, positions)
        let flags = try store.state.flags(of: summaries.map(\.id))
        let stories = try store.stories(of: summaries.map(\.id))
        return summaries.map { summary in
            let source = LibraryIndex.sourceName(siteName: summary.siteName, url: summary.url, source: summary.id)
            let versions = stories.storyOf[summary.id].flatMap { stories.versions[$0] } ?? []
            let several = versions.count > 1
            return ArticleRow(id: summary.id, title: summary.title, date: summary.date, source: source,
                              topicNames: summary.topics.map { handle.topicNames[$0.lowercased()] ?? $0 },
                              flags: flags[summary.id] ?? .unread, url: summary.url,
                              versions: several ? versions.map(\.id) : [],
                              outlets: several ? ArticleRow.outlets(of: versions.map {
                                  LibraryIndex.sourceName(siteName: $0.siteName, url: $0.url, source: $0.id)
                              }, except: source) { $0 } : [])
        }
    }

    package func position(of id: String, in result: SourceResult) throws -> Int? {
        guard let handle = result.handle as? Handle else { return nil }
        return try store.position(of: id, in: handle.result)
    }

    package func article(id: String) throws -> Article? {
        try store.article(id: id)
    }

    private func total() throws -> Int {
        if let total = cache.total { return total }
        let total = try store.articleCount()
        cache.total = total
        return total
    }

    /// The read marks, fetched again when the session marked something (the run loop has
    /// written it to the state database by then) or the library changed.
    private func readMarks(_ session: [String: ArticleFlags]) throws -> ReadMarks {
        initialMarks.wait()
        if let marks = cache.readMarks(for: session) { return marks }
        let marks = try store.readMarks()
        cache.setReadMarks(marks, for: session)
        return marks
    }

    /// Whether `expression` has an `unread` part (its articles then depend on the read marks).
    package static func selectsByReadMarks(_ expression: FilterExpression) -> Bool {
        switch expression {
        case .unread: true
        case .and(let parts), .or(let parts): parts.contains(where: selectsByReadMarks)
        case .not(let inner): selectsByReadMarks(inner)
        default: false
        }
    }

    static func conjunction(_ parts: [FilterExpression]) -> FilterExpression {
        switch parts.count {
        case 0: .all
        case 1: parts[0]
        default: .and(parts)
        }
    }

    static func order(_ sort: BriefCore.SortOrder) -> ResultOrder {
        switch sort {
        case .date: .newest
        case .title: .title
        case .source: .source
        }
    }
}

/// The filter without its topics, and the session's marks it was evaluated with.
struct BaseKey: Hashable, Sendable {
    var filter: FilterExpression
    var flags: [String: ArticleFlags]
}

/// The unfiltered library in one order, with the session's marks and the saved searches it was counted with.
struct EverythingKey: Hashable, Sendable {
    var sort: BriefCore.SortOrder
    var flags: [String: ArticleFlags]
    var searches: [SavedSearch]
}

/// The filter without its saved searches, the marks, and the searches counted under it.
struct SearchCountKey: Hashable, Sendable {
    var filter: FilterExpression
    var flags: [String: ArticleFlags]
    var searches: [SavedSearch]
}

/// Values kept between keystrokes; shared with the thread that finishes a refresh (which clears them).
private final class SourceCache: @unchecked Sendable {
    // Everything below is guarded by `lock`.
    private let lock = NSLock()
    private var storedTotal: Int?
    private var marks: (session: [String: ArticleFlags], marks: ReadMarks)?
    private var topics: (key: BaseKey, counts: [Facets.TopicCount])?
    /// The unfiltered library per sort order (cycling the order with `o` comes back to each),
    /// under the same marks and searches: at most one per order.
    private var whole: [EverythingKey: SourceResult] = [:]
    private var searches: (key: SearchCountKey, counts: [Int])?

    var total: Int? {
        get { lock.withLock { storedTotal } }
        set { lock.withLock { storedTotal = newValue } }
    }

    func readMarks(for session: [String: ArticleFlags]) -> ReadMarks? {
        lock.withLock { marks?.session == session ? marks?.marks : nil }
    }

    func setReadMarks(_ value: ReadMarks, for session: [String: ArticleFlags]) {
        lock.withLock { marks = (session, value) }
    }

    func baseTopics(for key: BaseKey) -> [Facets.TopicCount]? {
        lock.withLock { topics?.key == key ? topics?.counts : nil }
    }

    func setBaseTopics(_ counts: [Facets.TopicCount], for key: BaseKey) {
        lock.withLock { topics = (key, counts) }
    }

    func searchCounts(for key: SearchCountKey) -> [Int]? {
        lock.withLock { searches?.key == key ? searches?.counts : nil }
    }

    func setSearchCounts(_ counts: [Int], for key: SearchCountKey) {
        lock.withLock { searches = (key, counts) }
    }

    func everything(for key: EverythingKey) -> SourceResult? {
        lock.withLock { whole[key] }
    }

    func setEverything(_ result: SourceResult, for key: EverythingKey) {
        lock.withLock {
            // Answers under other marks or searches are not asked for again until those change back.
            whole = whole.filter { $0.key.flags == key.flags && $0.key.searches == key.searches }
            whole[key] = result
        }
    }

    func clear() {
        lock.withLock {
            whole = [:]
            storedTotal = nil
            marks = nil
            topics = nil
            searches = nil
        }
    }
}
