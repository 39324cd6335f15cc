// Small libxml2 helpers shared by the readers, and a parse-speed probe for the benchmark.
import CLibXML2
import Foundation

extension UnsafeMutablePointer where Pointee == xmlNode {
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

/// The floor the benchmark reports: libxml2's HTML tokenizer with SAX callbacks that do nothing.
package enum HTMLSAXProbe {
    package static func parse(_ bytes: [UInt8]) {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return }
        LibXML2Errors.prepareThisThread()
        var handler = htmlSAXHandler()
        handler.startElement = { _, _, _ in }
        handler.endElement = { _, _ in }
        handler.characters = { _, _, _ in }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                guard let context = htmlCreateMemoryParserCtxt(base, Int32(buffer.count)) else { return }
                defer { htmlFreeParserCtxt(context) }
                withUnsafeMutablePointer(to: &handler) { pointer in
                    let original = context.pointee.sax
                    context.pointee.sax = UnsafeMutablePointer(OpaquePointer(pointer))
                    _ = htmlCtxtUseOptions(context, Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
                        | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue))
                    if let utf8 = xmlFindCharEncodingHandler("UTF-8") { xmlSwitchToEncoding(context, utf8) }
                    htmlParseDocument(context)
                    context.pointee.sax = original
                }
                if let document = context.pointee.myDoc { xmlFreeDoc(document) }
                context.pointee.myDoc = nil
            }
        }
    }
}
