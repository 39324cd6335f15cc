// Assigns each article to a story as it arrives: near-duplicates through MinHash LSH buckets,
// same story in other words through title words within a date window, then entities.

/// Why an article joined the story it did.
public enum StoryMatch: Hashable, Sendable {
    /// No earlier article tells this story: it starts one.
    case founded
    /// Its text is a near-duplicate of a member's (estimated Jaccard ≥ the threshold).
    case nearDuplicate
    /// Another text of the same story: title words shared within the date window, and some
    /// shared text or shared names few other articles carry.
    case sameStory
}

/// The stories of the articles added so far, and the indexes that find a new article's story in
/// time independent of the library's size: one bucket lookup per LSH band, and one postings
/// lookup per title word and day of the window.
///
/// Members never change story: an article joins the story of its best match (the earliest-added
/// on a tie), so a story's id, that of its first member, stays the same as articles come in.
public struct StoryIndex: Sendable {
    public let settings: StorySettings
    /// Per member slot: its story and features.
    private var stories: [String] = []
    private var features: [StoryFeatures] = []
    /// Member slots by LSH band key.
    private var buckets = SlotLists()
    /// Member slots by (title word, day).
    private var titlePostings = SlotLists()
    /// Members naming each person, place or organization: how common a name is.
    private var entityArticles = KeyCounts()

    /// Members of one LSH bucket compared with a new article, at most (keeps many copies of one text linear).
    static let bucketScanLimit = 64
    /// Titles of one day sharing a word, above which the word is ignored for that day.
    static let titlePostingLimit = 256

    public init(settings: StorySettings = .standard) {
        self.settings = settings
    }

    /// An index of members whose stories are known (a cache's assignments), in the order they
    /// were added: the same index as inserting them one by one, built at once.
    public init(settings: StorySettings = .standard, features: [StoryFeatures], stories: [String]) {
        precondition(features.count == stories.count)
        self.settings = settings
        self.features = features
        self.stories = stories
        var (bandKeys, bandSlots) = ([UInt64](), [Int32]())
        var (postingKeys, postingSlots) = ([UInt64](), [Int32]())
        var entities: [UInt64] = []
        bandKeys.reserveCapacity(features.count * MinHashShape.bands)
        bandSlots.reserveCapacity(features.count * MinHashShape.bands)
        for (slot, article) in features.enumerated() {
            Self.forEachKey(of: article) { bandKeys.append($0); bandSlots.append(Int32(slot)) } titleKey: {
                postingKeys.append($0); postingSlots.append(Int32(slot))
            }
            entities.append(contentsOf: article.entities)
        }
        buckets = SlotLists(keys: bandKeys, slots: bandSlots)
        titlePostings = SlotLists(keys: postingKeys, slots: postingSlots)
        entityArticles = KeyCounts(counting: entities)
    }

    /// Members added so far.
    public var count: Int { stories.count }

    /// Finds the story of a new article and adds it; `id` names the story when it founds one.
    @discardableResult
    public mutating func add(_ article: StoryFeatures, id: String) -> (story: String, match: StoryMatch) {
        let (story, match) = story(of: article) ?? (StoryID.of(articleID: id), .founded)
        insert(article, story: story)
        return (story, match)
    }

    /// Adds an article whose story is already known (loading a cache's assignments).
    public mutating func insert(_ article: StoryFeatures, story: String) {
        let slot = Int32(stories.count)
        stories.append(story)
        features.append(article)
        Self.forEachKey(of: article) { buckets.append(slot, to: $0) } titleKey: { titlePostings.append(slot, to: $0) }
        for entity in article.entities { entityArticles.count(entity) }
    }

    /// The LSH band keys and the (title word, day) keys an article is found by.
    private static func forEachKey(of article: StoryFeatures, bandKey: (UInt64) -> Void, titleKey: (UInt64) -> Void) {
        if !article.signature.isEmpty {
            for band in 0..<MinHashShape.bands { bandKey(MinHash.bandKey(article.signature, band: band)) }
        }
        if let day = article.day {
            for term in article.titleTerms { titleKey(postingKey(term, day: day)) }
        }
    }

    /// The story an article belongs to among those added, and by which rule; nil when none.
    public func story(of article: StoryFeatures) -> (String, StoryMatch)? {
        if let slot = nearDuplicate(of: article) { return (stories[slot], .nearDuplicate) }
        if let slot = sameStory(as: article) { return (stories[slot], .sameStory) }
        return nil
    }

