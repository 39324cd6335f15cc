// One topic as its data file defines it: an id, a display name and the terms that signal it.

/// A topic: the terms and phrases whose presence in an article signals it.
///
/// Terms are written in their base form; plurals are added automatically (`missile` also
/// matches `missiles`), hyphens and spaces are interchangeable (`supply-chain`), a trailing
/// `*` matches any word with that beginning (`cyber*`), and `|` lists other forms that count
/// as the same term (`launder|laundered|laundering`, reported as `launder`).
public struct TopicDefinition: Hashable, Sendable {
    /// Lowercase letters, digits and hyphens; what `topic:ID` filters name.
    public var id: String
    public var name: String
    /// Terms that alone are enough to make an article match.
    public var strong: [String]
    /// Terms that support a match: several distinct ones, or one used repeatedly.
    public var terms: [String]
    /// Terms with other common senses (`space`, `rocket`, `visit`): they add to a match only
    /// when a term of `strong` or `terms` fired too, never make one alone.
    public var context: [String]
    /// Words that mark another sense (`fans` for an army of fans, `goals` for a shortage of
    /// goals): a sentence holding one gives this topic no evidence.
    public var against: [String]
    /// The score an article must reach to mention the topic; nil for `TopicScoring.threshold`.
    public var threshold: Double?
    /// The salience an article must reach to be about the topic; nil for `TopicScoring.aboutThreshold`.
    public var about: Double?

    public init(id: String, name: String, strong: [String] = [], terms: [String] = [], context: [String] = [],
                against: [String] = [], threshold: Double? = nil, about: Double? = nil) {
        self.id = id
        self.name = name
        self.strong = strong
        self.terms = terms
        self.context = context
        self.against = against
        self.threshold = threshold
        self.about = about
    }
}
