// The articles the current filter lets through, with the facet counts the filter pane shows.
import BriefCore

/// One entity facet: an entity and how many matching articles mention it.
package struct EntityFacet: Hashable, Sendable {
    package var entity: Int
    package var count: Int
}

/// Derived from the library and the filter; recomputed whenever either changes.
package struct ResultSet: Sendable, Hashable {
    /// Library indices of matching articles, in the sort order.
    package var articles: [Int] = []
    /// For each topic of the index: matching articles that have it (see `compute`).
    package var topicCounts: [Int] = []
    /// Most frequent people, places and organizations among the matching articles.
    package var entityFacets: [EntityType: [EntityFacet]] = [:]
    /// Articles per day bucket across the matching articles' date range.
    package var histogram: DateHistogram = DateHistogram()

    package static let facetTypes: [EntityType] = [.person, .place, .organization]
    package static let facetsPerType = 5

    package init() {}

    /// Filters and counts.
    ///
    /// Topic counts are facet counts: with `any`, each topic's count is what the
    /// other filters let through and carry that topic, so a count says what
    /// selecting the topic would add; with `all`, the count is within the current result.
    package static func compute(library: Library, filter: FilterState, histogramBuckets: Int) -> ResultSet {
        let index = library.index
        let selectedTopics = Set(filter.topics.compactMap { id in index.topics.firstIndex { $0.id == id } })
        let selectedEntities = filter.entities.compactMap { key in index.entities.firstIndex(of: key) }
        let missingEntity = selectedEntities.count < filter.entities.count
        var result = ResultSet()
        result.topicCounts = Array(repeating: 0, count: index.topics.count)
        var entityCounts = Array(repeating: 0, count: index.entities.count)
        var days: [Int] = []
        for article in index.order[filter.sort] ?? [] {
            if missingEntity { break }
            if filter.unreadOnly, library.flags[library.articles[article].id]?.read == true { continue }
            let entities = index.entitiesOfArticle[article]
            if !selectedEntities.allSatisfy({ entities.contains($0) }) { continue }
            if let query = filter.query, !query.matches(library.articles[article], flags: library.flags(of: article),
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
                for topic in topics { result.topicCounts[topic] += 1 }
            }
            guard passesTopics else { continue }
            result.articles.append(article)
            for entity in entities { entityCounts[entity] += 1 }
            if let day = index.dayOfArticle[article] { days.append(day) }
        }
        for type in facetTypes { result.entityFacets[type] = [] }
        for (entity, count) in entityCounts.enumerated() where count > 0 {
            let type = index.entities[entity].type
            guard facetTypes.contains(type) else { continue }
            result.entityFacets[type]!.append(EntityFacet(entity: entity, count: count))
        }
        for type in facetTypes {
            let sorted = result.entityFacets[type]!.sorted {
                $0.count != $1.count ? $0.count > $1.count : index.entities[$0.entity].name < index.entities[$1.entity].name
            }
            result.entityFacets[type] = Array(sorted.prefix(facetsPerType))
        }
        result.histogram = DateHistogram(days: days, buckets: histogramBuckets)
        return result
    }
}
