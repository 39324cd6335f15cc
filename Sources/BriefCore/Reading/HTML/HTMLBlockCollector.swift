// One pass of libxml2's HTML parser (SAX, no tree): text blocks with their features, containers, page metadata.
import CLibXML2
import Foundation

/// A container element of the page, kept only as a parent link for scoring.
struct HTMLContainer {
    var parent: Int32
    /// A class or id names article content (`entry-content`, `articleBody`).
    var positive: Bool
    /// `article`, `main`, or `itemprop=articleBody`.
    var isArticle: Bool
    /// `main`: the page's main region, which often holds more than the story (lists below it).
    var isMain = false
    /// The element's own verdict as page chrome (by tag, class, id or role); blocks inherit the outermost one.
    var removal: RemovalReason?
    /// The verdict rests on weak evidence and may be voided by content selection.
    var removalIsWeak = false
    /// The verdict comes from the tag itself (`nav`, `footer`, `aside`), not from class, id or role.
    var removalIsByTag = false
    /// The verdict names chrome that is never the story (a cookie banner, a gallery): it is not
    /// voided however much of the page's text the container holds.
    var removalIsCertain = false
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
    /// Inside a `figure` element (its caption, credit, or a label drawn over the picture).
    var inFigure = false
    /// Inside an element named as a caption or credit (`wp-caption-text`, `photo_credit`).
    var inNamedCaption = false
    /// How many of `{ } ; =` the text holds when it has braces and a semicolon, else 0: program
    /// text's signs, counted once here for content selection's script test.
    var scriptMarks = 0

    /// Bytes of the link text the block opens with (0 when it opens with plain text): a teaser's
    /// linked headline before its summary, in one list item.
    var leadingLinkLength = 0

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

/// Streams a page through libxml2's HTML parser and produces blocks, containers and facts.
///
/// No tree is built: start tags, end tags and text arrive as callbacks and a stack of frames
/// stands in for the ancestors. libxml2 balances the calls (auto-closed and void elements get
/// their end calls), so every start is matched by an end.
final class HTMLBlockCollector {
    private(set) var blocks: [HTMLTextBlock] = []
    private(set) var containers: [HTMLContainer] = []
    private(set) var facts = HTMLPageFacts()

    private let rules: HTMLBoilerplateRules
    private var tagCache: [UnsafeRawPointer: HTMLTag] = [:]
    private var classCache: [String: HTMLBoilerplateRules.Evidence] = [:]
    private var screenReaderCache: [String: Bool] = [:]
    private let kindRules = HTMLBlockKindRules.shared
    private var namedKindCache: [String: BlockKind?] = [:]

    private struct Context {
        var container: Int32
        var kind: BlockKind
        var inLink = false
        var inArticle = false
        var isHeading1 = false
        /// Inside a paragraph-like block, where `<br>` is a line break, not a new block.
        var inParagraph = false
        /// Inside a `figure`: a picture's caption, credit or label.
        var inFigure = false
        /// Inside an element whose class or id names a caption or credit.
        var inNamedCaption = false
    }

    /// What an open element changed, restored at its end tag.
    private struct Frame {
        var saved: Context
        var flushesAtEnd: Bool
        var capture: Capture
    }

    /// Text collected for metadata rather than for the body.
    private enum Capture {
        case none, title, jsonLD
    }

    private var context = Context(container: 0, kind: .paragraph)
    private var frames: [Frame] = []
    /// Depth inside a skipped or hidden element; its text and tags are ignored.
    private var skipDepth = 0
    private var capture = Capture.none
    private var captured: [UInt8] = []

    // The block being filled.
    private var buffer: [UInt8] = []
    private var bufferContext: Context?
    private var lastWasSpace = true
    /// A `<br>` was the last thing in the block being filled (spaces aside).
    private var breakPending = false
    private var linkLength = 0
    /// Link bytes at the buffer's start, while no unlinked text has come yet.
    private var leadingLinkLength = 0
    private var opensWithLink = true
    private var punctuation = 0
    /// The current block's `{ } ; =`, and which of `{`, `}`, `;` it has (bits 1, 2, 4).
    private var codeMarks = 0
    private var codeSigns: UInt8 = 0

    /// Reads `<noscript>` bodies as blocks (the stripper must keep them too) instead of skipping them.
    private let readsNoscript: Bool

    init(rules: HTMLBoilerplateRules = .shared, readsNoscript: Bool = false) {
        self.rules = rules
        self.readsNoscript = readsNoscript
    }

