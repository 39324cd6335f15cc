// Reads RSS 0.9x/1.0/2.0 and Atom 1.0: one document per item, bodies through the HTML reader.
import CLibXML2
import Foundation

/// The feed reader: items become documents whose source is the feed plus the item's link or guid.
public struct FeedReader: ArticleReader {
    /// Feeds larger than this are refused: the most `[fetch] max_feed_size_mb` may allow (a
    /// full-text feed of 5,000 items is about 15 MB; the fetcher's default cap is 50 MB).
    public static let maximumInputSize = 64 << 20

    /// How item bodies given as HTML are read (the pipeline's own HTML settings).
    public var html: HTMLExtractionSettings

    public init(html: HTMLExtractionSettings = .standard) {
        self.html = html
    }

    public func read(_ data: Data, source: String) throws(ReadError) -> [RawDocument] {
        documents(for: try parse(data), source: source)
    }

    /// One document per item; `source` is the feed's URL or path.
    public func documents(for feed: ParsedFeed, source: String) -> [RawDocument] {
        feed.items.enumerated().map { index, item in document(for: item, index: index, feed: feed, source: source) }
    }

    /// The feed's own fields and its items, before the bodies are read.
    ///
    /// - Parameter httpCharset: the `charset` of the response's `Content-Type`, for fetched feeds;
    ///   it overrides the XML declaration, as feedparser and browsers let it.
    public func parse(_ data: Data, httpCharset: String? = nil) throws(ReadError) -> ParsedFeed {
        guard data.count <= Self.maximumInputSize else {
            throw ReadError(.tooLarge, "feed is \(data.count >> 20) MB, more than the \(Self.maximumInputSize >> 20) MB limit")
        }
        let bytes = FeedEntityResolver.resolve(FeedCharsetDecoder.utf8(data, httpCharset: httpCharset))
        let document = try FeedDocument(bytes: bytes)
        guard let root = document.root, let rootName = root.localName else { throw ReadError(.malformed, "feed has no root element") }
        var feed: ParsedFeed
        switch rootName {
        case "rss", "RDF": feed = rss(root)
        case "feed": feed = atom(root)
        case "CHANNEL" where root.namespaceURI == nil, "channel" where root.namespaceURI == nil: feed = cdf(root)
        case "html", "HTML": throw ReadError(.wrongFormat, "an HTML page, not a feed")
        default: throw ReadError(.wrongFormat, "not an RSS or Atom feed (root element <\(rootName)>)")
        }
        if document.wasRecovered {
            // A cut feed: only the items whose end tag arrived are whole; recovery invented the rest.
            let complete = FeedDocument.closedItemCount(in: bytes)
            if complete == 0, !feed.items.isEmpty { throw ReadError(.malformed, "truncated or malformed XML (no item is complete)") }
            feed.items = Array(feed.items.prefix(complete))
        }
        return feed
    }

    // MARK: RSS

