// A candidate entity found in one line, before document-level consistency settles it.

/// How much evidence stands behind a mention's type.
enum MentionStrength: Int, Comparable, Sendable {
    /// Capitalization only: the type is a default.
    case guess
    /// A context pattern: `X said`, an acronym, `in X`.
    case context
    /// A gazetteer phrase, a title before a name, a first name, an organization suffix.
    case strong

    static func < (a: MentionStrength, b: MentionStrength) -> Bool { a.rawValue < b.rawValue }
}

/// A span of tokens in one line with its type.
struct EntityMention: Sendable {
    var line: Int
    /// Token indices, half-open.
    var first: Int
    var end: Int
    var type: EntityType
    /// The gazetteer's or the document's canonical name; nil for the text itself.
    var canonical: String?
    var strength: MentionStrength
    /// A guess in a headline, where capitals say nothing: kept only if the document confirms it.
    var needsConfirmation = false
    /// Named by a country entry of the gazetteer.
    var national = false
    /// A team in a results table: elsewhere in the document the same name is the team too.
    var team = false
}

/// How a line is cased, which decides how much capitals tell.
enum LineCasing: Sendable {
    /// Ordinary sentences: a capital inside a sentence marks a name.
    case prose
    /// A Title-Case or ALL-CAPS headline: capitals mark nothing.
    case headline
}

/// One title or paragraph line, tokenized.
struct EntityLine: Sendable {
    var paragraph: Int
    var scalars: [UInt32]
    var tokens: [EntityToken]
    var casing: LineCasing
    /// Numbers in the line: two or more and a name before a number is a team in a results table.
    var numbers = 0
}
