// Reads RSS 0.9x/1.0/2.0 and Atom 1.0: one document per item, bodies through the HTML reader.
import CLibXML2
import Foundation

/// The feed reader: items become documents whose source is the feed plus the item's link or guid.
public struct FeedReader: ArticleReader {
    /// Feeds larger than this are refused: the most `[fetch] max_feed_size_mb` may allow (a
    /// full-text feed of 5,000 items is about 15 MB; the fetcher's default cap is 50 MB).
    public static let maximumInputSize = 64 << 20

    public init() {}

    public func read(_ data: Data, source: String) throws(ReadError) -> [RawDocument] {
        documents(for: try parse(data), source: source)
    }

    /// One document per item; `source` is the feed's URL or path.
    public func documents(for feed: ParsedFeed, source: String) -> [RawDocument] {
        feed.items.enumerated().map { index, item in document(for: item, index: index, feed: feed, source: source) }
    }

    /// The feed's own fields and its items, before the bodies are read.
    public func parse(_ data: Data) throws(ReadError) -> ParsedFeed {
        guard data.count <= Self.maximumInputSize else {
            throw ReadError("feed is \(data.count >> 20) MB, more than the \(Self.maximumInputSize >> 20) MB limit")
        }
        let document = try FeedDocument(bytes: [UInt8](data))
        guard let root = document.root, let rootName = root.localName else { throw ReadError("feed has no root element") }
        switch rootName {
        case "rss": return rss(root, rdf: false)
        case "RDF": return rss(root, rdf: true)
        case "feed": return atom(root)
        case "html", "HTML": throw ReadError("an HTML page, not a feed")
        default: throw ReadError("not an RSS or Atom feed (root element <\(rootName)>)")
        }
    }

    // MARK: RSS

    private func rss(_ root: xmlNodePtr, rdf: Bool) -> ParsedFeed {
        var feed = ParsedFeed()
        let channel = root.children.first { $0.localName == "channel" }
        if let channel {
            feed.title = channel.childText("title")
            feed.link = channel.childText("link")
            feed.language = channel.childText("language")
        }
        // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
        let itemNodes = (channel?.children ?? []).filter { $0.localName == "item" } + root.children.filter { $0.localName == "item" }
        for node in itemNodes {
            var item = FeedItem()
            item.title = node.childText("title").map(FeedText.plain)
            item.link = node.childText("link") ?? node.attributeValue("about")
            let guid = node.children.first { $0.localName == "guid" }
            item.guid = guid?.text.trimmed
            if item.link == nil, let guid, guid.attributeValue("isPermaLink") != "false", let value = item.guid, value.hasPrefix("http") {
                item.link = value
            }
            item.dateText = node.childText("pubDate") ?? node.childText("date") ?? node.childText("issued")
                ?? node.childText("published") ?? node.childText("updated")
            item.author = (node.childText("creator") ?? node.childText("author")).map { FeedText.plain(FeedText.authorName($0)) }
            let encoded = node.children.first { $0.localName == "encoded" }?.text.trimmed
            item.contentHTML = (encoded?.isEmpty == false ? encoded : nil) ?? node.childText("description")
            item.isSummaryOnly = encoded == nil
            for enclosure in node.children where enclosure.localName == "enclosure" {
                if let url = enclosure.attributeValue("url") {
                    item.enclosures.append(FeedEnclosure(url: url, type: enclosure.attributeValue("type"),
                                                         length: enclosure.attributeValue("length").flatMap { Int($0) }))
                }
            }
            feed.items.append(item)
        }
        return feed
    }

    // MARK: Atom

    private func atom(_ root: xmlNodePtr) -> ParsedFeed {
        var feed = ParsedFeed()
        feed.title = root.childText("title").map(FeedText.plain)
        feed.link = alternateLink(root)
        feed.language = root.attributeValue("lang")
        for node in root.children where node.localName == "entry" {
            var item = FeedItem()
            item.title = node.children.first { $0.localName == "title" }.map { atomText($0) }.map(FeedText.plain)
            item.link = alternateLink(node)
            item.guid = node.childText("id")
            item.dateText = node.childText("published") ?? node.childText("updated") ?? node.childText("issued")
                ?? node.childText("modified") ?? node.childText("created")
            let author = node.children.first { $0.localName == "author" } ?? root.children.first { $0.localName == "author" }
            item.author = author?.childText("name").map(FeedText.plain)
            let content = node.children.first { $0.localName == "content" && $0.attributeValue("src") == nil }
            let summary = node.children.first { $0.localName == "summary" }
            if let body = content ?? summary { item.contentHTML = atomHTML(body) }
            item.isSummaryOnly = content == nil
            for link in node.children where link.localName == "link" && link.attributeValue("rel") == "enclosure" {
                if let url = link.attributeValue("href") {
                    item.enclosures.append(FeedEnclosure(url: url, type: link.attributeValue("type"),
                                                         length: link.attributeValue("length").flatMap { Int($0) }))
                }
            }
            feed.items.append(item)
        }
        return feed
    }

    private func alternateLink(_ node: xmlNodePtr) -> String? {
        let links = node.children.filter { $0.localName == "link" }
        let alternate = links.first { ($0.attributeValue("rel") ?? "alternate") == "alternate" } ?? links.first
        return alternate?.attributeValue("href")
    }

    /// An Atom text construct as plain text (titles).
    private func atomText(_ node: xmlNodePtr) -> String {
        switch node.attributeValue("type") {
        case "html": FeedText.plain(node.text)
        case "xhtml": FeedText.plain(node.innerXML)
        default: node.text
        }
    }

    /// An Atom content or summary as HTML.
    private func atomHTML(_ node: xmlNodePtr) -> String {
        switch node.attributeValue("type") {
        case "xhtml": node.innerXML
        case "text", nil: FeedText.html(fromPlain: node.text)
        default: node.text
        }
    }

