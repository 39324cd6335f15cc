// Fetched feed items on disk (`$XDG_DATA_HOME/brief/feeds/`), so the reader works offline and reopens instantly.
import BriefCore
import Foundation

/// One subscribed feed as last fetched: its validators for conditional GET, its items, its last error.
public struct StoredFeed: Codable, Sendable, Hashable {
    public var url: String
    public var title: String?
    public var link: String?
    public var etag: String?
    public var lastModified: String?
    public var lastFetched: Date?
    /// The last refresh's error, shown until a refresh succeeds.
    public var lastError: String?
    /// Newest first.
    public var items: [FeedItem]

    public init(url: String, items: [FeedItem] = []) {
        self.url = url
        self.items = items
    }

    /// Adds the items not seen before (same guid, link or content), newest first; returns how many were new.
    @discardableResult
    public mutating func merge(_ incoming: [FeedItem]) -> Int {
        var guids = Set(items.compactMap(\.guid))
        var links = Set(items.compactMap(\.link))
        var hashes = Set(items.map(\.contentHash))
        var fresh: [FeedItem] = []
        for item in incoming {
            if let guid = item.guid, guids.contains(guid) { continue }
            if let link = item.link, links.contains(link) { continue }
            let hash = item.contentHash
            if hashes.contains(hash) { continue }
            if let guid = item.guid { guids.insert(guid) }
            if let link = item.link { links.insert(link) }
            hashes.insert(hash)
            fresh.append(item)
        }
        items = fresh + items
        return fresh.count
    }

    /// The stored items as documents, sourced to this feed.
    public var documents: [RawDocument] {
        FeedReader().documents(for: ParsedFeed(title: title, link: link, items: items), source: url)
    }
}

/// The directory of stored feeds, one JSON file per subscription.
public struct FeedStore: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    public init(directories: BriefDirectories) {
        self.init(directory: directories.data.appendingPathComponent("feeds", isDirectory: true))
    }

    /// The file for a feed URL: a readable host part and a hash, so two URLs never share a file.
    public func file(for url: String) -> URL {
        let hash = FNV1a.hash(url)
        let host = URL(string: url)?.host ?? "feed"
        let safeHost = String(host.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0 == "." || $0 == "-" || ("0"..."9").contains($0)) }.prefix(60))
        return directory.appendingPathComponent("\(safeHost.isEmpty ? "feed" : safeHost)-\(String(hash, radix: 16)).json")
    }

    /// The stored feed, or nil when it was never fetched (or its file is unreadable: it is then refetched).
    public func load(url: String) -> StoredFeed? {
        guard let data = FileManager.default.contents(atPath: file(for: url).path) else { return nil }
        return try? Self.decoder.decode(StoredFeed.self, from: data)
    }

    public func save(_ feed: StoredFeed) throws(ReadError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Self.encoder.encode(feed).write(to: file(for: feed.url), options: .atomic)
        } catch {
            throw ReadError(.inaccessible, "cannot save feed \(feed.url) to \(directory.path): \(error.localizedDescription)")
        }
    }

    /// Every stored feed, in file-name order.
    public func all() -> [StoredFeed] {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
            .compactMap { FileManager.default.contents(atPath: $0.path) }
            .compactMap { try? Self.decoder.decode(StoredFeed.self, from: $0) }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
