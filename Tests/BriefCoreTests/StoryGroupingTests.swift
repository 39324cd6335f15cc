// Story grouping: MinHash near-duplicates through LSH, same story in other words, stable ids.
import Foundation
import Testing
@testable import BriefCore

@Suite("Story grouping")
struct StoryGroupingTests {
    static let launch = [
        "Japan's space agency launched its new H3 rocket from the Tanegashima Space Center on Saturday, placing a radar satellite in orbit after two earlier attempts had failed.",
        "Officials at JAXA said the second stage ignited on schedule and separated cleanly, and ground stations in Okinawa and Chile tracked the satellite as it unfolded its solar panels.",
        "The programme had been delayed by more than a year after the first flight was destroyed by command when its second stage failed to fire, a setback for Japan's commercial launch ambitions.",
        "Mitsubishi Heavy Industries, which builds the rocket, hopes to halve the cost of a launch compared with the H-IIA and to win contracts from foreign satellite operators next year.",
        "Analysts in Tokyo said the success would matter for the country's plans to deploy a constellation of small reconnaissance satellites watching North Korean missile sites.",
    ]

    static let harbour = [
        "Dock workers in Rotterdam walked out on Monday over a dispute about automation at the container terminals, leaving dozens of ships waiting at anchor in the North Sea.",
        "The union said the port authority had broken a promise to consult staff before installing remote-controlled cranes, while the operators said the machines would create new jobs.",
        "Shipping lines warned that the stoppage could ripple through European supply chains within days, with refrigerated cargo and car carriers among the first to be diverted to Antwerp.",
        "A mediator appointed by the Dutch government is expected to meet both sides on Wednesday, though neither has signalled a willingness to give ground on the number of crane operators.",
    ]

    static func article(_ source: String, title: String, paragraphs: [String], day: Int = 9,
                        entities: [(String, EntityType)] = []) -> Article {
        var article = Article(source: source, format: .text, title: title, date: ArticleDate(year: 2024, month: 2, day: day),
                              paragraphs: paragraphs)
        article.entities = entities.map { EntitySpan(paragraph: 0, start: 0, end: 1, text: $0.0, type: $0.1) }
        return article
    }

    /// The text re-wrapped at 60 columns and joined back as another outlet's scraper would leave it.
    static func rewrapped(_ paragraphs: [String]) -> [String] {
        paragraphs.map { paragraph in
            var lines: [String] = []
            var line = ""
            for word in paragraph.split(separator: " ") {
                if line.count + word.count > 60 { lines.append(line); line = "" }
                line += (line.isEmpty ? "" : " ") + word
            }
            lines.append(line)
            return lines.joined(separator: "\n")
        }
    }

    @Test func aRewrappedCopyWithAnotherPromoAndHeadlineIsTheSameStory() {
        let original = Self.article("/wire/h3.txt", title: "Japan's H3 rocket reaches orbit", paragraphs: Self.launch)
        var copy = Self.rewrapped(Self.launch)
        copy.insert("Subscribe to The Daily Orbit for the week's launches, delivered free every Friday morning.", at: 2)
        copy.removeLast()
        let reissue = Self.article("/outlet/h3-copy.txt", title: "H3 finally flies: Japan puts radar satellite in orbit",
                                   paragraphs: copy, day: 10)
        let original_ = StoryFeatures(original)
        let reissue_ = StoryFeatures(reissue)
        #expect(original_.estimatedJaccard(reissue_) >= StorySettings.standard.nearDuplicateJaccard)
        var index = StoryIndex()
        let first = index.add(original_, id: original.id)
        let second = index.add(reissue_, id: reissue.id)
        #expect(first.match == .founded)
        #expect(second.match == .nearDuplicate)
        #expect(second.story == first.story)
        #expect(first.story == StoryID.of(articleID: original.id), "the story is named after its first member")
    }

    @Test func articlesSharingOneParagraphAreDifferentStories() {
        let launch = Self.article("/a/launch.txt", title: "Japan's H3 rocket reaches orbit", paragraphs: Self.launch)
        // A port story that quotes one paragraph of the launch story.
        let port = Self.article("/b/port.txt", title: "Rotterdam dock strike strands ships",
                                paragraphs: Self.harbour + [Self.launch[3]])
        var index = StoryIndex()
        let first = index.add(StoryFeatures(launch), id: launch.id)
        let second = index.add(StoryFeatures(port), id: port.id)
        #expect(StoryFeatures(launch).estimatedJaccard(StoryFeatures(port)) < 0.3)
        #expect(second.match == .founded)
        #expect(second.story != first.story)
    }

