// Writes one batch of parsed files into the cache inside the caller's transaction.
import BriefCore
import Foundation
import GRDB

/// An article in the form the cache stores it, made on a parsing thread so that the single
/// writer only runs SQL: the encoded detail, the joined text and the counted entity mentions.
struct PreparedArticle: Sendable {
    struct EntityKey: Hashable, Sendable {
        var type: EntityType
        var name: String
    }

    var id: String
    var format: String
    var title: String
    var day: Int?
    var byline: String?
    var url: String?
    var siteName: String?
    /// The kept paragraphs joined (what the full-text index reads), and deflated (`StoredText`).
    var text: String
    var storedText: Data
    var detail: Data
    /// The topics it is about, then those it mentions.
    var topics: [TopicMatch]
    /// Each distinct entity with its number of mentions, in first-mention order.
    var mentions: [(key: EntityKey, count: Int)]
    /// What story grouping compares (`StoryAssigner`).
    var story: StoryFeatures
    /// CPU time computing `story` (the indexer reports what grouping costs).
    var storyCPUSeconds: Double

    /// `deflater` packs the text (a parsing thread reuses one for all its articles).
    init(_ article: Article, deflater: TextDeflater = TextDeflater()) {
        id = article.id
        format = article.format.rawValue
        title = article.title
        day = article.date?.daysSinceEpoch
        byline = article.byline
        url = article.url
        siteName = article.siteName
        let paragraphs = ArticleRow.storedParagraphs(of: article)
        text = paragraphs.joined(separator: String(ArticleRow.paragraphSeparator))
        storedText = deflater.pack(text)
        detail = ArticleDetailCodec.encode(
            ArticleDetail(kinds: article.paragraphKinds, removed: article.removed, entities: article.entities,
                          topics: article.topics + article.mentions, language: article.language, summary: article.summary,
                          agency: article.agency),
            title: article.title, paragraphs: paragraphs)
        topics = article.topics + article.mentions
        var positions: [EntityKey: Int] = [:]
        var mentions: [(key: EntityKey, count: Int)] = []
        for span in article.entities {
            let key = EntityKey(type: span.type, name: span.canonical)
            if let position = positions[key] {
                mentions[position].count += 1
            } else {
                positions[key] = mentions.count
                mentions.append((key, 1))
            }
        }
        self.mentions = mentions
        let storyStart = LibraryStore.threadCPUSeconds()
        story = StoryFeatures(article)
        storyCPUSeconds = LibraryStore.threadCPUSeconds() - storyStart
    }
}

/// Articles inserted by this batch and not yet in the full-text index.
///
/// The index is written with one statement per batch rather than a trigger per article: FTS5
/// writes its pending terms to disk as a new segment whenever a statement opens a savepoint, as
/// every insert that fires a trigger does, so a trigger made one tiny segment per article (and
/// the merging of them cost more than the rest of the write). Rowids only grow, and the batch
/// holds the write lock, so the batch's articles are exactly the rows from the first one on.
/// The statement reads each text as the parsing thread joined it (`BatchTexts`) rather than
/// inflating the column just written.
private struct UnindexedArticles {
    private(set) var first: Int64?
    private let texts = BatchTexts()

    mutating func add(_ rowid: Int64, text: String) {
        if first == nil { first = rowid }
        texts.add(rowid, text)
    }

    mutating func index(_ db: Database) throws {
        guard let first else { return }
        db.add(function: texts.function)
        defer {
            db.remove(function: texts.function)
            texts.removeAll()
        }
        // The stored column is the fallback should a row in the range not be this batch's.
        try db.execute(sql: """
            INSERT INTO article_fts (rowid, title, text)
            SELECT rowid, title, coalesce(\(BatchTexts.functionName)(rowid), \(StoredText.functionName)(text))
            FROM article WHERE rowid >= ? ORDER BY rowid
            """, arguments: [first])
        self.first = nil
    }
}

