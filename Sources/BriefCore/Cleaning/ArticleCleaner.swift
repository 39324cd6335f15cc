// PLACEHOLDER (skeleton): keeps every block.

/// The outcome of cleaning one document.
public struct CleanedDocument: Sendable {
    public var title: String
    public var date: ArticleDate?
    public var byline: String?
    public var paragraphs: [Block]
    public var removed: [RemovedBlock]
}

public struct ArticleCleaner: Sendable {
    public init() {}
    public func clean(_ document: RawDocument) -> CleanedDocument {
        CleanedDocument(title: document.title ?? "", date: document.date, byline: document.byline,
                        paragraphs: document.blocks, removed: document.removed)
    }
}
