// Feed subscriptions as kept in `$XDG_CONFIG_HOME/brief/config.toml`: `[[feeds]]` tables, `[fetch]` limits.
// (The file is read in one place, BriefConfig's ReaderConfig; this only appends to it.)
import BriefCore
import Foundation

/// Extends the subscription list in the config file, leaving everything else in it alone.
public enum SubscriptionConfig {
    /// The names of the `[fetch]` settings, as messages quote them.
    public static let timeoutSetting = "[fetch] timeout"
    public static let deadlineSetting = "[fetch] deadline"
    public static let sizeSetting = "[fetch] max_feed_size_mb"

    /// Appends the subscriptions whose URL is not among `existing` (the file's `[[feeds]]`) as
    /// `[[feeds]]` tables at the end of the file (text appended, nothing rewritten). Returns the
    /// ones added.
    @discardableResult
    public static func append(_ subscriptions: [FeedSubscription], to file: URL,
                              existing: [FeedSubscription]) throws(ReadError) -> [FeedSubscription] {
        var known = Set(existing.map(\.url))
        let added = subscriptions.filter { known.insert($0.url).inserted }
        guard !added.isEmpty else { return [] }
        try ConfigAppender.append(added.map { subscription in
            var table = "[[feeds]]\nurl = \(ConfigAppender.quoted(subscription.url))\n"
            if let name = subscription.name { table += "name = \(ConfigAppender.quoted(name))\n" }
            if let full = subscription.full { table += "full = \(full)\n" }
            return table
        }, to: file)
        return added
    }
}
