// Reads an OPML subscription list (newsboat, Feedly, NetNewsWire exports) into subscriptions.
import CLibXML2
import Foundation

public enum OPMLReader {
    /// Every `<outline xmlUrl=…>`, at any nesting depth (folders are flattened), in document order.
    public static func subscriptions(from data: Data) throws(ReadError) -> [FeedSubscription] {
        let document = try FeedDocument(bytes: [UInt8](data))
        guard let root = document.root, root.localName?.lowercased() == "opml" else {
            throw ReadError("not an OPML file (no <opml> root element)")
        }
        var result: [FeedSubscription] = []
        var seen: Set<String> = []
        func visit(_ node: xmlNodePtr, depth: Int) {
            guard depth < 32 else { return }
            for child in node.children {
                if child.localName == "outline" {
                    let url = (child.attributeValue("xmlUrl") ?? child.attributeValue("xmlurl"))?.trimmed
                    if let url, !url.isEmpty, seen.insert(url).inserted {
                        let name = (child.attributeValue("title") ?? child.attributeValue("text"))?.trimmed
                        result.append(FeedSubscription(url: url, name: name?.isEmpty == false ? name : nil))
                    }
                }
                visit(child, depth: depth + 1)
            }
        }
        visit(root, depth: 0)
        return result
    }
}
