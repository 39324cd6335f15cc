// The source over articles held in memory: `brief PATH…`, the bundled samples, and the UI tests.
import BriefCore
import Foundation

/// Filters by scanning the precomputed `LibraryIndex`: fine for the few thousand articles a
/// user opens by path; the library cache (a store-backed source) serves the large library.
package final class InMemorySource: ArticleSource, @unchecked Sendable {
    /// The articles with their index, and where each id stands.
    struct Snapshot: Sendable {
        var library: Library
        var indexOfID: [String: Int]

        init(_ library: Library) {
            self.library = library
            indexOfID = [:]
            for (index, article) in library.articles.enumerated() where indexOfID[article.id] == nil {
                indexOfID[article.id] = index
            }
        }
    }

    /// A result's matches, as indices into the snapshot they were computed on.
    struct Matches: Sendable {
        var snapshot: Snapshot
        var indices: [Int]
    }

    // `current` is guarded by `lock`: a background reload may replace it.
    private let lock = NSLock()
    private var current: Snapshot

    package init(library: Library) {
        current = Snapshot(library)
    }

    /// The library as it is now.
    package var library: Library { lock.withLock { current.library } }

    /// Replaces the articles (feeds were reloaded); results computed before keep their own.
    package func replace(_ library: Library) {
        let snapshot = Snapshot(library)
        lock.withLock { current = snapshot }
    }

    package func evaluate(_ request: ResultRequest) -> SourceResult {
        let snapshot = lock.withLock { current }
        let library = snapshot.library
        let index = library.index
        let filter = request.filter
        func flags(_ article: Int) -> ArticleFlags {
            let id = library.articles[article].id
            return request.flags[id] ?? library.flags[id] ?? .unread
        }
        let selectedTopics = Set(filter.topics.compactMap { id in index.topics.firstIndex { $0.id == id } })
        let selectedEntities = filter.entities.compactMap { key in index.entities.firstIndex(of: key) }
        let missingEntity = selectedEntities.count < filter.entities.count
        var matches: [Int] = []
        var topicCounts = Array(repeating: 0, count: index.topics.count)
        var entityCounts = Array(repeating: 0, count: index.entities.count)
        var dayCounts: [Int: Int] = [:]
        var unread = 0
        for article in index.order[filter.sort] ?? [] {
            if missingEntity { break }
            let articleFlags = flags(article)
            if filter.unreadOnly, articleFlags.read { continue }
            let entities = index.entitiesOfArticle[article]
            if !selectedEntities.allSatisfy({ entities.contains($0) }) { continue }
            if let query = filter.query, !query.matches(library.articles[article], flags: articleFlags,
                                                           searchText: index.searchTextOfArticle[article]) {
                continue
            }
            let topics = index.topicsOfArticle[article]
            let passesTopics: Bool
            if selectedTopics.isEmpty {
                passesTopics = true
            } else if filter.topicMode == .any {
                passesTopics = topics.contains { selectedTopics.contains($0) }
            } else {
                passesTopics = selectedTopics.allSatisfy { topics.contains($0) }
            }
            if filter.topicMode == .any || passesTopics {
                for topic in topics { topicCounts[topic] += 1 }
            }
            guard passesTopics else { continue }
            matches.append(article)
            if !articleFlags.read { unread += 1 }
            for entity in entities { entityCounts[entity] += 1 }
            if let day = index.dayOfArticle[article] { dayCounts[day, default: 0] += 1 }
        }
        var facets: [EntityType: [EntityFacet]] = [:]
        for type in ResultSet.facetTypes { facets[type] = [] }
        for (entity, count) in entityCounts.enumerated() where count > 0 {
            let key = index.entities[entity]
            guard ResultSet.facetTypes.contains(key.type) else { continue }
            facets[key.type]!.append(EntityFacet(key: key, count: count))
        }
        for type in ResultSet.facetTypes {
            let sorted = facets[type]!.sorted { $0.count != $1.count ? $0.count > $1.count : $0.key.name < $1.key.name }
            facets[type] = Array(sorted.prefix(ResultSet.facetsPerType))
        }
        return SourceResult(
            count: matches.count, total: library.articles.count, unread: unread,
            topics: index.topics.enumerated().map { TopicFacet(id: $0.element.id, name: $0.element.name, count: topicCounts[$0.offset]) },
            entityFacets: facets,
            days: dayCounts.sorted { $0.key < $1.key }.map { DayCount(day: $0.key, count: $0.value) },
            handle: Matches(snapshot: snapshot, indices: matches))
    }

    package func rows(of result: SourceResult, _ positions: Range<Int>) -> [ArticleRow] {
        guard let handle = result.handle as? Matches else { return [] }
        let (library, matches) = (handle.snapshot.library, handle.indices)
        return matches[positions.clamped(to: matches.indices)].map { index in
            let article = library.articles[index]
            return ArticleRow(id: article.id, title: article.title, date: article.date,
                              source: library.index.sourceOfArticle[index],
                              topicNames: article.topics.sorted { $0.score > $1.score }.map(\.name),
                              flags: library.flags[article.id] ?? .unread)
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
