// A deterministic corpus generator: N articles in the seed's plain-text formats, recombined from seeds.
import BriefCore
import Foundation

/// Writes synthetic libraries for benchmarks and scale tests.
///
/// Article `i` depends only on the seed material, the `seed` number and `i` (not on N), so a
/// corpus of 10,000 is the first 10,000 of a corpus of 100,000. Titles, dates (in the usual
/// news formats), paragraphs with entities and topic terms, and promo blocks are recombined
/// from the seed articles given and from a built-in vocabulary (`CorpusVocabulary`), so the
/// generator works with a single seed article or none.
public struct CorpusGenerator: Sendable {
    /// Material to recombine.
    public struct Material: Sendable {
        public var titles: [String]
        public var paragraphs: [String]
        public var promoLines: [String]

        public init(titles: [String] = [], paragraphs: [String] = [], promoLines: [String] = []) {
            self.titles = titles
            self.paragraphs = paragraphs
            self.promoLines = promoLines
        }
    }

    public struct GeneratedFile: Sendable, Hashable {
        /// Path relative to the corpus directory (`0003/article-003417.txt`).
        public var relativePath: String
        public var text: String
        /// What the generator put in: the names it filled into slots, by type, and the topics
        /// whose sentences it used (with how many), for benchmarks that need annotated articles
        /// before a real recognizer and classifier exist, and for checking them after.
        public var plantedEntities: [EntitySpan]
        public var plantedTopics: [TopicMatch]
        public var plantedDate: ArticleDate
    }

    /// The index of a generated file from its name (`article-003417.txt` → 3417).
    public static func index(ofPath path: String) -> Int? {
        guard let name = path.split(separator: "/").last, name.hasPrefix("article-"), name.hasSuffix(".txt") else { return nil }
        return Int(name.dropFirst("article-".count).dropLast(".txt".count))
    }

    public var material: Material
    public var seed: UInt64

    public init(material: Material = Material(), seed: UInt64 = 2023) {
        self.material = material
        self.seed = seed
    }

    /// Builds the material from seed article files, read by the article pipeline: kept
    /// paragraphs become paragraphs, removed promo lines become promo lines.
    public init(seedFiles: [URL], pipeline: ArticlePipeline = ArticlePipeline(), seed: UInt64 = 2023) {
        var material = Material()
        for url in seedFiles.sorted(by: { $0.path < $1.path }) {
            guard let data = try? Data(contentsOf: url),
                  let articles = try? pipeline.articles(from: data, source: url.path) else { continue }
            for article in articles {
                if !article.title.isEmpty { material.titles.append(article.title) }
                material.paragraphs += article.paragraphs.filter { $0.count >= 60 }
                material.promoLines += article.removed.map(\.text)
            }
        }
        self.init(material: material, seed: seed)
    }

