// Stories of articles held in memory (`brief list PATH`, `brief DIR`): the same rules as the cache's.

/// One story among articles in memory: its id and its members, best version first.
public struct Story: Hashable, Sendable {
    public var id: String
    /// Indices into the grouped articles, the best version first (see `StoryGrouping.isBetterVersion`).
    public var members: [Int]
}

public enum StoryGrouping {
    /// Groups `articles` in the order given, which for a folder is the order the cache indexes
    /// it in (the paths as given, each directory depth-first in name order): each story is named
    /// after its first member there (`StoryIndex.add`), so a folder read in memory and the same
    /// folder indexed into a cache give every article the same story and every story the same id.
    public static func stories(of articles: [Article], settings: StorySettings = .standard) -> [Story] {
        let features = articles.map { StoryFeatures($0, settings: settings) }
        var index = StoryIndex(settings: settings)
        var members: [String: [Int]] = [:]
        var storyOrder: [String] = []
        for article in articles.indices {
            let story = index.add(features[article], id: articles[article].id).story
            if members[story] == nil { storyOrder.append(story) }
            members[story, default: []].append(article)
        }
        return storyOrder.map { id in
            Story(id: id, members: members[id]!.sorted { isBetterVersion(features[$0], articles[$0].id, than: features[$1], articles[$1].id) })
        }
    }

    /// The best version of a story is the one with the longest kept text, the earliest on a tie
    /// (undated after dated), then the smaller id.
    public static func isBetterVersion(_ a: StoryFeatures, _ aID: String, than b: StoryFeatures, _ bID: String) -> Bool {
        if a.length != b.length { return a.length > b.length }
        switch (a.day, b.day) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return aID < bID
        }
    }
}

extension FilterExpression {
    /// Whether the query asks for a story (`story:ID`): then every version is listed, not one per story.
    public var namesStory: Bool {
        switch self {
        case .story: true
        case .and(let parts), .or(let parts): parts.contains { $0.namesStory }
        case .not(let inner): inner.namesStory
        default: false
        }
    }
}
