// The seam behind which entity recognition lives, so a better recognizer can replace the shipped one.

/// Finds named entities in an article's title and kept paragraphs.
public protocol EntityRecognizer: Sendable {
    /// Recognizes entities over a whole document at once, so that document-level
    /// consistency (a later `Sullivan` is `Jake Sullivan`) can apply.
    ///
    /// - Parameters:
    ///   - title: The title, or nil when there is none (raw text input).
    ///   - paragraphs: The kept paragraphs, in order.
    /// - Returns: Spans with `paragraph` -1 for the title, else the paragraph index;
    ///   offsets in Unicode scalars.
    func entities(title: String?, paragraphs: [String]) -> [EntitySpan]

    /// Recognizes entities in a document whose language is already known (`en`, `de`, …;
    /// nil when undecided), so that rules made for one language are not run on another.
    func entities(title: String?, paragraphs: [String], language: String?) -> [EntitySpan]
}

extension EntityRecognizer {
    /// A recognizer that does not distinguish languages reads every document the same way.
    public func entities(title: String?, paragraphs: [String], language: String?) -> [EntitySpan] {
        entities(title: title, paragraphs: paragraphs)
    }
}