/// The texts of a batch's new articles by rowid, as the SQL function `brief_batch_text(rowid)`
/// (NULL for a rowid it does not hold). Registered on the writer connection only while the
/// batch's full-text statement runs, which reads it on the writer's thread.
private final class BatchTexts: @unchecked Sendable {
    static let functionName = "brief_batch_text"
    private var byRowid: [Int64: String] = [:]

    func add(_ rowid: Int64, _ text: String) {
        byRowid[rowid] = text
    }

    func removeAll() {
        byRowid.removeAll(keepingCapacity: true)
    }

    private(set) lazy var function = DatabaseFunction(Self.functionName, argumentCount: 1, pure: false) { [unowned self] values in
        Int64.fromDatabaseValue(values[0]).flatMap { self.byRowid[$0] }
    }
}

/// One batch's prepared statements, the topic keys and entity ids it has looked up, and its
/// articles not yet in the full-text index.
private struct BatchState {
    let upsertFile: Statement
    let touchFile: Statement
    let articlesOfFile: Statement
    let deleteFileArticles: Statement
    let insertArticle: Statement
    let insertFacets: DirectInsert
    let insertTopic: DirectInsert
    let upsertTopic: Statement
    let findEntity: Statement
    let insertEntity: Statement
    let insertMention: DirectInsert
    let deleteFacets: Statement
    let deleteTopics: Statement
    let deleteMentions: Statement
    let deleteStory: Statement
    // Ids are looked up per batch (another process may prune entities between batches).
    var entityIDs: [PreparedArticle.EntityKey: Int64] = [:]
    var topicKeys: [String: Int64] = [:]
    var unindexed = UnindexedArticles()

    init(_ db: Database) throws {
        upsertFile = try db.cachedStatement(sql: """
            INSERT INTO file (path, size, mtime, hash, error) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime,
                hash = excluded.hash, error = excluded.error
            RETURNING id
            """)
        touchFile = try db.cachedStatement(sql: "UPDATE file SET size = ?, mtime = ? WHERE path = ?")
        articlesOfFile = try db.cachedStatement(sql: "SELECT rowid FROM article WHERE file = ?")
        deleteFileArticles = try db.cachedStatement(sql: "DELETE FROM article WHERE file = ?")
        insertArticle = try db.cachedStatement(sql: """
            INSERT INTO article (id, file, format, title, day, byline, url, site_name, text, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING RETURNING rowid
            """)
        insertFacets = try DirectInsert(db, sql: "INSERT INTO article_facet (article, day, facets) VALUES (?, ?, ?)")
        insertTopic = try DirectInsert(db, sql: "INSERT INTO article_topic (topic, article, score, about) VALUES (?, ?, ?, ?)")
        upsertTopic = try db.cachedStatement(sql: """
            INSERT INTO topic (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name
            RETURNING key
            """)
        // Most entities are known already: looked up first, inserted only when new (an upsert
        // that updates would rewrite the row's page every time).
        findEntity = try db.cachedStatement(sql: "SELECT id FROM entity WHERE type = ? AND name = ?")
        insertEntity = try db.cachedStatement(sql: "INSERT INTO entity (type, name, fold) VALUES (?, ?, ?) RETURNING id")
        insertMention = try DirectInsert(db, sql: "INSERT INTO article_entity (entity, article, mentions) VALUES (?, ?, ?)")
        deleteFacets = try db.cachedStatement(sql: "DELETE FROM article_facet WHERE article = ?")
        deleteTopics = try db.cachedStatement(sql: "DELETE FROM article_topic WHERE article = ?")
        deleteMentions = try db.cachedStatement(sql: "DELETE FROM article_entity WHERE article = ?")
        deleteStory = try db.cachedStatement(sql: "DELETE FROM article_story WHERE article = ?")
    }

