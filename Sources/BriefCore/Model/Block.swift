// What readers produce: a document as typed blocks, before any cleaning.

/// The role a block of text plays in a document, as far as its reader can tell.
public enum BlockKind: String, Codable, Sendable, CaseIterable {
    case title
    case dateline
    case byline
    case paragraph
    case heading
    case listItem
    case quote
    case tableRow
    case caption
    /// Code or preformatted text.
    case preformatted
    /// A deck, standfirst or key-points box: the article's summary, not its body.
    case summary
}

/// One block of a document with the features its format knows.
public struct Block: Hashable, Sendable {
    public var kind: BlockKind
    public var text: String
    /// Share of the text inside links (0...1); nil when the format cannot tell (plain text).
    public var linkDensity: Double?
    /// A hint from the reader's own structural pass (an HTML container classed
    /// `related` or `share`, say): cleaning takes it as a certain rule.
    public var removalHint: RemovalReason?
    /// The block's container path or section, when the format has one (HTML: tag path).
    public var container: String?

    public init(kind: BlockKind, text: String, linkDensity: Double? = nil,
                removalHint: RemovalReason? = nil, container: String? = nil) {
        self.kind = kind
        self.text = text
        self.linkDensity = linkDensity
        self.removalHint = removalHint
        self.container = container
    }
}

/// A document as a reader sees it: metadata it could find, and the body blocks in order.
public struct RawDocument: Sendable {
    public var source: String
    public var format: ArticleFormat
    public var title: String?
    public var date: ArticleDate?
    public var byline: String?
    public var url: String?
    public var siteName: String?
    /// The document's language as declared (`<html lang>`, a feed's language), when known.
    public var language: String? = nil
    /// The deck, standfirst or key points, when the format marks them (one line each).
    public var summary: String? = nil
    /// Whether a picture's caption in the blocks is part of the story. A text article's captions
    /// are lines its author wrote into it; a page read for its story (HTML, or a page dumped as
    /// text) leaves them out unless its reader was told to keep them
    /// (`HTMLExtractionSettings.keepsCaptions`).
    public var captionsAreBody: Bool
    /// Body blocks in document order; the title and date line, once recognized, are not among them.
    public var blocks: [Block]
    /// Blocks the reader itself already removed (script-free but structural boilerplate, say),
    /// with their reasons. Cleaning appends its own decisions.
    public var removed: [RemovedBlock]

    public init(source: String, format: ArticleFormat, title: String? = nil, date: ArticleDate? = nil,
                byline: String? = nil, url: String? = nil, siteName: String? = nil,
                blocks: [Block], removed: [RemovedBlock] = []) {
        self.source = source
        self.format = format
        self.title = title
        self.date = date
        self.byline = byline
        self.url = url
        self.siteName = siteName
        self.blocks = blocks
        self.removed = removed
        self.captionsAreBody = format != .html && format != .pageText
    }
}