    private func rss(_ root: xmlNodePtr) -> ParsedFeed {
        var feed = ParsedFeed()
        // RSS 0.9x/2.0 have no namespace, RSS 1.0 and 0.90 their own; a prefixed root (`<r:rss>`) its prefix's.
        let rssNames = FeedNamespace.rss.union([root.namespaceURI ?? ""])
        let channel = root.child("channel", rssNames)
        if let channel {
            feed.title = (channel.childText("title", rssNames) ?? channel.childText("title", FeedNamespace.dc)).map(FeedText.plain)
            feed.link = channel.childText("link", rssNames) ?? alternateLink(channel, FeedNamespace.atom)
            feed.language = channel.childText("language", rssNames) ?? channel.childText("language", FeedNamespace.dc)
        }
        // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
        let itemNodes = (channel?.children ?? []).filter { $0.isElement("item", rssNames) }
            + root.children.filter { $0.isElement("item", rssNames) }
        for node in itemNodes {
            var item = FeedItem()
            item.title = (node.childText("title", rssNames) ?? node.childText("title", FeedNamespace.dc)
                ?? mediaText(node, "title")).map(FeedText.plain)
            let guid = node.child("guid", rssNames)
            item.guid = guid?.text.trimmed
            // An RSS link is its text; some feeds write it Atom's way, as an `href`.
            item.link = node.childText("link", rssNames) ?? alternateLink(node, FeedNamespace.atom)
                ?? node.child("link", rssNames)?.attributeValue("href")?.trimmed.nonEmpty
            if item.link == nil, let guid, guid.attributeValue("isPermaLink") != "false", let value = item.guid, value.hasPrefix("http") {
                item.link = value
            }
            if item.link == nil { item.link = node.attributeValue("about") }
            item.dateText = dateText(node, [
                ("pubDate", rssNames), ("date", FeedNamespace.dc), ("modified", FeedNamespace.dcterms),
                ("created", FeedNamespace.dcterms), ("issued", FeedNamespace.dcterms),
                ("published", FeedNamespace.atom), ("updated", FeedNamespace.atom),
            ])
            let author = node.childText("author", rssNames) ?? node.childText("creator", FeedNamespace.dc)
                ?? node.childText("author", FeedNamespace.dc) ?? node.child("author", FeedNamespace.atom).flatMap(atomPerson)
                ?? node.childText("author", FeedNamespace.itunes)
            item.author = author.map { FeedText.plain(FeedText.authorName($0)) }
            let full = node.childText("encoded", FeedNamespace.content)
                ?? (node.child("body", FeedNamespace.xhtml) ?? node.child("body", rssNames))?.innerXML.nonEmpty
                ?? node.children.first(where: { $0.localName == "fullitem" })?.text.trimmed.nonEmpty
            let description = node.childText("description", rssNames) ?? node.childText("description", FeedNamespace.dc)
                ?? node.childText("summary", FeedNamespace.itunes) ?? mediaDescriptionHTML(node)
            // A description is HTML, escaped or not, even when it holds no tag (`don&#146;t`).
            item.contentHTML = full ?? description.map(FeedText.html(fromUntagged:))
            item.isSummaryOnly = full == nil
            for enclosure in node.children where enclosure.isElement("enclosure", rssNames) {
                if let url = enclosure.attributeValue("url") {
                    item.enclosures.append(FeedEnclosure(url: url, type: enclosure.attributeValue("type"),
                                                         length: enclosure.attributeValue("length").flatMap { Int($0) }))
                }
            }
            feed.items.append(item)
        }
        return feed
    }

    /// The first date among `candidates` that reads; else the first one given (so its failure is reported).
    private func dateText(_ node: xmlNodePtr, _ candidates: [(String, Set<String>)]) -> String? {
        let texts = candidates.compactMap { node.childText($0.0, $0.1) }
        return texts.first { FeedDateParser.parse($0) != nil } ?? texts.first
    }

    // MARK: Atom

    private func atom(_ root: xmlNodePtr) -> ParsedFeed {
        var feed = ParsedFeed()
        let atomNames = FeedNamespace.atom.union([root.namespaceURI ?? ""])
        feed.title = root.child("title", atomNames).map { atomText($0) }
        feed.link = alternateLink(root, atomNames)
        feed.language = root.attributeValue("lang")
        let feedAuthor = root.child("author", atomNames).flatMap(atomPerson)
        for node in root.children where node.isElement("entry", atomNames) {
            var item = FeedItem()
            item.title = node.child("title", atomNames).map { atomText($0) }
            item.guid = node.childText("id", atomNames)
            // An entry with no link is often identified by its page's address.
            item.link = alternateLink(node, atomNames) ?? item.guid.flatMap(FeedText.webAddress)
            item.dateText = dateText(node, [
                ("published", atomNames), ("updated", atomNames), ("issued", atomNames), ("modified", atomNames),
                ("created", atomNames), ("date", FeedNamespace.dc),
            ])
            let author = node.child("author", atomNames).flatMap(atomPerson)
                ?? node.child("source", atomNames)?.child("author", atomNames).flatMap(atomPerson) ?? feedAuthor
            item.author = author.map(FeedText.plain)
            let content = node.children.first { $0.isElement("content", atomNames) && $0.attributeValue("src") == nil }
            let summary = node.child("summary", atomNames)
            if let body = content ?? summary { item.contentHTML = atomHTML(body) } else { item.contentHTML = mediaDescriptionHTML(node) }
            item.isSummaryOnly = content == nil
            for link in node.children where link.isElement("link", atomNames) && link.attributeValue("rel") == "enclosure" {
                if let url = link.attributeValue("href") {
                    item.enclosures.append(FeedEnclosure(url: url, type: link.attributeValue("type"),
                                                         length: link.attributeValue("length").flatMap { Int($0) }))
                }
            }
            feed.items.append(item)
        }
        return feed
    }

