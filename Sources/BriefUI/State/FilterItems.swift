// The selectable rows of the filter pane: topics, then the top people, places and organizations.
import BriefCore

package enum FilterItem: Hashable, Sendable {
    /// Index into the state's saved searches.
    case search(Int)
    /// Index into the result's topics.
    case topic(Int)
    case entity(EntityKey)
}

extension AppState {
    /// The items the filter pane's cursor moves over, top to bottom.
    ///
    /// Selected entities stay listed even when they fall out of the top counts,
    /// so they can be unselected where they were selected.
    package var filterItems: [FilterItem] {
        var items = savedSearches.indices.map(FilterItem.search)
        items += results.topics.indices.map(FilterItem.topic)
        for type in SourceResult.entityFacetTypes {
            var keys = (results.entityFacets[type] ?? []).map(\.key)
            for key in filter.entities.sorted() where key.type == type && !keys.contains(key) {
                keys.append(key)
            }
            items += keys.map(FilterItem.entity)
        }
        return items
    }

    /// The pane's count for a saved search (0 before the source has counted it).
    package func searchCount(_ index: Int) -> Int {
        results.searchCounts.indices.contains(index) ? results.searchCounts[index] : 0
    }

    /// How many results mention an entity (0 when not among the top facets).
    package func facetCount(ofEntity key: EntityKey) -> Int {
        results.entityFacets[key.type]?.first { $0.key == key }?.count ?? 0
    }
}