    @Test func theSameStoryInOtherWordsJoinsWithinTheWindowOnly() {
        let entities: [(String, EntityType)] = [("Rotterdam", .place), ("Antwerp", .place), ("Port of Rotterdam Authority", .organization)]
        let strike = Self.article("/a/strike.txt", title: "Rotterdam dock workers strike over crane automation",
                                  paragraphs: Self.harbour, day: 5, entities: entities)
        let otherText = [Self.launch[0].replacingOccurrences(of: "Japan", with: "Holland"), "Cranes stood idle on Tuesday."]
        let follow = Self.article("/b/follow.txt", title: "Strike over automation: Rotterdam dock workers stay out",
                                  paragraphs: otherText, day: 7, entities: entities)
        let late = Self.article("/c/late.txt", title: "Rotterdam dock workers strike again over crane automation",
                                paragraphs: [Self.launch[2], Self.launch[4]], day: 20, entities: entities)
        var index = StoryIndex()
        let first = index.add(StoryFeatures(strike), id: strike.id)
        let second = index.add(StoryFeatures(follow), id: follow.id)
        let third = index.add(StoryFeatures(late), id: late.id)
        #expect(second.match == .sameStory)
        #expect(second.story == first.story)
        #expect(third.match == .founded, "20 days later is outside the 3-day window")
    }

    /// An index holding more one-line articles naming `names` than the floor below which no name is common.
    static func index(whereCommon names: [(String, EntityType)]) -> StoryIndex {
        var index = StoryIndex()
        for number in 0..<(StorySettings.standard.commonEntityMinArticles + 5) {
            let filler = article("/wire/\(number).txt", title: "Note \(number)", paragraphs: ["Filler \(number)."], day: 1, entities: names)
            index.add(StoryFeatures(filler), id: filler.id)
        }
        return index
    }

    @Test func aReissueCutToLengthUnderANewHeadlineJoinsItsStory() {
        let entities: [(String, EntityType)] = [("JAXA", .organization), ("Tanegashima Space Center", .place), ("Japan", .place)]
        let original = Self.article("/wire/h3.txt", title: "Japan's H3 rocket reaches orbit on third attempt",
                                    paragraphs: Self.launch, day: 9, entities: entities)
        // Another outlet runs the lead and one more paragraph, re-wrapped, with a line of its own.
        let cut = Self.article("/outlet/h3-brief.txt", title: "H3 rocket reaches orbit for Japan at third attempt",
                               paragraphs: Self.rewrapped([Self.launch[0], Self.launch[3]])
                                   + ["The Harbor Times will update this story as more details emerge."],
                               day: 10, entities: entities)
        let jaccard = StoryFeatures(original).estimatedJaccard(StoryFeatures(cut))
        #expect(jaccard < StorySettings.standard.nearDuplicateJaccard, "too little text is left for a near-duplicate")
        // The names are common, so only the shared sentences can make the two one story.
        var index = Self.index(whereCommon: entities)
        let first = index.add(StoryFeatures(original), id: original.id)
        let second = index.add(StoryFeatures(cut), id: cut.id)
        #expect(second.match == .sameStory)
        #expect(second.story == first.story)
    }

    @Test func twoStoriesUnderOneHeadlineNamingTheSameCountriesStayApart() {
        let countries: [(String, EntityType)] = [("United States", .place), ("China", .place), ("European Union", .organization)]
        var index = Self.index(whereCommon: countries)
        // A recurring headline over two different texts: one on the launch, one on the port strike.
        let monday = Self.article("/a/briefing.txt", title: "Global trade briefing: tariffs, ports and markets",
                                  paragraphs: Self.launch, day: 9, entities: countries + [("JAXA", .organization)])
        let tuesday = Self.article("/b/briefing.txt", title: "Global trade briefing: tariffs, ports and markets",
                                   paragraphs: Self.harbour, day: 10, entities: countries + [("Rotterdam", .place)])
        let first = index.add(StoryFeatures(monday), id: monday.id)
        let second = index.add(StoryFeatures(tuesday), id: tuesday.id)
        #expect(first.match == .founded)
        #expect(second.match == .founded, "a shared headline and common names are no shared story")
        #expect(second.story != first.story)
    }

