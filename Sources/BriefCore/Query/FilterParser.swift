// Builds a FilterExpression from tokens: OR binds loosest, juxtaposition (AND) tighter, NOT / - tightest.
import Foundation

/// A recursive-descent parser for the filter language.
///
/// ```
/// query   := or EOF
/// or      := and ("OR" and)*
/// and     := unary ("AND"? unary)*
/// unary   := ("NOT" | "-") unary | primary
/// primary := "(" or ")" | word | "phrase" | field:value | unread | starred
/// ```
struct FilterParser {
    private let tokens: [FilterToken]
    private let length: Int
    private var index = 0

    /// The fields `field:value` understands.
    static let fields = ["topic", "mentions", "person", "place", "org", "nationality", "entity", "since", "until", "source", "story"]

    init(tokens: [FilterToken], length: Int) {
        self.tokens = tokens
        self.length = length
    }

    static func parse(_ text: String) throws(QueryError) -> FilterExpression {
        var lexer = FilterLexer(text)
        var parser = FilterParser(tokens: try lexer.tokens(), length: text.count)
        return try parser.query()
    }

    private var current: FilterToken? { index < tokens.count ? tokens[index] : nil }

    mutating func query() throws(QueryError) -> FilterExpression {
        guard current != nil else { return .all }
        let expression = try or()
        if let token = current {
            // Only a stray ')' can stop the loops above before the end.
            throw QueryError("unmatched ')'", position: token.position)
        }
        return expression
    }

    private mutating func or() throws(QueryError) -> FilterExpression {
        var parts = [try and()]
        while let token = current, token.kind == .or {
            index += 1
            guard let next = current, startsTerm(next) else {
                throw QueryError("expected a term after OR", position: token.position)
            }
            parts.append(try and())
        }
        return Self.combine(parts, or: true)
    }

    private mutating func and() throws(QueryError) -> FilterExpression {
        guard let first = current else { throw QueryError("expected a term", position: length) }
        guard startsTerm(first) else { throw unexpected(first) }
        var parts = [try unary()]
        while let token = current {
            if token.kind == .and {
                index += 1
                guard let next = current, startsTerm(next) else {
                    throw QueryError("expected a term after AND", position: token.position)
                }
                continue
            }
            guard startsTerm(token) else { break }
            parts.append(try unary())
        }
        return Self.combine(parts, or: false)
    }

    private mutating func unary() throws(QueryError) -> FilterExpression {
        guard let token = current else { throw QueryError("expected a term", position: length) }
        if token.kind == .not {
            index += 1
            guard let next = current, startsTerm(next) else {
                throw QueryError("expected a term to exclude after NOT", position: token.position)
            }
            return .not(try unary())
        }
        return try primary()
    }

    private mutating func primary() throws(QueryError) -> FilterExpression {
        guard let token = current else { throw QueryError("expected a term", position: length) }
        index += 1
        switch token.kind {
        case .openParen:
            guard let next = current else { throw QueryError("missing ')' for this '('", position: token.position) }
            if next.kind == .closeParen {
                throw QueryError("empty parentheses", position: token.position)
            }
            let inner = try or()
            guard let close = current, close.kind == .closeParen else {
                throw QueryError("missing ')' for this '('", position: token.position)
            }
            index += 1
            return inner
        case .word(let word, let prefix):
            if !prefix, word.lowercased() == "unread" { return .unread }
            if !prefix, word.lowercased() == "starred" { return .starred }
            return .word(word, prefix: prefix)
        case .phrase(let phrase):
            guard !FoldedWordTokenizer.tokens(phrase).isEmpty else {
                throw QueryError("nothing to search for in this phrase", position: token.position)
            }
            return .phrase(phrase)
        case .field(let name, let value, let valuePosition):
            return try field(name: name, value: value, position: token.position, valuePosition: valuePosition)
        case .closeParen, .or, .and, .not:
            index -= 1
            throw unexpected(token)
        }
    }

    private func field(name: String, value: String, position: Int, valuePosition: Int) throws(QueryError) -> FilterExpression {
        switch name.lowercased() {
        case "topic": return .topic(value.lowercased())
        case "mentions": return .mentions(value.lowercased())
        case "person": return .entity(.person, value)
        case "place": return .entity(.place, value)
        case "org", "organization", "organisation": return .entity(.organization, value)
        case "nationality": return .entity(.nationality, value)
        case "entity": return .entity(nil, value)
        case "source": return .source(value)
        case "story": return .story(value.lowercased())
        case "since", "until":
            guard let date = Self.date(value) else {
                throw QueryError("'\(value)' is not a date (expected YYYY-MM-DD)", position: valuePosition)
            }
            return name.lowercased() == "since" ? .since(date) : .until(date)
        default:
            let known = Self.fields.map { "\($0):" }.joined(separator: ", ")
            throw QueryError("unknown filter '\(name):' (known: \(known))", position: position)
        }
    }

    /// `YYYY-MM-DD` naming a real day.
    static func date(_ text: String) -> ArticleDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let date = ArticleDate(iso: text) else { return nil }
        var components = DateComponents()
        components.year = date.year
        components.month = date.month
        components.day = date.day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return components.isValidDate(in: calendar) ? date : nil
    }

    private func startsTerm(_ token: FilterToken) -> Bool {
        switch token.kind {
        case .closeParen, .or, .and: return false
        default: return true
        }
    }

    private func unexpected(_ token: FilterToken) -> QueryError {
        switch token.kind {
        case .closeParen: return QueryError("unmatched ')'", position: token.position)
        case .or: return QueryError("OR needs a term before it", position: token.position)
        case .and: return QueryError("AND needs a term before it", position: token.position)
        default: return QueryError("unexpected term", position: token.position)
        }
    }

    /// Flattens nested ANDs or ORs so that equal queries have equal trees.
    static func combine(_ parts: [FilterExpression], or isOr: Bool) -> FilterExpression {
        var flat: [FilterExpression] = []
        for part in parts {
            switch (part, isOr) {
            case (.or(let inner), true), (.and(let inner), false): flat.append(contentsOf: inner)
            default: flat.append(part)
            }
        }
        if flat.count == 1 { return flat[0] }
        return isOr ? .or(flat) : .and(flat)
    }
}
