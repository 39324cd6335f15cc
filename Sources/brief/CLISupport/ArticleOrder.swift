// The order lists show articles in: newest first, undated last, then by path.
import BriefCore

enum ArticleOrder {
    static func newestFirst(_ articles: [Article]) -> [Article] {
        articles.sorted { a, b in
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.source < b.source
            }
        }
    }
}
