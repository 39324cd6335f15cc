// Compiles the filter language to one SQL query returning the matching article rowids, from indexes alone.
import BriefCore
import GRDB

/// The set form of the filter compiler: each leaf becomes a SELECT of rowids answered by an
/// index (topics, entities, days, full text) without touching the article rows, and AND, OR
/// and NOT become INTERSECT, UNION and EXCEPT. At 100,000 articles this avoids probing tens of
/// thousands of article rows per keystroke; `FilterSQLCompiler` (a condition over `a`) stays
/// for paging with ORDER BY in SQL, and both are tested to agree.
package enum FilterSetCompiler {
    /// A SELECT yielding the rowids (possibly repeated) of the matching articles.
    package static func rowids(for expression: FilterExpression) -> SQLCondition {
        if let match = FilterSQLCompiler.ftsQuery(for: expression) {
            return SQLCondition("SELECT rowid FROM article_fts WHERE article_fts MATCH ?", [match])
        }
        switch expression {
        case .all:
            return SQLCondition(everything)
        case .word, .phrase:
            preconditionFailure("text leaves always have an FTS query")
        case .topic(let id):
            return SQLCondition("SELECT article FROM article_topic WHERE topic = ? AND about = 1", [id])
        case .mentions(let id):
            return SQLCondition("SELECT article FROM article_topic WHERE topic = ?", [id])
        case .entity(let type, let name):
            if let type {
                return SQLCondition("""
                    SELECT ae.article FROM entity e JOIN article_entity ae ON ae.entity = e.id WHERE e.fold = ? AND e.type = ?
                    """, [NameFolding.fold(name), type.rawValue])
            }
            return SQLCondition("SELECT ae.article FROM entity e JOIN article_entity ae ON ae.entity = e.id WHERE e.fold = ?",
                                [NameFolding.fold(name)])
        case .since(let date):
            return SQLCondition("SELECT rowid FROM article WHERE day >= ?", [date.daysSinceEpoch])
        case .until(let date):
            return SQLCondition("SELECT rowid FROM article WHERE day <= ?", [date.daysSinceEpoch])
        case .source:
            let condition = FilterSQLCompiler.condition(for: expression)
            return SQLCondition("SELECT a.rowid FROM article a WHERE \(condition.sql)", condition.arguments)
        case .story(let id):
            return SQLCondition("SELECT article FROM article_story WHERE story = ?", [id])
        case .unread:
            return SQLCondition("\(everything) EXCEPT \(readArticles)")
        case .starred:
            return SQLCondition(starredArticles)
        case .not(let inner):
            return compound(first: SQLCondition(everything), [("EXCEPT", rowids(for: inner))])
        case .or(let parts):
            guard let first = parts.first else { return SQLCondition("\(everything) WHERE 0") }
            return compound(first: rowids(for: first), parts.dropFirst().map { ("UNION", rowids(for: $0)) })
        case .and(let parts):
            let plan = FilterSQLCompiler.textResolved(ConjunctionPlan(parts))
            let positives = plan.positives.map(rowids(for:))
            // "Unread" is everything but the few read ones: subtract those, never list all.
            let negatives = plan.negatives.map(rowids(for:)) + (plan.unread ? [SQLCondition(readArticles)] : [])
            let first = positives.first ?? SQLCondition(everything)
            return compound(first: first, positives.dropFirst().map { ("INTERSECT", $0) } + negatives.map { ("EXCEPT", $0) })
        }
    }

    /// Every article, from the narrow facet table (the article table's pages hold the text).
    private static let everything = "SELECT article FROM article_facet"
    /// Marked articles: the marks drive the join (CROSS JOIN keeps that order; the planner,
    /// without statistics for the state database, would scan every article id and probe the
    /// marks, twice as slow at 100,000 articles and 33,000 marks).
    static let readArticles = "SELECT a.rowid FROM state.article_flags f CROSS JOIN article a ON a.id = f.id WHERE f.read = 1"
    static let starredArticles = "SELECT a.rowid FROM state.article_flags f CROSS JOIN article a ON a.id = f.id WHERE f.starred = 1"

    /// `first OP second OP third …`, evaluated left to right; every operand is wrapped as a
    /// plain SELECT so compound operands nest.
    private static func compound(first: SQLCondition, _ rest: [(String, SQLCondition)]) -> SQLCondition {
        guard !rest.isEmpty else { return first }
        var sql = "SELECT * FROM (\(first.sql))"
        var arguments = first.arguments
        for (op, operand) in rest {
            sql += " \(op) SELECT * FROM (\(operand.sql))"
            arguments += operand.arguments
        }
        return SQLCondition(sql, arguments)
    }
}