    @Test func independentWriteUpsNamingTheSamePeopleJoin() {
        let entities: [(String, EntityType)] = [("Rotterdam", .place), ("Antwerp", .place), ("Port of Rotterdam Authority", .organization)]
        var index = Self.index(whereCommon: [("Netherlands", .place)])
        let first = Self.article("/a/strike.txt", title: "Rotterdam dock workers strike over crane automation",
                                 paragraphs: Self.harbour, day: 5, entities: entities + [("Netherlands", .place)])
        // Another outlet's own text: no sentence in common, the same port and the same people.
        let second = Self.article("/b/strike.txt", title: "Crane automation dispute: Rotterdam dock workers walk out",
                                  paragraphs: ["Container traffic through Rotterdam stopped as crews left the quays.",
                                               "Antwerp is taking diverted ships, the Port of Rotterdam Authority said."],
                                  day: 6, entities: entities + [("Netherlands", .place)])
        #expect(StoryFeatures(first).estimatedJaccard(StoryFeatures(second)) < StorySettings.standard.sameStoryJaccard)
        let founded = index.add(StoryFeatures(first), id: first.id)
        let joined = index.add(StoryFeatures(second), id: second.id)
        #expect(joined.match == .sameStory)
        #expect(joined.story == founded.story)
    }

    @Test func sharedTitleWordsWithoutSharedEntitiesAreNotOneStory() {
        let a = Self.article("/a/1.txt", title: "Dock workers strike over crane automation", paragraphs: Self.harbour,
                             entities: [("Rotterdam", .place), ("Antwerp", .place)])
        let b = Self.article("/b/2.txt", title: "Dock workers strike over automation plans", paragraphs: Self.launch,
                             entities: [("Los Angeles", .place), ("Long Beach", .place)])
        var index = StoryIndex()
        index.add(StoryFeatures(a), id: a.id)
        #expect(index.add(StoryFeatures(b), id: b.id).match == .founded)
    }

    @Test func groupingInMemoryPutsTheLongestVersionFirstAndNamesTheStoryAfterItsFirstMember() {
        let short = Self.article("/z/short.txt", title: "Japan's H3 rocket reaches orbit", paragraphs: Array(Self.launch.dropLast()), day: 8)
        let long = Self.article("/a/long.txt", title: "H3 reaches orbit", paragraphs: Self.launch, day: 9)
        let other = Self.article("/b/port.txt", title: "Rotterdam dock strike", paragraphs: Self.harbour)
        let stories = StoryGrouping.stories(of: [long, other, short])
        #expect(stories.count == 2)
        let launch = stories.first { $0.members.count == 2 }
        #expect(launch?.members == [0, 2], "the longest text first")
        #expect(launch?.id == StoryID.of(articleID: long.id), "named after the first member in the order given, as the cache names it")
    }

    /// Many overlapping articles: copies of a few texts, each with a line of its own (crowded LSH
    /// buckets); texts of their own under a recurring headline (new stories), some with a shared
    /// paragraph (one story in other words); titles drawn from a few words plus one in every title
    /// (a word over the per-day posting limit), names common and rare, over two days.
    static func overlappingArticles(_ count: Int) -> [Article] {
        let sentences = launch + harbour
        let words = ["rocket", "orbit", "strike", "harbour", "cranes", "satellite", "workers", "launch", "union", "tokyo"]
        let vocabulary = (launch + harbour).joined(separator: " ").split(separator: " ").map(String.init)
        let shared = "The regional council approved a new budget for bridges, ferries and cycle lanes after a debate that ran past midnight in the old town hall by the river."
        return (0..<count).map { number in
            let start = number * 5 % sentences.count, length = 2 + number % 3
            var paragraphs = (0..<length).map { sentences[(start + $0) % sentences.count] }
            var names: [(String, EntityType)] = [("Rotterdam", .place), ("Person \(number % 40)", .person),
                                                 ("Agency \(number % 25)", .organization), ("Town \(number % 9)", .place)]
            if number % 10 == 3 || number % 10 == 7 {
                // Words in an order of its own: no other text shares its shingles.
                let own = (0..<40).map { vocabulary[Int(MinHash.mix(UInt64(number * 1_000 + $0)) % UInt64(vocabulary.count))] }
                paragraphs = [own.joined(separator: " ")] + (number % 20 == 7 ? [shared] : [])
                // The others of one story share only names, 25 articles each: rare until the last few.
                if number % 20 == 17 {
                    names = [("Mayor \(number % 60)", .person), ("Council \(number % 60)", .organization), ("Harbour \(number % 60)", .place)]
                }
            } else {
                paragraphs.append("Reporter \(number) added a line of her own about the desk and the weather in \(number % 17) towns.")
            }
            let title = number % 10 == 7 ? "Council approves budget for bridges and ferries"
                : "Update " + (0..<3).map { words[(number * ($0 + 3) + $0) % words.count] }.joined(separator: " ")
            return article("/wire/\(number).txt", title: title, paragraphs: paragraphs, day: 9 + number % 2, entities: names)
        }
    }