    /// A file's old articles go with their full-text rows (the delete trigger); those rows
    /// must be in the index first if this batch inserted them. Their other rows are deleted
    /// here rather than by the foreign keys' cascade: the indexer writes with the checks off.
    mutating func deleteArticles(ofFile fileID: Int64, _ db: Database) throws {
        let rowids = try Int64.fetchAll(articlesOfFile, arguments: [fileID])
        guard !rowids.isEmpty else { return }
        if let first = unindexed.first, rowids.contains(where: { $0 >= first }) { try unindexed.index(db) }
        for rowid in rowids {
            try deleteFacets.execute(arguments: [rowid])
            try deleteTopics.execute(arguments: [rowid])
            try deleteMentions.execute(arguments: [rowid])
            try deleteStory.execute(arguments: [rowid])
        }
        try deleteFileArticles.execute(arguments: [fileID])
    }

    /// Articles that were in the cache before this batch, deleted with one statement per
    /// `IndexerSettings.deletedPerStatement` of them (the full-text index then writes one segment).
    func deleteArticles(_ rowids: [Int64], _ db: Database) throws {
        for rowid in rowids {
            try deleteFacets.execute(arguments: [rowid])
            try deleteTopics.execute(arguments: [rowid])
            try deleteMentions.execute(arguments: [rowid])
            try deleteStory.execute(arguments: [rowid])
        }
        var start = 0
        while start < rowids.count {
            let chunk = rowids[start..<min(start + IndexerSettings.deletedPerStatement, rowids.count)]
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            try db.execute(sql: "DELETE FROM article WHERE rowid IN (\(placeholders))", arguments: StatementArguments(Array(chunk)))
            start = chunk.endIndex
        }
    }

    /// The article's topics as packed facet values (a mention carries `mentionFlag`) and as
    /// rows; a topic listed twice (or in two spellings of one id) counts once, at its first
    /// level (the topics it is about come first).
    mutating func topicKeys(of article: PreparedArticle) throws -> ([UInt32], [(id: String, score: Double, about: Bool)]) {
        var facetTopics: [UInt32] = []
        var topicsInArticle: [(id: String, score: Double, about: Bool)] = []
        for topic in article.topics {
            let key: Int64
            if let known = topicKeys[topic.id] {
                key = known
            } else {
                key = try Int64.fetchOne(upsertTopic, arguments: [topic.id, topic.name])!
                topicKeys[topic.id] = key
            }
            guard !facetTopics.contains(where: { $0 & ~PackedFacets.mentionFlag == UInt32(key) }) else { continue }
            let about = topic.level == .about
            facetTopics.append(about ? UInt32(key) : UInt32(key) | PackedFacets.mentionFlag)
            topicsInArticle.append((topic.id, topic.score, about))
        }
        return (facetTopics, topicsInArticle)
    }

    /// The ids of the article's entities, inserted when new, with their mention counts.
    mutating func entityIDs(of article: PreparedArticle, fold: (String) -> String) throws -> [(id: Int64, count: Int)] {
        var entityMentions: [(id: Int64, count: Int)] = []
        entityMentions.reserveCapacity(article.mentions.count)
        for (key, count) in article.mentions {
            let entityID: Int64
            if let known = entityIDs[key] {
                entityID = known
            } else {
                entityID = try Int64.fetchOne(findEntity, arguments: [key.type.rawValue, key.name])
                    ?? Int64.fetchOne(insertEntity, arguments: [key.type.rawValue, key.name, fold(key.name)])!
                entityIDs[key] = entityID
            }
            entityMentions.append((entityID, count))
        }
        return entityMentions
    }
}

/// Writes batches; one writer serves a whole refresh, so what it learns (name folds) carries over.
final class BatchWriter {
    /// Case- and diacritic-folded entity names already computed (Foundation's folding is slow).
    private var folds: [String: String] = [:]
    /// Articles inserted since the last `takeInserted()`: their stories are assigned after the batch.
    private var written: [InsertedArticle] = []