    private func nearDuplicate(of article: StoryFeatures) -> Int? {
        guard !article.signature.isEmpty else { return nil }
        var seen = Set<Int32>()
        var best: (slot: Int, jaccard: Double)?
        for band in 0..<MinHashShape.bands {
            // A crowded bucket holds copies of one text: its first members stand for the rest.
            for slot in buckets.slots(of: MinHash.bandKey(article.signature, band: band)).prefix(StoryIndex.bucketScanLimit)
            where seen.insert(slot).inserted {
                let jaccard = article.estimatedJaccard(features[Int(slot)])
                guard jaccard >= settings.nearDuplicateJaccard else { continue }
                if best == nil || jaccard > best!.jaccard || (jaccard == best!.jaccard && Int(slot) < best!.slot) {
                    best = (Int(slot), jaccard)
                }
            }
        }
        return best?.slot
    }

    private func sameStory(as article: StoryFeatures) -> Int? {
        guard let day = article.day, article.titleTerms.count >= settings.minSharedTitleTerms,
              !article.signature.isEmpty || article.entities.count >= settings.minSharedEntities else { return nil }
        var shared: [Int32: Int] = [:]
        for term in article.titleTerms {
            for offset in -settings.windowDays...settings.windowDays {
                // A word in that many titles of one day names no particular story.
                let slots = titlePostings.slots(of: Self.postingKey(term, day: day + offset))
                guard slots.count <= StoryIndex.titlePostingLimit else { continue }
                for slot in slots { shared[slot, default: 0] += 1 }
            }
        }
        var best: (slot: Int, score: Int)?
        for (slot, terms) in shared where terms >= settings.minSharedTitleTerms {
            let other = features[Int(slot)]
            let shorter = min(article.titleTerms.count, other.titleTerms.count)
            guard Double(terms) >= settings.minTitleOverlap * Double(shorter) else { continue }
            let entities = Self.sharedCount(article.entities, other.entities)
            guard bodiesAgree(article, other, sharedEntities: entities) else { continue }
            let score = terms + entities
            if best == nil || score > best!.score || (score == best!.score && Int(slot) < best!.slot) {
                best = (Int(slot), score)
            }
        }
        return best?.slot
    }

    /// Whether two texts whose headlines agree tell one story in their bodies too: they share
    /// some text (a version cut to length, a re-issue with paragraphs dropped and added), or
    /// they name the same people, places and organizations, enough of them names few other
    /// articles carry (two outlets' own write-ups of one event). A shared headline is no evidence
    /// alone (recurring headlines, aggregator pages that put other text under a reused
    /// headline), and neither are shared common names ("United States", "Reuters").
    private func bodiesAgree(_ a: StoryFeatures, _ b: StoryFeatures, sharedEntities: Int) -> Bool {
        if a.estimatedJaccard(b) >= settings.sameStoryJaccard { return true }
        return sharedEntities >= settings.minSharedEntities
            && distinctiveSharedCount(a.entities, b.entities) >= settings.minSharedDistinctiveEntities
    }

    /// Names two sorted, distinct arrays share that few members carry (see `StorySettings.commonEntityShare`).
    private func distinctiveSharedCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
        let common = max(Double(settings.commonEntityMinArticles), settings.commonEntityShare * Double(stories.count))
        return Self.sharedCount(a, b) { Double(entityArticles[$0]) <= common }
    }

    private static func postingKey(_ term: UInt64, day: Int) -> UInt64 {
        MinHash.mix(term ^ UInt64(bitPattern: Int64(day)) &* 0x9e37_79b9_7f4a_7c15)
    }

    /// Values two sorted, distinct arrays share (those `counting` accepts).
    static func sharedCount(_ a: [UInt64], _ b: [UInt64], counting: (UInt64) -> Bool = { _ in true }) -> Int {
        var (i, j, count) = (0, 0, 0)
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                if counting(a[i]) { count += 1 }
                i += 1; j += 1
            } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return count
    }
}

/// A story's id: short, stable, and the same wherever its first member is the same.
public enum StoryID {
    /// `s` and 12 hex digits of the hash of the founding article's id.
    public static func of(articleID: String) -> String {
        "s" + ContentHash.of(articleID.utf8).prefix(12)
    }
}