    // MARK: Documents

    private func document(for item: FeedItem, index: Int, feed: ParsedFeed, source: String) -> RawDocument {
        let identity = item.link ?? item.guid ?? "item-\(index + 1)"
        let itemSource = "\(source)#\(identity)"
        var document = RawDocument(source: itemSource, format: .feed, blocks: [])
        if let html = item.contentHTML, !html.trimmed.isEmpty {
            let markup = html.contains("<") ? html : FeedText.html(fromPlain: html)
            if let body = try? HTMLArticleReader(selectsMainContent: false).document(from: Data(markup.utf8), source: itemSource) {
                document.blocks = body.blocks
                document.removed = body.removed
            }
        }
        for enclosure in item.enclosures {
            document.blocks.append(Block(kind: .caption, text: enclosure.description))
        }
        document.title = item.title ?? document.blocks.first?.text ?? feed.title
        document.date = item.dateText.flatMap(NewsDateParser.parse)
        document.byline = item.author
        document.url = item.link
        document.siteName = feed.title
        document.language = feed.language
        return document
    }
}

/// A feed's own fields and its items.
public struct ParsedFeed: Codable, Sendable {
    public var title: String?
    public var link: String?
    public var language: String?
    public var items: [FeedItem] = []

    public init(title: String? = nil, link: String? = nil, items: [FeedItem] = []) {
        self.title = title
        self.link = link
        self.items = items
    }
}

/// One item or entry as the feed gives it.
public struct FeedItem: Codable, Sendable, Hashable {
    public var title: String?
    public var link: String?
    public var guid: String?
    public var dateText: String?
    public var author: String?
    public var contentHTML: String?
    /// True when the item carries only a description or summary, not the full text.
    public var isSummaryOnly = true
    public var enclosures: [FeedEnclosure] = []

    public init(title: String? = nil, link: String? = nil, guid: String? = nil, dateText: String? = nil,
                author: String? = nil, contentHTML: String? = nil) {
        self.title = title
        self.link = link
        self.guid = guid
        self.dateText = dateText
        self.author = author
        self.contentHTML = contentHTML
    }

    /// A digest of what the item says, to recognize an item seen before when it has no guid or link.
    public var contentHash: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(title ?? "")\u{1}\(contentHTML ?? "")".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

/// A podcast episode, a picture: media attached to an item.
public struct FeedEnclosure: Codable, Sendable, Hashable, CustomStringConvertible {
    public var url: String
    public var type: String?
    public var length: Int?

    public var description: String {
        var parts = ["Enclosure:"]
        if let type { parts.append(type) }
        if let length, length > 0 { parts.append(String(format: "%.1f MB", Double(length) / 1_048_576)) }
        parts.append(url)
        return parts.joined(separator: " ")
    }
}

/// Turning feed text fields into plain text or HTML.
enum FeedText {
    /// Tags stripped and entities decoded, whitespace collapsed (titles sometimes carry markup).
    static func plain(_ text: String) -> String {
        var value = text
        if value.contains("<") || value.contains("&") {
            let collector = HTMLBlockCollector()
            if collector.collect(utf8: Array("<html><body><p>\(text)</p></body></html>".utf8)) {
                value = collector.blocks.map(\.text).joined(separator: " ")
            }
        }
        return value.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
            .unicodeScalars.filter { $0.properties.generalCategory != .control }.map(String.init).joined()
    }

    /// Plain text as HTML: escaped, with blank lines as paragraph breaks.
    static func html(fromPlain text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let paragraphs = escaped.components(separatedBy: "\n\n").filter { !$0.trimmed.isEmpty }
        return paragraphs.map { "<p>\($0)</p>" }.joined()
    }

    /// RSS `author` is often `mail@example.com (Jane Doe)`: the name is what readers want.
    static func authorName(_ text: String) -> String {
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close, text.contains("@") {
            return String(text[text.index(after: open)..<close]).trimmed
        }
        return text.trimmed
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// Namespace-agnostic access to XML elements, by local name.
extension UnsafeMutablePointer where Pointee == xmlNode {
    var localName: String? { pointee.name.map { String(cString: $0) } }

    var children: [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var node = pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            node = current.pointee.next
        }
        return result
    }

    /// Text and CDATA below this element, entity references left out (they are never expanded).
    var text: String {
        var result = ""
        func gather(_ first: xmlNodePtr?, depth: Int) {
            guard depth < 64 else { return }
            var node = first
            while let current = node {
                switch current.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { result += String(cString: content) }
                case XML_ELEMENT_NODE:
                    gather(current.pointee.children, depth: depth + 1)
                default:
                    break
                }
                node = current.pointee.next
            }
        }
        gather(pointee.children, depth: 0)
        return result
    }

    /// The trimmed text of the first child element named `name`, nil when absent or empty.
    func childText(_ name: String) -> String? {
        guard let child = children.first(where: { $0.localName == name }) else { return nil }
        let value = child.text.trimmed
        return value.isEmpty ? nil : value
    }

    /// An attribute by local name, any namespace.
    func attributeValue(_ name: String) -> String? {
        var attribute = pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, String(cString: attributeName) == name {
                return UnsafeMutablePointer<xmlNode>.text(of: current.pointee.children)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The children serialized as markup (Atom `type="xhtml"` content).
    var innerXML: String {
        guard let buffer = xmlBufferCreate() else { return text }
        defer { xmlBufferFree(buffer) }
        var node = pointee.children
        while let current = node {
            xmlNodeDump(buffer, pointee.doc, current, 0, 0)
            node = current.pointee.next
        }
        guard let content = xmlBufferContent(buffer) else { return text }
        return String(cString: content)
    }
}
