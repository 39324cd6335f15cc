// Prints a FilterExpression back as query text that parses to the same expression.

extension FilterExpression {
    /// The expression as filter-language text; parsing it gives back an equal expression
    /// (for trees the parser produces: flattened, no `.all` inside).
    public var queryText: String { FilterPrinter.text(self, context: .top) }
}

enum FilterPrinter {
    /// How tightly the surrounding expression binds, to decide on parentheses.
    enum Context: Int { case top = 0, or = 1, and = 2, not = 3 }

    static func text(_ expression: FilterExpression, context: Context) -> String {
        switch expression {
        case .all: return ""
        case .word(let word, let prefix):
            if needsQuoting(word) || (!prefix && isKeyword(word)) { return quote(word) }
            return word + (prefix ? "*" : "")
        case .phrase(let phrase): return quote(phrase)
        case .topic(let id): return "topic:" + value(id)
        case .mentions(let id): return "mentions:" + value(id)
        case .entity(let type, let name): return fieldName(for: type) + ":" + value(name)
        case .since(let date): return "since:\(date)"
        case .until(let date): return "until:\(date)"
        case .source(let source): return "source:" + value(source)
        case .story(let id): return "story:" + value(id)
        case .unread: return "unread"
        case .starred: return "starred"
        case .and(let parts):
            let body = parts.map { text($0, context: .and) }.filter { !$0.isEmpty }.joined(separator: " ")
            return context.rawValue > Context.or.rawValue ? "(\(body))" : body
        case .or(let parts):
            let body = parts.map { text($0, context: .or) }.filter { !$0.isEmpty }.joined(separator: " OR ")
            return context.rawValue > Context.top.rawValue ? "(\(body))" : body
        case .not(let inner):
            return "-" + text(inner, context: .not)
        }
    }

    private static func fieldName(for type: EntityType?) -> String {
        switch type {
        case .person: "person"
        case .place: "place"
        case .organization: "org"
        case .nationality: "nationality"
        case .date, .other, nil: "entity"
        }
    }

    private static func isKeyword(_ word: String) -> Bool {
        ["OR", "AND", "NOT"].contains(word) || ["unread", "starred"].contains(word.lowercased())
    }

    private static func needsQuoting(_ text: String) -> Bool {
        text.isEmpty || text.first == "-" || text.contains(where: { $0.isWhitespace || "()\"".contains($0) })
            || looksLikeField(text)
    }

    /// `name:...` with a letters-only name would be read back as a field.
    private static func looksLikeField(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let name = text[..<colon]
        return !name.isEmpty && name.allSatisfy(\.isLetter)
    }

    private static func value(_ text: String) -> String {
        text.isEmpty || text.contains(where: { $0.isWhitespace || "()\"".contains($0) }) ? quote(text) : text
    }

    private static func quote(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }
}