    // MARK: Media RSS

    /// A Media RSS `media:title` or `media:description` of the item or its `media:group`.
    private func mediaText(_ node: xmlNodePtr, _ name: String) -> String? {
        node.childText(name, FeedNamespace.media) ?? node.child("group", FeedNamespace.media)?.childText(name, FeedNamespace.media)
    }

    /// The Media RSS description as HTML: `type="html"` is HTML, else it is plain text.
    private func mediaDescriptionHTML(_ node: xmlNodePtr) -> String? {
        guard let text = mediaText(node, "description") else { return nil }
        let element = node.child("description", FeedNamespace.media)
            ?? node.child("group", FeedNamespace.media)?.child("description", FeedNamespace.media)
        return element?.attributeValue("type") == "html" ? FeedText.html(fromUntagged: text) : FeedText.html(fromPlain: text)
    }

    // MARK: CDF

    /// Microsoft's Channel Definition Format (IE 4's "active channels"): `<CHANNEL HREF>` holding
    /// `<ITEM HREF LASTMOD>` with `<TITLE>` and `<ABSTRACT>`; relative addresses against `BASE`.
    private func cdf(_ root: xmlNodePtr) -> ParsedFeed {
        func element(_ node: xmlNodePtr, _ name: String) -> xmlNodePtr? {
            node.children.first { $0.localName?.uppercased() == name && $0.namespaceURI == nil }
        }
        func text(_ node: xmlNodePtr, _ name: String) -> String? { element(node, name)?.text.trimmed.nonEmpty }
        func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
            (node.attributeValue(name) ?? node.attributeValue(name.lowercased()))?.trimmed.nonEmpty
        }
        func address(_ href: String?, base: String?) -> String? {
            guard let href else { return nil }
            guard let base, let baseURL = URL(string: base), let url = URL(string: href, relativeTo: baseURL) else { return href }
            return url.absoluteString
        }
        var feed = ParsedFeed()
        feed.title = text(root, "TITLE").map(FeedText.plain)
        let base = attribute(root, "BASE")
        feed.link = address(attribute(root, "HREF"), base: base)
        // Channels nest; their items are read in document order, a bounded depth down.
        func gather(_ channel: xmlNodePtr, base: String?, depth: Int) {
            guard depth < 8 else { return }
            for node in channel.children where node.namespaceURI == nil {
                switch node.localName?.uppercased() {
                case "ITEM":
                    var item = FeedItem()
                    item.title = text(node, "TITLE").map(FeedText.plain)
                    item.link = address(attribute(node, "HREF"), base: attribute(node, "BASE") ?? base)
                    item.dateText = attribute(node, "LASTMOD")
                    item.contentHTML = text(node, "ABSTRACT").map(FeedText.html(fromUntagged:))
                    feed.items.append(item)
                case "CHANNEL":
                    gather(node, base: attribute(node, "BASE") ?? base, depth: depth + 1)
                default:
                    break
                }
            }
        }
        gather(root, base: base, depth: 0)
        return feed
    }

    /// An Atom person: the name, else the email (never the `uri`); a bare `<author>Name</author>`
    /// as some Atom 0.3 feeds write it.
    private func atomPerson(_ node: xmlNodePtr) -> String? {
        let names = FeedNamespace.atom.union([node.namespaceURI ?? ""])
        if let person = node.childText("name", names) ?? node.childText("email", names) { return person }
        return node.children.isEmpty ? node.text.trimmed.nonEmpty : nil
    }

    /// The page a feed or entry points at: `rel="alternate"` or a link with no rel, never `self`,
    /// `enclosure`, `license`, `via`, `related` and the like.
    private func alternateLink(_ node: xmlNodePtr, _ names: Set<String>) -> String? {
        // Some feeds write the address as the link's text instead of its `href`.
        func address(_ link: xmlNodePtr) -> String? { (link.attributeValue("href") ?? link.text).trimmed.nonEmpty }
        let links = node.children.filter { $0.isElement("link", names) && address($0) != nil }
        let alternates = links.filter { ($0.attributeValue("rel")?.trimmed.lowercased() ?? "alternate") == "alternate" }
        let page = alternates.first { ($0.attributeValue("type") ?? "text/html").lowercased().contains("html") } ?? alternates.first
        return page.flatMap(address)
    }

    /// The kind of an Atom text construct, from Atom 1.0's `type` or Atom 0.3's MIME type and `mode`.
    private enum TextKind { case text, html, xhtml }

    private func textKind(_ node: xmlNodePtr) -> TextKind {
        let type = node.attributeValue("type")?.trimmed.lowercased()
        switch type {
        case "html", "text/html": return .html
        case "xhtml", "application/xhtml+xml": return node.attributeValue("mode") == "escaped" ? .html : .xhtml
        default:
            if node.attributeValue("mode") == "escaped" { return .html }
            if node.attributeValue("mode") == "xml" { return .xhtml }
            return .text
        }
    }

    /// The construct's characters: base64-decoded for Atom 0.3's `mode="base64"` and for Atom 1.0's
    /// MIME types that are neither text nor XML (RFC 4287 4.1.3.3).
    private func constructText(_ node: xmlNodePtr) -> String {
        let type = node.attributeValue("type")?.trimmed.lowercased() ?? "text"
        let binaryType = type.contains("/") && !type.hasPrefix("text/") && !type.hasSuffix("+xml") && !type.hasSuffix("/xml")
        guard node.attributeValue("mode") == "base64" || (binaryType && node.attributeValue("mode") == nil) else { return node.text }
        let compact = node.text.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: compact) else { return node.text }
        return String(decoding: data, as: UTF8.self)
    }

    /// An Atom text construct as plain text (titles): `type="text"` is characters, `<blink>` included.
    private func atomText(_ node: xmlNodePtr) -> String {
        switch textKind(node) {
        case .html: FeedText.plain(constructText(node))
        case .xhtml: FeedText.plain(node.innerXML)
        case .text: FeedText.clean(constructText(node))
        }
    }

    /// An Atom content or summary as HTML.
    private func atomHTML(_ node: xmlNodePtr) -> String {
        switch textKind(node) {
        case .xhtml: node.innerXML
        case .text: FeedText.html(fromPlain: constructText(node))
        case .html: constructText(node)
        }
    }

    // MARK: Documents

    private func document(for item: FeedItem, index: Int, feed: ParsedFeed, source: String) -> RawDocument {
        let identity = item.link ?? item.guid ?? "item-\(index + 1)"
        let itemSource = "\(source)#\(identity)"
        var document = RawDocument(source: itemSource, format: .feed, blocks: [])
        if let html = item.contentHTML, !html.trimmed.isEmpty {
            // The HTML's own references read as in the feed (`&#146;` is ’, `&hellip;` from the HTML5 table).
            let markup = Data(FeedEntityResolver.resolve(Array(html.utf8)))
            if let body = try? HTMLArticleReader(selectsMainContent: false, settings: self.html).document(from: markup, source: itemSource) {
                document.blocks = body.blocks
                document.removed = body.removed
            }
        }
        for enclosure in item.enclosures {
            document.blocks.append(Block(kind: .caption, text: enclosure.description))
        }
        // An untitled item is listed by its first paragraph (never an enclosure line), else its feed.
        document.title = item.title ?? document.blocks.first { $0.kind != .caption }?.text ?? feed.title
        document.date = item.dateText.flatMap(FeedDateParser.parse)
        if let dateText = item.dateText, document.date == nil {
            // No guess at the day: the date stays empty and the reason is kept with the removed text.
            document.removed.append(RemovedBlock(text: "Date not understood, left empty: \(FeedText.clean(dateText))",
                                                 reason: .metadata, position: 0))
        }
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
        String(FNV1a.hash("\(title ?? "")\u{1}\(contentHTML ?? "")"), radix: 16)
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
            if collector.collect(utf8: FeedEntityResolver.resolve(Array("<html><body><p>\(text)</p></body></html>".utf8))) {
                let decoded = collector.blocks.map(\.text).joined(separator: " ")
                // The collector keeps no block of punctuation only: a title that is only `&` (`<b>&amp;</b>`)
                // is still that title.
                value = decoded.trimmed.isEmpty ? characters(ofMarkup: text) : decoded
            }
        }
        return clean(value)
    }

    /// Markup's characters: tags left out, character references and entities decoded.
    static func characters(ofMarkup markup: String) -> String {
        var text = ""
        var inTag = false
        for character in markup {
            switch character {
            case "<": inTag = true
            case ">" where inTag: inTag = false
            default: if !inTag { text.append(character) }
            }
        }
        // Every reference is now `&#xH;` or one of XML's five entities.
        let resolved = String(decoding: FeedEntityResolver.resolve(Array(text.utf8)), as: UTF8.self)
        var result = ""
        var rest = Substring(resolved)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else { break }
            let name = rest[rest.index(after: ampersand)..<semicolon]
            let xmlEntities: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let value = xmlEntities[name] {
                result += value
            } else if name.hasPrefix("#x"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += rest[ampersand...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    /// The text when it is an http(s) address (an Atom id that names the entry's page).
    static func webAddress(_ text: String) -> String? {
        let lowered = text.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") ? text : nil
    }

    /// Whitespace collapsed and control characters dropped; nothing else changes.
    /// (Only ASCII white space and line breaks collapse: a no-break or thin space from an entity is text.)
    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { ($0.isASCII && $0.isWhitespace) || $0.isNewline }).joined(separator: " ")
            .unicodeScalars.filter { $0.properties.generalCategory != .control }.map(String.init).joined()
    }

    /// Plain text as HTML: escaped, with blank lines as paragraph breaks.
    static func html(fromPlain text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let paragraphs = escaped.components(separatedBy: "\n\n").filter { !$0.trimmed.isEmpty }
        return paragraphs.map { "<p>\($0)</p>" }.joined()
    }

    /// An HTML fragment that may hold no tag at all (RSS descriptions): its blank lines become
    /// paragraphs, its entities stay entities.
    static func html(fromUntagged text: String) -> String {
        guard !text.contains("<") else { return text }
        let paragraphs = text.components(separatedBy: "\n\n").filter { !$0.trimmed.isEmpty }
        return paragraphs.map { "<p>\($0)</p>" }.joined()
    }

    /// RSS `author` is `Name (email)`, `email (Name)` or `Name <email>`: the name is what readers want.
    static func authorName(_ text: String) -> String {
        let value = text.trimmed
        if let open = value.firstIndex(of: "("), let close = value.lastIndex(of: ")"), open < close {
            let inside = String(value[value.index(after: open)..<close]).trimmed
            let outside = (String(value[..<open]) + String(value[value.index(after: close)...])).trimmed
            if outside.contains("@"), !inside.isEmpty { return inside }
            if inside.contains("@"), !outside.isEmpty { return outside }
        }
        if let open = value.firstIndex(of: "<"), let close = value.lastIndex(of: ">"), open < close,
           value[open..<close].contains("@") {
            let outside = (String(value[..<open]) + String(value[value.index(after: close)...])).trimmed
            if !outside.isEmpty { return outside.trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")) }
        }
        return value
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
    /// Nil for an empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}

/// The namespaces feed elements are matched by ("" is no namespace): an extension's
/// `szf:description` is not RSS's description, and `atom:link rel="self"` in an RSS item is not its link.
enum FeedNamespace {
    static let rss: Set<String> = [
        "", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/",
        "http://backend.userland.com/rss2", "http://backend.userland.com/rss", "http://blogs.law.harvard.edu/tech/rss",
    ]
    static let atom: Set<String> = ["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"]
    static let dc: Set<String> = ["http://purl.org/dc/elements/1.1/"]
    static let dcterms: Set<String> = ["http://purl.org/dc/terms/"]
    static let content: Set<String> = ["http://purl.org/rss/1.0/modules/content/"]
    static let itunes: Set<String> = ["http://www.itunes.com/dtds/podcast-1.0.dtd"]
    static let media: Set<String> = ["http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss"]
    static let xhtml: Set<String> = ["http://www.w3.org/1999/xhtml"]
}

/// Access to XML elements by local name and namespace.
extension UnsafeMutablePointer where Pointee == xmlNode {
    var localName: String? { pointee.name.map { String(cString: $0) } }

    /// The element's namespace URI, nil when it has none.
    var namespaceURI: String? { pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// True for an element named `name` in one of `namespaces`.
    func isElement(_ name: String, _ namespaces: Set<String>) -> Bool {
        localName == name && namespaces.contains(namespaceURI ?? "")
    }

    /// The first child element named `name` in one of `namespaces`.
    func child(_ name: String, _ namespaces: Set<String>) -> xmlNodePtr? {
        children.first { $0.isElement(name, namespaces) }
    }

    /// The trimmed text of the first such child, nil when absent or empty.
    func childText(_ name: String, _ namespaces: Set<String>) -> String? {
        child(name, namespaces)?.text.trimmed.nonEmpty
    }

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
