// Compiles the filter language's syntax tree to one SQL condition, so the database answers every query.
import BriefCore
import GRDB

/// A boolean SQL expression over the `article` table aliased `a`, with its arguments.
///
/// Every condition is two-valued (never NULL), so `NOT` means what the filter language means.
package struct SQLCondition: Sendable {
    package var sql: String
    package var arguments: StatementArguments

    package init(_ sql: String, _ arguments: StatementArguments = []) {
        self.sql = sql
        self.arguments = arguments
    }
}

/// Translates `FilterExpression` to SQL.
///
/// - Words, prefixes and phrases go to the FTS5 index over title and kept text; a subtree made
///   only of them (with AND, OR and NOT under an AND) becomes a single MATCH.
/// - `topic:` (rows with `about = 1`), `mentions:` and entities use the indexed `article_topic` and `entity`/`article_entity` tables.
/// - Dates use the indexed `day` column; undated articles match neither `since:` nor `until:`.
/// - `unread`/`starred` read the state database, attached as `state`.
package enum FilterSQLCompiler {
    package static func condition(for expression: FilterExpression) -> SQLCondition {
        if let match = ftsQuery(for: expression) {
            return SQLCondition("a.rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)", [match])
        }
        switch expression {
        case .all:
            return SQLCondition("1")
        case .word, .phrase:
            preconditionFailure("text leaves always have an FTS query")
        case .topic(let id):
            return SQLCondition("a.rowid IN (SELECT article FROM article_topic WHERE topic = ? AND about = 1)", [id])
        case .mentions(let id):
            return SQLCondition("a.rowid IN (SELECT article FROM article_topic WHERE topic = ?)", [id])
        case .entity(let type, let name):
            if let type {
                return SQLCondition("""
                    a.rowid IN (SELECT ae.article FROM entity e JOIN article_entity ae ON ae.entity = e.id \
                    WHERE e.fold = ? AND e.type = ?)
                    """, [NameFolding.fold(name), type.rawValue])
            }
            return SQLCondition("""
                a.rowid IN (SELECT ae.article FROM entity e JOIN article_entity ae ON ae.entity = e.id WHERE e.fold = ?)
                """, [NameFolding.fold(name)])
        case .since(let date):
            return SQLCondition("(a.day IS NOT NULL AND a.day >= ?)", [date.daysSinceEpoch])
        case .until(let date):
            return SQLCondition("(a.day IS NOT NULL AND a.day <= ?)", [date.daysSinceEpoch])
        case .source(let text):
            let needle = text.lowercased()
            return SQLCondition("""
                (instr(lower(a.id), ?) > 0 OR instr(lower(coalesce(a.url, '')), ?) > 0 \
                OR instr(lower(coalesce(a.site_name, '')), ?) > 0)
                """, [needle, needle, needle])
        case .story(let id):
            return SQLCondition("a.rowid IN (SELECT article FROM article_story WHERE story = ?)", [id])
        case .unread:
            return SQLCondition("a.id NOT IN (SELECT id FROM state.article_flags WHERE read = 1)")
        case .starred:
            return SQLCondition("a.id IN (SELECT id FROM state.article_flags WHERE starred = 1)")
        case .not(let inner):
            let compiled = condition(for: inner)
            return SQLCondition("NOT (\(compiled.sql))", compiled.arguments)
        case .or(let parts):
            return join(parts.map(condition(for:)), with: "OR", empty: "0")
        case .and(let parts):
            let plan = textResolved(ConjunctionPlan(parts))
            let conditions = plan.positives.map(condition(for:)) + plan.negatives.map { condition(for: .not($0)) }
                + (plan.unread ? [condition(for: .unread)] : [])
            return join(conditions, with: "AND", empty: "1")
        }
    }

    /// The plan with its text parts joined first when FTS5 can say them together (it needs a
    /// positive term), and spread among the other parts otherwise; shared by every SQL engine.
    package static func textResolved(_ plan: ConjunctionPlan) -> ConjunctionPlan {
        if let joined = plan.joinedText, ftsQuery(for: joined) != nil { return plan.withTextJoined }
        return plan.withTextSpread
    }

    private static func join(_ conditions: [SQLCondition], with op: String, empty: String) -> SQLCondition {
        guard !conditions.isEmpty else { return SQLCondition(empty) }
        if conditions.count == 1 { return conditions[0] }
        var arguments = StatementArguments()
        for condition in conditions { arguments += condition.arguments }
        return SQLCondition("(" + conditions.map(\.sql).joined(separator: " \(op) ") + ")", arguments)
    }

    /// The FTS5 query for a text-only subtree, or nil when FTS5 cannot say it alone
    /// (a bare NOT, or a NOT that is only ORed).
    package static func ftsQuery(for expression: FilterExpression) -> String? {
        switch expression {
        case .word(let word, let prefix):
            return quoted(word) + (prefix ? "*" : "")
        case .phrase(let phrase):
            return quoted(phrase)
        case .or(let parts):
            guard !parts.isEmpty else { return nil }
            var queries: [String] = []
            for part in parts {
                guard let query = ftsQuery(for: part) else { return nil }
                queries.append("(\(query))")
            }
            return queries.joined(separator: " OR ")
        case .and(let parts):
            var positives: [String] = []
            var negatives: [String] = []
            for part in parts {
                if case .not(let inner) = part {
                    guard let query = ftsQuery(for: inner) else { return nil }
                    negatives.append("(\(query))")
                } else {
                    guard let query = ftsQuery(for: part) else { return nil }
                    positives.append("(\(query))")
                }
            }
            guard !positives.isEmpty else { return nil }
            // FTS5's NOT is binary and left-associative: ((P NOT n1) NOT n2).
            return ([ "(" + positives.joined(separator: " AND ") + ")" ] + negatives).joined(separator: " NOT ")
        default:
            return nil
        }
    }

    /// An FTS5 string: the tokenizer splits it into the same tokens as the indexed text,
    /// so `supply-chain` finds `supply chain` and punctuation cannot break the query.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
