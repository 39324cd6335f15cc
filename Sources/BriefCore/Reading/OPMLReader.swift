// Reads an OPML subscription list (newsboat, Feedly, NetNewsWire exports) into subscriptions.
import CLibXML2
import Foundation

public enum OPMLReader {
    /// What an OPML file offers: the web feeds to subscribe to, and the addresses refused.
    public struct Contents: Sendable, Equatable {
        public var subscriptions: [FeedSubscription]
        /// `xmlUrl`s that are not http or https (`file:`, a local path, `ftp:` …): an OPML file
        /// comes from elsewhere, and a subscription to a local path would be read from disk.
        public var refused: [String]
    }

    /// The web feeds of an OPML file, in document order.
    public static func subscriptions(from data: Data) throws(ReadError) -> [FeedSubscription] {
        try read(data).subscriptions
    }

    /// Every `<outline xmlUrl=…>`, at any nesting depth (folders are flattened), in document order.
    public static func read(_ data: Data) throws(ReadError) -> Contents {
        let document = try FeedDocument(bytes: [UInt8](data))
        guard let root = document.root, root.localName?.lowercased() == "opml" else {
            throw ReadError(.wrongFormat, "not an OPML file (no <opml> root element)")
        }
        var result: [FeedSubscription] = []
        var refused: [String] = []
        var seen: Set<String> = []
        func visit(_ node: xmlNodePtr, depth: Int) {
            guard depth < 32 else { return }
            for child in node.children {
                if child.localName == "outline" {
                    let url = (child.attributeValue("xmlUrl") ?? child.attributeValue("xmlurl"))?.trimmed
                    if let url, !url.isEmpty, seen.insert(url).inserted {
                        guard FeedSubscription.isWeb(url) else {
                            refused.append(url)
                            continue
                        }
                        let name = (child.attributeValue("title") ?? child.attributeValue("text"))?.trimmed
                        result.append(FeedSubscription(url: url, name: name?.isEmpty == false ? name : nil))
                    }
                }
                visit(child, depth: depth + 1)
            }
        }
        visit(root, depth: 0)
        return Contents(subscriptions: result, refused: refused)
    }
}
