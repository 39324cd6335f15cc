// A page parsed by libxml2's HTML parser: tolerant of tag soup, no network, no external entities.
import CLibXML2
import Foundation

/// Owns one libxml2 HTML tree; the tree is freed with the value.
package final class HTMLDocument {
    let pointer: htmlDocPtr

    /// Options: recover from any tag soup, never touch the network, stay quiet, keep blank text nodes
    /// (the space between two links is text).
    private static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// libxml2 wants one global initialization before parsers run on several threads.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses bytes in `encoding` (an IANA label libxml2 knows; `UTF-8` after our own decoding).
    package init?(bytes: [UInt8], encoding: String = "UTF-8") {
        _ = Self.initialized
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                htmlReadMemory(base, Int32(buffer.count), nil, encoding, Self.options)
            }
        }
        guard let parsed else { return nil }
        pointer = parsed
    }

    deinit { xmlFreeDoc(pointer) }

    var root: xmlNodePtr? { xmlDocGetRootElement(pointer) }
}

/// Small accessors over libxml2 nodes that allocate nothing unless a value is asked for.
extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    /// Whether the element's tag is `name` (lower-case ASCII).
    func isNamed(_ name: StaticString) -> Bool {
        guard let own = pointee.name else { return false }
        return xmlStrEqual(own, name.utf8Start) != 0
    }

    var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

    /// The value of attribute `name` (lower-case ASCII), read straight from the attribute list.
    func attribute(_ name: StaticString) -> String? {
        var attribute = pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, xmlStrcasecmp(attributeName, name.utf8Start) == 0 {
                return Self.text(of: current.pointee.children)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Whether the attribute is present at all (`hidden`, `pubdate`).
    func hasAttribute(_ name: StaticString) -> Bool {
        var attribute = pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, xmlStrcasecmp(attributeName, name.utf8Start) == 0 { return true }
            attribute = current.pointee.next
        }
        return false
    }

    /// The concatenated text of a node list (attribute values are text-node children).
    static func text(of first: xmlNodePtr?) -> String {
        var result = ""
        var node = first
        while let current = node {
            if let content = current.pointee.content { result += String(cString: content) }
            node = current.pointee.next
        }
        return result
    }
}

/// Parse-speed probe for the benchmark: libxml2's HTML tokenizer with SAX callbacks that do nothing (no tree).
package enum HTMLSAXProbe {
    package static func parse(_ bytes: [UInt8]) {
        var handler = htmlSAXHandler()
        handler.startElement = { _, _, _ in }
        handler.endElement = { _, _ in }
        handler.characters = { _, _, _ in }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                guard let context = htmlCreateMemoryParserCtxt(base, Int32(buffer.count)) else { return }
                withUnsafeMutablePointer(to: &handler) { pointer in
                    let original = context.pointee.sax
                    context.pointee.sax = UnsafeMutablePointer(OpaquePointer(pointer))
                    _ = htmlCtxtUseOptions(context, Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue))
                    htmlParseDocument(context)
                    context.pointee.sax = original
                }
                if let document = context.pointee.myDoc { xmlFreeDoc(document) }
                htmlFreeParserCtxt(context)
            }
        }
    }
}
