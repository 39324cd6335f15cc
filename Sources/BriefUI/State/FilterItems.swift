// The selectable rows of the filter pane: topics, then the top people, places and organizations.
import BriefCore

package enum FilterItem: Hashable, Sendable {
    /// Index into the library index's topics.
    case topic(Int)
    /// Index into the library index's entities.
    case entity(Int)
}

extension AppState {
    /// The items the filter pane's cursor moves over, top to bottom.
    ///
    /// Selected entities stay listed even when they fall out of the top counts,
    /// so they can be unselected where they were selected.
    package var filterItems: [FilterItem] {
        var items = library.index.topics.indices.map(FilterItem.topic)
        let selected = Set(filter.entities.compactMap { library.index.entities.firstIndex(of: $0) })
        for type in ResultSet.facetTypes {
            let facets = results.entityFacets[type] ?? []
            var ids = facets.map(\.entity)
            for id in selected.sorted() where library.index.entities[id].type == type && !ids.contains(id) {
                ids.append(id)
            }
            items += ids.map(FilterItem.entity)
        }
        return items
    }

    /// How many results mention an entity (0 when not among the top facets).
    package func facetCount(ofEntity id: Int) -> Int {
        let type = library.index.entities[id].type
        return results.entityFacets[type]?.first { $0.entity == id }?.count ?? 0
    }
}
