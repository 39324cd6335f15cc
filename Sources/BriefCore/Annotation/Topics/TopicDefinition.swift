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
    /// The score an article must reach; nil for `TopicScoring.threshold`.
    public var threshold: Double?

    public init(id: String, name: String, strong: [String] = [], terms: [String] = [], threshold: Double? = nil) {
        self.id = id
        self.name = name
        self.strong = strong
        self.terms = terms
        self.threshold = threshold
    }
}
