// One walk over the libxml2 tree: text blocks with their features, container elements, and page metadata.
import CLibXML2
import Foundation

/// A container element of the page, kept only as a parent link for scoring.
struct HTMLContainer {
    var parent: Int32
    /// A class or id names article content (`entry-content`, `articleBody`).
    var positive: Bool
    /// `article`, `main`, or `itemprop=articleBody`.
    var isArticle: Bool
    /// The element's own verdict as page chrome (by tag, class, id or role); blocks inherit the outermost one.
    var removal: RemovalReason?
    /// `tag.class#id`, filled only when `BRIEF_DEBUG_HTML` is set (for tuning, printed to stderr).
    var label: String? = nil
}

/// A block of text as it stands in the page, before content selection.
struct HTMLTextBlock {
    var kind: BlockKind
    var text: String
    /// Bytes of text (spaces collapsed), and how many of them sit inside links.
    var length: Int
    var linkLength: Int
    /// Sentence punctuation (commas, full stops) seen in the text.
    var punctuation: Int
    /// Innermost container holding the block.
    var container: Int32
    /// Set by content selection when the block sits in page chrome.
    var removal: RemovalReason?
    var isHeading1: Bool

    var linkDensity: Double { length == 0 ? 0 : Double(linkLength) / Double(length) }
}

/// Facts about the page found on the way: `<title>`, `<meta>`, canonical link, JSON-LD, `<time>`.
struct HTMLPageFacts {
    var titleTag: String?
    /// `<meta>` content by lower-cased property, name or itemprop; the first one wins.
    var metas: [String: String] = [:]
    var canonical: String?
    var jsonLD: [String] = []
    var times: [String] = []
    var language: String?
}

/// Walks a parsed page once and produces blocks, containers and facts.
struct HTMLBlockCollector {
    private(set) var blocks: [HTMLTextBlock] = []
    private(set) var containers: [HTMLContainer] = []
    private(set) var facts = HTMLPageFacts()

    private let rules: HTMLBoilerplateRules
    private var tagCache: [UnsafeRawPointer: HTMLTag] = [:]
    private var classCache: [String: HTMLBoilerplateRules.Evidence] = [:]

    private struct Context {
        var container: Int32
        var kind: BlockKind
        var inLink = false
        var inArticle = false
        var isHeading1 = false
        /// Inside a paragraph-like block, where `<br>` is a line break, not a new block.
        var inParagraph = false
    }

    // The block being filled.
    private var buffer: [UInt8] = []
    private var bufferContext: Context?
    private var lastWasSpace = true
    private var linkLength = 0
    private var punctuation = 0

    /// Deepest nesting followed; libxml2 caps depth too, this keeps the Swift stack safe regardless.
    static let maximumDepth = 400

    init(rules: HTMLBoilerplateRules = .shared) { self.rules = rules }

    mutating func collect(_ document: HTMLDocument) {
        guard let root = document.root else { return }
        facts.language = root.attribute("lang")
        containers.append(HTMLContainer(parent: -1, positive: false, isArticle: false, removal: nil))
        let context = Context(container: 0, kind: .paragraph)
        walk(children: root.pointee.children, context: context, depth: 0)
        flush()
    }

    private mutating func tag(_ node: xmlNodePtr) -> HTMLTag {
        guard let name = node.pointee.name else { return .inline }
        let key = UnsafeRawPointer(name)
        if let cached = tagCache[key] { return cached }
        let tag = HTMLTag.table[String(cString: name).lowercased()] ?? .inline
        tagCache[key] = tag
        return tag
    }

