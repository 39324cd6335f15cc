// One subscribed feed: what `[[feeds]]` in config.toml and an OPML export both describe.
import Foundation

/// One subscribed feed.
public struct FeedSubscription: Codable, Hashable, Sendable {
    /// The feed's http(s) URL (or a local path, for testing and offline feeds).
    public var url: String
    /// A name to show instead of the feed's own title.
    public var name: String?
    /// Fetch and extract the linked page when an item carries only a summary.
    public var full: Bool?

    public init(url: String, name: String? = nil, full: Bool? = nil) {
        self.url = url
        self.name = name
        self.full = full
    }

    public var wantsFullText: Bool { full ?? false }

    /// Whether `address` is an http(s) URL with a host: the only links Brief fetches.
    public static func isWeb(_ address: String) -> Bool {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return false
        }
        return !(url.host ?? "").isEmpty
    }
}
