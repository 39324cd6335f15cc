// What the user filters by: the query, topics, entities and the unread switch.

/// How several selected topics combine.
package enum TopicMode: String, Sendable, Hashable {
    case any, all
}

package struct FilterState: Sendable, Hashable {
    /// The last query that parsed; an invalid one being typed never replaces it.
    package var query: FilterQuery?
    package var topics: Set<String> = []
    package var topicMode: TopicMode = .any
    package var entities: [EntityKey] = []
    /// Saved searches toggled on in the pane; an article passes when it matches any of them.
    package var searches: [SavedSearch] = []
    package var unreadOnly = false
    package var sort: SortOrder = .date

    package init() {}

    package var queryText: String { query?.text ?? "" }

    package var isEmpty: Bool {
        queryText.isEmpty && topics.isEmpty && entities.isEmpty && searches.isEmpty && !unreadOnly
    }

    /// The whole active filter written in the filter language, for the status line and the pane.
    package var description: String {
        var parts: [String] = []
        if !searches.isEmpty {
            let terms = searches.map { "(\($0.query.text))" }
            parts.append(terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " OR ") + ")")
        }
        if !topics.isEmpty {
            let terms = topics.sorted().map { "topic:\($0)" }
            parts.append(terms.count == 1 ? terms[0] : "(" + terms.joined(separator: topicMode == .any ? " OR " : " ") + ")")
        }
        for entity in entities {
            let prefix: String = switch entity.type {
            case .person: "person"
            case .place: "place"
            case .organization: "org"
            case .nationality: "nationality"
            default: "entity"
            }
            parts.append(entity.name.contains(" ") ? "\(prefix):\"\(entity.name)\"" : "\(prefix):\(entity.name)")
        }
        if unreadOnly { parts.append("unread") }
        if !queryText.isEmpty { parts.append(parts.isEmpty ? queryText : "(\(queryText))") }
        return parts.joined(separator: " ")
    }
}