    private mutating func walk(children first: xmlNodePtr?, context: Context, depth: Int) {
        guard depth < Self.maximumDepth else { return }
        var node = first
        while let current = node {
            node = current.pointee.next
            if current.isText {
                if let content = current.pointee.content { append(content, context: context) }
                continue
            }
            guard current.isElement else { continue }
            let tag = tag(current)
            switch tag.role {
            case .skip:
                noteSkipped(current)
            case .lineBreak:
                if context.inParagraph { appendSpace() } else { flush() }
            case .inline:
                if isHidden(current) { continue }
                if tag.isLink, current.hasAttribute("href") {
                    var inner = context
                    inner.inLink = true
                    walk(children: current.pointee.children, context: inner, depth: depth + 1)
                } else {
                    if current.isNamed("time") { noteTime(current) }
                    walk(children: current.pointee.children, context: context, depth: depth + 1)
                }
            case .cell:
                if isHidden(current) { continue }
                if holdsBlocks(current) {
                    enterBlock(current, tag: HTMLTag(role: .block), context: context, depth: depth)
                } else {
                    appendSpace()
                    walk(children: current.pointee.children, context: context, depth: depth + 1)
                    appendSpace()
                }
            case .block:
                if isHidden(current) { continue }
                enterBlock(current, tag: tag, context: context, depth: depth)
            }
        }
    }

    private mutating func enterBlock(_ node: xmlNodePtr, tag: HTMLTag, context: Context, depth: Int) {
        flush()
        var inner = context
        // The page's own body carries page-wide classes (`no-sidebars`, `has-comments`): never judged.
        let verdict = node.isNamed("body") ? HTMLElementVerdict(removal: nil, positive: false) : judge(node)
        let isArticle = tag.isArticle || node.attribute("itemprop")?.lowercased() == "articlebody"
        // Elements named as the story itself are never chrome, whatever their other tokens say.
        let removal = isArticle && verdict.removal != .comments ? nil : tag.removal ?? verdict.removal
        var container = HTMLContainer(parent: context.container, positive: verdict.positive, isArticle: isArticle,
                                      removal: removal)
        if HTMLContentSelector.debugging {
            container.label = "\(node.localName ?? "?").\(node.attribute("class") ?? "")#\(node.attribute("id") ?? "")"
        }
        containers.append(container)
        inner.container = Int32(containers.count - 1)
        inner.inArticle = context.inArticle || isArticle
        if let kind = tag.kind {
            // A quote or a list item keeps its kind for the paragraphs inside it.
            if context.kind != .quote && !(context.kind == .listItem && kind == .paragraph) { inner.kind = kind }
            inner.inParagraph = kind != .tableRow
            inner.isHeading1 = tag.isHeading1
        } else if context.kind == .heading || context.kind == .caption {
            inner.kind = context.kind
        } else if context.kind != .quote && context.kind != .listItem {
            inner.kind = .paragraph
            inner.inParagraph = false
        }
        walk(children: node.pointee.children, context: inner, depth: depth + 1)
        flush()
    }

    /// The verdict of the class/id/role tables. Class values repeat across a page and are cached;
    /// ids are unique, short and judged each time.
    private mutating func judge(_ node: xmlNodePtr) -> HTMLElementVerdict {
        let classValue = node.attribute("class")
        let idValue = node.attribute("id")
        let role = node.attribute("role")
        if classValue == nil && idValue == nil && role == nil { return HTMLElementVerdict(removal: nil, positive: false) }
        var evidence = HTMLBoilerplateRules.Evidence()
        if let classValue {
            if let cached = classCache[classValue] {
                evidence = cached
            } else {
                evidence = rules.evidence(classValue: classValue)
                classCache[classValue] = evidence
            }
        }
        if let idValue { evidence.add(rules.evidence(idValue: idValue)) }
        return rules.verdict(evidence, role: role)
    }

    /// Hidden from readers: `hidden`, `aria-hidden="true"`, inline `display:none` / `visibility:hidden`.
    private func isHidden(_ node: xmlNodePtr) -> Bool {
        guard node.pointee.properties != nil else { return false }
        if node.hasAttribute("hidden") { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style") {
            let compact = style.lowercased().filter { $0 != " " }
            if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
        }
        return false
    }

