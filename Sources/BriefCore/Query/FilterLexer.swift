// Splits a filter query into tokens: words, "phrases", field:value pairs, operators and parentheses.

/// Turns query text into `FilterToken`s, or a `QueryError` at the offending column.
struct FilterLexer {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        characters = Array(text)
    }

    mutating func tokens() throws(QueryError) -> [FilterToken] {
        var result: [FilterToken] = []
        while true {
            skipSpaces()
            guard index < characters.count else { return result }
            let start = index
            let character = characters[index]
            switch character {
            case "(":
                index += 1
                result.append(FilterToken(kind: .openParen, position: start))
            case ")":
                index += 1
                result.append(FilterToken(kind: .closeParen, position: start))
            case "\"":
                let phrase = try quoted()
                if index < characters.count, characters[index] == "*" {
                    throw QueryError("'*' works after a word, not after a quoted phrase", position: index)
                }
                result.append(FilterToken(kind: .phrase(phrase), position: start))
            case "-":
                index += 1
                guard index < characters.count, !characters[index].isWhitespace, characters[index] != ")" else {
                    throw QueryError("expected a term after '-'", position: start)
                }
                result.append(FilterToken(kind: .not, position: start))
            default:
                result.append(try word(startingAt: start))
            }
        }
    }

    private mutating func skipSpaces() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    private func endsWord(_ character: Character) -> Bool {
        character.isWhitespace || character == "(" || character == ")" || character == "\""
    }

    /// A bare word, a keyword, or a `field:value` pair.
    private mutating func word(startingAt start: Int) throws(QueryError) -> FilterToken {
        while index < characters.count, !endsWord(characters[index]) {
            if characters[index] == ":" {
                let name = String(characters[start..<index])
                if !name.isEmpty, name.allSatisfy({ $0.isLetter }) {
                    index += 1
                    return try fieldValue(name: name, start: start)
                }
            }
            index += 1
        }
        if index < characters.count, characters[index] == "\"" {
            throw QueryError("a quote cannot start inside a word", position: index)
        }
        let text = String(characters[start..<index])
        try Self.requireStandsAlone(text, position: start)
        switch text {
        case "OR": return FilterToken(kind: .or, position: start)
        case "AND": return FilterToken(kind: .and, position: start)
        case "NOT": return FilterToken(kind: .not, position: start)
        default: break
        }
        let isPrefix = text.hasSuffix("*")
        let body = isPrefix ? String(text.dropLast()) : text
        if FoldedWordTokenizer.tokens(body).isEmpty {
            throw QueryError("nothing to search for in '\(text)'", position: start)
        }
        return FilterToken(kind: .word(body, prefix: isPrefix), position: start)
    }

    private mutating func fieldValue(name: String, start: Int) throws(QueryError) -> FilterToken {
        let valueStart = index
        let value: String
        if index < characters.count, characters[index] == "\"" {
            value = try quoted()
        } else {
            while index < characters.count, !endsWord(characters[index]) { index += 1 }
            value = String(characters[valueStart..<index])
            try Self.requireStandsAlone(value, position: valueStart)
        }
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw QueryError("'\(name):' needs a value", position: valueStart)
        }
        return FilterToken(kind: .field(name: name, value: value, valuePosition: valueStart), position: start)
    }

    /// After a line break or a tab, a word may begin with a combining mark or end with a prepended
    /// concatenation mark (U+0600–U+0605, U+06DD, U+110BD…) and still be a word of its own; printed
    /// back with a space, a parenthesis or a minus beside it, the mark would join that character
    /// and the query would read differently. Such a word is refused here, so every query prints back.
    private static func requireStandsAlone(_ text: String, position: Int) throws(QueryError) {
        let length = text.count
        for separator in [" ", "(", ")", "-"] {
            if (separator + text).count != length + 1 {
                throw QueryError("'\(text)' begins with a combining mark", position: position)
            }
            if (text + separator).count != length + 1 {
                throw QueryError("'\(text)' ends with a mark that joins the next character", position: position)
            }
        }
    }

    /// A quoted string starting at the current `"`; `\"` and `\\` escape.
    private mutating func quoted() throws(QueryError) -> String {
        let open = index
        index += 1
        var text = ""
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, characters[index + 1] == "\"" || characters[index + 1] == "\\" {
                text.append(characters[index + 1])
                index += 2
                continue
            }
            if character == "\"" {
                index += 1
                return text
            }
            text.append(character)
            index += 1
        }
        throw QueryError("unterminated quote", position: open)
    }
}