    /// Options: recover from any tag soup, never touch the network, stay quiet.
    private static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)

    /// Parses UTF-8 bytes; false when libxml2 could not even start.
    @discardableResult
    func collect(utf8 bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return false }
        containers.append(HTMLContainer(parent: -1, positive: false, isArticle: false, removal: nil))
        var handler = htmlSAXHandler()
        handler.startElement = { user, name, attributes in
            guard let user, let name else { return }
            Unmanaged<HTMLBlockCollector>.fromOpaque(user).takeUnretainedValue().start(name, attributes)
        }
        handler.endElement = { user, _ in
            guard let user else { return }
            Unmanaged<HTMLBlockCollector>.fromOpaque(user).takeUnretainedValue().end()
        }
        let text: charactersSAXFunc = { user, characters, length in
            guard let user, let characters else { return }
            Unmanaged<HTMLBlockCollector>.fromOpaque(user).takeUnretainedValue().characters(characters, Int(length))
        }
        handler.characters = text
        handler.ignorableWhitespace = text
        handler.cdataBlock = text
        LibXML2Errors.prepareThisThread()
        let parsed: Bool = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                guard let parser = htmlCreateMemoryParserCtxt(base, Int32(buffer.count)) else { return false }
                defer { htmlFreeParserCtxt(parser) }
                return withUnsafeMutablePointer(to: &handler) { pointer in
                    let original = parser.pointee.sax
                    parser.pointee.sax = UnsafeMutablePointer(OpaquePointer(pointer))
                    parser.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
                    _ = htmlCtxtUseOptions(parser, Self.options)
                    // The bytes are UTF-8 (decoded by us); a <meta charset> must not switch them.
                    if let handler = xmlFindCharEncodingHandler("UTF-8") { xmlSwitchToEncoding(parser, handler) }
                    htmlParseDocument(parser)
                    parser.pointee.sax = original
                    if let document = parser.pointee.myDoc { xmlFreeDoc(document) }
                    parser.pointee.myDoc = nil
                    return true
                }
            }
        }
        flush()
        return parsed
    }

    private func tag(_ name: UnsafePointer<xmlChar>) -> HTMLTag {
        let key = UnsafeRawPointer(name)
        if let cached = tagCache[key] { return cached }
        let lowered = String(cString: name).lowercased()
        let tag = readsNoscript && lowered == "noscript" ? HTMLTag(role: .block) : HTMLTag.table[lowered] ?? .inline
        tagCache[key] = tag
        return tag
    }

    // MARK: SAX events

    private func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        let attributes = HTMLAttributes(attributes)
        let tag = tag(name)
        var frame = Frame(saved: context, flushesAtEnd: false, capture: capture)
        defer { frames.append(frame) }
        switch tag.role {
        case .skip:
            noteMetadata(name, attributes)
            if xmlStrEqual(name, "head") == 0 { skipDepth = 1 }
        case .lineBreak:
            // Inside a paragraph one `<br>` breaks a line; two in a row (only spaces between) end a
            // paragraph, as pages built from `text<br><br>text` mean it.
            if context.inParagraph && !(breakPending && bufferContext != nil) {
                appendSpace()
                breakPending = bufferContext != nil
            } else {
                flush()
            }
        case .inline:
            if attributes.isHidden || isScreenReaderOnly(attributes) {
                skipDepth = 1
                return
            }
            if xmlStrEqual(name, "html") != 0 {
                facts.language = attributes.lang
            } else if tag.isLink, attributes.hasHref, !attributes.hrefRunsScript {
                // A `javascript:` link is a script's handle on the text, not a way to another page.
                context.inLink = true
            } else if xmlStrEqual(name, "time") != 0, facts.times.count < 8, let value = attributes.datetime {
                facts.times.append(value)
            }
        case .cell:
            if attributes.isHidden {
                skipDepth = 1
                return
            }
            // A cell is a container for scoring (layout tables) but not a block boundary (a data row is one block).
            appendSpace()
            let verdict = judge(attributes)
            containers.append(HTMLContainer(parent: context.container, positive: verdict.positive, isArticle: false,
                                            removal: verdict.removal, removalIsWeak: verdict.isWeak,
                                            removalIsCertain: verdict.isCertain))
            context.container = Int32(containers.count - 1)
        case .block:
            if attributes.isHidden {
                skipDepth = 1
                return
            }
            if xmlStrEqual(name, "html") != 0 { facts.language = attributes.lang }
            enterBlock(name, tag: tag, attributes: attributes)
            frame.flushesAtEnd = true
        }
    }

    private func end() {
        if skipDepth > 0 {
            skipDepth -= 1
            if skipDepth > 0 { return }
        }
        guard let frame = frames.popLast() else { return }
        if frame.flushesAtEnd { flush() }
        if capture != frame.capture { finishCapture() }
        capture = frame.capture
        context = frame.saved
    }

    private func characters(_ characters: UnsafePointer<xmlChar>, _ length: Int) {
        if capture != .none {
            captured.append(contentsOf: UnsafeBufferPointer(start: characters, count: length))
            return
        }
        guard skipDepth == 0 else { return }
        append(characters, length)
    }

    private func enterBlock(_ name: UnsafePointer<xmlChar>, tag: HTMLTag, attributes: HTMLAttributes) {
        flush()
        // The page's own html and body carry page-wide classes (`no-sidebars`, `has-comments`): never judged.
        let isPage = xmlStrEqual(name, "body") != 0 || xmlStrEqual(name, "html") != 0
        let verdict = isPage ? HTMLElementVerdict(removal: nil, positive: false) : judge(attributes)
        let isArticle = tag.isArticle || attributes.itemprop?.lowercased() == "articlebody"
        // Elements named as the story itself are never chrome, whatever their other tokens say.
        var removal = isArticle && verdict.removal != .comments ? nil : tag.removal ?? verdict.removal
        // A quotation named for a social network (`blockquote.twitter-tweet`) is an embedded post the
        // story quotes, not a share button.
        if tag.kind == .quote, removal == .share { removal = nil }
        var isWeak = tag.removal == nil && verdict.isWeak
        if removal == nil, !isArticle, let weak = tag.weakRemoval {
            removal = weak
            isWeak = true
        }
        containers.append(HTMLContainer(parent: context.container, positive: verdict.positive, isArticle: isArticle,
                                        isMain: xmlStrEqual(name, "main") != 0, removal: removal, removalIsWeak: isWeak,
                                        removalIsByTag: tag.removal != nil,
                                        removalIsCertain: removal != nil && removal == verdict.removal && verdict.isCertain))
        context.container = Int32(containers.count - 1)
        context.inArticle = context.inArticle || isArticle
        if xmlStrEqual(name, "figure") != 0 { context.inFigure = true }
        let namedKind = namedKind(attributes)
        // A picture's caption or credit by its class (`wp-caption-text`, `photo_credit`), outside a
        // figure too; an element named as the story is never one.
        if namedKind == .caption, !isArticle { context.inNamedCaption = true }
        if context.kind != .summary, namedKind == .summary {
            // A deck, standfirst or key-points box: every block inside is the summary.
            context.kind = .summary
            context.inParagraph = tag.kind != nil && tag.kind != .tableRow
        } else if let kind = tag.kind {
            // A quote, a summary or a list item keeps its kind for the paragraphs inside it.
            if context.kind != .quote && context.kind != .summary && !(context.kind == .listItem && kind == .paragraph) {
                context.kind = kind
            }
            context.inParagraph = kind != .tableRow
            context.isHeading1 = tag.isHeading1
        } else if context.kind == .heading || context.kind == .caption || context.kind == .summary {
            // Keep the kind of the enclosing heading, caption or summary.
        } else if context.kind != .quote && context.kind != .listItem {
            context.kind = .paragraph
            context.inParagraph = false
        }
    }

    /// The kind a class or id names (`standfirst` a summary, `wp-caption-text` a caption); class values are cached.
    private func namedKind(_ attributes: HTMLAttributes) -> BlockKind? {
        if let id = attributes.id, let kind = kindRules.kind(named: id) { return kind }
        if let testName = attributes.testName, let kind = kindRules.kind(named: testName) { return kind }
        guard let classValue = attributes.classValue else { return nil }
        if let cached = namedKindCache[classValue] { return cached }
        let answer = kindRules.kind(named: classValue)
        namedKindCache[classValue] = answer
        return answer
    }

    /// An inline element only screen readers announce (`span.sr-only`); class values are cached.
    private func isScreenReaderOnly(_ attributes: HTMLAttributes) -> Bool {
        guard let classValue = attributes.classValue else { return false }
        if let cached = screenReaderCache[classValue] { return cached }
        let answer = rules.isScreenReaderOnly(classValue: classValue)
        screenReaderCache[classValue] = answer
        return answer
    }

    /// The verdict of the class/id/role tables. Class values repeat across a page and are cached;
    /// ids are unique, short and judged each time.
    private func judge(_ attributes: HTMLAttributes) -> HTMLElementVerdict {
        if attributes.isEmpty {
            return HTMLElementVerdict(removal: nil, positive: false)
        }
        var evidence = HTMLBoilerplateRules.Evidence()
        if let classValue = attributes.classValue { evidence.add(classEvidence(classValue)) }
        if let id = attributes.id { evidence.add(rules.evidence(idValue: id)) }
        // A component's name reads as a class name would ("related-links", "BylineWrapper").
        if let testName = attributes.testName { evidence.add(classEvidence(testName)) }
        if let label = attributes.ariaLabel { evidence.add(rules.evidence(regionLabel: label)) }
        return rules.verdict(evidence, role: attributes.role)
    }

    /// The evidence of a class value (or a component's name), cached: they repeat across a page.
    private func classEvidence(_ value: String) -> HTMLBoilerplateRules.Evidence {
        if let cached = classCache[value] { return cached }
        let evidence = rules.evidence(classValue: value)
        classCache[value] = evidence
        return evidence
    }

    // MARK: Text

    private func append(_ content: UnsafePointer<xmlChar>, _ length: Int) {
        var index = 0
        while index < length {
            let byte = content[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                appendSpace()
            } else if byte == 0xC2 && index + 1 < length && content[index + 1] == 0xA0 {
                // A no-break space is a space for reading purposes.
                appendSpace()
                index += 1
            } else if byte == 0xE2 && index + 2 < length && content[index + 1] == 0x80
                        && (content[index + 2] == 0xA8 || content[index + 2] == 0xA9) {
                // Line and paragraph separators (U+2028, U+2029) are spaces inside a block.
                appendSpace()
                index += 2
            } else if byte == 0xC2 && index + 1 < length && content[index + 1] >= 0x80 && content[index + 1] <= 0x9F {
                // `Iraq&#146;s` arrives as U+0092: it is read as Windows-1252 (’), as browsers do,
                // not dropped ("Iraqs"); the undefined codes are control characters and go.
                for mapped in HTMLCharsetDecoder.c1ReadingsUTF8[Int(content[index + 1] - 0x80)] { appendPrintable(mapped) }
                index += 1
            } else if (byte == 0xE2 && index + 2 < length && ((content[index + 1] == 0x80 && content[index + 2] == 0x8B)
                        || (content[index + 1] == 0x81 && content[index + 2] == 0xA0)))
                        || (byte == 0xEF && index + 2 < length && content[index + 1] == 0xBB && content[index + 2] == 0xBF) {
                // Zero-width space, word joiner and a stray byte-order mark: invisible, and they split words.
                index += 2
            } else if byte < 0x20 || byte == 0x7F {
                // Control characters never reach the reader.
            } else {
                appendPrintable(byte)
            }
            index += 1
        }
    }

    /// One byte of visible text, counted for the block's link, punctuation and code measures.
    @inline(__always)
    private func appendPrintable(_ byte: UInt8) {
        if bufferContext == nil { bufferContext = context }
        buffer.append(byte)
        lastWasSpace = false
        breakPending = false
        if context.inLink {
            linkLength += 1
            if opensWithLink { leadingLinkLength += 1 }
        } else {
            opensWithLink = false
        }
        if byte == 0x2C || byte == 0x2E || byte == 0x3B { punctuation += 1 }
        switch byte {
        case 0x7B: codeMarks += 1; codeSigns |= 1
        case 0x7D: codeMarks += 1; codeSigns |= 2
        case 0x3B: codeMarks += 1; codeSigns |= 4
        case 0x3D: codeMarks += 1
        default: break
        }
    }

    private func appendSpace() {
        if !lastWasSpace && !buffer.isEmpty {
            buffer.append(0x20)
            lastWasSpace = true
        }
    }

    private func flush() {
        defer {
            buffer.removeAll(keepingCapacity: true)
            bufferContext = nil
            lastWasSpace = true
            breakPending = false
            linkLength = 0
            leadingLinkLength = 0
            opensWithLink = true
            punctuation = 0
            codeMarks = 0
            codeSigns = 0
        }
        guard let owner = bufferContext else { return }
        if buffer.last == 0x20 { buffer.removeLast() }
        guard !buffer.isEmpty else { return }
        let text = String(decoding: buffer, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { return }
        // A list's mark typed into the text ("• <a>Chargers shock Colts</a>") is no prose: a
        // list of links stays a list of links however it is bulleted.
        let length = buffer.count - Self.listMarkLength(text)
        blocks.append(HTMLTextBlock(kind: owner.kind, text: text, length: length, linkLength: min(linkLength, length),
                                    punctuation: punctuation, container: owner.container, removal: nil,
                                    isHeading1: owner.isHeading1, inFigure: owner.inFigure,
                                    inNamedCaption: owner.inNamedCaption, scriptMarks: codeSigns == 7 ? codeMarks : 0,
                                    leadingLinkLength: min(leadingLinkLength, length)))
    }

    /// Bytes of a list mark and its space opening the text ("• ", "» "), or 0.
    private static func listMarkLength(_ text: String) -> Int {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), listMarks.contains(first), scalars.next() == " " else { return 0 }
        return first.utf8.count + 1
    }

    private static let listMarks: Set<Unicode.Scalar> = ["•", "·", "‣", "▪", "■", "►", "▸", "●", "◦", "◆", "»", "›", "→"]

    // MARK: Metadata

    private func noteMetadata(_ name: UnsafePointer<xmlChar>, _ attributes: HTMLAttributes) {
        if xmlStrEqual(name, "meta") != 0 {
            guard let content = attributes.content else { return }
            for key in [attributes.property, attributes.name, attributes.itemprop] {
                if let key, !key.isEmpty {
                    let lowered = key.lowercased()
                    if facts.metas[lowered] == nil { facts.metas[lowered] = content }
                }
            }
        } else if xmlStrEqual(name, "link") != 0 {
            if facts.canonical == nil, attributes.rel?.lowercased() == "canonical" { facts.canonical = attributes.href }
        } else if xmlStrEqual(name, "title") != 0 {
            if facts.titleTag == nil { beginCapture(.title) }
        } else if xmlStrEqual(name, "script") != 0 {
            if attributes.type?.lowercased().contains("ld+json") == true, facts.jsonLD.count < 8 { beginCapture(.jsonLD) }
        }
    }

    private func beginCapture(_ kind: Capture) {
        capture = kind
        captured.removeAll(keepingCapacity: true)
    }

    private func finishCapture() {
        let text = String(decoding: captured, as: UTF8.self)
        switch capture {
        case .title: if facts.titleTag == nil { facts.titleTag = text }
        case .jsonLD: facts.jsonLD.append(text)
        case .none: break
        }
        captured.removeAll(keepingCapacity: true)
    }
}