    /// Whether a table cell holds block elements (a layout table) rather than a value.
    private mutating func holdsBlocks(_ node: xmlNodePtr) -> Bool {
        var child = node.pointee.children
        while let current = child {
            if current.isElement {
                let role = tag(current).role
                if role == .block || role == .cell { return true }
            }
            child = current.pointee.next
        }
        return false
    }

    // MARK: Text

    private mutating func append(_ content: UnsafePointer<xmlChar>, context: Context) {
        var pointer = content
        while pointer.pointee != 0 {
            let byte = pointer.pointee
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                appendSpace()
            } else if byte == 0xC2 && pointer[1] == 0xA0 {
                // A no-break space is a space for reading purposes.
                appendSpace()
                pointer += 1
            } else if byte == 0xE2 && pointer[1] == 0x80 && (pointer[2] == 0xA8 || pointer[2] == 0xA9) {
                // Line and paragraph separators (U+2028, U+2029) are spaces inside a block.
                appendSpace()
                pointer += 2
            } else if byte == 0xC2 && pointer[1] >= 0x80 && pointer[1] <= 0x9F {
                // C1 control characters never reach the reader either.
                pointer += 1
            } else if byte < 0x20 || byte == 0x7F {
                // Control characters never reach the reader.
            } else {
                if bufferContext == nil { bufferContext = context }
                buffer.append(byte)
                lastWasSpace = false
                if context.inLink { linkLength += 1 }
                if byte == 0x2C || byte == 0x2E || byte == 0x3B { punctuation += 1 }
            }
            pointer += 1
        }
    }

    private mutating func appendSpace() {
        if !lastWasSpace && !buffer.isEmpty {
            buffer.append(0x20)
            lastWasSpace = true
        }
    }

    private mutating func flush() {
        defer {
            buffer.removeAll(keepingCapacity: true)
            bufferContext = nil
            lastWasSpace = true
            linkLength = 0
            punctuation = 0
        }
        guard let context = bufferContext else { return }
        if buffer.last == 0x20 { buffer.removeLast() }
        let length = buffer.count
        guard length > 0 else { return }
        let text = String(decoding: buffer, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { return }
        blocks.append(HTMLTextBlock(kind: context.kind, text: text, length: length, linkLength: min(linkLength, length),
                                    punctuation: punctuation, container: context.container, removal: nil,
                                    isHeading1: context.isHeading1))
    }

    // MARK: Metadata

    private mutating func noteSkipped(_ node: xmlNodePtr) {
        if node.isNamed("head") {
            var child = node.pointee.children
            while let current = child {
                if current.isElement { noteSkipped(current) }
                child = current.pointee.next
            }
        } else if node.isNamed("meta") {
            guard let content = node.attribute("content") else { return }
            for key in [node.attribute("property"), node.attribute("name"), node.attribute("itemprop")] {
                if let key, !key.isEmpty {
                    let lowered = key.lowercased()
                    if facts.metas[lowered] == nil { facts.metas[lowered] = content }
                }
            }
        } else if node.isNamed("link") {
            if facts.canonical == nil, node.attribute("rel")?.lowercased() == "canonical" {
                facts.canonical = node.attribute("href")
            }
        } else if node.isNamed("title") {
            if facts.titleTag == nil { facts.titleTag = UnsafeMutablePointer<xmlNode>.text(of: node.pointee.children) }
        } else if node.isNamed("script") {
            if node.attribute("type")?.lowercased().contains("ld+json") == true, facts.jsonLD.count < 8 {
                facts.jsonLD.append(UnsafeMutablePointer<xmlNode>.text(of: node.pointee.children))
            }
        }
    }

    private mutating func noteTime(_ node: xmlNodePtr) {
        guard facts.times.count < 8, let value = node.attribute("datetime") else { return }
        facts.times.append(value)
    }
}
