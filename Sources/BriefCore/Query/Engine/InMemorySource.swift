// The source over articles held in memory: `brief PATH…`, the bundled samples, and the UI tests.
import Foundation

/// Filters by scanning the precomputed `LibraryIndex`: fine for the few thousand articles a
/// user opens by path; the library cache (a store-backed source) serves the large library.
package final class InMemorySource: ArticleSource, @unchecked Sendable {
    /// The articles with their index, and where each id stands.
    struct Snapshot: Sendable {
        var library: Library
        var indexOfID: [String: Int]
        /// The stories of the articles (see `StoryGrouping`), and per article its story's number
        /// and its rank among the story's versions (0: the best).
        var stories: [Story]
        var storyOfArticle: [Int]
        var rankInStory: [Int]

        init(_ library: Library, stories settings: StorySettings) {
            self.library = library
            indexOfID = [:]
            for (index, article) in library.articles.enumerated() where indexOfID[article.id] == nil {
                indexOfID[article.id] = index
            }
            stories = StoryGrouping.stories(of: library.articles, settings: settings)
            storyOfArticle = Array(repeating: 0, count: library.articles.count)
            rankInStory = Array(repeating: 0, count: library.articles.count)
            for (number, story) in stories.enumerated() {
                for (rank, member) in story.members.enumerated() {
                    storyOfArticle[member] = number
                    rankInStory[member] = rank
                }
            }
        }

        /// The matches with each story of several versions reduced to its best matching one.
        func bestVersions(_ matches: [Int]) -> [Int] {
            var best: [Int: Int] = [:]
            for article in matches where stories[storyOfArticle[article]].members.count > 1 {
                let story = storyOfArticle[article]
                best[story] = min(best[story] ?? Int.max, rankInStory[article])
            }
            guard !best.isEmpty else { return matches }
            return matches.filter { article in best[storyOfArticle[article]].map { $0 == rankInStory[article] } ?? true }
        }
    }

    /// A result's matches, as indices into the snapshot they were computed on.
    struct Matches: Sendable {
        var snapshot: Snapshot
        var indices: [Int]
    }

    /// Libraries of at least this many articles are scanned in `scanSlices` slices at once.
    package static let parallelScanMinimum = 2_000
    static let scanSlices = 2

    // `current` is guarded by `lock`: a background reload may replace it.
    private let lock = NSLock()
    private var current: Snapshot
    /// `[stories]`: whether the list shows one row per story, and how stories are found.
    package let stories: StorySettings

    package init(library: Library, stories: StorySettings = .standard) {
        current = Snapshot(library, stories: stories)
        self.stories = stories
    }

    /// The library as it is now.
    package var library: Library { lock.withLock { current.library } }

    /// Replaces the articles (feeds were reloaded); results computed before keep their own.
    package func replace(_ library: Library) {
        let snapshot = Snapshot(library, stories: stories)
        lock.withLock { current = snapshot }
    }

    package func evaluate(_ request: ResultRequest) -> SourceResult {
        let snapshot = lock.withLock { current }
        let scan = Scan(snapshot: snapshot, request: request)
        let total = scan.inSlices(snapshot.library.index.order[request.filter.sort] ?? [])
        let index = snapshot.library.index
        let grouped = stories.group && !(request.filter.query?.expression.namesStory ?? false)
        let matches = grouped ? snapshot.bestVersions(total.matches) : total.matches
        return SourceResult(
            count: matches.count, total: snapshot.library.articles.count, unread: total.unread,
            topics: index.topics.enumerated().map { TopicFacet(id: $0.element.id, name: $0.element.name, count: total.topicCounts[$0.offset]) },
            entityFacets: Self.entityFacets(total.entityCounts, index: index),
            days: total.dayCounts.sorted { $0.key < $1.key }.map { DayCount(day: $0.key, count: $0.value) },
            searchCounts: total.searchCounts, rowsAreStories: grouped, handle: Matches(snapshot: snapshot, indices: matches))
    }

    /// The top entities of each facet type by count (ties by name).
    private static func entityFacets(_ entityCounts: [Int], index: LibraryIndex) -> [EntityType: [EntityFacet]] {
        var facets: [EntityType: [EntityFacet]] = [:]
        for type in SourceResult.entityFacetTypes { facets[type] = [] }
        for (entity, count) in entityCounts.enumerated() where count > 0 {
            let key = index.entities[entity]
            guard SourceResult.entityFacetTypes.contains(key.type) else { continue }
            facets[key.type]!.append(EntityFacet(key: key, count: count))
        }
        for type in SourceResult.entityFacetTypes {
            let sorted = facets[type]!.sorted { $0.count != $1.count ? $0.count > $1.count : $0.key.name < $1.key.name }
            facets[type] = Array(sorted.prefix(SourceResult.entityFacetsPerType))
        }
        return facets
    }

    /// What a scan of some articles found: the matches in order, and the facet counts.
    private struct Tally {
        var matches: [Int] = []
        var topicCounts: [Int]
        var entityCounts: [Int]
        var dayCounts: [Int: Int] = [:]
        var searchCounts: [Int]
        var unread = 0

        /// Adds the next slice's matches (which come after these) and counts.
        mutating func append(_ next: Tally) {
            matches += next.matches
            for (topic, count) in next.topicCounts.enumerated() { topicCounts[topic] += count }
            for (entity, count) in next.entityCounts.enumerated() where count > 0 { entityCounts[entity] += count }
            for (day, count) in next.dayCounts { dayCounts[day, default: 0] += count }
            for (search, count) in next.searchCounts.enumerated() { searchCounts[search] += count }
            unread += next.unread
        }
    }

    /// One request's filter, resolved against a snapshot's index, applied article by article.
    private struct Scan: Sendable {
        let snapshot: Snapshot
        let request: ResultRequest
        let selectedTopics: Set<Int>
        let selectedEntities: [Int]
        /// A selected entity the library does not hold: nothing matches.
        let missingEntity: Bool
        /// Each selected saved search, with its position among the counted ones when it is one
        /// of them (its match is then computed once per article, for both).
        let selectedSearches: [(search: SavedSearch, counted: Int?)]

        init(snapshot: Snapshot, request: ResultRequest) {
            self.snapshot = snapshot
            self.request = request
            let index = snapshot.library.index
            let filter = request.filter
            selectedTopics = Set(filter.topics.compactMap { id in index.topics.firstIndex { $0.id == id } })
            selectedEntities = filter.entities.compactMap { key in index.entities.firstIndex(of: key) }
            missingEntity = selectedEntities.count < filter.entities.count
            selectedSearches = filter.searches.map { ($0, request.countedSearches.firstIndex(of: $0)) }
        }

        /// A text query reads every article's text: a large library is scanned in one slice per
        /// core, and the slices' matches joined in order.
        func inSlices(_ order: [Int]) -> Tally {
            let slices = order.count >= InMemorySource.parallelScanMinimum ? InMemorySource.scanSlices : 1
            let bounds = (0...slices).map { order.count * $0 / slices }
            let parts = UnsafeMutableBufferPointer<Tally?>.allocate(capacity: slices)
            parts.initialize(repeating: nil)
            defer { parts.deinitialize(); parts.deallocate() }
            if slices == 1 {
                parts[0] = scan(order[...])
            } else {
                // Each iteration writes its own slot.
                nonisolated(unsafe) let slots = parts
                DispatchQueue.concurrentPerform(iterations: slices) { slice in
                    slots[slice] = scan(order[bounds[slice]..<bounds[slice + 1]])
                }
            }
            var total = parts[0]!
            for part in parts.dropFirst() { total.append(part!) }
            return total
        }

        func scan(_ slice: ArraySlice<Int>) -> Tally {
            let index = snapshot.library.index
            var tally = Tally(topicCounts: Array(repeating: 0, count: index.topics.count),
                              entityCounts: Array(repeating: 0, count: index.entities.count),
                              searchCounts: Array(repeating: 0, count: request.countedSearches.count))
            guard !missingEntity else { return tally }
            for article in slice { count(article, into: &tally) }
            return tally
        }

        /// Counts one article: saved searches over what the rest of the filter lets through,
        /// topics (in `any` mode also for articles the topics leave out), then the match itself.
        private func count(_ article: Int, into tally: inout Tally) {
            let index = snapshot.library.index
            let filter = request.filter
            let articleFlags = flags(article)
            if filter.unreadOnly, articleFlags.read { return }
            let entities = index.entitiesOfArticle[article]
            if !selectedEntities.allSatisfy({ entities.contains($0) }) { return }
            let searchText = index.searchTextOfArticle[article]
            let story = snapshot.stories[snapshot.storyOfArticle[article]].id
            if let query = filter.query,
               !query.matches(snapshot.library.articles[article], flags: articleFlags, searchText: searchText, story: story) {
                return
            }
            let topics = index.topicsOfArticle[article]
            let passesTopics = self.passesTopics(topics)
            func matches(_ search: SavedSearch) -> Bool {
                search.query.matches(snapshot.library.articles[article], flags: articleFlags, searchText: searchText)
            }
            // A saved search's count is what the rest of the filter lets through and it matches.
            let hits = passesTopics ? request.countedSearches.map(matches) : nil
            for (position, hit) in (hits ?? []).enumerated() where hit { tally.searchCounts[position] += 1 }
            guard selectedSearches.isEmpty || selectedSearches.contains(where: { choice in
                if let position = choice.counted, let hits { return hits[position] }
                return matches(choice.search)
            }) else { return }
            if filter.topicMode == .any || passesTopics {
                for topic in topics { tally.topicCounts[topic] += 1 }
            }
            guard passesTopics else { return }
            tally.matches.append(article)
            if !articleFlags.read { tally.unread += 1 }
            for entity in entities { tally.entityCounts[entity] += 1 }
            if let day = index.dayOfArticle[article] { tally.dayCounts[day, default: 0] += 1 }
        }

        private func passesTopics(_ topics: [Int]) -> Bool {
            if selectedTopics.isEmpty { return true }
            if request.filter.topicMode == .any { return topics.contains { selectedTopics.contains($0) } }
            return selectedTopics.allSatisfy { topics.contains($0) }
        }

        private func flags(_ article: Int) -> ArticleFlags {
            let id = snapshot.library.articles[article].id
            return request.flags[id] ?? snapshot.library.flags[id] ?? .unread
        }
    }

    package func rows(of result: SourceResult, _ positions: Range<Int>) -> [ArticleRow] {
        guard let handle = result.handle as? Matches else { return [] }
        let (snapshot, matches) = (handle.snapshot, handle.indices)
        let library = snapshot.library
        return matches[positions.clamped(to: matches.indices)].map { index in
            let article = library.articles[index]
            let members = snapshot.stories[snapshot.storyOfArticle[index]].members
            let source = library.index.sourceOfArticle[index]
            return ArticleRow(id: article.id, title: article.title, date: article.date, source: source,
                              topicNames: article.topics.sorted { $0.score > $1.score }.map(\.name),
                              flags: library.flags[article.id] ?? .unread, url: article.url,
                              versions: members.count > 1 ? members.map { library.articles[$0].id } : [],
                              outlets: members.count > 1
                                ? ArticleRow.outlets(of: members.map { library.index.sourceOfArticle[$0] }, except: source) { $0 } : [])
        }
    }

    package func position(of id: String, in result: SourceResult) -> Int? {
        guard let handle = result.handle as? Matches, let index = handle.snapshot.indexOfID[id] else { return nil }
        return handle.indices.firstIndex(of: index)
    }

    package func article(id: String) -> Article? {
        let snapshot = lock.withLock { current }
        return snapshot.indexOfID[id].map { snapshot.library.articles[$0] }
    }
}
