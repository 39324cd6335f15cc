// Writes one batch of parsed files into the cache inside the caller's transaction.
import BriefCore
import Foundation
import GRDB

struct BatchWriter {
    private struct EntityKey: Hashable {
        var type: EntityType
        var name: String
    }

    func write(_ batch: [ParsedFile], _ db: Database) throws {
        // Ids are looked up per batch (another process may prune entities between batches).
        var entityIDs: [EntityKey: Int64] = [:]
        var topicKeys: [String: Int64] = [:]
        let encoder = JSONEncoder()
        let upsertFile = try db.cachedStatement(sql: """
            INSERT INTO file (path, size, mtime, hash, error) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime,
                hash = excluded.hash, error = excluded.error
            RETURNING id
            """)
        let touchFile = try db.cachedStatement(sql: "UPDATE file SET size = ?, mtime = ? WHERE path = ?")
        let deleteArticles = try db.cachedStatement(sql: "DELETE FROM article WHERE file = ?")
        let insertArticle = try db.cachedStatement(sql: """
            INSERT INTO article (id, file, format, title, day, byline, url, site_name, text, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING RETURNING rowid
            """)
        let insertFacets = try db.cachedStatement(sql: "INSERT INTO article_facet (article, day, facets) VALUES (?, ?, ?)")
        let insertTopic = try db.cachedStatement(sql: "INSERT INTO article_topic (topic, article, score) VALUES (?, ?, ?)")
        let upsertTopic = try db.cachedStatement(sql: """
            INSERT INTO topic (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name
            RETURNING key
            """)
        let upsertEntity = try db.cachedStatement(sql: """
            INSERT INTO entity (type, name, fold) VALUES (?, ?, ?)
            ON CONFLICT(type, name) DO UPDATE SET fold = excluded.fold RETURNING id
            """)
        let insertMention = try db.cachedStatement(sql: "INSERT INTO article_entity (entity, article, mentions) VALUES (?, ?, ?)")

        for parsed in batch {
            let file = parsed.file
            switch parsed.kind {
            case .touched:
                try touchFile.execute(arguments: [file.size, file.mtime, file.path])
            case .failed(let reason):
                let fileID = try Int64.fetchOne(upsertFile, arguments: [file.path, file.size, file.mtime, parsed.hash, reason])!
                try deleteArticles.execute(arguments: [fileID])
            case .parsed(let articles):
                let fileID = try Int64.fetchOne(upsertFile, arguments: [file.path, file.size, file.mtime, parsed.hash, nil])!
                try deleteArticles.execute(arguments: [fileID])
                for article in articles {
                    let detail = try encoder.encode(ArticleDetail(
                        kinds: article.paragraphKinds, removed: article.removed,
                        entities: article.entities, topics: article.topics))
                    // Topic keys and entity ids first: the packed facets go into the article row.
                    var facetTopics: [UInt32] = []
                    var topicsInArticle: [(id: String, score: Double)] = []
                    for topic in article.topics {
                        let key: Int64
                        if let known = topicKeys[topic.id] {
                            key = known
                        } else {
                            key = try Int64.fetchOne(upsertTopic, arguments: [topic.id, topic.name])!
                            topicKeys[topic.id] = key
                        }
                        // A topic listed twice (or in two spellings of one id) counts once.
                        guard !facetTopics.contains(UInt32(key)) else { continue }
                        facetTopics.append(UInt32(key))
                        topicsInArticle.append((topic.id, topic.score))
                    }
                    var mentions: [EntityKey: Int] = [:]
                    for span in article.entities { mentions[EntityKey(type: span.type, name: span.canonical), default: 0] += 1 }
                    var entityMentions: [(id: Int64, count: Int)] = []
                    for (key, count) in mentions {
                        let entityID: Int64
                        if let known = entityIDs[key] {
                            entityID = known
                        } else {
                            entityID = try Int64.fetchOne(upsertEntity, arguments: [
                                key.type.rawValue, key.name, NameFolding.fold(key.name),
                            ])!
                            entityIDs[key] = entityID
                        }
                        entityMentions.append((entityID, count))
                    }
                    let facets = PackedFacets.pack(topics: facetTopics, entities: entityMentions.map { UInt32($0.id) })
                    let inserted = try Int64.fetchOne(insertArticle, arguments: [
                        article.id, fileID, article.format.rawValue, article.title, article.date?.daysSinceEpoch,
                        article.byline, article.url, article.siteName, ArticleRow.text(of: article), detail,
                    ])
                    // Another file already holds an article with this id (a feed item seen twice).
                    guard let rowid = inserted else { continue }
                    try insertFacets.execute(arguments: [rowid, article.date?.daysSinceEpoch, facets])
                    for topic in topicsInArticle {
                        try insertTopic.execute(arguments: [topic.id, rowid, topic.score])
                    }
                    for mention in entityMentions {
                        try insertMention.execute(arguments: [mention.id, rowid, mention.count])
                    }
                }
            }
        }
    }
}
