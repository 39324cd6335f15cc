// A feed parsed by libxml2's XML parser with no network, no entity substitution and no DTD loading.
import CLibXML2
import Foundation

/// Owns one libxml2 XML tree; the tree is freed with the value.
final class FeedDocument {
    let pointer: xmlDocPtr
    /// True when the strict parse failed and the tree comes from libxml2's recovery.
    let wasRecovered: Bool

    /// Safe against billion laughs and XXE: entities are never substituted (no XML_PARSE_NOENT),
    /// no DTD is loaded (no XML_PARSE_DTDLOAD), and the network is off.
    private static let strictOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
    /// Second try for feeds that were cut off (or whose only fault is an undeclared entity); the
    /// reader then keeps only the items whose end tag arrived.
    private static let recoveringOptions = strictOptions | Int32(XML_PARSE_RECOVER.rawValue)

    init(bytes: [UInt8]) throws(ReadError) {
        guard !bytes.isEmpty else { throw ReadError(.empty, "empty feed") }
        guard bytes.count < Int(Int32.max) else { throw ReadError(.tooLarge, "feed too large") }
        var parsed = Self.parse(bytes, options: Self.strictOptions)
        var recovered = false
        if parsed.document == nil, let code = parsed.code, Self.recoverableErrors.contains(code) {
            parsed = Self.parse(bytes, options: Self.recoveringOptions)
            recovered = true
        }
        guard let document = parsed.document else {
            throw ReadError(.malformed, Self.explain(code: parsed.code, message: parsed.message))
        }
        // Feeds never need entity declarations; a DTD that declares them is refused outright.
        if let subset = document.pointee.intSubset, subset.pointee.entities != nil {
            xmlFreeDoc(document)
            throw ReadError(.refused, "feed declares XML entities (a possible entity-expansion bomb); refused")
        }
        pointer = document
        wasRecovered = recovered
    }

    deinit { xmlFreeDoc(pointer) }

    var root: xmlNodePtr? { xmlDocGetRootElement(pointer) }

    private static let recoverableErrors: Set<Int32> = [
        Int32(XML_ERR_UNDECLARED_ENTITY.rawValue), Int32(XML_WAR_UNDECLARED_ENTITY.rawValue),
        Int32(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue),
        // A feed cut short: `</rss` without its `>`, an item never closed, the end missing.
        Int32(XML_ERR_DOCUMENT_END.rawValue), Int32(XML_ERR_TAG_NOT_FINISHED.rawValue),
        Int32(XML_ERR_LTSLASH_REQUIRED.rawValue), Int32(XML_ERR_GT_REQUIRED.rawValue),
        Int32(XML_ERR_TAG_NAME_MISMATCH.rawValue),
    ]

    /// How many items or entries were closed (`</item>`, `</rss:item>`, `</entry>`, CDF `</ITEM>`) in a feed's bytes,
    /// outside CDATA sections and comments.
    static func closedItemCount(in bytes: [UInt8]) -> Int {
        let text = String(decoding: bytes, as: UTF8.self)
        var count = 0
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            let markup = rest[open...]
            if let skipped = ["<![CDATA[": "]]>", "<!--": "-->"].first(where: { markup.hasPrefix($0.key) }) {
                guard let end = markup.range(of: skipped.value) else { break }
                rest = markup[end.upperBound...]
                continue
            }
            rest = markup.dropFirst()
            guard rest.hasPrefix("/") else { continue }
            let name = rest.dropFirst().prefix { $0 != ">" && !$0.isWhitespace }
            let local = name.split(separator: ":").last.map(String.init) ?? ""
            if local == "item" || local == "entry" || local == "ITEM" { count += 1 }
        }
        return count
    }

    private static func parse(_ bytes: [UInt8], options: Int32) -> (document: xmlDocPtr?, code: Int32?, message: String?) {
        LibXML2Errors.prepareThisThread()
        guard let context = xmlNewParserCtxt() else { return (nil, nil, "out of memory") }
        defer { xmlFreeParserCtxt(context) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                xmlCtxtReadMemory(context, base, Int32(buffer.count), nil, nil, options)
            }
        }
        let error = context.pointee.lastError
        let failed = context.pointee.wellFormed == 0 && options & Int32(XML_PARSE_RECOVER.rawValue) == 0
        if failed, let document {
            xmlFreeDoc(document)
            return (nil, Int32(error.code), error.message.map { String(cString: $0) })
        }
        return (document, document == nil ? Int32(error.code) : nil, error.message.map { String(cString: $0) })
    }

    private static func explain(code: Int32?, message: String?) -> String {
        let detail = LibXML2Errors.cleanedReason(message)
        switch code {
        case Int32(XML_ERR_ENTITY_LOOP.rawValue), Int32(XML_ERR_ENTITY_PE_INTERNAL.rawValue):
            return "feed refused: entity expansion loop or bomb (\(detail))"
        case Int32(XML_ERR_DOCUMENT_END.rawValue), Int32(XML_ERR_TAG_NOT_FINISHED.rawValue),
             Int32(XML_ERR_LTSLASH_REQUIRED.rawValue), Int32(XML_ERR_GT_REQUIRED.rawValue):
            return "truncated or malformed XML (\(detail))"
        case Int32(XML_ERR_DOCUMENT_EMPTY.rawValue):
            return "empty feed"
        default:
            return "not well-formed XML (\(detail))"
        }
    }
}
