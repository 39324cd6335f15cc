// What the reader precomputes once per library so filtering and facets stay fast.
import Foundation

/// An entity as facets and filters see it: its type and canonical name.
package struct EntityKey: Hashable, Sendable, Comparable {
    package var type: EntityType
    package var name: String

    package init(type: EntityType, name: String) {
        self.type = type
        self.name = name
    }

    package static func < (a: EntityKey, b: EntityKey) -> Bool {
        (a.type.rawValue, a.name) < (b.type.rawValue, b.name)
    }
}

/// A topic that occurs in the library.
package struct TopicInfo: Hashable, Sendable {
    package var id: String
    package var name: String
}

/// Interned topics and entities per article, and the article orders for each sort key.
package struct LibraryIndex: Sendable {
    package var topics: [TopicInfo] = []
    package var topicsOfArticle: [[Int]] = []
    package var entities: [EntityKey] = []
    package var entitiesOfArticle: [[Int]] = []
    package var dayOfArticle: [Int?] = []
    package var sourceOfArticle: [String] = []
    package var order: [SortOrder: [Int]] = [:]
    /// Each article's words, tokenized once so every filter keystroke only compares them.
    package var searchTextOfArticle: [ArticleSearchText] = []

    package init(articles: [Article]) {
        var topicNumbers: [String: Int] = [:]
        var entityNumbers: [EntityKey: Int] = [:]
        var topicsSeen: [TopicInfo] = []
        for article in articles {
            for topic in article.topics where topicNumbers[topic.id] == nil {
                topicNumbers[topic.id] = topicsSeen.count
                topicsSeen.append(TopicInfo(id: topic.id, name: topic.name))
            }
        }
        // Topics listed by name; renumber to that order.
        let sortedTopics = topicsSeen.enumerated().sorted { $0.element.name.lowercased() < $1.element.name.lowercased() }
        topics = sortedTopics.map(\.element)
        for (newIndex, entry) in sortedTopics.enumerated() { topicNumbers[entry.element.id] = newIndex }

        searchTextOfArticle = articles.map { ArticleSearchText($0, indexed: true) }
        topicsOfArticle.reserveCapacity(articles.count)
        entitiesOfArticle.reserveCapacity(articles.count)
        for article in articles {
            topicsOfArticle.append(Array(Set(article.topics.compactMap { topicNumbers[$0.id] })).sorted())
            var ids = Set<Int>()
            for span in article.entities where span.type != .date {
                let key = EntityKey(type: span.type, name: span.canonical)
                if let id = entityNumbers[key] {
                    ids.insert(id)
                } else {
                    entityNumbers[key] = entities.count
                    ids.insert(entities.count)
                    entities.append(key)
                }
            }
            entitiesOfArticle.append(ids.sorted())
            dayOfArticle.append(article.date?.daysSinceEpoch)
            sourceOfArticle.append(LibraryIndex.sourceName(of: article))
        }
        for sort in SortOrder.allCases {
            order[sort] = sort.order(articles: articles, sources: sourceOfArticle)
        }
    }

    /// A short name for where an article came from: the site, the URL's host, or the folder.
    package static func sourceName(of article: Article) -> String {
        sourceName(siteName: article.siteName, url: article.url, source: article.source)
    }

    /// The same from the parts a list row has.
    package static func sourceName(siteName: String?, url: String?, source: String) -> String {
        if let site = siteName, !site.isEmpty { return site }
        if let url = url.flatMap(URL.init(string:)), let host = url.host { return host }
        let url = URL(fileURLWithPath: source)
        let folder = url.deletingLastPathComponent().lastPathComponent
        return folder.isEmpty || folder == "/" ? url.lastPathComponent : folder
    }
}
