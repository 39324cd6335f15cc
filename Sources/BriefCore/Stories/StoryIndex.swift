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
    /// Per member slot: its story and features, signature left out (see `signatures`).
    private var stories: [String] = []
    private var features: [StoryFeatures] = []
    /// Per member slot, its signature's `MinHashShape.hashes` values side by side, zeros for a
    /// member with none (no bucket lists it); `isSigned` tells them apart. The near-duplicate
    /// scan compares an article with up to a thousand members added at random long before: held
    /// in each member's features, a signature cost two cache misses to reach (the features, then
    /// its array), and at 1,000,000 articles that was a quarter of the story step.
    private var signatures: [UInt16] = []
    private var isSigned: [Bool] = []
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
        self.stories = stories
        self.features.reserveCapacity(features.count)
        signatures.reserveCapacity(features.count * MinHashShape.hashes)
        isSigned.reserveCapacity(features.count)
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
            appendMember(article)
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
        appendMember(article)
        Self.forEachKey(of: article) { buckets.append(slot, to: $0) } titleKey: { titlePostings.append(slot, to: $0) }
        for entity in article.entities { entityArticles.count(entity) }
    }

    /// Keeps a member's features, its signature in `signatures`.
    private mutating func appendMember(_ article: StoryFeatures) {
        var unsigned = article
        unsigned.signature = []
        features.append(unsigned)
        if article.signature.count == MinHashShape.hashes {
            for value in article.signature { signatures.append(UInt16(truncatingIfNeeded: value)) }
            isSigned.append(true)
        } else {
            signatures.append(contentsOf: repeatElement(0, count: MinHashShape.hashes))
            isSigned.append(false)
        }
    }

    /// The share of an article's signature a member's agrees with: the MinHash estimate of their
    /// texts' Jaccard similarity. The member must have a signature (any a bucket lists has).
    private func estimatedJaccard(_ article: StoryFeatures, signedMember slot: Int) -> Double {
        let start = slot * MinHashShape.hashes
        var equal = 0
        signatures.withUnsafeBufferPointer { member in
            article.signature.withUnsafeBufferPointer { own in
                for index in 0..<MinHashShape.hashes where UInt32(member[start + index]) == own[index] { equal += 1 }
            }
        }
        return Double(equal) / Double(MinHashShape.hashes)
    }

    /// The estimate of `estimatedJaccard(_:signedMember:)`, 0 when either has no signature.
    private func estimatedJaccard(_ article: StoryFeatures, member slot: Int) -> Double {
        guard isSigned[slot], article.signature.count == MinHashShape.hashes else { return 0 }
        return estimatedJaccard(article, signedMember: slot)
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
        guard article.signature.count == MinHashShape.hashes else { return nil }
        // A member in several of the article's buckets is compared once: the candidates are
        // sorted, which also visits them in slot order (a Set of them cost more than the sort).
        var candidates: [Int32] = []
        for band in 0..<MinHashShape.bands {
            // A crowded bucket holds copies of one text: its first members stand for the rest.
            buckets.appendSlots(of: MinHash.bandKey(article.signature, band: band), upTo: StoryIndex.bucketScanLimit,
                                to: &candidates)
        }
        candidates.sort()
        var best: (slot: Int, jaccard: Double)?
        var previous: Int32 = -1
        for slot in candidates where slot != previous {
            previous = slot
            let jaccard = estimatedJaccard(article, signedMember: Int(slot))
            // Slots come in ascending order: on a tie the earliest-added member stays.
            guard jaccard >= settings.nearDuplicateJaccard, best == nil || jaccard > best!.jaccard else { continue }
            best = (Int(slot), jaccard)
        }
        return best?.slot
    }

    private func sameStory(as article: StoryFeatures) -> Int? {
        guard let day = article.day, article.titleTerms.count >= settings.minSharedTitleTerms,
              !article.signature.isEmpty || article.entities.count >= settings.minSharedEntities else { return nil }
        // Each member sharing a title word on a day of the window, once per word and day: sorted,
        // a member's run is the number it shares (a dictionary of counts cost twice as much).
        var sharing: [Int32] = []
        for term in article.titleTerms {
            for offset in -settings.windowDays...settings.windowDays {
                // A word in that many titles of one day names no particular story.
                let before = sharing.count
                if !titlePostings.appendSlots(of: Self.postingKey(term, day: day + offset), upTo: StoryIndex.titlePostingLimit,
                                              to: &sharing) {
                    sharing.removeSubrange(before...)
                }
            }
        }
        sharing.sort()
        var best: (slot: Int, score: Int)?
        var runStart = 0
        while runStart < sharing.count {
            let slot = sharing[runStart]
            var runEnd = runStart + 1
            while runEnd < sharing.count, sharing[runEnd] == slot { runEnd += 1 }
            let terms = runEnd - runStart
            runStart = runEnd
            guard terms >= settings.minSharedTitleTerms else { continue }
            let shorter = min(article.titleTerms.count, features[Int(slot)].titleTerms.count)
            guard Double(terms) >= settings.minTitleOverlap * Double(shorter) else { continue }
            let entities = Self.sharedCount(article.entities, features[Int(slot)].entities)
            guard bodiesAgree(article, member: Int(slot), sharedEntities: entities) else { continue }
            // Slots come in ascending order: on a tie the earliest-added member stays.
            let score = terms + entities
            if best == nil || score > best!.score { best = (Int(slot), score) }
        }
        return best?.slot
    }

    /// Whether two texts whose headlines agree tell one story in their bodies too: they share
    /// some text (a version cut to length, a re-issue with paragraphs dropped and added), or
    /// they name the same people, places and organizations, enough of them names few other
    /// articles carry (two outlets' own write-ups of one event). A shared headline is no evidence
    /// alone (recurring headlines, aggregator pages that put other text under a reused
    /// headline), and neither are shared common names ("United States", "Reuters").
    private func bodiesAgree(_ article: StoryFeatures, member slot: Int, sharedEntities: Int) -> Bool {
        if estimatedJaccard(article, member: slot) >= settings.sameStoryJaccard { return true }
        return sharedEntities >= settings.minSharedEntities
            && distinctiveSharedCount(article.entities, features[slot].entities) >= settings.minSharedDistinctiveEntities
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