/// The attributes of one start tag, located once in libxml2's name/value array and turned into
/// strings only when asked for (valid during the start-tag callback only).
private struct HTMLAttributes {
    private typealias Value = UnsafePointer<xmlChar>
    private var classPointer: Value?
    private var idPointer: Value?
    private var rolePointer: Value?
    private var itempropPointer: Value?
    private var langPointer: Value?
    private var datetimePointer: Value?
    private var contentPointer: Value?
    private var propertyPointer: Value?
    private var namePointer: Value?
    private var relPointer: Value?
    private var hrefPointer: Value?
    private var typePointer: Value?
    private var testNamePointer: Value?
    private var ariaLabelPointer: Value?
    private(set) var hasHref = false
    private(set) var isHidden = false

    var classValue: String? { classPointer.map { String(cString: $0) } }
    var id: String? { idPointer.map { String(cString: $0) } }
    var role: String? { rolePointer.map { String(cString: $0) } }
    var itemprop: String? { itempropPointer.map { String(cString: $0) } }
    var lang: String? { langPointer.map { String(cString: $0) } }
    var datetime: String? { datetimePointer.map { String(cString: $0) } }
    var content: String? { contentPointer.map { String(cString: $0) } }
    var property: String? { propertyPointer.map { String(cString: $0) } }
    var name: String? { namePointer.map { String(cString: $0) } }
    var rel: String? { relPointer.map { String(cString: $0) } }
    var href: String? { hrefPointer.map { String(cString: $0) } }
    var type: String? { typePointer.map { String(cString: $0) } }
    /// What a page built from components calls the element for its tests and scripts
    /// (`data-testid="BylineWrapper"`, `data-component="related-links"`): where class names are
    /// generated hashes (`css-1x2y3z`), the only name that says what the element holds.
    var testName: String? { testNamePointer.map { String(cString: $0) } }
    /// The element's accessible name (`aria-label`), which names a page's regions ("Comments").
    var ariaLabel: String? { ariaLabelPointer.map { String(cString: $0) } }
    var isEmpty: Bool {
        classPointer == nil && idPointer == nil && rolePointer == nil && testNamePointer == nil && ariaLabelPointer == nil
    }
    /// A `javascript:` link that opens no page (`javascript:void(0)`, `javascript:toggle()`). One whose
    /// script opens an address (`javascript:popUp('/slideshow/…')`) leads to another page all the same.
    var hrefRunsScript: Bool {
        guard let hrefPointer else { return false }
        var start = hrefPointer
        while start.pointee == 0x20 || start.pointee == 0x0A || start.pointee == 0x09 { start += 1 }
        guard xmlStrncasecmp(start, "javascript:", 11) == 0 else { return false }
        return !Self.opensAddress(String(cString: start + 11))
    }

