// The story of each newly indexed article, written after each batch (see `StoryIndex`).
import BriefCore
import Foundation
import GRDB

/// An article a batch inserted, with what story grouping compares.
struct InsertedArticle: Sendable {
    var rowid: Int64
    var id: String
    var story: StoryFeatures
}

/// Gives each new article its story, in the batch's transaction. The index of the stories
/// already cached is loaded once per refresh, at the first batch that inserts anything, and
/// takes in each batch's articles: a refresh compares every new article with every article
/// cached or indexed before it, in time linear in the library.
final class StoryAssigner {
    private var index: StoryIndex?
    private let settings: StorySettings

    init(settings: StorySettings = .standard) {
        self.settings = settings
    }

    func assign(_ articles: [InsertedArticle], _ db: Database) throws {
        guard !articles.isEmpty else { return }
        // Taken out while it grows, so that it is the only reference to its tables: a copy left
        // in `self.index` made the first insert copy every bucket, each batch (at 100,000
        // articles most of the story step's time). A batch that fails leaves no index: the next
        // loads the cache's, without the rolled-back articles.
        var index = try self.index ?? Self.load(db, settings: settings)
        self.index = nil
        let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO article_story (article, story, length, features) VALUES (?, ?, ?, ?)")
        for article in articles {
            let story = index.add(article.story, id: article.id).story
            try insert.execute(arguments: [article.rowid, story, article.story.length, article.story.encoded])
        }
        self.index = index
    }

    /// The stories of the cached articles, in the order they were indexed.
    private static func load(_ db: Database, settings: StorySettings) throws -> StoryIndex {
        let (features, stories) = try cached(db)
        return StoryIndex(settings: settings, features: features, stories: stories)
    }

    /// The cached articles' features and stories, in the order they were indexed. The day comes
    /// from the narrow facet table: joining `article` read every article's text (the whole cache) first.
    static func cached(_ db: Database) throws -> (features: [StoryFeatures], stories: [String]) {
        var features: [StoryFeatures] = [], stories: [String] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT s.story, s.length, s.features, f.day FROM article_story s JOIN article_facet f ON f.article = s.article ORDER BY s.article
            """)
        while let row = try rows.next() {
            let decoded = try row.withUnsafeData(atIndex: 2) { encoded in
                encoded.flatMap { StoryFeatures(encoded: $0, day: row[3], length: row[1]) }
            }
            guard let article = decoded else { continue }
            features.append(article)
            stories.append(row[0])
        }
        return (features, stories)
    }
}

extension LibraryStore {
    /// The cached articles' story features, in the order they were indexed (`brief-bench
    /// stories-replay` gives them to an empty story index: the story step of a cold index alone).
    package func cachedStoryFeatures() throws -> [StoryFeatures] {
        try read { db in try StoryAssigner.cached(db).features }
    }
}
