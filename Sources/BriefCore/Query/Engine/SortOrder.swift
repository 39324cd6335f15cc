// The orders the article list can be sorted in.

package enum SortOrder: String, CaseIterable, Sendable, Hashable {
    /// Newest first; undated articles last.
    case date
    case title
    case source

    package var next: SortOrder {
        let all = SortOrder.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// Article indices in this order; ties keep the library order so the list is stable.
    func order(articles: [Article], sources: [String]) -> [Int] {
        let indices = Array(articles.indices)
        switch self {
        case .date:
            return indices.sorted { a, b in
                switch (articles[a].date, articles[b].date) {
                case let (x?, y?): return x != y ? x > y : a < b
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return a < b
                }
            }
        case .title:
            let keys = articles.map { $0.title.lowercased() }
            return indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        case .source:
            return indices.sorted { sources[$0] != sources[$1] ? sources[$0] < sources[$1] : $0 < $1 }
        }
    }
}