    @Test func anIndexLoadedAtOnceAssignsLaterArticlesAsOneBuiltArticleByArticle() {
        let articles = Self.overlappingArticles(1_500).map { ($0.id, StoryFeatures($0)) }
        let cached = 1_000
        var builtOneByOne = StoryIndex()
        let cachedStories = articles.prefix(cached).map { builtOneByOne.add($0.1, id: $0.0).story }
        var loaded = StoryIndex(features: articles.prefix(cached).map(\.1), stories: cachedStories)
        #expect(loaded.count == cached)
        var matches: Set<StoryMatch> = []
        for (id, features) in articles.dropFirst(cached) {
            let expected = builtOneByOne.add(features, id: id), assigned = loaded.add(features, id: id)
            #expect(assigned == expected, "\(id)")
            matches.insert(assigned.match)
        }
        #expect(matches == [.founded, .nearDuplicate, .sameStory], "the articles exercise every rule")
    }

    @Test func slotListsGiveAKeysSlotsInTheOrderAddedAndSayWhenALimitCutsThemShort() {
        // A thousand keys make the table grow and probe past each other; one of them is zero.
        var lists = SlotLists(keys: [1 << 40, 5, 1 << 40], slots: [0, 1, 2])
        var expected: [UInt64: [Int32]] = [1 << 40: [0, 2], 5: [1]]
        for slot in Int32(3)..<2_000 {
            let key = UInt64(slot % 1_000) << 20 | UInt64(slot % 1_000 % 3)
            lists.append(slot, to: key)
            expected[key, default: []].append(slot)
        }
        lists.append(2_000, to: 1 << 40)
        expected[1 << 40]!.append(2_000)
        for (key, slots) in expected {
            var all: [Int32] = []
            #expect(lists.appendSlots(of: key, upTo: .max, to: &all))
            #expect(all == slots, "key \(key)")
            var first: [Int32] = []
            #expect(lists.appendSlots(of: key, upTo: 1, to: &first) == (slots.count == 1))
            #expect(first == [slots[0]])
        }
        var none: [Int32] = []
        #expect(lists.appendSlots(of: 99, upTo: 10, to: &none) && none.isEmpty)
    }

    @Test func featuresSurviveTheirStoredForm() {
        let features = StoryFeatures(Self.article("/a/launch.txt", title: "Japan's H3 rocket reaches orbit", paragraphs: Self.launch,
                                                  entities: [("JAXA", .organization)]))
        #expect(features.signature.count == MinHashShape.hashes)
        #expect(StoryFeatures(encoded: features.encoded, day: features.day, length: features.length) == features)
        #expect(StoryFeatures(encoded: Data([1, 2, 3]), day: nil, length: 0) == nil)
        // Four bytes a title word or name (in eight they cost 90 MB at 1,000,000 articles), two a
        // signature value (in four, 128 MB): the stored form is what story grouping compares.
        #expect(!features.titleTerms.isEmpty && !features.entities.isEmpty)
        #expect(features.signature.allSatisfy { $0 <= UInt32(UInt16.max) } && features.signature.contains { $0 > 255 })
        #expect(features.encoded.count == 12 + 2 * features.signature.count + 4 * (features.titleTerms.count + features.entities.count))
    }

    @Test func aOneLineTextIsNeverANearDuplicate() {
        let a = Self.article("/a/1.txt", title: "Briefly", paragraphs: ["Markets closed higher."])
        #expect(StoryFeatures(a).signature.isEmpty)
        var index = StoryIndex()
        index.add(StoryFeatures(a), id: a.id)
        let b = Self.article("/b/1.txt", title: "Briefly", paragraphs: ["Markets closed higher."])
        #expect(index.add(StoryFeatures(b), id: b.id).match == .founded)
    }

    @Test func storyFilterMatchesTheArticlesOfThatStoryAndPrintsBack() throws {
        let query = try FilterQuery("story:S0123abc -source:wire")
        #expect(query.expression == .and([.story("s0123abc"), .not(.source("wire"))]))
        #expect(try FilterQuery(query.expression.queryText).expression == query.expression)
        let article = Self.article("/outlet/h3.txt", title: "H3", paragraphs: Self.launch)
        #expect(query.matches(article, flags: .unread, story: "s0123abc"))
        #expect(!query.matches(article, flags: .unread, story: "s999"))
        #expect(!query.matches(article, flags: .unread), "an article never grouped is in no story")
    }
}