    /// Whether a script's first quoted argument is an address: a path or an http(s) URL.
    private static func opensAddress(_ script: String) -> Bool {
        guard let open = script.firstIndex(of: "("), let quote = script[open...].dropFirst().first,
              quote == "'" || quote == "\"" else { return false }
        let argument = script[script.index(open, offsetBy: 2)...]
        return argument.hasPrefix("/") || argument.prefix(4).lowercased() == "http"
    }

    init(_ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard var cursor = list else { return }
        while let attribute = cursor.pointee {
            let value = cursor[1]
            cursor += 2
            switch attribute[0] | 0x20 {
            case UInt8(ascii: "c"):
                if xmlStrcasecmp(attribute, "class") == 0 { classPointer = value }
                else if xmlStrcasecmp(attribute, "content") == 0 { contentPointer = value }
            case UInt8(ascii: "i"):
                if xmlStrcasecmp(attribute, "id") == 0 { idPointer = value }
                else if xmlStrcasecmp(attribute, "itemprop") == 0 { itempropPointer = value }
            case UInt8(ascii: "r"):
                if xmlStrcasecmp(attribute, "role") == 0 { rolePointer = value }
                else if xmlStrcasecmp(attribute, "rel") == 0 { relPointer = value }
            case UInt8(ascii: "h"):
                if xmlStrcasecmp(attribute, "href") == 0 { hasHref = true; hrefPointer = value }
                else if xmlStrcasecmp(attribute, "hidden") == 0 { isHidden = true }
            case UInt8(ascii: "a"):
                if xmlStrcasecmp(attribute, "aria-hidden") == 0, let value, xmlStrcasecmp(value, "true") == 0 { isHidden = true }
                else if xmlStrcasecmp(attribute, "aria-label") == 0 { ariaLabelPointer = value }
            case UInt8(ascii: "s"):
                if xmlStrcasecmp(attribute, "style") == 0, let value, Self.hidesElement(value) { isHidden = true }
            case UInt8(ascii: "l"):
                if xmlStrcasecmp(attribute, "lang") == 0 { langPointer = value }
            case UInt8(ascii: "d"):
                if xmlStrcasecmp(attribute, "datetime") == 0 { datetimePointer = value }
                else if Self.namesComponent(attribute) { testNamePointer = value }
            case UInt8(ascii: "p"):
                if xmlStrcasecmp(attribute, "property") == 0 { propertyPointer = value }
            case UInt8(ascii: "n"):
                if xmlStrcasecmp(attribute, "name") == 0 { namePointer = value }
            case UInt8(ascii: "t"):
                if xmlStrcasecmp(attribute, "type") == 0 { typePointer = value }
            default:
                break
            }
        }
    }

    /// `data-testid`, `data-test-id`, `data-component` or `data-qa`.
    private static func namesComponent(_ attribute: UnsafePointer<xmlChar>) -> Bool {
        xmlStrcasecmp(attribute, "data-testid") == 0 || xmlStrcasecmp(attribute, "data-component") == 0
            || xmlStrcasecmp(attribute, "data-qa") == 0 || xmlStrcasecmp(attribute, "data-test-id") == 0
    }

    /// Inline `display:none` or `visibility:hidden`, spaces and case ignored.
    private static func hidesElement(_ style: UnsafePointer<xmlChar>) -> Bool {
        var compact: [UInt8] = []
        var index = 0
        while style[index] != 0 {
            let byte = style[index]
            if byte != 0x20 { compact.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
            index += 1
        }
        func contains(_ literal: String) -> Bool {
            let needle = Array(literal.utf8)
            guard compact.count >= needle.count else { return false }
            return (0...(compact.count - needle.count)).contains { compact[$0..<$0 + needle.count].elementsEqual(needle) }
        }
        return contains("display:none") || contains("visibility:hidden")
    }
}