    /// The articles written since the last call, in order.
    func takeInserted() -> [InsertedArticle] {
        defer { written = [] }
        return written
    }

    /// Writes a batch in two passes: first every file row, with all the articles the batch
    /// replaces deleted at once; then the new articles.
    ///
    /// Deleting an article takes its words out of the full-text index through a trigger, and
    /// FTS5 writes what a statement changed as a segment of its own: a delete per changed file
    /// made one tiny segment each (and their merging), most of a re-index's writing.
    func write(_ batch: [ParsedFile], _ db: Database) throws {
        var state = try BatchState(db)
        var fileIDs: [Int64?] = []
        fileIDs.reserveCapacity(batch.count)
        var replaced: [Int64] = []
        for parsed in batch {
            let file = parsed.file
            let fileID: Int64?
            switch parsed.kind {
            case .touched:
                try state.touchFile.execute(arguments: [file.size, file.mtime, file.path])
                fileID = nil
            case .failed(let reason):
                fileID = try Int64.fetchOne(state.upsertFile, arguments: [file.path, file.size, file.mtime, parsed.hash, reason])!
            case .parsed:
                fileID = try Int64.fetchOne(state.upsertFile, arguments: [file.path, file.size, file.mtime, parsed.hash, nil])!
            }
            if let fileID { replaced += try Int64.fetchAll(state.articlesOfFile, arguments: [fileID]) }
            fileIDs.append(fileID)
        }
        try state.deleteArticles(replaced, db)
        // A path listed twice in one batch: the articles its first listing wrote go before the second's.
        var filled = Set<Int64>()
        for (parsed, fileID) in zip(batch, fileIDs) {
            guard let fileID else { continue }
            if filled.contains(fileID) { try state.deleteArticles(ofFile: fileID, db) }
            guard case .parsed(let articles) = parsed.kind else { continue }
            filled.insert(fileID)
            for article in articles { try insert(article, fileID: fileID, &state, db) }
        }
        try state.unindexed.index(db)
    }

    /// Writes one article's row, then its facets, topics and entity mentions.
    private func insert(_ article: PreparedArticle, fileID: Int64, _ state: inout BatchState, _ db: Database) throws {
        // Topic keys and entity ids first: the packed facets go into the article row.
        let (facetTopics, topicsInArticle) = try state.topicKeys(of: article)
        let entityMentions = try state.entityIDs(of: article, fold: fold)
        let facets = PackedFacets.pack(topics: facetTopics, entities: entityMentions.map { UInt32($0.id) })
        let inserted = try Int64.fetchOne(state.insertArticle, arguments: [
            article.id, fileID, article.format, article.title, article.day,
            article.byline, article.url, article.siteName, article.storedText, article.detail,
        ])
        // Another file already holds an article with this id (a feed item seen twice).
        guard let rowid = inserted else { return }
        state.unindexed.add(rowid, text: article.text)
        written.append(InsertedArticle(rowid: rowid, id: article.id, story: article.story))
        state.insertFacets.bind(1, rowid)
        state.insertFacets.bind(2, article.day)
        state.insertFacets.bind(3, facets)
        try state.insertFacets.run(db)
        for topic in topicsInArticle {
            state.insertTopic.bind(1, topic.id)
            state.insertTopic.bind(2, rowid)
            state.insertTopic.bind(3, topic.score)
            state.insertTopic.bind(4, Int64(topic.about ? 1 : 0))
            try state.insertTopic.run(db)
        }
        for mention in entityMentions {
            state.insertMention.bind(1, mention.id)
            state.insertMention.bind(2, rowid)
            state.insertMention.bind(3, Int64(mention.count))
            try state.insertMention.run(db)
        }
    }

    private func fold(_ name: String) -> String {
        if let known = folds[name] { return known }
        let folded = NameFolding.fold(name)
        folds[name] = folded
        return folded
    }
}