    /// The `index`-th article of the corpus.
    public func file(_ index: Int) -> GeneratedFile {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let vocabulary = CorpusVocabulary.self
        let focus = vocabulary.topicIDs.randomElement(&random)
        var planted = Planted()
        let title = makeTitle(focus: focus, &planted, &random)
        let date = makeDate(&random)
        var paragraphs: [String] = []
        for _ in 0..<random.int(in: 4...9) {
            if !material.paragraphs.isEmpty, random.chance(0.15) {
                paragraphs.append(material.paragraphs.randomElement(&random))
            } else {
                paragraphs.append(makeParagraph(focus: focus, &planted, &random))
            }
        }
        var lines = paragraphs
        if random.chance(0.6) {
            var promo: [String] = []
            if random.chance(0.7) { promo.append(vocabulary.promoMarkers.randomElement(&random)) }
            let headlines = material.promoLines + vocabulary.unrelatedHeadlines
            for _ in 0..<random.int(in: 2...5) { promo.append(headlines.randomElement(&random)) }
            lines.insert(contentsOf: promo, at: random.int(in: 1...max(1, lines.count - 1)))
        }
        if random.chance(0.3) { lines.append(vocabulary.trailers.randomElement(&random)) }

        var text: String
        if random.chance(0.15) {
            // The header-block form people use for their own files.
            text = "Title: \(title)\nDate: \(date.description)\nSource: \(vocabulary.sites.randomElement(&random))\n\n"
            text += paragraphs.joined(separator: "\n\n") + "\n"
        } else {
            text = "\(title)\n\(formatDate(date, &random))\n"
            text += random.chance(0.3) ? lines.joined(separator: "\n\n") : lines.joined(separator: "\n")
            text += "\n"
        }
        let path = String(format: "%04d/article-%06d.txt", index / 1000, index)
        let spans = planted.entities.map { EntitySpan(paragraph: 0, start: 0, end: 0, text: $0.name, type: $0.type) }
        let topics = planted.topics.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
            TopicMatch(id: $0.key, name: $0.key, score: Double($0.value), terms: [])
        }
        return GeneratedFile(relativePath: path, text: text, plantedEntities: spans, plantedTopics: topics,
                             plantedDate: date)
    }

    /// Writes articles `0..<count` under `directory`, creating it. Returns the files written.
    @discardableResult
    public func write(count: Int, to directory: URL) throws -> [URL] {
        var urls: [URL] = []
        urls.reserveCapacity(count)
        for index in 0..<count {
            let generated = file(index)
            let url = directory.appendingPathComponent(generated.relativePath)
            if index % 1000 == 0 {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            try writeFile(url.path, generated.text)
            urls.append(url)
        }
        return urls
    }

    /// A plain write: Foundation's `Data.write` syncs every file to disk, far too slow for 100,000.
    private func writeFile(_ path: String, _ text: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        var bytes = Array(text.utf8)
        let written = bytes.withUnsafeMutableBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: path]) }
    }

    // MARK: Pieces

    private struct Planted {
        var entities: [(type: EntityType, name: String)] = []
        var topics: [String: Int] = [:]
    }

    private func makeTitle(focus: String, _ planted: inout Planted, _ random: inout SplitMix64) -> String {
        if !material.titles.isEmpty, random.chance(0.1) { return material.titles.randomElement(&random) }
        let template = CorpusVocabulary.titleTemplates.randomElement(&random)
        return fill(template, &planted, &random)
    }

    private func makeParagraph(focus: String, _ planted: inout Planted, _ random: inout SplitMix64) -> String {
        var sentences: [String] = []
        for _ in 0..<random.int(in: 2...4) {
            let topic = random.chance(0.6) ? focus : CorpusVocabulary.topicIDs.randomElement(&random)
            if topic != "general" { planted.topics[topic, default: 0] += 1 }
            sentences.append(fill(CorpusVocabulary.topicSentences[topic]!.randomElement(&random), &planted, &random))
        }
        return sentences.joined(separator: " ")
    }

    /// Replaces `{person}`, `{place}`, `{org}`, `{nationality}`, `{number}` slots; a sentence
    /// that starts with a slot (`the Pentagon said`) starts with a capital.
    private func fill(_ template: String, _ planted: inout Planted, _ random: inout SplitMix64) -> String {
        let filled = fillSlots(template, &planted, &random)
        guard let first = filled.first, first.isLowercase else { return filled }
        return first.uppercased() + filled.dropFirst()
    }

    private func fillSlots(_ template: String, _ planted: inout Planted, _ random: inout SplitMix64) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            func name(_ type: EntityType, _ pool: [String]) -> String {
                let name = pool.randomElement(&random)
                // Canonical names drop a leading article: "the Pentagon" is "Pentagon".
                planted.entities.append((type, name.hasPrefix("the ") ? String(name.dropFirst(4)) : name))
                return name
            }
            switch rest[rest.index(after: open)..<close] {
            case "person": result += name(.person, CorpusVocabulary.people)
            case "place": result += name(.place, CorpusVocabulary.places)
            case "org": result += name(.organization, CorpusVocabulary.organizations)
            case "nationality": result += name(.nationality, CorpusVocabulary.nationalities)
            case "number": result += String(random.int(in: 2...900))
            default: result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    private func makeDate(_ random: inout SplitMix64) -> ArticleDate {
        // Six years of news, 2019-01-01 onwards.
        ArticleDate(daysSinceEpoch: ArticleDate(year: 2019, month: 1, day: 1).daysSinceEpoch + random.int(in: 0...(6 * 365)))
    }

    private func formatDate(_ date: ArticleDate, _ random: inout SplitMix64) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December"]
        let weekdays = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
        let month = months[date.month - 1]
        let short = String(month.prefix(3))
        let weekday = weekdays[((date.daysSinceEpoch % 7) + 7) % 7]
        switch random.int(in: 0...5) {
        case 0: return "\(short) \(date.day), \(date.year)"
        case 1: return "\(month) \(date.day), \(date.year)"
        case 2: return date.description
        case 3: return "\(date.day) \(short) \(date.year)"
        case 4: return "Published: \(month) \(date.day), \(date.year) \(random.int(in: 0...23)):\(String(format: "%02d", random.int(in: 0...59))) UTC"
        default: return "\(weekday), \(short) \(date.day), \(date.year)"
        }
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same corpus everywhere
/// (and the benchmarks the same text every run).
package struct SplitMix64 {
    private var state: UInt64
    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    package mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    package mutating func pick<Element>(_ items: [Element]) -> Element {
        items[int(in: 0...(items.count - 1))]
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }
}

extension Array {
    fileprivate func randomElement(_ random: inout SplitMix64) -> Element {
        random.pick(self)
    }
}

